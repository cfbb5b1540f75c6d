import Foundation
import KPICascade
import Testing

@testable import Workshop

@Suite("Steps 2–6")
struct LaterStepsTests {
  @Test func theFixtureReachesStepSixWithEveryTestPassing() {
    let room = Room.complete()
    #expect(room.workshop.step == .govern)
    #expect(room.question == nil)
    #expect(room.replies.allSatisfy { $0.refusal == nil })
    let report = AlignmentReport(cascade: room.cascade)
    #expect(report.failures.isEmpty)
    #expect(room.cascade.departments.count == 5)
    #expect(room.cascade.departmentKPIs.count == 9)
  }

  @Test func stepTwoRecordsNothingAsNoContributionAndShowsTheMatrix() {
    var room = Room()
    room.say("Revenue growth", ">= 20% YoY", "Dana Ruiz", "", "yes", "Sales", "Sam Lee", "")
    room.say("Legal", "Lee Wong", "other", "")
    #expect(room.say("").refusal == "Type what Sales does, or 'nothing'.")
    room.say("Closes new business")
    let reply = room.say("nothing")
    #expect(room.cascade.contribution(companyKPI: "c1", department: "d2")?.text == nil)
    #expect(reply.text.contains("Line of sight"))
    #expect(reply.text.contains("[FAIL] Legal moves no company KPI."))
    #expect(room.workshop.step == .select)
  }

  @Test func stepThreeAsksLeadTimeLinkTargetAndTensionAndRefusesAVagueLeadTime() {
    var room = Room()
    room.say("Revenue growth", ">= 20% YoY", "Dana Ruiz", "", "yes", "Sales", "Sam Lee", "", "")
    room.say("Closes new business", "Pipeline coverage")
    #expect(room.question?.key == .leadTime(kpi: "k1"))
    #expect(room.say("soon").refusal?.hasPrefix("A lead time is a number of days") == true)
    let lead = room.say("6 weeks")
    #expect(room.cascade.departmentKPI("k1")?.leadTimeDays == 42)
    #expect(lead.text.contains("[pass]"))
    #expect(room.say("").refusal?.contains("vanity metric") == true)
    room.say("Coverage today is revenue next quarter.")
    let refused = room.say("increase it")
    #expect(refused.refusal?.hasPrefix("'increase it' is a goal, not a measurable target.") == true)
    #expect(room.cascade.departmentKPI("k1")?.target == nil)
    // Typing the same thing again keeps it, flagged.
    let target = room.say("increase it")
    #expect(target.refusal == nil)
    #expect(target.text.contains("[FAIL]"))
    #expect(room.cascade.departmentKPI("k1")?.target == "increase it")
    #expect(room.question?.key == .tension(kpi: "k1"))
    room.say("no")
    #expect(room.cascade.departmentKPI("k1")?.tension == Tension.none)
  }

  @Test func aLaggingLeadTimeIsAcceptedAndFlagged() {
    var room = Room()
    room.say("Revenue growth", ">= 20% YoY", "Dana Ruiz", "", "yes", "Sales", "Sam Lee", "", "")
    room.say("Closes new business", "Bookings")
    let reply = room.say("0")
    #expect(reply.text.contains("[warn]"))
    #expect(room.cascade.departmentKPI("k1")?.leadTimeDays == 0)
  }

  @Test func theSameKPINameInAnotherDepartmentBecomesASharedMetric() {
    var room = Room()
    room.say("Customer lifetime value", ">= $1,200", "Dana Ruiz", "", "yes")
    room.say("Sales", "Sam Lee", "", "Customer Success", "Cara Diaz", "", "")
    room.say("Sells bigger plans", "Upsells at renewal")
    room.say("Expansion revenue", "45", "Expansion lifts lifetime value.", ">= 15%", "no", "")
    let reply = room.say("expansion revenue")
    #expect(reply.text.contains("shared metric"))
    #expect(room.cascade.departmentKPI("k1")?.contributors == ["d2"])
    #expect(room.cascade.departments[1].kpis.isEmpty)
  }

  @Test func aStructuralConflictIsResolvedByAdjustingOneKPI() {
    var room = Room.throughSelection()
    guard case .conflict(let conflict)? = room.question?.key else {
      Issue.record("expected a conflict question, got \(String(describing: room.question))")
      return
    }
    #expect(conflict.origin == .classic)
    room.say("yes")
    #expect(room.cascade.conflict(conflict.first, conflict.second)?.structural == true)
    #expect(room.say("Nothing like this").refusal?.hasPrefix("No KPI called") == true)
    room.say("Average discount")
    room.say("")
    #expect(room.say("").refusal?.hasPrefix("Nothing changed") == true)
    let done = room.say("<= 10%")
    #expect(done.text.contains("target <= 12% → <= 10%"))
    let resolution = room.cascade.conflict(conflict.first, conflict.second)?.resolution
    #expect(
      resolution
        == Resolution(
          kpi: "k4", oldName: "Average discount", newName: "Average discount", oldTarget: "<= 12%",
          newTarget: "<= 10%"))
    #expect(room.cascade.departmentKPI("k4")?.target == "<= 10%")
  }

  @Test func acceptingAFindingRecordsTheReasonAndClosesIt() {
    var room = Room.complete()
    let before = AlignmentReport(cascade: room.cascade).open.map(\.id)
    #expect(before.contains("counts:level-2"))
    room.say("/accept counts:level-2 because Finance tracks one indicator this year")
    #expect(
      room.cascade.overrides == [
        Override(finding: "counts:level-2", reason: "Finance tracks one indicator this year")
      ])
    #expect(!AlignmentReport(cascade: room.cascade).open.map(\.id).contains("counts:level-2"))
    #expect(room.say("/accept counts:level-2").refusal == "Usage: /accept FINDING because REASON")
  }

  @Test func governanceProposesCadencesFromVelocity() {
    var room = Room.complete()
    #expect(room.cascade.governance.operationalReview == .weekly)
    #expect(room.cascade.governance.strategicReview == .monthly)
    #expect(room.cascade.governance.alignmentReview == "2027-02-26")
    #expect(room.cascade.governance.annualRealignment == "2027-11-26")
    room.say("/undo", "/undo", "/undo", "/undo", "/undo", "/undo", "/undo")
    #expect(room.question?.key == .strategicReview)
    let reply = room.say("quarterly")
    #expect(reply.text.contains("[warn]"))
  }

  @Test func replayingTheTranscriptRebuildsTheSameSession() throws {
    let room = Room.complete()
    let rebuilt = try Session(info: room.session.info, exchanges: room.session.exchanges)
    #expect(rebuilt.cascade == room.cascade)
    #expect(rebuilt.progress == room.session.progress)
  }
}

@Suite("Ids, overrides and locked company KPIs")
struct LockedAndIdentityTests {
  @Test func aRemovedKPIsIdIsNeverReusedAndItsAcceptedFindingsGoWithIt() {
    var room = Room.complete()
    let finance = room.cascade.departments.last!.kpis[0]
    room.say(#"/lead "\#(finance.name)" 12"#)
    room.say("/accept lead-time:\(finance.id) because one indicator this year")
    #expect(room.cascade.overrides.map(\.finding) == ["lead-time:\(finance.id)"])
    room.say("/remove Finance")
    #expect(room.cascade.overrides.isEmpty)
    room.say("/add department", "Legal", "Lee Wong", "other", "")
    #expect(room.cascade.departments.last?.id == "d6")
    room.say("/add kpi Sales Revenue", "Win rate")
    #expect(room.cascade.departmentKPI("k10")?.name == "Win rate")
  }

  @Test func replacingALockedExecutiveNeedsAReason() {
    var room = Room.complete()
    let refused = room.say("/owner Revenue Bo Li")
    #expect(refused.refusal?.contains("because REASON") == true)
    #expect(room.cascade.companyKPIs[0].owner == "Dana Ruiz (CEO)")
    room.say("/owner Revenue Bo Li because Dana moved to the board")
    #expect(room.cascade.companyKPIs[0].owner == "Bo Li")
    #expect(
      room.cascade.companyKPIs[0].changes == [
        LockedChange(what: "executive: Dana Ruiz (CEO) → Bo Li", reason: "Dana moved to the board")
      ])
  }

  @Test func noCompanyKPIIsAddedOnceLocked() {
    #expect(throws: CascadeError.self) {
      try Cascade(events: [
        .companyKPIAdded(id: "c1", name: "Revenue"), .companyKPIsLocked(on: "2026-11-26"),
        .companyKPIAdded(id: "c2", name: "Margin"),
      ])
    }
    var room = Room.complete()
    #expect(room.say("/add company-kpi").refusal?.contains("locked") == true)
  }
}

@Suite("Level 3 in step 5")
struct LevelThreeTests {
  @Test func theFixturesIndividualKPIsAreRecordedUnderTheirDepartmentKPI() {
    let room = Room.complete()
    #expect(
      room.cascade.individualKPIs.map(\.name) == [
        "Discovery calls held", "Qualified opportunities created", "Proposals sent",
      ])
    #expect(room.cascade.individualKPIs.allSatisfy { $0.parent == "k1" && $0.role == "Account executives" })
    #expect(room.cascade.individualKPIs.map(\.owner) == ["Ava Stone", "Ava Stone", "Ava Stone"])
    #expect(
      room.cascade.individualKPIs.map(\.target) == [">= 40 per week", ">= 12 per month", ">= 8 per month"])
  }

  @Test func stepFiveAsksForIndividualKPIsAfterEachOwnerAndEnterSkips() {
    var room = Room.throughSelection()
    room.say(lines: [
      "yes", "Average discount", "", "<= 10%", "no", "yes", "On-time",
      "On-time delivery rate within capacity", "",
    ])
    #expect(room.workshop.step == .assign)
    room.say("Sam Lee")
    #expect(room.question?.key == .individualKPIName(parent: "k1"))
    #expect(
      room.question?.text
        == "Add the individual KPIs that drive Qualified pipeline coverage? Name one, or Enter to go on.")
    room.say("Demos booked")
    #expect(room.question?.key == .individualRole(kpi: "i1"))
    #expect(room.say("").refusal == "Name the role or team, e.g. Account executives.")
    room.say("SDR team", ">= 15 per week")
    #expect(room.question?.key == .owner(kpi: "i1"))
    #expect(room.say("the SDR team").refusal != nil)
    room.say("Kim Park")
    #expect(room.question?.key == .individualKPIName(parent: "k1"))
    room.say("")
    #expect(room.question?.key == .owner(kpi: "k4"))
  }

  @Test func individualKPIsAreFixedAddedAndRemovedByCommand() {
    var room = Room.complete()
    room.say("/retarget Discovery >= 45 per week")
    #expect(room.cascade.individualKPI("i1")?.target == ">= 45 per week")
    room.say("/owner Proposals Lee Wong")
    #expect(room.cascade.individualKPI("i3")?.owner == "Lee Wong")
    room.say("/add individual \"Average discount\"")
    #expect(room.workshop.step == .assign)
    #expect(room.question?.key == .individualKPIName(parent: "k4"))
    let shown = room.say("/show Discovery").text
    #expect(shown.contains("Qualified pipeline coverage"))
    #expect(shown.contains("Discovery calls held  · Account executives · >= 45 per week · Ava Stone"))
    room.say("/remove \"Qualified pipeline coverage\"")
    #expect(room.cascade.individualKPIs.isEmpty)
  }
}

@Suite("/score")
struct ScoreCommandTests {
  @Test func scoreShowsPercentLevelRubricAndNextSteps() {
    var room = Room.complete()
    let score = MaturityScore(cascade: room.cascade)
    let text = room.say("/score").text
    #expect(text.hasPrefix("Maturity \(score.percent)% — \(score.level.title)"))
    for criterion in score.criteria { #expect(text.contains(criterion.title)) }
    #expect(text.contains("1. \(score.nextSteps[0].title) (+\(score.nextSteps[0].weight))"))
  }

  @Test func theScoreMovesWhenTheSessionImproves() {
    var room = Room.complete()
    let before = MaturityScore(cascade: room.cascade).percent
    // Level 3 under one KPI of every other department.
    for parent in [
      "Marketing qualified leads", "Fulfilment cost per order", "Expansion pipeline",
      "Purchase price variance",
    ] {
      room.say("/add individual \"\(parent)\"")
      for n in 1...3 { room.say("\(parent) task \(n)", "\(parent) team", ">= \(n)0 per month", "Kim Park") }
      room.say("")
    }
    let after = MaturityScore(cascade: room.cascade)
    #expect(after.criteria.first { $0.id == "three-levels" }?.isMet == true)
    #expect(after.percent == before + 8)
    #expect(room.say("/score").text.hasPrefix("Maturity \(after.percent)%"))
  }
}

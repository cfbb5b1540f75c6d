import Foundation
import KPICascade
import Testing

@testable import Workshop

@Suite("Undo, back, goto and fixing earlier answers")
struct NavigationTests {
  @Test func undoTakesBackTheLastAnswerAndAsksItAgain() {
    var room = Room()
    room.say("Revenue growth", ">= 20% YoY")
    let reply = room.say("/undo")
    #expect(reply.text.contains("Undone"))
    #expect(room.question?.key == .companyKPITarget(kpi: "c1"))
    #expect(room.cascade.companyKPIs[0].target == nil)
    room.say("/undo")
    #expect(room.cascade.companyKPIs.isEmpty)
    #expect(room.question?.key == .companyKPIName)
    // Undone answers stay in the transcript, marked by later undo exchanges.
    #expect(room.session.exchanges.count == 4)
    #expect(room.session.effectiveExchanges.filter(\.isUndoable).isEmpty)
    let nothing = room.say("/undo")
    #expect(nothing.refusal == "Nothing to undo.")
  }

  @Test func undoReopensAClosedListAndReturnsToItsStep() {
    var room = Room()
    room.say("Revenue growth", ">= 20% YoY", "Dana Ruiz", "", "yes", "Sales", "Sam Lee", "", "")
    #expect(room.workshop.step == .map)
    room.say("/undo")
    #expect(room.workshop.step == .lock)
    #expect(room.question?.key == .departmentName)
    room.say("Marketing", "Mia Chen", "", "")
    #expect(room.cascade.departments.map(\.name) == ["Sales", "Marketing"])
    #expect(room.workshop.step == .map)
  }

  /// Undo replays the session, so every lookup after it (through the cascade's index) answers
  /// about the cascade as it is now: a removed-then-restored KPI, a taken-back rename.
  @Test func lookupsAfterUndoSeeTheCascadeAsItIsNow() {
    var room = Room.throughSelection()
    let before = room.cascade
    room.say("/remove \"Qualified pipe\"")
    #expect(room.cascade.departmentKPI("k1") == nil)
    room.say("/undo")
    #expect(room.cascade == before)
    #expect(room.cascade.departmentKPI("k1")?.name == before.departmentKPI("k1")?.name)
    #expect(room.cascade.owningDepartment(ofKPI: "k1")?.id == before.owningDepartment(ofKPI: "k1")?.id)
    room.say("/rename \"Qualified pipe\" \"Pipeline cover\"")
    #expect(room.cascade.name(of: "k1") == "Pipeline cover")
    room.say("/undo")
    #expect(room.cascade.name(of: "k1") == before.name(of: "k1"))
    // The next answer lands on the KPI the lookups name, not on a stale position.
    room.say("/owner k1 Sam Lee")
    #expect(room.cascade.departmentKPI("k1")?.owner == "Sam Lee")
    #expect(room.cascade.departmentKPIs.filter { $0.owner == "Sam Lee" }.map(\.id) == ["k1"])
  }

  @Test func backNextAndGotoMoveBetweenStepsKeepingAnswers() {
    var room = Room()
    room.say("Revenue growth", ">= 20% YoY", "Dana Ruiz", "", "yes", "Sales", "Sam Lee", "", "")
    room.say("/back")
    #expect(room.workshop.step == .lock)
    #expect(room.question == nil)
    room.say("/goto 5")
    #expect(room.workshop.step == .assign)
    room.say("/next")
    #expect(room.workshop.step == .govern)
    #expect(room.say("/next").refusal?.contains("last step") == true)
    #expect(room.say("/goto 9").refusal == "Steps are numbered 1 to 6.")
    #expect(room.cascade.departments.count == 1)
  }

  @Test func renameRetargetOwnerAndRemoveFixEarlierAnswers() {
    var room = Room.throughSelection()
    room.say("/rename \"Qualified pipe\" \"Qualified pipeline cover\"")
    #expect(room.cascade.departmentKPI("k1")?.name == "Qualified pipeline cover")
    room.say("/retarget qualified >= 3.5x")
    #expect(room.cascade.departmentKPI("k1")?.target == ">= 3.5x")
    room.say("/owner 'Qualified pipeline cover' Sam Lee")
    #expect(room.cascade.departmentKPI("k1")?.owner == "Sam Lee")
    let refused = room.say("/owner qualified Sales team")
    #expect(refused.refusal != nil)
    #expect(room.cascade.departmentKPI("k1")?.owner == "Sam Lee")
    room.say("/remove \"Purchase price variance\"")
    #expect(room.cascade.departmentKPIs.contains { $0.name == "Purchase price variance" } == false)
  }

  @Test func ambiguousAndUnknownNamesAreRefusedWithCandidates() {
    var room = Room.throughSelection()
    let ambiguous = room.say("/retarget f 5")
    #expect(ambiguous.refusal?.contains("could be") == true)
    let unknown = room.say("/retarget Nonexistent 5")
    #expect(unknown.refusal == "No KPI called 'Nonexistent'.")
  }

  @Test func unknownCommandsAndUsageAreExplained() {
    var room = Room()
    #expect(room.say("/frobnicate").refusal?.hasPrefix("Unknown command /frobnicate.") == true)
    #expect(room.say("/rename").refusal == "Usage: /rename NAME NEW-NAME [because REASON]")
    #expect(room.say("/help undo").text.contains("Takes back the last accepted answer"))
    let help = room.say("/help").text
    for command in WorkshopCommand.allCases { #expect(help.contains(command.usage)) }
  }
}

@Suite("Adding and fixing after a step is done")
struct LateChangeTests {
  @Test func addDepartmentReopensTheListAndTheNewDepartmentIsMappedAndSelected() {
    var room = Room.complete()
    room.say("/add department")
    #expect(room.workshop.step == .lock)
    #expect(room.question?.key == .departmentName)
    room.say("IT", "Ivy Tran", "")
    let closing = room.say("")
    #expect(closing.refusal == nil)
    // The new department's contributions are the next open questions, in step 2.
    #expect(room.workshop.step == .map)
    #expect(room.question?.key == .contribution(companyKPI: "c1", department: "d6"))
    #expect(room.cascade.departments.last?.function == .product)
  }

  @Test func addKPIReopensOneContributionsList() {
    var room = Room.complete()
    room.say("/add kpi Sales \"Revenue growth\"")
    #expect(room.workshop.step == .select)
    #expect(room.question?.key == .departmentKPIName(companyKPI: "c1", department: "d1"))
    room.say(
      "Win rate", "45", "A higher win rate turns the same pipeline into more revenue.", ">= 25%", "no", "")
    #expect(room.cascade.departments[0].kpis.map(\.name).contains("Win rate"))
    #expect(room.question?.key == .owner(kpi: "k10"))
  }

  @Test func addKPIForAContributionOfNothingSaysToRecordItFirst() {
    var room = Room.complete()
    let reply = room.say("/add kpi Finance Revenue")
    #expect(reply.refusal?.contains("/contribution") == true)
  }

  @Test func leadLinkHeadContributionAndGovernanceFixOneAnswerEach() {
    var room = Room.complete()
    room.say("/lead Qualified 6 weeks")
    #expect(room.cascade.departmentKPI("k1")?.leadTimeDays == 42)
    #expect(room.say("/lead Qualified soon").refusal?.hasPrefix("A lead time is a number of days") == true)
    room.say("/link Qualified Pipeline today is bookings next quarter.")
    #expect(room.cascade.departmentKPI("k1")?.linkSentence == "Pipeline today is bookings next quarter.")
    room.say("/head Sales Sara Lind")
    #expect(room.cascade.departments[0].head == "Sara Lind")
    #expect(room.say("/head Sales the sales team").refusal != nil)
    room.say("/contribution Finance Revenue Prices the annual plans")
    #expect(room.cascade.contribution(companyKPI: "c1", department: "d5")?.text == "Prices the annual plans")
    room.say("/governance strategic quarterly")
    #expect(room.cascade.governance.strategicReview == .quarterly)
    room.say("/governance process-owner Omar Haddad")
    #expect(room.cascade.governance.processOwner == "Omar Haddad")
    #expect(
      room.say("/governance colour blue").refusal?.hasPrefix("No part of governance called 'colour'") == true)
  }

  @Test func aConflictWithinOneDepartmentIsRefused() {
    var room = Room.complete()
    let reply = room.say("/conflict Qualified Average")
    #expect(reply.refusal == "Both are KPIs of Sales; a conflict is between departments.")
  }
}

@Suite("What the room types by reflex")
struct ReflexAnswerTests {
  @Test func noEndsANameListAndYesAsksForTheName() {
    var room = Room()
    room.say("Revenue growth", ">= 20% YoY", "Dana Ruiz")
    #expect(room.say("yes").refusal == "Type the name itself, or Enter when the list is complete.")
    room.say("no")
    #expect(room.question?.key == .lock)
    #expect(room.cascade.companyKPIs.map(\.name) == ["Revenue growth"])
  }

  @Test func levelThreeListTakesNoAsDone() {
    var room = Room.throughSelection()
    room.say(lines: [
      "yes", "Average discount", "", "<= 10%", "no", "yes", "On-time",
      "On-time delivery rate within capacity", "",
    ])
    room.say("Sam Lee", "no")
    #expect(room.cascade.individualKPIs.isEmpty)
    #expect(room.question?.key == .owner(kpi: "k4"))
  }

  @Test func yesToATensionWithNothingToNameSaysWhatToDo() {
    var room = Room()
    room.say(
      "Revenue growth", ">= 20% YoY", "Dana Ruiz", "", "yes", "Sales", "Sam Lee", "", "", "Closes deals")
    room.say("Pipeline coverage", "45", "Pipeline now is bookings next quarter.", ">= 3x")
    #expect(room.say("yes").refusal?.hasPrefix("No other department has a KPI yet") == true)
  }

  @Test func theOpenQuestionIsNamedAgainAfterAShowOrARefusedCommand() {
    var room = Room()
    room.say("Revenue growth")
    let hint = "\n  A number the board can check, e.g. >= 20% YoY, 42%, $1.2M by Q4."
    #expect(room.say("/show").text.hasSuffix("Still open: Target for Revenue growth?" + hint))
    #expect(room.say("/retarget Nothing 5").text.hasSuffix("Still open: Target for Revenue growth?" + hint))
    #expect(!room.say(">= 20% YoY").text.contains("Still open"))
  }

  @Test func undoSaysWhichAnswerItTookBack() {
    var room = Room()
    room.say("Revenue growth", ">= 20% YoY")
    #expect(
      room.say("/undo").text.hasPrefix("Undone: \">= 20% YoY\" (the answer to: Target for Revenue growth?)"))
  }
}

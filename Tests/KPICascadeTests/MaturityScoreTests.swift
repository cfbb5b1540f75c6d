import Foundation
import Testing

@testable import KPICascade

/// One criterion made unmet, then met by the events a room would apply.
struct Flip: Sendable, CustomTestStringConvertible {
  let criterion: String
  /// The workshop with this criterion unmet.
  let unmet: [CascadeEvent]
  /// What meets it.
  let fix: [CascadeEvent]
  var testDescription: String { criterion }
}

@Suite("MaturityScore")
struct MaturityScoreTests {
  /// Every criterion the room can meet today, each flipped on its own.
  static let flips: [Flip] = [
    Flip(criterion: "dashboard-fed", unmet: ScoreRoom.events(), fix: ScoreRoom.readings),
    Flip(
      criterion: "company-kpi-count", unmet: ScoreRoom.events(extraCompanyKPIs: true),
      fix: [.removed(id: "c6", reason: "Folded into net profit margin")]),
    Flip(
      criterion: "company-targets", unmet: ScoreRoom.events(without: [ScoreRoom.companyKPIs[7]]),
      fix: [ScoreRoom.companyKPIs[7]]),
    Flip(
      criterion: "company-locked", unmet: ScoreRoom.events(without: [ScoreRoom.lock]), fix: [ScoreRoom.lock]),
    Flip(
      criterion: "company-executives", unmet: ScoreRoom.events(without: [ScoreRoom.companyKPIs[2]]),
      fix: [ScoreRoom.companyKPIs[2]]),
    Flip(
      criterion: "departments-cascade", unmet: ScoreRoom.events(without: ScoreRoom.fifthSalesKPI),
      fix: ScoreRoom.fifthSalesKPI),
    Flip(
      criterion: "line-of-sight", unmet: ScoreRoom.events(without: [ScoreRoom.retentionContribution]),
      fix: [ScoreRoom.retentionContribution]),
    Flip(
      criterion: "links-stated",
      unmet: ScoreRoom.events(without: [ScoreRoom.kpi("k1", "d1", "c1", "Qualified pipeline")[1]]),
      fix: [ScoreRoom.kpi("k1", "d1", "c1", "Qualified pipeline")[1]]),
    Flip(
      criterion: "department-outcomes",
      unmet: ScoreRoom.events(without: [.targetSet(kpi: "k2", target: "≥ 40%", reason: nil)]),
      fix: [.targetSet(kpi: "k2", target: "≥ 40%", reason: nil)]),
    // The same criterion met by moving an activity out of Level 2's name.
    Flip(
      criterion: "department-outcomes",
      unmet: ScoreRoom.events() + [.renamed(id: "k2", name: "Sales calls made", reason: nil)],
      fix: [.renamed(id: "k2", name: "Win rate", reason: nil)]),
    Flip(
      criterion: "named-owners",
      unmet: ScoreRoom.events(without: [.ownerSet(kpi: "k3", person: "Priya Shah")]),
      fix: [.ownerSet(kpi: "k3", person: "Priya Shah")]),
    // Cadences set but mismatched: review-cadence moves, rhythm-matches-velocity stays unmet.
    Flip(
      criterion: "review-cadence", unmet: ScoreRoom.events(without: ScoreRoom.cadences),
      fix: ScoreRoom.slowCadences),
    Flip(
      criterion: "three-levels", unmet: ScoreRoom.events(without: ScoreRoom.operationsIndividuals),
      fix: ScoreRoom.operationsIndividuals),
    Flip(
      criterion: "level-3-complete",
      unmet: ScoreRoom.events(without: [.ownerSet(kpi: "i2", person: "Bo Li")]),
      fix: [.ownerSet(kpi: "i2", person: "Bo Li")]),
    Flip(
      criterion: "conflicts-resolved", unmet: ScoreRoom.events(without: [ScoreRoom.conflictAnswered]),
      fix: [ScoreRoom.conflictAnswered]),
    Flip(
      criterion: "rhythm-matches-velocity",
      unmet: ScoreRoom.events(replacing: ScoreRoom.cadences, with: ScoreRoom.slowCadences),
      fix: ScoreRoom.cadences),
    Flip(
      criterion: "governed-process", unmet: ScoreRoom.events(without: [ScoreRoom.missPolicy]),
      fix: [ScoreRoom.missPolicy]),
    Flip(
      criterion: "leading-indicators", unmet: ScoreRoom.events(without: [.leadTimeSet(kpi: "k4", days: 45)]),
      fix: [.leadTimeSet(kpi: "k4", days: 45)]),
  ]

  /// Meeting one criterion adds exactly its weight and changes no other criterion.
  @Test(arguments: flips)
  func meetingACriterionAddsItsWeight(_ flip: Flip) throws {
    var cascade = try Cascade(events: flip.unmet)
    let before = MaturityScore(cascade: cascade)
    let unmet = try #require(before.criteria.first { $0.id == flip.criterion })
    #expect(!unmet.isMet, "\(unmet.detail)")

    for event in flip.fix { try cascade.apply(event) }
    let after = MaturityScore(cascade: cascade)
    let met = try #require(after.criteria.first { $0.id == flip.criterion })
    #expect(met.isMet, "\(met.detail)")
    #expect(after.percent - before.percent == met.weight)
    for (old, new) in zip(before.criteria, after.criteria) where old.id != flip.criterion {
      #expect(old.isMet == new.isMet, "\(old.id) changed too: \(new.detail)")
    }
  }

  @Test func everyCriterionHasAFlip() {
    let ids = Set(MaturityScore(cascade: Cascade()).criteria.map(\.id))
    #expect(Set(Self.flips.map(\.criterion)) == ids)
  }

  /// A complete workshop without readings feeds no dashboard; a stale KPI starves it too.
  @Test func theDashboardIsFedOnlyWhenEveryKPIHasARecentReading() throws {
    let score = MaturityScore(cascade: try Cascade(events: ScoreRoom.events()))
    let dashboard = try #require(score.criteria.first { $0.id == "dashboard-fed" })
    #expect(!dashboard.isMet)
    #expect(dashboard.detail.hasPrefix("no readings yet"))
    #expect(score.criteria.filter { !$0.isMet }.map(\.id) == ["dashboard-fed"])
    #expect(score.percent == 100 - dashboard.weight)
    #expect(score.level == .optimized)

    let later = CascadeEvent.readingsRecorded(readings: [
      Reading(kpi: "c1", day: CalendarDay("2026-05-04")!, value: 21)
    ])
    let stale = MaturityScore(cascade: try Cascade(events: ScoreRoom.events() + ScoreRoom.readings + [later]))
    let starved = try #require(stale.criteria.first { $0.id == "dashboard-fed" })
    #expect(!starved.isMet)
    #expect(starved.detail.hasPrefix("Net profit margin: no reading within its review cadence; "))
    #expect(starved.detail.hasSuffix(" more"))
  }

  @Test func weightsAddUpTo100AndEachLevelTo25() {
    let criteria = MaturityScore(cascade: Cascade()).criteria
    #expect(criteria.map(\.weight).reduce(0, +) == 100)
    #expect(criteria.allSatisfy { $0.weight > 0 })
    for level in MaturityLevel.allCases where level != .fragmented {
      #expect(criteria.filter { $0.level == level }.map(\.weight).reduce(0, +) == 25, "\(level)")
    }
    #expect(!criteria.contains { $0.level == .fragmented })
    #expect(Set(criteria.map(\.id)).count == criteria.count)
    #expect(criteria.map(\.level) == criteria.map(\.level).sorted())
  }

  @Test func anEmptyCascadeScoresNothing() {
    let score = MaturityScore(cascade: Cascade())
    #expect(score.percent == 0)
    #expect(score.level == .fragmented)
    #expect(score.criteria.allSatisfy { !$0.isMet && !$0.detail.isEmpty })
  }

  /// Real workshops that land exactly on the level boundaries.
  @Test func levelsOfRealWorkshops() throws {
    let levelOne = MaturityScore(cascade: try Cascade(events: ScoreRoom.companyKPIs + [ScoreRoom.lock]))
    #expect(levelOne.percent == 25)
    #expect(levelOne.level == .basic)

    // Level 2 done, slow cadences, nothing of Aligned or Optimized.
    let levelTwo = try Cascade(
      events: ScoreRoom.companyKPIs + ScoreRoom.departments + [ScoreRoom.retentionContribution]
        + ScoreRoom.departmentKPIs.filter { if case .leadTimeSet = $0 { false } else { true } }
        + [ScoreRoom.velocity] + ScoreRoom.slowCadences + [ScoreRoom.lock])
    #expect(MaturityScore(cascade: levelTwo).percent == 50)
    #expect(MaturityScore(cascade: levelTwo).level == .structured)

    let almost = try Cascade(
      events: ScoreRoom.events(replacing: ScoreRoom.cadences + ScoreRoom.governance, with: ScoreRoom.cadences)
        .filter { if case .leadTimeSet = $0 { false } else { true } })
    #expect(MaturityScore(cascade: almost).percent == 75)
    #expect(MaturityScore(cascade: almost).level == .aligned)

    let unlocked = MaturityScore(cascade: try Cascade(events: ScoreRoom.events(without: [ScoreRoom.lock])))
    #expect(unlocked.percent == 90)
    #expect(unlocked.level == .optimized)
  }

  @Test func nextStepsStartAtTheLowestLevelThenTheHeaviest() throws {
    let empty = MaturityScore(cascade: Cascade())
    #expect(empty.nextSteps.map(\.id) == ["company-kpi-count", "company-targets", "company-locked"])

    // Heavier Optimized criteria wait behind a lighter Structured one.
    let cascade = try Cascade(
      events: ScoreRoom.events(
        without: ScoreRoom.cadences + [ScoreRoom.missPolicy, ScoreRoom.conflictAnswered]))
    #expect(
      MaturityScore(cascade: cascade).nextSteps.map(\.id) == [
        "review-cadence", "conflicts-resolved", "rhythm-matches-velocity",
      ])
  }

  /// Equal level and weight: rubric order decides, so the advice never wobbles.
  @Test func nextStepTiesFollowTheRubric() throws {
    let cascade = try Cascade(
      events: ScoreRoom.events(without: [ScoreRoom.lock, ScoreRoom.companyKPIs[2]]))
    #expect(
      MaturityScore(cascade: cascade).nextSteps.map(\.id) == [
        "company-locked", "company-executives", "dashboard-fed",
      ])
  }

  @Test func noMoreThanThreeNextSteps() {
    let score = MaturityScore(cascade: Cascade())
    #expect(score.nextSteps.count == MaturityScore.nextStepCount)
    #expect(MaturityScore.nextStepCount == 3)
  }

  /// A warn or fail the room accepted counts as met, and the detail says so.
  @Test func acceptedFindingsCountAsMet() throws {
    let cascade = try Cascade(
      events: ScoreRoom.events(without: ScoreRoom.fifthSalesKPI) + [
        .findingAccepted(finding: "counts:level-2", reason: "Sales tracks four this year")
      ])
    let criterion = try #require(
      MaturityScore(cascade: cascade).criteria.first { $0.id == "departments-cascade" })
    #expect(criterion.isMet)
    #expect(criterion.detail.hasSuffix("(1 accepted by the room)"))
  }

  @Test func unmetDetailsNameWhatIsOpen() throws {
    let cascade = try Cascade(
      events: ScoreRoom.events(without: [
        .ownerSet(kpi: "k1", person: "Priya Shah"), .ownerSet(kpi: "k2", person: "Priya Shah"),
        .ownerSet(kpi: "k3", person: "Priya Shah"), .ownerSet(kpi: "k4", person: "Priya Shah"),
      ]))
    let owners = try #require(MaturityScore(cascade: cascade).criteria.first { $0.id == "named-owners" })
    #expect(
      owners.detail
        == "Qualified pipeline: no owner; Win rate: no owner; Average deal size: no owner; and 1 more")

    let noLevelThree = try Cascade(
      events: ScoreRoom.events(without: ScoreRoom.salesIndividuals + ScoreRoom.operationsIndividuals))
    let threeLevels = try #require(
      MaturityScore(cascade: noLevelThree).criteria.first { $0.id == "three-levels" })
    #expect(threeLevels.detail == "no Level 3 KPIs under Sales and Operations")
  }

  /// The rubric in docs/score.md is the one in code: every criterion's id, level and weight.
  @Test func theDocumentedRubricMatchesTheCode() throws {
    let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("docs/score.md")
    let text = try String(contentsOf: docs, encoding: .utf8)
    let rows = text.split(separator: "\n").filter { $0.hasPrefix("| `") }
    let criteria = MaturityScore(cascade: Cascade()).criteria
    #expect(rows.count == criteria.count)
    for criterion in criteria {
      let row = rows.first { $0.hasPrefix("| `\(criterion.id)` |") }
      let cells = row?.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      #expect(cells?[1] == criterion.level.title, "\(criterion.id)")
      #expect(cells?[2] == "\(criterion.weight)", "\(criterion.id)")
    }
  }
}

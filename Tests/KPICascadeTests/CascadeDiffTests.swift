import Foundation
import Testing

@testable import KPICascade

/// One test per kind of change: a small cascade, the events a review would apply, and the
/// exact list of changes the diff must report. The score has its own test; the other tests
/// compare the changes without it (`changes(_:_:)`), so each stays about one kind.
@Suite("CascadeDiff")
struct CascadeDiffTests {
  /// Two company KPIs, Sales and Operations, a KPI each, a Level 3 KPI under Sales' KPI, and an
  /// open (not yet asked) conflict between the two department KPIs.
  static let base: [CascadeEvent] = [
    .companyKPIAdded(id: "c1", name: "Revenue growth"),
    .targetSet(kpi: "c1", target: ">= 20% YoY", reason: nil),
    .ownerSet(kpi: "c1", person: "Dana Ruiz"),
    .companyKPIAdded(id: "c2", name: "Gross margin"),
    .departmentAdded(id: "d1", name: "Sales"),
    .headSet(department: "d1", person: "Sam Lee"),
    .functionSet(department: "d1", function: .sales),
    .departmentAdded(id: "d2", name: "Operations"),
    .functionSet(department: "d2", function: .operations),
    .contributionRecorded(companyKPI: "c1", department: "d1", text: "Closes new business"),
    .contributionRecorded(companyKPI: "c1", department: "d2", text: nil),
    .departmentKPIAdded(id: "k1", department: "d1", companyKPI: "c1", name: "Pipeline coverage"),
    .targetSet(kpi: "k1", target: ">= 3x", reason: nil),
    .ownerSet(kpi: "k1", person: "Sam Lee"),
    .leadTimeSet(kpi: "k1", days: 45),
    .linkSentenceSet(kpi: "k1", sentence: "More pipeline becomes bookings next quarter."),
    .departmentKPIAdded(id: "k2", department: "d2", companyKPI: "c2", name: "On-time delivery"),
    .individualKPIAdded(id: "i1", parent: "k1", name: "Discovery calls"),
    .roleSet(kpi: "i1", role: "Account executives"),
    .conflictRaised(first: "k1", second: "k2", companyKPI: "c1", origin: .raised),
  ]

  typealias Change = CascadeDiff.Change
  typealias KPI = CascadeDiff.KPIReference

  static let c1 = KPI(level: .company, id: "c1", name: "Revenue growth")
  static let c2 = KPI(level: .company, id: "c2", name: "Gross margin")
  static let k1 = KPI(level: .department, id: "k1", name: "Pipeline coverage", department: "Sales")
  static let k2 = KPI(level: .department, id: "k2", name: "On-time delivery", department: "Operations")
  static let i1 = KPI(
    level: .individual, id: "i1", name: "Discovery calls", department: "Sales", role: "Account executives")
  static let sales = CascadeDiff.DepartmentReference(id: "d1", name: "Sales")
  static let operations = CascadeDiff.DepartmentReference(id: "d2", name: "Operations")
  static let pair = CascadeDiff.ConflictReference(first: k1, second: k2, companyKPI: c1)
  static let notAsked = CascadeDiff.ConflictState(status: .notAsked)

  /// The diff between `base + before` and `base + after`, without the score change.
  func changes(_ before: [CascadeEvent] = [], _ after: [CascadeEvent]) throws -> [Change] {
    let diff = CascadeDiff(
      old: try Cascade(events: Self.base + before), new: try Cascade(events: Self.base + after))
    return Self.withoutScore(diff)
  }

  /// The changes of `diff` without the score's, checking the score's is last when present.
  static func withoutScore(_ diff: CascadeDiff) -> [Change] {
    let scored = diff.changes.filter { $0.kind == "score-changed" }
    #expect(scored.count <= 1)
    if !scored.isEmpty { #expect(diff.changes.last?.kind == "score-changed") }
    return diff.changes.filter { $0.kind != "score-changed" }
  }

  @Test func theSameCascadeHasNoChanges() throws {
    let cascade = try Cascade(events: Self.base)
    let diff = CascadeDiff(old: cascade, new: cascade)
    #expect(diff.isEmpty)
    #expect(diff.changes == [])
    #expect(diff.scoreBefore == diff.scoreAfter)
    #expect(diff.scoreAfter == CascadeDiff.Score(MaturityScore(cascade: cascade)))
  }

  @Test func kpisAddedAtEveryLevel() throws {
    let found = try changes(
      [],
      [
        .companyKPIAdded(id: "c3", name: "Customer retention"),
        .departmentKPIAdded(id: "k3", department: "d1", companyKPI: "c1", name: "Win rate"),
        .individualKPIAdded(id: "i2", parent: "k1", name: "Proposals sent"),
      ])
    #expect(
      found == [
        .kpiAdded(KPI(level: .company, id: "c3", name: "Customer retention")),
        .kpiAdded(KPI(level: .department, id: "k3", name: "Win rate", department: "Sales")),
        .kpiAdded(KPI(level: .individual, id: "i2", name: "Proposals sent", department: "Sales")),
      ])
    #expect(found.map(\.sentence)[1] == "Added department KPI Win rate (Sales)")
  }

  @Test func aRemovedKPITakesItsLevelThreeAndResolvesItsOpenConflict() throws {
    let found = try changes([], [.removed(id: "k1", reason: nil)])
    #expect(
      found == [
        .kpiRemoved(Self.k1),
        .kpiRemoved(Self.i1),
        .conflictResolved(Self.pair, old: Self.notAsked, new: .init(status: .absent)),
      ])
    #expect(found[0].sentence == "Removed department KPI Pipeline coverage (Sales)")
  }

  @Test func renamed() throws {
    let found = try changes([], [.renamed(id: "k1", name: "Qualified pipeline coverage", reason: nil)])
    var renamed = Self.k1
    renamed.name = "Qualified pipeline coverage"
    #expect(found == [.kpiRenamed(renamed, old: "Pipeline coverage", new: "Qualified pipeline coverage")])
    #expect(
      found[0].sentence == "Renamed department KPI Pipeline coverage → Qualified pipeline coverage (Sales)")
  }

  @Test func retargetedAtEachLevelWithoutTheLockedChangeTrail() throws {
    let found = try changes(
      [],
      [
        .targetSet(kpi: "k1", target: ">= 3.5x", reason: nil),
        .targetSet(kpi: "c2", target: "42%", reason: nil),
      ])
    #expect(
      found == [
        .retargeted(Self.c2, old: nil, new: "42%"),
        .retargeted(Self.k1, old: ">= 3x", new: ">= 3.5x"),
      ])
    #expect(found[1].sentence == "Pipeline coverage (Sales): target >= 3x → >= 3.5x")
    #expect(found[0].sentence == "Gross margin (company): target none → 42%")

    // Locked: the change also lands in the KPI's audit trail, which is not a second change.
    let lock = CascadeEvent.companyKPIsLocked(on: "2026-11-26")
    let locked = try changes(
      [lock], [lock, .targetSet(kpi: "c1", target: ">= 25% YoY", reason: "Board raised it")])
    #expect(locked == [.retargeted(Self.c1, old: ">= 20% YoY", new: ">= 25% YoY")])
  }

  @Test func ownerChanged() throws {
    let found = try changes(
      [], [.ownerSet(kpi: "k1", person: "Noor Ali"), .ownerSet(kpi: "i1", person: "Ava Stone")])
    #expect(
      found == [
        .ownerChanged(Self.k1, old: "Sam Lee", new: "Noor Ali"),
        .ownerChanged(Self.i1, old: nil, new: "Ava Stone"),
      ])
    #expect(found[0].sentence == "Pipeline coverage (Sales): owner Sam Lee → Noor Ali")
    #expect(found[1].sentence == "Discovery calls (Sales, Account executives): owner none → Ava Stone")
  }

  @Test func linkSentenceChanged() throws {
    let found = try changes([], [.linkSentenceSet(kpi: "k1", sentence: "Pipeline turns into revenue.")])
    #expect(
      found == [
        .linkChanged(
          Self.k1, old: "More pipeline becomes bookings next quarter.", new: "Pipeline turns into revenue.")
      ])
  }

  @Test func relinkedToAnotherCompanyKPIOrParent() throws {
    let old = try Cascade(events: Self.base)
    var new = old
    new.departments[0].kpis[0].companyKPI = "c2"
    new.individualKPIs[0].parent = "k2"
    let found = Self.withoutScore(CascadeDiff(old: old, new: new))
    var moved = Self.i1
    moved.department = "Operations"
    #expect(
      found == [
        .relinked(Self.k1, old: Self.c1, new: Self.c2),
        .relinked(moved, old: Self.k1, new: Self.k2),
      ])
    #expect(found[0].sentence == "Pipeline coverage (Sales): moves Revenue growth → Gross margin")
    #expect(
      found[1].sentence
        == "Discovery calls (Operations, Account executives): under Pipeline coverage → On-time delivery")
  }

  @Test func leadTimeChanged() throws {
    let found = try changes([], [.leadTimeSet(kpi: "k1", days: 30), .leadTimeSet(kpi: "k2", days: 0)])
    #expect(
      found == [.leadTimeChanged(Self.k1, old: 45, new: 30), .leadTimeChanged(Self.k2, old: nil, new: 0)])
    #expect(found[0].sentence == "Pipeline coverage (Sales): lead time 45 days → 30 days")
  }

  @Test func tensionChanged() throws {
    let found = try changes(
      [], [.tensionSet(kpi: "k1", tension: .with(kpi: "k2")), .tensionSet(kpi: "k2", tension: Tension.none)])
    #expect(
      found == [
        .tensionChanged(Self.k1, old: nil, new: "On-time delivery"),
        .tensionChanged(Self.k2, old: nil, new: ""),
      ])
    #expect(found[1].sentence == "On-time delivery (Operations): tension not asked → none")
  }

  @Test func contributorsChanged() throws {
    let found = try changes([], [.contributorAdded(kpi: "k1", department: "d2")])
    #expect(found == [.contributorsChanged(Self.k1, old: [], new: ["Operations"])])
  }

  @Test func roleChanged() throws {
    let found = try changes([], [.roleSet(kpi: "i1", role: "Inbound SDR team")])
    var renamed = Self.i1
    renamed.role = "Inbound SDR team"
    #expect(found == [.roleChanged(renamed, old: "Account executives", new: "Inbound SDR team")])
  }

  @Test func departmentAdded() throws {
    let found = try changes([], [.departmentAdded(id: "d3", name: "Finance")])
    #expect(found == [.departmentAdded(.init(id: "d3", name: "Finance"))])
    #expect(found[0].sentence == "Added department Finance")
  }

  @Test func departmentRemovedWithItsKPIs() throws {
    let found = try changes([], [.removed(id: "d2", reason: nil)])
    #expect(
      found == [
        .departmentRemoved(Self.operations),
        .kpiRemoved(Self.k2),
        .conflictResolved(Self.pair, old: Self.notAsked, new: .init(status: .absent)),
      ])
  }

  @Test func departmentRenamed() throws {
    let found = try changes([], [.renamed(id: "d2", name: "Fulfilment", reason: nil)])
    #expect(
      found == [.departmentRenamed(.init(id: "d2", name: "Fulfilment"), old: "Operations", new: "Fulfilment")]
    )
  }

  @Test func headChanged() throws {
    let found = try changes(
      [], [.headSet(department: "d1", person: "Priya Shah"), .headSet(department: "d2", person: "Olu Ade")])
    #expect(
      found == [
        .headChanged(Self.sales, old: "Sam Lee", new: "Priya Shah"),
        .headChanged(Self.operations, old: nil, new: "Olu Ade"),
      ])
    #expect(found[0].sentence == "Sales: head Sam Lee → Priya Shah")
  }

  @Test func functionChanged() throws {
    let found = try changes([], [.functionSet(department: "d2", function: .customerSuccess)])
    #expect(found == [.functionChanged(Self.operations, old: "operations", new: "customer-success")])
  }

  @Test func contributionChanged() throws {
    let found = try changes(
      [],
      [
        .contributionRecorded(companyKPI: "c1", department: "d1", text: nil),
        .contributionRecorded(companyKPI: "c2", department: "d2", text: "Ships on time"),
      ])
    #expect(
      found == [
        .contributionChanged(Self.sales, companyKPI: Self.c1, old: "Closes new business", new: ""),
        .contributionChanged(Self.operations, companyKPI: Self.c2, old: nil, new: "Ships on time"),
      ])
    #expect(found[0].sentence == "Sales for Revenue growth: \"Closes new business\" → nothing")
    #expect(found[1].sentence == "Operations for Gross margin: not asked → \"Ships on time\"")
  }

  @Test func lockChanged() throws {
    let found = try changes([], [.companyKPIsLocked(on: "2026-11-26")])
    #expect(found == [.lockChanged(old: nil, new: "2026-11-26")])
    #expect(found[0].sentence == "Company KPIs: not locked → locked on 2026-11-26")
  }

  @Test func conflictOpened() throws {
    let ruledOut = CascadeEvent.conflictAnswered(first: "k1", second: "k2", structural: false)
    let found = try changes(
      [ruledOut], [ruledOut, .conflictAnswered(first: "k1", second: "k2", structural: true)])
    #expect(
      found == [
        .conflictOpened(Self.pair, old: .init(status: .notStructural), new: .init(status: .structural))
      ])
    #expect(
      found[0].sentence
        == "Conflict opened: Pipeline coverage (Sales) vs On-time delivery (Operations) on Revenue growth (structural, unresolved)"
    )
  }

  @Test func conflictResolvedByAdjustingOneKPI() throws {
    let resolution = Resolution(
      kpi: "k1", oldName: "Pipeline coverage", newName: "Qualified pipeline coverage", oldTarget: ">= 3x",
      newTarget: ">= 2.5x")
    let found = try changes(
      [],
      [
        .conflictAnswered(first: "k1", second: "k2", structural: true),
        .conflictResolved(first: "k1", second: "k2", resolution: resolution),
      ])
    var adjusted = Self.k1
    adjusted.name = "Qualified pipeline coverage"
    let pair = CascadeDiff.ConflictReference(first: adjusted, second: Self.k2, companyKPI: Self.c1)
    #expect(
      found == [
        .kpiRenamed(adjusted, old: "Pipeline coverage", new: "Qualified pipeline coverage"),
        .retargeted(adjusted, old: ">= 3x", new: ">= 2.5x"),
        .conflictResolved(pair, old: Self.notAsked, new: .init(status: .adjusted, resolution: resolution)),
      ])
    #expect(
      found[2].sentence
        == "Conflict resolved: Qualified pipeline coverage (Sales) vs On-time delivery (Operations) on Revenue growth (adjusted Pipeline coverage → Qualified pipeline coverage, target >= 3x → >= 2.5x)"
    )
    let ruledOut = try changes([], [.conflictAnswered(first: "k1", second: "k2", structural: false)])
    #expect(
      ruledOut == [.conflictResolved(Self.pair, old: Self.notAsked, new: .init(status: .notStructural))])
  }

  @Test func conflictChangedWhileStillOpen() throws {
    let found = try changes([], [.conflictAnswered(first: "k1", second: "k2", structural: true)])
    #expect(found == [.conflictChanged(Self.pair, old: Self.notAsked, new: .init(status: .structural))])
  }

  @Test func governanceChangedPerPartInStepOrder() throws {
    let found = try changes(
      [.strategicReviewSet(cadence: .quarterly)],
      [
        .governanceSet(field: .processOwner, value: "Lena Park"),
        .strategicReviewSet(cadence: .monthly),
        .velocitySet(velocity: .high),
      ])
    #expect(
      found == [
        .governanceChanged(field: "velocity", old: nil, new: "high"),
        .governanceChanged(field: "strategic-review", old: "quarterly", new: "monthly"),
        .governanceChanged(field: "process-owner", old: nil, new: "Lena Park"),
      ])
    #expect(found[1].sentence == "Governance: strategic review quarterly → monthly")
  }

  @Test func acceptanceChanged() throws {
    let found = try changes(
      [.findingAccepted(finding: "targets:k2", reason: "set next week")],
      [.findingAccepted(finding: "lead-time:k2", reason: "data arrives monthly")])
    #expect(
      found == [
        .acceptanceChanged(finding: "lead-time:k2", old: nil, new: "data arrives monthly"),
        .acceptanceChanged(finding: "targets:k2", old: "set next week", new: nil),
      ])
  }

  @Test func scoreChangedOnlyWhenThePercentMoves() throws {
    let old = try Cascade(events: Self.base)
    let new = try Cascade(events: Self.base + [.companyKPIsLocked(on: "2026-11-26")])
    let diff = CascadeDiff(old: old, new: new)
    let before = CascadeDiff.Score(MaturityScore(cascade: old))
    let after = CascadeDiff.Score(MaturityScore(cascade: new))
    try #require(before.percent != after.percent)
    #expect(
      diff.changes == [.lockChanged(old: nil, new: "2026-11-26"), .scoreChanged(old: before, new: after)])
    #expect(diff.scoreBefore == before && diff.scoreAfter == after)
    #expect(diff.changes[1].sentence == "Maturity \(before.percent)% → \(after.percent)%")

    // A new link sentence moves no criterion here: no score change, the scores still there.
    let quiet = CascadeDiff(
      old: old,
      new: try Cascade(
        events: Self.base + [.linkSentenceSet(kpi: "k1", sentence: "Pipeline turns into revenue.")]))
    #expect(quiet.changes.map(\.kind) == ["link-changed"])
    #expect(quiet.scoreBefore == before && quiet.scoreAfter == before)
  }

  @Test func idsThatDifferAreMatchedByAnUnambiguousName() throws {
    let old = try Cascade(events: Self.base)
    var new = old
    new.departments[0].kpis[0].id = "k9"
    new.individualKPIs[0].parent = "k9"
    new.conflicts[0].first = "k9"
    #expect(CascadeDiff(old: old, new: new).isEmpty)

    // The same name in another department is another KPI.
    var moved = try Cascade(events: Self.base)
    moved.departments[0].kpis.removeAll()
    moved.individualKPIs.removeAll()
    moved.conflicts.removeAll()
    moved.departments[1].kpis.append(DepartmentKPI(id: "k9", name: "pipeline coverage", companyKPI: "c1"))
    let found = Self.withoutScore(CascadeDiff(old: old, new: moved))
    #expect(found.map(\.kind) == ["kpi-removed", "kpi-added", "kpi-removed", "conflict-resolved"])
    #expect(found.map(\.sentence)[1] == "Added department KPI pipeline coverage (Operations)")
  }

  @Test func twoCandidatesWithOneNameAreNotGuessedBetween() {
    var old = Cascade()
    old.companyKPIs = [CompanyKPI(id: "c1", name: "Churn"), CompanyKPI(id: "c2", name: "churn")]
    var new = Cascade()
    new.companyKPIs = [CompanyKPI(id: "c7", name: "Churn")]
    let found = Self.withoutScore(CascadeDiff(old: old, new: new))
    #expect(found.map(\.kind) == ["kpi-removed", "kpi-removed", "kpi-added"])
  }

  @Test func changesComeByLevelThenIdInNaturalOrder() throws {
    let found = try changes(
      [],
      [
        .departmentKPIAdded(id: "k10", department: "d1", companyKPI: "c1", name: "Win rate"),
        .departmentKPIAdded(id: "k3", department: "d1", companyKPI: "c1", name: "Deal size"),
        .ownerSet(kpi: "i1", person: "Ava Stone"),
        .ownerSet(kpi: "c2", person: "Omar Haddad"),
      ])
    #expect(
      found.map { $0.kind + " " + Self.subject($0) } == [
        "owner-changed c2", "kpi-added k3", "kpi-added k10", "owner-changed i1",
      ])
  }

  static func subject(_ change: Change) -> String {
    switch change {
    case .kpiAdded(let kpi), .ownerChanged(let kpi, _, _): kpi.id
    default: "?"
    }
  }

  /// One change of every kind: each encodes flat with its tag and sentence and decodes back.
  @Test func everyKindRoundTripsThroughJSONWithAStableTag() throws {
    let state = CascadeDiff.ConflictState(status: .notAsked)
    let all: [Change] = [
      .lockChanged(old: nil, new: "2026-11-26"), .kpiAdded(Self.c1), .kpiRemoved(Self.i1),
      .kpiRenamed(Self.k1, old: "a", new: "b"), .retargeted(Self.k1, old: nil, new: "42%"),
      .ownerChanged(Self.k1, old: "A B", new: nil), .linkChanged(Self.k1, old: "x", new: "y"),
      .relinked(Self.k1, old: Self.c1, new: Self.c2), .leadTimeChanged(Self.k1, old: nil, new: 30),
      .tensionChanged(Self.k1, old: "", new: "On-time delivery"),
      .contributorsChanged(Self.k1, old: [], new: ["Operations"]),
      .roleChanged(Self.i1, old: nil, new: "AEs"),
      .departmentAdded(Self.sales), .departmentRemoved(Self.operations),
      .departmentRenamed(Self.sales, old: "S", new: "Sales"),
      .headChanged(Self.sales, old: nil, new: "Sam Lee"),
      .functionChanged(Self.sales, old: "other", new: "sales"),
      .contributionChanged(Self.sales, companyKPI: Self.c1, old: nil, new: ""),
      .conflictOpened(Self.pair, old: .init(status: .absent), new: state),
      .conflictResolved(
        Self.pair, old: state,
        new: .init(
          status: .adjusted,
          resolution: Resolution(kpi: "k1", oldName: "a", newName: "b", oldTarget: nil, newTarget: "1"))),
      .conflictChanged(Self.pair, old: state, new: .init(status: .structural)),
      .governanceChanged(field: "velocity", old: nil, new: "high"),
      .acceptanceChanged(finding: "lead-time:k1", old: nil, new: "monthly data"),
      .scoreChanged(old: .init(percent: 40, level: .basic), new: .init(percent: 81, level: .aligned)),
    ]
    #expect(Set(all.map(\.kind)).count == all.count)
    let data = try JSONEncoder().encode(all)
    #expect(try JSONDecoder().decode([Change].self, from: data) == all)
    let objects = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    for (object, change) in zip(objects, all) {
      #expect(object["kind"] as? String == change.kind)
      #expect(object["sentence"] as? String == change.sentence)
    }
    // Absent values are written as null, so a tool sees every field of a kind.
    #expect(objects[0]["old"] is NSNull)
  }
}

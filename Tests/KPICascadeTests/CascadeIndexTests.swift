import Foundation
import Testing

@testable import KPICascade

/// The index behind `Cascade`'s lookups must never answer from a state the cascade has left:
/// after removals shift positions, after renames, after hand edits, decoding and restores.
@Suite("Cascade index")
struct CascadeIndexTests {
  /// Two departments with KPIs, Level 3 KPIs under them, contributions and a conflict.
  static func room() throws -> Cascade {
    try Cascade(
      events: Room.companyKPIs
        + Room.department("d1", "Sales", function: .sales, kpis: ["k1", "k2"])
        + Room.department("d2", "Operations", function: .operations, kpis: ["k3", "k4"])
        + Room.department("d3", "Finance", function: .finance, kpis: ["k5"])
        + [
          .individualKPIAdded(id: "i1", parent: "k1", name: "Calls"),
          .individualKPIAdded(id: "i2", parent: "k3", name: "Picks"),
          .individualKPIAdded(id: "i3", parent: "k1", name: "Demos"),
          .individualKPIAdded(id: "i4", parent: "k4", name: "Audits"),
          .contributionRecorded(companyKPI: "c1", department: "d1", text: "Sells"),
          .contributionRecorded(companyKPI: "c1", department: "d2", text: "Ships"),
          .contributionRecorded(companyKPI: "c2", department: "d3", text: "Saves"),
          .conflictRaised(first: "k1", second: "k3", companyKPI: "c1", origin: .raised),
          .conflictRaised(first: "k4", second: "k5", companyKPI: "c1", origin: .raised),
        ])
  }

  /// Every lookup answered through the index equals the answer of a plain scan.
  static func expectAgreesWithScan(_ cascade: Cascade, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(cascade.index.isCurrent, "the reducer keeps the index current", sourceLocation: sourceLocation)
    var scanned = cascade
    scanned.index = CascadeIndex()
    #expect(!scanned.index.isCurrent)
    let ids =
      cascade.companyKPIs.map(\.id) + cascade.departments.map(\.id) + cascade.departmentKPIs.map(\.id)
      + cascade.individualKPIs.map(\.id) + ["c9", "d9", "k9", "i9"]
    for id in ids {
      #expect(cascade.companyKPI(id) == scanned.companyKPI(id), sourceLocation: sourceLocation)
      #expect(cascade.department(id) == scanned.department(id), sourceLocation: sourceLocation)
      #expect(cascade.departmentKPI(id) == scanned.departmentKPI(id), sourceLocation: sourceLocation)
      #expect(cascade.individualKPI(id) == scanned.individualKPI(id), sourceLocation: sourceLocation)
      #expect(
        cascade.individualKPIs(under: id) == scanned.individualKPIs(under: id), sourceLocation: sourceLocation
      )
      #expect(
        cascade.owningDepartment(ofKPI: id) == scanned.owningDepartment(ofKPI: id),
        sourceLocation: sourceLocation)
      #expect(cascade.name(of: id) == scanned.name(of: id), sourceLocation: sourceLocation)
    }
    for company in cascade.companyKPIs.map(\.id) + ["c9"] {
      for department in cascade.departments.map(\.id) + ["d9"] {
        #expect(
          cascade.contribution(companyKPI: company, department: department)
            == scanned.contribution(companyKPI: company, department: department),
          sourceLocation: sourceLocation)
      }
    }
    let kpis = cascade.departmentKPIs.map(\.id)
    for first in kpis {
      for second in kpis {
        #expect(
          cascade.conflict(first, second) == scanned.conflict(first, second), sourceLocation: sourceLocation)
      }
    }
    // The maintained index holds what one built from scratch holds.
    let fresh = CascadeIndex(of: cascade)
    #expect(cascade.index.companyKPIs == fresh.companyKPIs, sourceLocation: sourceLocation)
    #expect(cascade.index.departments == fresh.departments, sourceLocation: sourceLocation)
    #expect(cascade.index.departmentKPIs == fresh.departmentKPIs, sourceLocation: sourceLocation)
    #expect(cascade.index.individualKPIs == fresh.individualKPIs, sourceLocation: sourceLocation)
    #expect(cascade.index.children == fresh.children, sourceLocation: sourceLocation)
    #expect(cascade.index.contributions == fresh.contributions, sourceLocation: sourceLocation)
    #expect(cascade.index.conflicts == fresh.conflicts, sourceLocation: sourceLocation)
  }

  @Test func additionsKeepTheIndexCurrent() throws {
    let cascade = try Self.room()
    Self.expectAgreesWithScan(cascade)
    #expect(cascade.individualKPIs(under: "k1").map(\.id) == ["i1", "i3"])
    #expect(cascade.owningDepartment(ofKPI: "k4")?.id == "d2")
    #expect(cascade.conflict("k3", "k1")?.companyKPI == "c1")
  }

  @Test func removingADepartmentShiftsEveryPositionAfterIt() throws {
    var cascade = try Self.room()
    try cascade.apply(.removed(id: "d1", reason: nil))
    Self.expectAgreesWithScan(cascade)
    #expect(cascade.departmentKPI("k1") == nil)
    #expect(cascade.individualKPI("i1") == nil)
    #expect(cascade.conflict("k1", "k3") == nil)
    #expect(cascade.owningDepartment(ofKPI: "k3")?.id == "d2")
    // The reducer writes where the KPI now is, not where it was.
    try cascade.apply(.leadTimeSet(kpi: "k4", days: 45))
    try cascade.apply(.roleSet(kpi: "i4", role: "Auditors"))
    try cascade.apply(.conflictAnswered(first: "k4", second: "k5", structural: false))
    #expect(cascade.departments[0].kpis[1].id == "k4")
    #expect(cascade.departments[0].kpis[1].leadTimeDays == 45)
    #expect(cascade.departmentKPI("k3")?.leadTimeDays == nil)
    #expect(cascade.individualKPI("i4")?.role == "Auditors")
    #expect(cascade.individualKPI("i2")?.role == nil)
    #expect(cascade.conflict("k4", "k5")?.structural == false)
    Self.expectAgreesWithScan(cascade)
    // A removed id is free for the id check but its name is not taken.
    try cascade.apply(.departmentAdded(id: "d1", name: "Sales"))
    Self.expectAgreesWithScan(cascade)
  }

  @Test func removingLevelThreeAndDepartmentKPIsKeepsLookupsTrue() throws {
    var cascade = try Self.room()
    try cascade.apply(.removed(id: "i1", reason: nil))
    Self.expectAgreesWithScan(cascade)
    #expect(cascade.individualKPIs(under: "k1").map(\.id) == ["i3"])
    try cascade.apply(.targetSet(kpi: "i3", target: ">= 10 per week", reason: nil))
    #expect(cascade.individualKPIs.first { $0.id == "i3" }?.target == ">= 10 per week")
    try cascade.apply(.removed(id: "k3", reason: nil))
    Self.expectAgreesWithScan(cascade)
    #expect(cascade.individualKPI("i2") == nil)
    #expect(cascade.conflict("k1", "k3") == nil)
    try cascade.apply(.ownerSet(kpi: "k4", person: "Sam Lee", reason: nil))
    #expect(cascade.departments[1].kpis.map(\.id) == ["k4"])
    #expect(cascade.departments[1].kpis[0].owner == "Sam Lee")
    // The same name under the same parent is refused, found through the index.
    #expect(throws: CascadeError.self) {
      try cascade.apply(.individualKPIAdded(id: "i8", parent: "k1", name: "demos"))
    }
  }

  @Test func renamesAreSeenByLookups() throws {
    var cascade = try Self.room()
    try cascade.apply(.renamed(id: "k2", name: "Win rate", reason: nil))
    try cascade.apply(.renamed(id: "d2", name: "Fulfilment", reason: nil))
    try cascade.apply(.renamed(id: "i2", name: "Lines picked", reason: nil))
    Self.expectAgreesWithScan(cascade)
    #expect(cascade.name(of: "k2") == "Win rate")
    #expect(cascade.owningDepartment(ofKPI: "k3")?.name == "Fulfilment")
    #expect(cascade.individualKPIs(under: "k3").map(\.name) == ["Lines picked"])
  }

  @Test func aCascadeChangedByHandIsNeverReadThroughAStaleIndex() throws {
    var cascade = try Self.room()
    cascade.departments.remove(at: 0)
    #expect(!cascade.index.isCurrent)
    #expect(cascade.departmentKPI("k1") == nil)
    #expect(cascade.owningDepartment(ofKPI: "k3")?.id == "d2")
    cascade.individualKPIs.removeAll { $0.id == "i1" }
    #expect(cascade.individualKPI("i1") == nil)
    cascade.conflicts[0].first = "k4"
    #expect(cascade.conflict("k1", "k3") == nil)
    #expect(cascade.conflict("k4", "k3") != nil)
    cascade.contributions.removeAll()
    #expect(cascade.contribution(companyKPI: "c1", department: "d2") == nil)
    // The reducer rebuilds it before its next event, and writes to the right place.
    try cascade.apply(.leadTimeSet(kpi: "k3", days: 30))
    #expect(cascade.departments[0].kpis[0].leadTimeDays == 30)
    Self.expectAgreesWithScan(cascade)
  }

  @Test func decodingAndRestoringBuildNoStaleIndex() throws {
    let original = try Self.room()
    let data = try JSONEncoder().encode(original)
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(json["index"] == nil, "the index is never written to a file")
    var decoded = try JSONDecoder().decode(Cascade.self, from: data)
    #expect(decoded == original)
    #expect(decoded.departmentKPI("k4")?.name == original.departmentKPI("k4")?.name)
    try decoded.apply(.leadTimeSet(kpi: "k4", days: 40))
    Self.expectAgreesWithScan(decoded)

    var edited = original
    edited.departments.swapAt(0, 1)
    var restored = Cascade()
    try restored.apply(.restored(cascade: edited))
    Self.expectAgreesWithScan(restored)
    #expect(restored.owningDepartment(ofKPI: "k1")?.id == "d1")
    try restored.apply(.linkSentenceSet(kpi: "k1", sentence: "More pipeline now is revenue later."))
    #expect(restored.departments[1].kpis[0].linkSentence == "More pipeline now is revenue later.")
  }

  @Test func aRefusedEventLeavesTheIndexAsItWas() throws {
    var cascade = try Self.room()
    #expect(throws: CascadeError.self) { try cascade.apply(.removed(id: "c1", reason: nil)) }
    #expect(throws: CascadeError.self) {
      try cascade.apply(.departmentKPIAdded(id: "k1", department: "d2", companyKPI: "c1", name: "Again"))
    }
    Self.expectAgreesWithScan(cascade)
  }

  /// The per-subject findings an answer's note uses are the full check's, filtered.
  @Test(arguments: [CheckKind.leadTime, .link, .target, .counts])
  func findingsAboutOneSubjectMatchTheFullCheck(_ kind: CheckKind) throws {
    var cascade = try Self.room()
    try cascade.apply(.leadTimeSet(kpi: "k1", days: 0))
    try cascade.apply(.linkSentenceSet(kpi: "k2", sentence: "Short. Two sentences here."))
    try cascade.apply(.targetSet(kpi: "i1", target: ">= 40 per week", reason: nil))
    try cascade.apply(.targetSet(kpi: "c1", target: "grow a lot", reason: nil))
    let check = try #require(AlignmentChecks.all.first { $0.kind == kind })
    let all = check.findings(in: cascade)
    let subjects =
      cascade.companyKPIs.map(\.id) + cascade.departments.map(\.id) + cascade.departmentKPIs.map(\.id)
      + cascade.individualKPIs.map(\.id) + ["level-1", "nope"]
    for subject in subjects {
      #expect(check.findings(about: subject, in: cascade) == all.filter { $0.subject == subject })
    }
  }
}

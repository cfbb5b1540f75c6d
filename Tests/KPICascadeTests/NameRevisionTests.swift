import Testing

@testable import KPICascade

/// The name revision moves whenever a name may have changed, and only then through the reducer:
/// Tab's sorted names are read again exactly when they could be wrong.
@Suite("Name revision")
struct RevisionTests {
  @Test func eventsThatChangeNoNameKeepTheRevision() throws {
    var cascade = try CascadeIndexTests.room()
    let revision = cascade.nameRevision
    for event: CascadeEvent in [
      .leadTimeSet(kpi: "k1", days: 30), .ownerSet(kpi: "k2", person: "Sam Lee"),
      .targetSet(kpi: "i1", target: ">= 40 calls", reason: nil), .roleSet(kpi: "i2", role: "Pickers"),
      .headSet(department: "d1", person: "Ann Wu"), .linkSentenceSet(kpi: "k3", sentence: "Ships faster."),
      .contributionRecorded(companyKPI: "c2", department: "d1", text: "Sells more"),
    ] {
      try cascade.apply(event)
      #expect(cascade.nameRevision == revision, "\(event)")
    }
  }

  @Test func eventsThatChangeNamesMoveTheRevision() throws {
    var cascade = try CascadeIndexTests.room()
    var seen: Set<UInt64> = [cascade.nameRevision]
    for event: CascadeEvent in [
      .individualKPIAdded(id: "i9", parent: "k2", name: "Visits"),
      .renamed(id: "k1", name: "Pipeline", reason: nil),
      .renamed(id: "d2", name: "Ops", reason: nil), .removed(id: "i3", reason: nil),
      .departmentAdded(id: "d9", name: "Legal"),
    ] {
      try cascade.apply(event)
      #expect(seen.insert(cascade.nameRevision).inserted, "\(event)")
    }
  }

  @Test func copiesThatDivergeNeverShareARevision() throws {
    let original = try CascadeIndexTests.room()
    var renamed = original
    var byHand = original
    try renamed.apply(.renamed(id: "k1", name: "Pipeline", reason: nil))
    byHand.individualKPIs[0].name = "Changed by hand"
    #expect(Set([original.nameRevision, renamed.nameRevision, byHand.nameRevision]).count == 3)
    // Derived data: the revision never makes two equal cascades unequal.
    var same = original
    same.individualKPIs[0].name = original.individualKPIs[0].name
    #expect(same == original)
    #expect(same.nameRevision != original.nameRevision)
  }
}

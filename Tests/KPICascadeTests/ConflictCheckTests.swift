import Testing

@testable import KPICascade

@Suite("ConflictCheck")
struct ConflictCheckTests {
  /// Sales (k1) and Operations (k2), both moving c1: the classic pair k1~k2.
  static let room: [CascadeEvent] =
    Room.companyKPIs + Room.department("d1", "Sales", function: .sales, kpis: ["k1"])
    + Room.department("d2", "Operations", function: .operations, kpis: ["k2"])

  @Test func candidateNotYetAskedFails() throws {
    let cascade = try Cascade(events: Self.room)
    #expect(Room.verdicts(ConflictCheck(), cascade) == ["conflicts:k1~k2": .fail])
    #expect(
      try Room.finding(ConflictCheck(), cascade, "conflicts:k1~k2").reason
        == "not yet asked: can Sales and Operations both hit target while Revenue growth gets worse?")
  }

  @Test func answeredNoPasses() throws {
    let cascade = try Cascade(
      events: Self.room + [
        .conflictRaised(first: "k1", second: "k2", companyKPI: "c1", origin: .classic),
        .conflictAnswered(first: "k1", second: "k2", structural: false),
      ])
    #expect(Room.verdicts(ConflictCheck(), cascade) == ["conflicts:k1~k2": .pass])
  }

  @Test func structuralWithoutResolutionFails() throws {
    let cascade = try Cascade(
      events: Self.room + [
        .conflictRaised(first: "k1", second: "k2", companyKPI: "c1", origin: .classic),
        .conflictAnswered(first: "k1", second: "k2", structural: true),
      ])
    #expect(Room.verdicts(ConflictCheck(), cascade) == ["conflicts:k1~k2": .fail])
    #expect(
      try Room.finding(ConflictCheck(), cascade, "conflicts:k1~k2").reason.hasPrefix("structural conflict"))
  }

  @Test func resolvedPasses() throws {
    let resolution = Resolution(
      kpi: "k1", oldName: "Sales KPI 1", newName: "Deliverable deals closed", oldTarget: nil,
      newTarget: ">= 40")
    let cascade = try Cascade(
      events: Self.room + [
        .conflictRaised(first: "k1", second: "k2", companyKPI: "c1", origin: .classic),
        .conflictAnswered(first: "k1", second: "k2", structural: true),
        .conflictResolved(first: "k1", second: "k2", resolution: resolution),
      ])
    #expect(Room.verdicts(ConflictCheck(), cascade) == ["conflicts:k1~k2": .pass])
    #expect(
      try Room.finding(ConflictCheck(), cascade, "conflicts:k1~k2").reason
        == "resolved by adjusting 'Sales KPI 1' → 'Deliverable deals closed'")
  }
}

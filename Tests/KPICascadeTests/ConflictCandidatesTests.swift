import Testing

@testable import KPICascade

@Suite("ConflictCandidates")
struct ConflictCandidatesTests {
  /// Every classic function in the room, each department with two KPIs on different company KPIs.
  static let everyFunction: [CascadeEvent] =
    Room.companyKPIs
    + Room.department("d1", "Sales", function: .sales, kpis: ["s1", "s2"])
    + Room.department("d2", "Operations", function: .operations, kpis: ["o1"])
    + Room.department("d3", "Marketing", function: .marketing, kpis: ["m1"])
    + Room.department("d4", "Customer Success", function: .customerSuccess, kpis: ["cs1"])
    + Room.department("d5", "Product", function: .product, kpis: ["p1"])
    + Room.department("d6", "Finance", function: .finance, kpis: ["f1"], companyKPI: "c2")
    + Room.department("d7", "People", function: .hr, kpis: ["h1"], companyKPI: "c2")

  @Test func classicPairsComeInTheirOrder() throws {
    let candidates = ConflictCandidates.find(in: try Cascade(events: Self.everyFunction))
    #expect(candidates.map(\.key) == ["o1~s1", "m1~s1", "cs1~p1", "f1~h1"])
    #expect(candidates.allSatisfy { $0.origin == .classic && $0.structural == nil })
    #expect(candidates.map(\.first) == ["s1", "m1", "cs1", "f1"])
    #expect(candidates.last?.companyKPI == "c2")
  }

  @Test func classicPairNeedsBothFunctionsWithKPIs() throws {
    let noOperations = try Cascade(
      events: Room.companyKPIs + Room.department("d1", "Sales", function: .sales, kpis: ["k1"])
        + Room.department("d2", "Finance", function: .finance, kpis: ["k2"]))
    #expect(ConflictCandidates.find(in: noOperations).isEmpty)
    let operationsWithoutKPIs = try Cascade(
      events: Room.companyKPIs + Room.department("d1", "Sales", function: .sales, kpis: ["k1"])
        + Room.department("d2", "Operations", function: .operations))
    #expect(ConflictCandidates.find(in: operationsWithoutKPIs).isEmpty)
  }

  @Test func classicPairPrefersKPIsOnTheSameCompanyKPI() throws {
    let cascade = try Cascade(
      events: Room.companyKPIs + [
        .departmentAdded(id: "d1", name: "Sales"),
        .departmentKPIAdded(id: "k1", department: "d1", companyKPI: "c1", name: "Pipeline coverage"),
        .departmentKPIAdded(id: "k2", department: "d1", companyKPI: "c3", name: "Renewal forecast accuracy"),
        .departmentAdded(id: "d2", name: "Fulfilment"),
        .departmentKPIAdded(id: "k3", department: "d2", companyKPI: "c2", name: "Cost per order"),
        .departmentKPIAdded(id: "k4", department: "d2", companyKPI: "c3", name: "On-time delivery rate"),
      ])
    let candidates = ConflictCandidates.find(in: cascade)
    #expect(candidates == [Conflict(first: "k2", second: "k4", companyKPI: "c3", origin: .classic)])
  }

  @Test func unconfirmedFunctionIsGuessedFromTheName() throws {
    let cascade = try Cascade(
      events: Room.companyKPIs + Room.department("d1", "Sales floor", kpis: ["k1"])
        + Room.department("d2", "Warehouse", kpis: ["k2"]))
    #expect(ConflictCandidates.find(in: cascade).map(\.key) == ["k1~k2"])
  }

  @Test func declaredTensionAcrossDepartmentsIsACandidate() throws {
    let cascade = try Cascade(
      events: Room.companyKPIs + Room.department("d1", "Legal", kpis: ["k1", "k2"], companyKPI: "c2")
        + Room.department("d2", "Facilities", kpis: ["k3"]) + [
          .tensionSet(kpi: "k1", tension: .with(kpi: "k3")),
          .tensionSet(kpi: "k2", tension: .with(kpi: "k1")),
          .tensionSet(kpi: "k3", tension: Tension.none),
        ])
    #expect(
      ConflictCandidates.find(in: cascade) == [
        Conflict(first: "k1", second: "k3", companyKPI: "c2", origin: .declared)
      ])
  }

  @Test func storedConflictKeepsItsAnswerAndReplacesTheCandidate() throws {
    let cascade = try Cascade(
      events: Self.everyFunction + [
        .conflictRaised(first: "o1", second: "s1", companyKPI: "c1", origin: .raised),
        .conflictAnswered(first: "o1", second: "s1", structural: false),
        .conflictRaised(first: "p1", second: "f1", companyKPI: "c2", origin: .raised),
      ])
    let candidates = ConflictCandidates.find(in: cascade)
    #expect(candidates.map(\.key) == ["o1~s1", "m1~s1", "cs1~p1", "f1~h1", "f1~p1"])
    #expect(candidates[0].structural == false)
    #expect(candidates[0].origin == .raised)
    #expect(candidates[4].origin == .raised)
  }

  @Test func noDuplicateKeys() throws {
    let cascade = try Cascade(
      events: Self.everyFunction + [
        .tensionSet(kpi: "s1", tension: .with(kpi: "o1")),
        .tensionSet(kpi: "o1", tension: .with(kpi: "s1")),
        .tensionSet(kpi: "s2", tension: .with(kpi: "o1")),
      ])
    let keys = ConflictCandidates.find(in: cascade).map(\.key)
    #expect(keys == ["o1~s1", "m1~s1", "cs1~p1", "f1~h1", "o1~s2"])
    #expect(Set(keys).count == keys.count)
  }

  @Test func orderIsDeterministic() throws {
    let cascade = try Cascade(
      events: Self.everyFunction + [.tensionSet(kpi: "p1", tension: .with(kpi: "f1"))])
    #expect(ConflictCandidates.find(in: cascade) == ConflictCandidates.find(in: cascade))
    #expect(ConflictCandidates.find(in: cascade).last?.origin == .declared)
  }
}

import Testing

@testable import KPICascade

@Suite("Cascade.apply")
struct CascadeApplyTests {
  @Test(arguments: [
    CascadeEvent.headSet(department: "nope", person: "Dana Ruiz"),
    .departmentKPIAdded(id: "k9", department: "d1", companyKPI: "nope", name: "Pipeline"),
    .departmentKPIAdded(id: "k9", department: "nope", companyKPI: "c1", name: "Pipeline"),
    .leadTimeSet(kpi: "nope", days: 30),
    .tensionSet(kpi: "k1", tension: .with(kpi: "nope")),
    .contributionRecorded(companyKPI: "nope", department: "d1", text: "x"),
    .conflictAnswered(first: "k1", second: "k2", structural: true),
    .removed(id: "nope", reason: nil),
  ])
  func unknownReferencesThrow(_ event: CascadeEvent) throws {
    var cascade = try Room.withOneKPI()
    let before = cascade
    #expect {
      try cascade.apply(event)
    } throws: { error in
      guard case .unknownReference = error as? CascadeError else { return false }
      return true
    }
    #expect(cascade == before)
  }

  @Test(arguments: [
    CascadeEvent.companyKPIAdded(id: "c1", name: "Something else"),
    .departmentAdded(id: "c1", name: "Legal"),
    .departmentKPIAdded(id: "d1", department: "d1", companyKPI: "c1", name: "Another"),
  ])
  func duplicateIDsThrow(_ event: CascadeEvent) throws {
    var cascade = try Room.withOneKPI()
    #expect(throws: CascadeError.self) { try cascade.apply(event) }
  }

  @Test func duplicateNamesThrow() throws {
    var cascade = try Room.withOneKPI()
    #expect(throws: CascadeError.duplicateName("revenue GROWTH")) {
      try cascade.apply(.companyKPIAdded(id: "c9", name: "revenue GROWTH"))
    }
  }

  @Test func lockedTargetChangeNeedsAReason() throws {
    var cascade = try Cascade(
      events: Room.companyKPIs + [
        .targetSet(kpi: "c1", target: "+20% YoY", reason: nil), .companyKPIsLocked(on: "2026-01-15"),
      ])
    #expect(throws: CascadeError.lockedWithoutReason(kpi: "Revenue growth")) {
      try cascade.apply(.targetSet(kpi: "c1", target: "+25% YoY", reason: nil))
    }
    #expect(cascade.companyKPI("c1")?.target == "+20% YoY")

    try cascade.apply(.targetSet(kpi: "c1", target: "+25% YoY", reason: "Acquisition closed"))
    #expect(cascade.companyKPI("c1")?.target == "+25% YoY")
    #expect(
      cascade.companyKPI("c1")?.changes == [
        LockedChange(what: "target: +20% YoY → +25% YoY", reason: "Acquisition closed")
      ])
  }

  @Test func removingADepartmentRemovesItsKPIsAndConflicts() throws {
    var cascade = try Cascade(
      events: ConflictCheckTests.room + Room.department("d3", "Finance", kpis: ["k3"]) + [
        .contributionRecorded(companyKPI: "c1", department: "d2", text: "Ships on time"),
        .conflictRaised(first: "k1", second: "k2", companyKPI: "c1", origin: .classic),
        .tensionSet(kpi: "k3", tension: .with(kpi: "k2")),
        .contributorAdded(kpi: "k1", department: "d2"),
      ])
    try cascade.apply(.removed(id: "d2", reason: nil))
    #expect(cascade.department("d2") == nil)
    #expect(cascade.departmentKPI("k2") == nil)
    #expect(cascade.conflicts.isEmpty)
    #expect(cascade.contributions.isEmpty)
    #expect(cascade.departmentKPI("k3")?.tension == Tension.none)
    #expect(cascade.departmentKPI("k1")?.contributors == [])
  }

  @Test func resolutionRenamesAndRetargetsTheKPI() throws {
    let resolution = Resolution(
      kpi: "k2", oldName: "Operations KPI 1", newName: "Orders shipped on time", oldTarget: nil,
      newTarget: ">= 95%")
    let cascade = try Cascade(
      events: ConflictCheckTests.room + [
        .conflictRaised(first: "k1", second: "k2", companyKPI: "c1", origin: .classic),
        .conflictAnswered(first: "k2", second: "k1", structural: true),
        .conflictResolved(first: "k1", second: "k2", resolution: resolution),
      ])
    #expect(cascade.departmentKPI("k2")?.name == "Orders shipped on time")
    #expect(cascade.departmentKPI("k2")?.target == ">= 95%")
    #expect(cascade.conflict("k2", "k1")?.resolution == resolution)
    #expect(cascade.conflict("k1", "k2")?.isOpen == false)
  }

  @Test func resolvingANonStructuralConflictThrows() throws {
    var cascade = try Cascade(
      events: ConflictCheckTests.room + [
        .conflictRaised(first: "k1", second: "k2", companyKPI: "c1", origin: .classic)
      ])
    let resolution = Resolution(kpi: "k1", oldName: "a", newName: "b", oldTarget: nil, newTarget: nil)
    #expect(throws: CascadeError.self) {
      try cascade.apply(.conflictResolved(first: "k1", second: "k2", resolution: resolution))
    }
  }

  @Test func conflictWithinOneDepartmentThrows() throws {
    var cascade = try Cascade(events: Room.companyKPIs + Room.department("d1", "Sales", kpis: ["k1", "k2"]))
    let before = cascade
    #expect(
      throws: CascadeError.invalid(
        "'Sales KPI 1' and 'Sales KPI 2' are both Sales KPIs: a conflict is between two departments")
    ) {
      try cascade.apply(.conflictRaised(first: "k1", second: "k2", companyKPI: "c1", origin: .raised))
    }
    #expect(cascade == before)
  }

  @Test func conflictAcrossDepartmentsIsAccepted() throws {
    var cascade = try Cascade(events: ConflictCheckTests.room)
    try cascade.apply(.conflictRaised(first: "k1", second: "k2", companyKPI: "c1", origin: .raised))
    #expect(cascade.conflict("k1", "k2") != nil)
  }

  @Test func tensionWithItselfThrows() throws {
    var cascade = try Room.withOneKPI()
    let before = cascade
    #expect(throws: CascadeError.invalid("'Sales KPI 1' cannot be in tension with itself")) {
      try cascade.apply(.tensionSet(kpi: "k1", tension: .with(kpi: "k1")))
    }
    #expect(cascade == before)
  }

  @Test func restoringAConflictWithinOneDepartmentThrows() throws {
    var cascade = try Cascade(events: Room.companyKPIs + Room.department("d1", "Sales", kpis: ["k1", "k2"]))
    var imported = cascade
    imported.conflicts = [Conflict(first: "k1", second: "k2", companyKPI: "c1", origin: .raised)]
    #expect(
      throws: CascadeError.invalid("conflicts[0]: both KPIs are in one department; a conflict is between two")
    ) {
      try cascade.apply(.restored(cascade: imported))
    }
  }

  @Test func restoringATensionWithItselfThrows() throws {
    var cascade = try Room.withOneKPI()
    var imported = cascade
    imported.departments[0].kpis[0].tension = .with(kpi: "k1")
    #expect(throws: CascadeError.invalid("departments[0].kpis[0].tension: a KPI in tension with itself")) {
      try cascade.apply(.restored(cascade: imported))
    }
  }

  @Test func negativeLeadTimeThrows() throws {
    var cascade = try Room.withOneKPI()
    #expect(throws: CascadeError.invalid("lead time -3 is negative")) {
      try cascade.apply(.leadTimeSet(kpi: "k1", days: -3))
    }
  }
}

import Testing

@testable import KPICascade

@Suite("AccountabilityCheck")
struct AccountabilityCheckTests {
  @Test func everyKPIAndDepartmentHeadIsTested() throws {
    let cascade = try Cascade(
      events: Room.companyKPIs + Room.department("d1", "Sales", kpis: ["k1", "k2", "k3"])
        + Room.department("d2", "Finance") + [
          .ownerSet(kpi: "c1", person: "Dana Ruiz (CFO)"),
          .ownerSet(kpi: "c2", person: "Pricing team"),
          .headSet(department: "d1", person: "Priya Shah"),
          .ownerSet(kpi: "k1", person: "Priya"),
          .ownerSet(kpi: "k2", person: "Ana and Bo"),
          .ownerSet(kpi: "k3", person: "Bo Li, Head of Sales"),
        ])
    #expect(
      Room.verdicts(AccountabilityCheck(), cascade) == [
        "accountability:c1": .pass, "accountability:c2": .fail, "accountability:c3": .fail,
        "accountability:d1": .pass, "accountability:k1": .warn, "accountability:k2": .fail,
        "accountability:k3": .pass, "accountability:d2": .fail,
      ])
    #expect(
      try Room.finding(AccountabilityCheck(), cascade, "accountability:d2").message == .noHead)
    let givenName = try Room.finding(AccountabilityCheck(), cascade, "accountability:k1")
    #expect(givenName.reason == "only a given name: nobody can tell which Priya")
    #expect(givenName.remedy == "add a surname")
    let team = try Room.finding(AccountabilityCheck(), cascade, "accountability:c2")
    #expect(team.reason == "'Pricing team' is a group: a team can't be accountable")
    #expect(team.remedy == "name one person, e.g. 'Dana Ruiz (Head of Sales)'")
  }

  /// A department of this session is a group whatever words it is named with, however the
  /// room writes it ("the Store Ops team"); a person whose role names it is still a person.
  @Test func aDepartmentOfThisSessionIsNoOwner() throws {
    let cascade = try Cascade(
      events: Room.companyKPIs + Room.department("d1", "Store Ops", kpis: ["k1", "k2", "k3"]) + [
        .ownerSet(kpi: "c1", person: "Store Ops"),
        .ownerSet(kpi: "k1", person: "the store ops team"),
        .ownerSet(kpi: "k2", person: "Sam Patel (Store Ops)"),
        .ownerSet(kpi: "k3", person: "Store Opsy"),
      ])
    let verdicts = Room.verdicts(AccountabilityCheck(), cascade)
    #expect(verdicts["accountability:c1"] == .fail)
    #expect(verdicts["accountability:k1"] == .fail)
    #expect(verdicts["accountability:k2"] == .pass)
    #expect(
      try !Room.finding(AccountabilityCheck(), cascade, "accountability:k3").reason.contains("department"))
    let department = try Room.finding(AccountabilityCheck(), cascade, "accountability:k1")
    #expect(
      department.reason
        == "'the store ops team' is one of this session's departments: a department can't be accountable")
    #expect(department.remedy == "name one person, e.g. 'Dana Ruiz (Head of Sales)'")
  }

  @Test func findingsFollowTheCascadeOrder() throws {
    let cascade = try Cascade(
      events: Room.companyKPIs + Room.department("d1", "Sales", kpis: ["k1"])
        + Room.department("d2", "Finance"))
    #expect(
      AccountabilityCheck().findings(in: cascade).map(\.subject) == ["c1", "c2", "c3", "d1", "k1", "d2"])
  }

  @Test func levelThreeKPIsNeedOneNamedOwner() throws {
    let cascade = try Cascade(
      events: Room.companyKPIs + Room.department("d1", "Sales", kpis: ["k1"])
        + Room.department("d2", "Finance") + [
          .individualKPIAdded(id: "i1", parent: "k1", name: "Discovery calls made"),
          .individualKPIAdded(id: "i2", parent: "k1", name: "Demos booked"),
          .individualKPIAdded(id: "i3", parent: "k1", name: "Proposals sent"),
          .ownerSet(kpi: "i1", person: "Bo Li (Account executive)"),
          .ownerSet(kpi: "i2", person: "SDR team"),
        ])
    let verdicts = Room.verdicts(AccountabilityCheck(), cascade)
    #expect(verdicts["accountability:i1"] == .pass)
    #expect(verdicts["accountability:i2"] == .fail)
    #expect(verdicts["accountability:i3"] == .fail)
    #expect(try Room.finding(AccountabilityCheck(), cascade, "accountability:i3").message == .noOwner)
    #expect(
      AccountabilityCheck().findings(in: cascade).map(\.subject)
        == ["c1", "c2", "c3", "d1", "k1", "d2", "i1", "i2", "i3"])
  }
}

import Testing

@testable import KPICascade

@Suite("CountCheck")
struct CountCheckTests {
  @Test(arguments: [(0, Verdict.fail), (1, .warn), (2, .warn), (3, .pass), (5, .pass), (6, .fail)])
  func companyKPIs(_ count: Int, _ verdict: Verdict) throws {
    let cascade = try Cascade(
      events: (0..<count).map { .companyKPIAdded(id: "c\($0)", name: "Outcome \($0)") })
    #expect(Room.verdicts(CountCheck(), cascade) == ["counts:level-1": verdict])
  }

  @Test(arguments: [(0, Verdict.fail), (1, .warn), (4, .warn), (5, .pass), (8, .pass), (9, .fail)])
  func departmentKPIs(_ count: Int, _ verdict: Verdict) throws {
    let kpis = (0..<count).map { "k\($0)" }
    let cascade = try Cascade(events: Room.companyKPIs + Room.department("d1", "Sales", kpis: kpis))
    #expect(Room.verdicts(CountCheck(), cascade) == ["counts:level-1": .pass, "counts:d1": verdict])
  }

  @Test func reasonsNameTheRange() throws {
    let few = try Cascade(events: [.companyKPIAdded(id: "c1", name: "Revenue")])
    #expect(try Room.finding(CountCheck(), few, "counts:level-1").message == .fewCompanyKPIs(1))
    let many = try Cascade(events: (0..<6).map { .companyKPIAdded(id: "c\($0)", name: "Outcome \($0)") })
    #expect(try Room.finding(CountCheck(), many, "counts:level-1").reason.contains("strategic confusion"))
    let empty = try Cascade(events: Room.companyKPIs + Room.department("d1", "Sales floor"))
    #expect(try Room.finding(CountCheck(), empty, "counts:d1").message == .noDepartmentKPIs)
    let two = try Cascade(events: Room.companyKPIs + Room.department("d1", "Sales", kpis: ["k1", "k2"]))
    #expect(
      try Room.finding(CountCheck(), two, "counts:d1").message == .fewDepartmentKPIs(2))
  }

  /// `count` Level 3 KPIs under k1, each with `role`.
  static func individuals(_ count: Int, role: String?, from first: Int = 1) -> [CascadeEvent] {
    (first..<(first + count)).flatMap { index -> [CascadeEvent] in
      let added = CascadeEvent.individualKPIAdded(id: "i\(index)", parent: "k1", name: "Driver \(index)")
      guard let role else { return [added] }
      return [added, .roleSet(kpi: "i\(index)", role: role)]
    }
  }

  @Test(arguments: [(1, Verdict.warn), (2, .warn), (3, .pass), (5, .pass), (6, .fail)])
  func levelThreeKPIsPerRole(_ count: Int, _ verdict: Verdict) throws {
    let cascade = try Room.withOneKPI(Self.individuals(count, role: "Account Executive"))
    #expect(
      Room.verdicts(CountCheck(), cascade) == [
        "counts:level-1": .pass, "counts:d1": .warn, "counts:role:account-executive": verdict,
      ])
  }

  @Test func roleReasonsNameTheRoleAndTheRange() throws {
    let few = try Room.withOneKPI(Self.individuals(2, role: "Account executive"))
    let warn = try Room.finding(CountCheck(), few, "counts:role:account-executive")
    #expect(warn.message == .fewRoleKPIs(2, "Account executive"))
    #expect(
      warn.remedy
        == "add what else this role does that drives its department KPIs, or accept fewer on purpose")
    let enough = try Room.withOneKPI(Self.individuals(4, role: "Account executive"))
    #expect(
      try Room.finding(CountCheck(), enough, "counts:role:account-executive").reason
        == "4 Level 3 KPIs for Account executive")
    let many = try Room.withOneKPI(Self.individuals(6, role: "Account executive"))
    let fail = try Room.finding(CountCheck(), many, "counts:role:account-executive")
    #expect(fail.message == .manyRoleKPIs(6, "Account executive"))
  }

  @Test func levelThreeKPIsWithoutARoleWarn() throws {
    let cascade = try Room.withOneKPI(
      Self.individuals(2, role: nil) + Self.individuals(1, role: "   ", from: 3))
    #expect(
      Room.verdicts(CountCheck(), cascade) == [
        "counts:level-1": .pass, "counts:d1": .warn, "counts:role:unassigned": .warn,
      ])
    let finding = try Room.finding(CountCheck(), cascade, "counts:role:unassigned")
    #expect(finding.message == .withoutRole(3))
  }

  /// Spellings of one role count together; roles come in the order they first appear, and the
  /// KPIs with no role last.
  @Test func rolesAreGroupedBySubject() throws {
    let cascade = try Room.withOneKPI(
      Self.individuals(1, role: nil) + Self.individuals(2, role: "SDR team", from: 2)
        + Self.individuals(1, role: "Account executive", from: 4)
        + Self.individuals(2, role: "account  EXECUTIVE", from: 5))
    let findings = CountCheck().findings(in: cascade)
    #expect(
      findings.map(\.subject) == [
        "level-1", "d1", "role:sdr-team", "role:account-executive", "role:unassigned",
      ])
    #expect(
      try Room.finding(CountCheck(), cascade, "counts:role:account-executive").reason
        == "3 Level 3 KPIs for Account executive")
  }

  @Test(arguments: [
    ("Account Executive (EMEA)", "role:account-executive-emea"),
    ("  inbound SDR team ", "role:inbound-sdr-team"),
    ("Key-account / partner mgr.", "role:key-account-partner-mgr"),
    ("Ventas técnicas", "role:ventas-técnicas"),
    ("Tier 2 support", "role:tier-2-support"),
    ("---", "role:unassigned"),
    ("Unassigned", "role:unassigned"),
  ])
  func roleSubjects(_ role: String, _ subject: String) {
    #expect(CountCheck.roleSubject(role) == subject)
  }

  @Test func noRoleIsUnassigned() {
    #expect(CountCheck.roleSubject(nil) == CountCheck.unassignedRole)
  }

  @Test func noLevelThreeKPIsMeansNoRoleFindings() throws {
    #expect(CountCheck().findings(in: try Room.withOneKPI()).map(\.subject) == ["level-1", "d1"])
  }
}

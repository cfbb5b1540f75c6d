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

  /// Fewer than 5 in a department is one line for all departments (`level-2`), not a warning
  /// each: the department itself passes.
  @Test(arguments: [
    (0, Verdict.fail, false), (1, .pass, true), (4, .pass, true), (5, .pass, false), (8, .pass, false),
    (9, .fail, false),
  ])
  func departmentKPIs(_ count: Int, _ verdict: Verdict, _ summarised: Bool) throws {
    let kpis = (0..<count).map { "k\($0)" }
    let cascade = try Cascade(events: Room.companyKPIs + Room.department("d1", "Sales", kpis: kpis))
    var expected: [String: Verdict] = ["counts:level-1": .pass, "counts:d1": verdict]
    if summarised { expected["counts:level-2"] = .warn }
    #expect(Room.verdicts(CountCheck(), cascade) == expected)
  }

  /// The seed's retail example (five departments, three or four KPIs each) shows one line.
  @Test func fewKPIsInManyDepartmentsIsOneLine() throws {
    let cascade = try Cascade(
      events: Room.companyKPIs + Room.department("d1", "Stores", kpis: ["k1", "k2", "k3"])
        + Room.department("d2", "Online", kpis: ["k4", "k5", "k6", "k7"])
        + Room.department("d3", "Supply chain", kpis: ["k8", "k9", "k10", "k11", "k12"]))
    let findings = CountCheck().findings(in: cascade)
    #expect(findings.filter { $0.verdict != .pass }.map(\.subject) == ["level-2"])
    let line = try Room.finding(CountCheck(), cascade, "counts:level-2")
    #expect(line.message == .fewDepartmentKPIs([("Stores", 3), ("Online", 4)], of: 3))
    #expect(line.reason == "2 of 3 departments have fewer than 5 KPIs (5–8 recommended): Stores 3, Online 4")
  }

  @Test func reasonsNameTheRange() throws {
    let few = try Cascade(events: [.companyKPIAdded(id: "c1", name: "Revenue")])
    #expect(try Room.finding(CountCheck(), few, "counts:level-1").message == .fewCompanyKPIs(1))
    let many = try Cascade(events: (0..<6).map { .companyKPIAdded(id: "c\($0)", name: "Outcome \($0)") })
    #expect(try Room.finding(CountCheck(), many, "counts:level-1").reason.contains("strategic confusion"))
    let empty = try Cascade(events: Room.companyKPIs + Room.department("d1", "Sales floor"))
    #expect(try Room.finding(CountCheck(), empty, "counts:d1").message == .noDepartmentKPIs)
    let two = try Cascade(events: Room.companyKPIs + Room.department("d1", "Sales", kpis: ["k1", "k2"]))
    #expect(try Room.finding(CountCheck(), two, "counts:d1").message == .departmentKPIs(2))
    #expect(
      try Room.finding(CountCheck(), two, "counts:level-2").reason
        == "every department has fewer than 5 KPIs (5–8 recommended): Sales 2")
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
        "counts:level-1": .pass, "counts:d1": .pass, "counts:level-2": .warn,
        "counts:role:account-executive": verdict,
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
        "counts:level-1": .pass, "counts:d1": .pass, "counts:level-2": .warn, "counts:role:unassigned": .warn,
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
        "level-1", "d1", "level-2", "role:sdr-team", "role:account-executive", "role:unassigned",
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
    #expect(CountCheck().findings(in: try Room.withOneKPI()).map(\.subject) == ["level-1", "d1", "level-2"])
  }
}

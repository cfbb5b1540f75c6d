import Testing

@testable import KPICascade

@Suite("LeadTimeCheck")
struct LeadTimeCheckTests {
  @Test(arguments: [
    (0, Verdict.warn), (1, .warn), (29, .warn), (30, .pass), (45, .pass), (60, .pass), (61, .warn),
  ])
  func verdictForLeadTime(_ days: Int, _ verdict: Verdict) throws {
    let cascade = try Room.withOneKPI([.leadTimeSet(kpi: "k1", days: days)])
    #expect(Room.verdicts(LeadTimeCheck(), cascade)["lead-time:k1"] == verdict)
  }

  @Test(arguments: [
    (
      0, "lagging: it moves with or after Revenue growth",
      "replace it with something that moves 30–60 days before Revenue growth"
    ),
    (
      1, "leads by only 1 day: too little time to act",
      "look for something that moves 30–60 days before Revenue growth"
    ),
    (
      90, "leads by 90 days: too far ahead to predict reliably",
      "look for something that moves 30–60 days before Revenue growth"
    ),
  ])
  func reasonSaysWhatIsWrongAndRemedyWhatToDo(_ days: Int, _ reason: String, _ remedy: String) throws {
    let finding = try Room.finding(
      LeadTimeCheck(), try Room.withOneKPI([.leadTimeSet(kpi: "k1", days: days)]), "lead-time:k1")
    #expect(finding.reason == reason)
    #expect(finding.remedy == remedy)
  }

  @Test func missingLeadTimeFails() throws {
    let cascade = try Room.withOneKPI()
    #expect(Room.verdicts(LeadTimeCheck(), cascade) == ["lead-time:k1": .fail, "lead-time:d1": .warn])
    #expect(try Room.finding(LeadTimeCheck(), cascade, "lead-time:k1").reason == "no lead time given")
  }

  @Test func departmentWithOnlyLaggingKPIsFails() throws {
    let cascade = try Cascade(
      events: Room.companyKPIs + Room.department("d1", "Sales", kpis: ["k1", "k2"])
        + Room.department("d2", "Legal")
        + [.leadTimeSet(kpi: "k1", days: 0), .leadTimeSet(kpi: "k2", days: 0)])
    #expect(
      Room.verdicts(LeadTimeCheck(), cascade) == [
        "lead-time:k1": .warn, "lead-time:k2": .warn, "lead-time:d1": .fail,
      ])
    #expect(
      try Room.finding(LeadTimeCheck(), cascade, "lead-time:d1").reason.contains(
        "every level needs leading indicators"))
  }

  @Test func departmentWithOneLeadingKPIPasses() throws {
    let cascade = try Cascade(
      events: Room.companyKPIs + Room.department("d1", "Sales", kpis: ["k1", "k2"])
        + [.leadTimeSet(kpi: "k1", days: 0), .leadTimeSet(kpi: "k2", days: 10)])
    #expect(Room.verdicts(LeadTimeCheck(), cascade)["lead-time:d1"] == .pass)
  }
}

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
    (0, Finding.Message.lagging("Revenue growth"), "moves with or after"),
    (1, .outsideWindow("Revenue growth", days: 1), "leads by only 1 day: too little time to act"),
    (90, .outsideWindow("Revenue growth", days: 90), "leads by 90 days: too far ahead to predict"),
    (45, .leads("Revenue growth", days: 45), "leads Revenue growth by 45 days"),
  ])
  func reasonSaysWhatIsWrongAndRemedyWhatToDo(_ days: Int, _ message: Finding.Message, _ words: String) throws
  {
    let finding = try Room.finding(
      LeadTimeCheck(), try Room.withOneKPI([.leadTimeSet(kpi: "k1", days: days)]), "lead-time:k1")
    #expect(finding.message == message)
    #expect(finding.reason.contains(words))
    if days != 45 {
      #expect(finding.remedy?.contains("\(LeadTime.windowText) days before Revenue growth") == true)
    }
  }

  @Test func missingLeadTimeFails() throws {
    let cascade = try Room.withOneKPI()
    #expect(Room.verdicts(LeadTimeCheck(), cascade) == ["lead-time:k1": .fail, "lead-time:d1": .warn])
    #expect(
      try Room.finding(LeadTimeCheck(), cascade, "lead-time:k1").message == .noLeadTime("Revenue growth"))
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

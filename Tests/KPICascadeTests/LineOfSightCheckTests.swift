import Testing

@testable import KPICascade

@Suite("LineOfSightCheck")
struct LineOfSightCheckTests {
  @Test func companyKPIMovedByContributionOrKPIPasses() throws {
    let cascade = try Cascade(
      events: Room.companyKPIs + Room.department("d1", "Sales", kpis: ["k1"], companyKPI: "c1")
        + Room.department("d2", "Finance") + [
          .contributionRecorded(companyKPI: "c2", department: "d2", text: "Negotiates supplier terms"),
          .contributionRecorded(companyKPI: "c3", department: "d2", text: nil),
        ])
    #expect(
      Room.verdicts(LineOfSightCheck(), cascade) == [
        "line-of-sight:c1": .pass, "line-of-sight:c2": .pass, "line-of-sight:c3": .fail,
        "line-of-sight:d1": .pass, "line-of-sight:d2": .pass,
      ])
    #expect(
      try Room.finding(LineOfSightCheck(), cascade, "line-of-sight:c3").reason
        == "no department moves it")
    #expect(
      try Room.finding(LineOfSightCheck(), cascade, "line-of-sight:d2").message
        == .moves(["Net profit margin"]))
  }

  @Test func departmentThatMovesNothingFails() throws {
    let cascade = try Cascade(
      events: Room.companyKPIs + Room.department("d1", "Legal") + [
        .contributionRecorded(companyKPI: "c1", department: "d1", text: nil),
        .contributionRecorded(companyKPI: "c2", department: "d1", text: "  "),
      ])
    let verdicts = Room.verdicts(LineOfSightCheck(), cascade)
    #expect(verdicts["line-of-sight:d1"] == .fail)
    #expect(verdicts["line-of-sight:c1"] == .fail)
    #expect(verdicts["line-of-sight:c2"] == .fail)
  }
}

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
    #expect(try Room.finding(CountCheck(), few, "counts:level-1").reason == "1 company KPI: 3–5 recommended")
    let many = try Cascade(events: (0..<6).map { .companyKPIAdded(id: "c\($0)", name: "Outcome \($0)") })
    #expect(try Room.finding(CountCheck(), many, "counts:level-1").reason.contains("strategic confusion"))
    let empty = try Cascade(events: Room.companyKPIs + Room.department("d1", "Sales floor"))
    #expect(try Room.finding(CountCheck(), empty, "counts:d1").reason == "no KPIs")
    let two = try Cascade(events: Room.companyKPIs + Room.department("d1", "Sales", kpis: ["k1", "k2"]))
    #expect(
      try Room.finding(CountCheck(), two, "counts:d1").reason == "2 KPIs: 5–8 per department recommended")
  }
}

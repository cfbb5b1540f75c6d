import Testing

@testable import KPICascade

@Suite("TargetCheck")
struct TargetCheckTests {
  @Test func everyKPIAtBothLevelsIsTested() throws {
    let cascade = try Room.withOneKPI([
      .targetSet(kpi: "c1", target: "+20% YoY", reason: nil),
      .targetSet(kpi: "c2", target: "increase customer satisfaction", reason: nil),
      .targetSet(kpi: "k1", target: ">= 78%", reason: nil),
    ])
    #expect(
      Room.verdicts(TargetCheck(), cascade) == [
        "target:c1": .pass, "target:c2": .fail, "target:c3": .fail, "target:k1": .pass,
      ])
    #expect(try Room.finding(TargetCheck(), cascade, "target:c1").reason == "+20% YoY")
    #expect(try Room.finding(TargetCheck(), cascade, "target:k1").reason == "≥ 78%")
    #expect(
      try Room.finding(TargetCheck(), cascade, "target:c2").reason
        == "'increase customer satisfaction' is a goal, not a measurable target")
    #expect(
      try Room.finding(TargetCheck(), cascade, "target:c3").reason == "no target")
  }
}

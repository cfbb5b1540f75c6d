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
      try Room.finding(TargetCheck(), cascade, "target:c3").message == .noTarget)
  }

  @Test func levelThreeKPIsNeedAMeasurableTargetToo() throws {
    let cascade = try Room.withOneKPI([
      .individualKPIAdded(id: "i1", parent: "k1", name: "Discovery calls made"),
      .individualKPIAdded(id: "i2", parent: "k1", name: "Demos booked"),
      .individualKPIAdded(id: "i3", parent: "k1", name: "Proposals sent"),
      .targetSet(kpi: "i1", target: ">= 20 per week", reason: nil),
      .targetSet(kpi: "i2", target: "book more demos", reason: nil),
    ])
    let verdicts = Room.verdicts(TargetCheck(), cascade)
    #expect(verdicts["target:i1"] == .pass)
    #expect(verdicts["target:i2"] == .fail)
    #expect(verdicts["target:i3"] == .fail)
    #expect(TargetCheck().findings(in: cascade).map(\.subject).suffix(4) == ["k1", "i1", "i2", "i3"])
    #expect(try Room.finding(TargetCheck(), cascade, "target:i1").reason == "≥ 20 per week")
    #expect(
      try Room.finding(TargetCheck(), cascade, "target:i2").reason
        == "'book more demos' is a goal, not a measurable target")
    #expect(try Room.finding(TargetCheck(), cascade, "target:i3").message == .noTarget)
  }
}

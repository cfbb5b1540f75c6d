import Testing

@testable import KPICascade

/// A reading's value as the dashboard writes it: in the target's unit, to one decimal more than
/// the target, never rounded across it.
@Suite struct ReadingTextTests {
  @Test(arguments: [
    // (value, target as typed, shown)
    (23.0, ">= 20%", "23%"),
    (17.2046, ">= 20%", "17.2%"),
    (15.0451, "+20% YoY", "+15%"),
    (23.46, "+20% YoY", "+23.5%"),
    (0.0, "+20% YoY", "0%"),
    (-3.21, "+20% YoY", "-3.2%"),
    (-17.0, "-15% QoQ", "-17%"),
    (3.5342, ">= 4.5%", "3.53%"),
    (3.3559, ">= 3x", "3.4x"),
    (58.0181, ">= $58", "$58.02"),
    (58.0, ">= $58", "$58"),
    (58.5, ">= $58", "$58.50"),
    (1_234_567.4, ">= $1.2M", "$1,234,567"),
    (1_200_000.2, ">= $1.2M", "$1.2M"),
    (2.0011, "< $2.10", "$2"),
    (41.6706, "<= 45 days", "41.7 days"),
    (1.0, "<= 3 days", "1 day"),
    (1234.56, ">= 1,000", "1,234.6"),
  ])
  func againstATarget(_ value: Double, _ target: String, _ shown: String) throws {
    let target = try #require(Target.parse(target))
    #expect(ReadingText.value(value, target: target) == shown)
  }

  /// Rounding never changes what the value means against the target: more decimals are kept.
  @Test(arguments: [
    (2.1004, "<= $2.10", "$2.1004"),  // $2.10 would read as meeting "<= $2.10"
    (2.1004, "< $2.10", "$2.10"),  // at risk either way: $2.10 does not meet "< $2.10"
    (2.0996, "< $2.10", "$2.0996"),  // $2.10 would read as missing it
    (19.96, ">= 20%", "19.96%"),  // 20% would read as on track
    (20.04, "> 20%", "20.04%"),
    (18.99, ">= 20%", "18.99%"),  // 19% is at risk (within 5%), 18.99% off track
  ])
  func neverAcrossTheTarget(_ value: Double, _ target: String, _ shown: String) throws {
    let parsed = try #require(Target.parse(target))
    #expect(ReadingText.value(value, target: parsed) == shown)
    let threshold = Threshold(parsed)
    #expect(
      KPIStatus.of(ReadingText.rounded(value, for: parsed), against: threshold)
        == KPIStatus.of(value, against: threshold))
  }

  @Test(arguments: [(2.4, "2.4"), (17.204638, "17.2046"), (1200.0, "1,200"), (-0.5, "-0.5")])
  func withoutATargetAsRecorded(_ value: Double, _ shown: String) {
    #expect(ReadingText.value(value, target: nil) == shown)
  }

  @Test func aUnitWithoutATarget() {
    #expect(ReadingText.value(23, unit: .percent) == "23%")
    #expect(ReadingText.value(2.1, unit: .currency("$")) == "$2.10")
    #expect(ReadingText.value(4, unit: .custom("qualified leads")) == "4 qualified leads")
  }
}

import Testing

@testable import KPICascade

@Suite("Status against a parsed target")
struct StatusTests {
  /// (target as typed, which way is better, level, whether meeting it exactly counts)
  @Test(arguments: [
    (">= 78%", Threshold.Better.higher, 78.0, true), ("above 78%", .higher, 78, false),
    ("<= 4 hours", .lower, 4, true), ("< 3 days", .lower, 3, false), ("= 100%", .closer, 100, true),
    ("+20% YoY", .higher, 20, true), ("-15% QoQ", .lower, -15, true),
    ("$1.2M by Q4", .higher, 1_200_000, true),
    ("3 days", .lower, 3, true),
  ])
  func thresholdFromTarget(_ target: String, _ better: Threshold.Better, _ level: Double, _ inclusive: Bool) {
    let threshold = ScorecardRoom.threshold(target)
    #expect(threshold == Threshold(better: better, level: level, inclusive: inclusive))
  }

  /// (target, reading, status). The at-risk margin is 5% of the level: 3.9 for 78, 0.2 for 4
  /// hours, 0.75 for -15; a miss of exactly the margin is still at risk.
  @Test(arguments: [
    (">= 78%", 78.0, KPIStatus.onTrack), (">= 78%", 91, .onTrack), (">= 78%", 77.99, .atRisk),
    (">= 78%", 74.1, .atRisk), (">= 78%", 74.09, .offTrack), (">= 78%", 0, .offTrack),
    ("> 78%", 78, .atRisk), ("> 78%", 78.01, .onTrack), ("> 78%", 74.1, .atRisk), ("> 78%", 74, .offTrack),
    ("<= 4 hours", 4, .onTrack), ("<= 4 hours", 1, .onTrack), ("<= 4 hours", 4.2, .atRisk),
    ("<= 4 hours", 4.21, .offTrack), ("< 3 days", 3, .atRisk), ("< 3 days", 2.99, .onTrack),
    ("< 3 days", 3.15, .atRisk), ("< 3 days", 3.16, .offTrack),
    ("= 100%", 100, .onTrack), ("= 100%", 99.9, .atRisk), ("= 100%", 100.1, .atRisk), ("= 100%", 95, .atRisk),
    ("= 100%", 105, .atRisk), ("= 100%", 94.9, .offTrack), ("= 100%", 105.1, .offTrack),
    // A change target judges the reading as the change itself: +23% growth meets +20%.
    ("+20% YoY", 23, .onTrack), ("+20% YoY", 20, .onTrack), ("+20% YoY", 19, .atRisk),
    ("+20% YoY", 18.9, .offTrack),
    ("+20% YoY", -5, .offTrack),
    // -15%: shrinking by 16% meets it, by 14.25% is at risk, growing is off track.
    ("-15% QoQ", -16, .onTrack), ("-15% QoQ", -15, .onTrack), ("-15% QoQ", -14.25, .atRisk),
    ("-15% QoQ", -14.2, .offTrack), ("-15% QoQ", 3, .offTrack),
    ("$1.2M by Q4", 1_140_000, .atRisk), ("$1.2M by Q4", 1_139_999, .offTrack),
  ])
  func status(_ target: String, _ value: Double, _ expected: KPIStatus) {
    #expect(KPIStatus.of(value, against: ScorecardRoom.threshold(target)) == expected)
  }

  @Test func worstFirst() {
    #expect(
      KPIStatus.allCases.sorted() == [.offTrack, .stale, .atRisk, .noTarget, .noReadings, .onTrack])
  }
}

@Suite("Trend")
struct TrendTests {
  static func readings(_ values: [Double]) -> [Reading] {
    ScorecardRoom.weekly("k1", from: "2026-01-05", values)
  }

  /// (values, target, heading): the least-squares change over the last six readings, flat when
  /// it is under 2% of the larger of their mean and the target level.
  @Test(arguments: [
    ([100.0, 102], ">= 50", Trend.Heading.flat),  // 2 / 101 = 1.98%
    ([100, 102.04], ">= 50", .improving),  // 2.04 / 101.02 = 2.02%
    ([100, 97.9], ">= 50", .worsening),
    ([100, 97.9], "<= 100", .improving),
    ([100, 102.1], "<= 100", .worsening),
    ([90, 95], "= 100", .improving),
    ([100, 105], "= 100", .worsening),
    ([1, 1.5], ">= 50", .flat),  // 0.5 against the level 50
    ([100, 100, 100, 100, 100, 100, 100, 70], ">= 50", .worsening),
    ([70, 70, 100, 100, 100, 100, 100, 100], ">= 50", .flat),  // the 70s are out of the window
    ([100, 90, 110, 110, 90, 100], ">= 50", .flat),  // noise with no slope
    ([100], ">= 50", .flat),
  ])
  func heading(_ values: [Double], _ target: String, _ expected: Trend.Heading) {
    let trend = Trend(Self.readings(values), threshold: ScorecardRoom.threshold(target))
    #expect(trend.heading == expected)
    #expect(trend.values == Array(values.suffix(Trend.window)))
  }

  @Test func withoutATargetLowerIsWorse() {
    #expect(Trend(Self.readings([1, 1.5]), threshold: nil).heading == .improving)
    #expect(Trend(Self.readings([10, 9]), threshold: nil).heading == .worsening)
    #expect(Trend(Self.readings([]), threshold: nil).values.isEmpty)
  }
}

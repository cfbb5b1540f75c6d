/// Where a KPI stands as of a day, the word the dashboard and reviews use.
public enum KPIStatus: String, Codable, CaseIterable, Comparable, Sendable {
  case onTrack = "on track"
  /// Misses its target by no more than `Threshold.riskShare` of it.
  case atRisk = "at risk"
  case offTrack = "off track"
  /// Has readings, but none within its review cadence.
  case stale
  /// Has readings but no target the parser can judge them against.
  case noTarget = "no target"
  case noReadings = "no readings"

  /// Worst first: the order variances are flagged in.
  private var severity: Int {
    switch self {
    case .offTrack: 0
    case .stale: 1
    case .atRisk: 2
    case .noTarget: 3
    case .noReadings: 4
    case .onTrack: 5
    }
  }

  public static func < (a: KPIStatus, b: KPIStatus) -> Bool { a.severity < b.severity }

  /// A value's status against a threshold.
  ///
  /// A miss of exactly the margin is at risk, as the rule says, even where binary fractions
  /// disagree (`≥ 78%` read as 74.1: 3.9000000000000057 against a margin of 3.9000000000000004).
  public static func of(_ value: Double, against threshold: Threshold) -> KPIStatus {
    if threshold.isMet(by: value) { return .onTrack }
    let slack = 1e-9 * max(1, abs(threshold.level))
    return threshold.shortfall(of: value) <= threshold.margin + slack ? .atRisk : .offTrack
  }
}

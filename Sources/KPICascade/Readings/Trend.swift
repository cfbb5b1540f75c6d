/// Which way a KPI has been going over its last few readings, in its target's terms.
public struct Trend: Equatable, Sendable {
  public enum Heading: String, Codable, Sendable {
    case improving
    case worsening
    case flat
  }

  /// How many readings a trend looks at.
  public static let window = 6
  /// A change smaller than this share of the readings' mean (or of the target level, when that
  /// is larger: a KPI reading near zero would otherwise make every wobble a trend) is flat.
  public static let flatShare = 0.02

  /// The values looked at, oldest first (for a sparkline).
  public var values: [Double]
  public var heading: Heading

  /// The trend of the last `window` readings; flat with fewer than two.
  public init(_ readings: some Collection<Reading>, threshold: Threshold?) {
    values = readings.suffix(Self.window).map(\.value)
    heading = .flat
    guard values.count >= 2 else { return }
    // Least-squares slope over the readings' positions, times the span: the change the
    // window shows without letting one noisy end decide.
    let n = Double(values.count)
    let meanX = (n - 1) / 2
    let meanY = values.reduce(0, +) / n
    var numerator = 0.0
    var denominator = 0.0
    for (x, y) in values.enumerated() {
      numerator += (Double(x) - meanX) * (y - meanY)
      denominator += (Double(x) - meanX) * (Double(x) - meanX)
    }
    let change = numerator / denominator * (n - 1)
    let scale = max(abs(meanY), abs(threshold?.level ?? 0), .ulpOfOne)
    guard abs(change) / scale >= Self.flatShare else { return }
    let last = values[values.count - 1]
    let worse: Double
    if let threshold {
      worse = threshold.worsening(from: last - change, to: last)
    } else {
      worse = -change
    }
    heading = worse > 0 ? .worsening : .improving
  }
}

/// What a parsed target asks of a reading: which way is better, the level to meet, and how
/// close a miss still counts as "at risk".
///
/// For `+20% YoY` / `-15% QoQ` targets a reading is the change itself over the target's period
/// (`23%` means "grew 23%"), so they judge like `≥ 20%` and `≤ -15%`.
public struct Threshold: Equatable, Sendable {
  public enum Better: Equatable, Sendable {
    case higher
    case lower
    /// Nearer the level (an `= 100%` target).
    case closer
  }

  /// A miss by no more than this share of the level is at risk; beyond it, off track.
  public static let riskShare = 0.05

  public var better: Better
  public var level: Double
  /// Whether meeting the level exactly counts (`≥`) or not (`>`).
  public var inclusive: Bool

  public init(better: Better, level: Double, inclusive: Bool = true) {
    self.better = better
    self.level = level
    self.inclusive = inclusive
  }

  public init(_ target: Target) {
    switch target.direction {
    case .atLeast: self.init(better: .higher, level: target.value)
    case .above: self.init(better: .higher, level: target.value, inclusive: false)
    case .atMost: self.init(better: .lower, level: target.value)
    case .below: self.init(better: .lower, level: target.value, inclusive: false)
    case .exactly: self.init(better: .closer, level: target.value)
    case .increase: self.init(better: .higher, level: target.value)
    case .decrease: self.init(better: .lower, level: -target.value)
    }
  }

  /// How far a miss may go and still be at risk.
  public var margin: Double { abs(level) * Self.riskShare }

  /// Whether the value meets the level.
  public func isMet(by value: Double) -> Bool {
    switch better {
    case .higher: inclusive ? value >= level : value > level
    case .lower: inclusive ? value <= level : value < level
    case .closer: value == level
    }
  }

  /// How far the value misses the level (0 when it meets it).
  public func shortfall(of value: Double) -> Double {
    guard !isMet(by: value) else { return 0 }
    return abs(value - level)
  }

  /// How much worse `value` is than `reference`, in the target's terms (negative: better).
  public func worsening(from reference: Double, to value: Double) -> Double {
    switch better {
    case .higher: reference - value
    case .lower: value - reference
    case .closer: abs(value - level) - abs(reference - level)
    }
  }
}

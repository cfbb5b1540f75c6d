import KPICascade

/// How one KPI's weekly readings are drawn in a sample: a level on the good side of its target,
/// seeded noise small enough that a miss is rare, now and then a slow drift that stays on the
/// good side, and the unit's bounds and precision (a percentage stays within 0–100, money and
/// durations stay positive, a count of incidents is whole).
///
/// A story bends a series at a week (`fall(from:by:)`, `slip(…)`): the rest of the sample
/// is only noise, so the story is the one thing `diagnose` can find.
struct SampleSeries {
  /// What the target asks; `better` decides which way "healthy" and "worse" point.
  let threshold: Threshold
  /// The level the KPI runs at when nothing is wrong.
  private let healthy: Double
  /// The weekly noise's standard deviation.
  private var noise: Double
  /// How far the healthy level moves over the whole span, in the better direction (negative:
  /// towards the target, never across it).
  private var drift: Double
  /// Chance in a hundred of a one-step dip when there is no room for noise (`≥ 100%`, `≤ 0`).
  private let dipChance: Int
  private let bounds: ClosedRange<Double>
  /// Readings are rounded to 10^exponent (−1: one decimal; 3: to the thousand).
  private let exponent: Int
  private var bend: Bend?

  /// What a story does to the series from one week on.
  enum Bend {
    /// Worse by a share of the healthy level from the week on (a leading indicator dropping).
    case fall(week: Int, share: Double)
    /// Erodes for two weeks, then misses the target by `share` of it and slides another 2.5%
    /// of it each week (a company outcome following its indicator down: at risk, then off
    /// track).
    case slip(week: Int, share: Double)
  }

  init(target: Target, random: inout SplitMix64) {
    let threshold = Threshold(target)
    self.threshold = threshold
    let level = threshold.level
    let sign = Self.sign(threshold.better)
    bounds = Self.bounds(of: target.unit, level: level)
    exponent = Self.exponent(of: target.unit, level: level)

    // Healthy: 4–14% of the level on the good side, leaving a share of the room to a bound.
    var level0 = level + sign * random.double(in: 0.04...0.14) * abs(level)
    if sign > 0 { level0 = min(level0, level + 0.6 * (bounds.upperBound - level)) }
    if sign < 0 { level0 = max(level0, level - 0.6 * (level - bounds.lowerBound)) }
    healthy = level0
    let gap = abs(level0 - level)
    let step = Self.power(exponent)
    // Noise: 0.8–2.5% of the level, but no more than a fraction of the gap, so a miss is rare,
    // nor of the room to a bound, so a retention of 96% does not keep touching 100%.
    let room = min(bounds.upperBound - level0, level0 - bounds.lowerBound)
    noise = min(random.double(in: 0.008...0.025) * abs(level0), gap / 2.2, room / 3)
    dipChance = gap < step ? 5 : 0
    // One KPI in three drifts: up to the whole gap further away, or up to 30% of it closer.
    drift = random.chance(33) ? gap * random.double(in: -0.3...1.0) : 0
  }

  /// Whether a story can bend this series clearly: it has room between its level and target.
  var canBend: Bool { healthy != 0 && healthy != threshold.level && noise > 0 }

  /// Bends the series for a story; a bent series neither drifts nor keeps its full noise
  /// through the turn, so the story reads plainly (noise stays on every reading).
  mutating func bend(_ bend: Bend) {
    self.bend = bend
    drift = 0
  }

  /// The reading for week `week` of `weeks`.
  func value(week: Int, of weeks: Int, random: inout SplitMix64) -> Double {
    let sign = Self.sign(threshold.better)
    let progress = weeks > 1 ? Double(week) / Double(weeks - 1) : 0
    var value = healthy + sign * drift * progress
    var spread = noise
    switch bend {
    case .fall(let start, let share)? where week >= start:
      value -= sign * share * abs(healthy)
      spread = noise * (1 - share)
    case .slip(let start, let share)? where week >= start - 2:
      let gap = abs(healthy - threshold.level)
      // Little noise through the turn: the week it first misses is the week it was made to.
      spread = min(noise, gap / 10, 0.004 * abs(threshold.level))
      if week < start {
        value = healthy - sign * gap * (week == start - 2 ? 0.3 : 0.6)
      } else {
        let weeksDown = Double(week - start)
        value = threshold.level - sign * (share + 0.025 * weeksDown) * abs(threshold.level)
      }
    default:
      break
    }
    value += spread * random.normal()
    if dipChance > 0, random.chance(dipChance) {
      value -= sign * max(Self.power(exponent), abs(threshold.level) * 0.01)
    }
    let result = rounded(min(max(value, bounds.lowerBound), bounds.upperBound))
    return result == 0 ? 0 : result  // never -0
  }

  private func rounded(_ value: Double) -> Double {
    // Dividing by a power of ten (rather than multiplying by 0.1) gives the nearest double to
    // the decimal, which the transcript then writes as typed: 23.4, not 23.400000000000002.
    if exponent < 0 {
      let scale = Self.power(-exponent)
      return (value * scale).rounded() / scale
    }
    let scale = Self.power(exponent)
    return (value / scale).rounded() * scale
  }

  private static func sign(_ better: Threshold.Better) -> Double {
    switch better {
    case .higher: 1
    case .lower: -1
    case .closer: 0
    }
  }

  /// A percentage stays within 0–100 (within ±100 for a change with a negative target);
  /// money, durations and ratios stay positive; plain counts stay at or above 0.
  private static func bounds(of unit: Target.Unit?, level: Double) -> ClosedRange<Double> {
    switch unit {
    case .percent?: level < 0 ? -100...100 : 0...100
    case .currency?: 0.01...Double.greatestFiniteMagnitude
    case .days?, .hours?, .multiple?: 0.1...Double.greatestFiniteMagnitude
    case .points?: -100...100
    case .custom?, nil: 0...Double.greatestFiniteMagnitude
    }
  }

  /// About three significant figures of the target; money to the cent at most, and otherwise
  /// one decimal at most (a rate or an average over the week); whole numbers for a count
  /// whose target is 0.
  private static func exponent(of unit: Target.Unit?, level: Double) -> Int {
    guard level != 0 else { return 0 }
    var magnitude = 0
    var size = abs(level)
    while size >= 10 {
      size /= 10
      magnitude += 1
    }
    while size < 1 {
      size *= 10
      magnitude -= 1
    }
    switch unit {
    case .currency?, .multiple?: return max(magnitude - 2, -2)
    default: return max(magnitude - 2, -1)
    }
  }

  private static func power(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<abs(exponent) { result *= 10 }
    return exponent < 0 ? 1 / result : result
  }
}

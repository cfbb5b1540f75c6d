/// A stretch when a KPI went wrong: from the reading where it first missed its target or fell
/// clearly below its recent level, until it came back.
///
/// The rule (docs/diagnosis.md) is deliberately plain so a room can check it by eye:
/// a reading *turns* when it misses the target, or is worse than the mean of the up to
/// `trailing` readings before it by more than `share` of that mean; the turn counts when the
/// next reading has turned too (or it is the latest), so one noisy week is not a cause. The
/// episode lasts while readings still miss the target or stay worse than the level before the
/// turn by more than half of `share`.
public struct Episode: Equatable, Sendable {
  /// How many earlier readings the trailing mean averages.
  public static let trailing = 4
  /// How far below its trailing mean a reading must fall to have turned.
  public static let share = 0.10

  /// The day of the first reading that turned.
  public var onset: CalendarDay
  /// The trailing mean before the turn (the first reading's value when there is none).
  public var baseline: Double
  /// The value on the onset day.
  public var onsetValue: Double
  /// The worst value in the episode, through `end` or the day asked about.
  public var worst: Double
  /// The day of the last reading still in the episode.
  public var lastDay: CalendarDay
  /// Whether it is still going on at the last reading looked at.
  public var isOngoing: Bool
  /// Whether it began by missing the target (rather than by falling from its own level).
  public var missedTarget: Bool

  /// How much worse the worst value is than the baseline, as a share of the baseline (or of
  /// the target level when the baseline is 0).
  public func severity(_ threshold: Threshold?) -> Double {
    let scale = abs(baseline) > .ulpOfOne ? abs(baseline) : max(abs(threshold?.level ?? 1), .ulpOfOne)
    let worse = threshold?.worsening(from: baseline, to: worst) ?? (baseline - worst)
    return max(0, worse) / scale
  }

  /// Every episode in a series, oldest first. Without a threshold "worse" means lower.
  public static func all(in readings: some Collection<Reading>, threshold: Threshold?) -> [Episode] {
    let series = Array(readings)
    guard !series.isEmpty else { return [] }
    func worsening(_ reference: Double, _ value: Double) -> Double {
      threshold?.worsening(from: reference, to: value) ?? (reference - value)
    }
    func misses(_ value: Double) -> Bool {
      threshold.map { !$0.isMet(by: value) } ?? false
    }
    func trailingMean(before index: Int) -> Double? {
      let start = max(0, index - trailing)
      guard index - start >= 2 else { return nil }
      return series[start..<index].reduce(0) { $0 + $1.value } / Double(index - start)
    }
    func hasTurned(_ index: Int) -> (turned: Bool, missed: Bool) {
      let value = series[index].value
      if misses(value) { return (true, true) }
      guard let mean = trailingMean(before: index) else { return (false, false) }
      let scale = max(abs(mean), .ulpOfOne)
      return (worsening(mean, value) > share * scale, false)
    }

    var episodes: [Episode] = []
    var index = 0
    while index < series.count {
      let turn = hasTurned(index)
      let confirmed = turn.turned && (index == series.count - 1 || hasTurned(index + 1).turned)
      guard confirmed else {
        index += 1
        continue
      }
      let baseline = trailingMean(before: index) ?? series[index].value
      let scale = max(abs(baseline), .ulpOfOne)
      var episode = Episode(
        onset: series[index].day, baseline: baseline, onsetValue: series[index].value,
        worst: series[index].value, lastDay: series[index].day, isOngoing: true, missedTarget: turn.missed)
      var next = index + 1
      while next < series.count {
        let value = series[next].value
        guard misses(value) || worsening(baseline, value) > share / 2 * scale else { break }
        if worsening(episode.worst, value) > 0 { episode.worst = value }
        episode.lastDay = series[next].day
        next += 1
      }
      episode.isOngoing = next == series.count
      episodes.append(episode)
      index = next
    }
    return episodes
  }
}

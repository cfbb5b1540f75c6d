/// A stretch when a KPI went wrong: from the reading where it first missed its target or fell
/// clearly below its recent level, until it came back.
///
/// The rule (docs/diagnosis.md) is deliberately plain so a room can check it by eye. A
/// reading's *baseline* is the mean of the up to `trailing` readings before it (at least two).
/// A reading *turns* when it misses the target, or is worse than its baseline by more than
/// `share` of it (a fall). The turn counts when the next reading has turned too against the
/// same baseline (or it is the latest), so one noisy week is not a cause, and a fall that
/// stays down is confirmed even though the trailing mean starts to follow it. The episode
/// lasts while readings still miss the target or stay worse than the baseline by more than
/// half of `share`. An episode that began by merely grazing the target (at risk, no fall) is
/// dated again from the first confirmed fall inside it: hovering under the target is noise
/// around it, the fall is the event.
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
  /// The worst value in the episode, through its last reading.
  public var worst: Double
  /// The day of the last reading still in the episode.
  public var lastDay: CalendarDay
  /// Whether it is still going on at the last reading looked at.
  public var isOngoing: Bool
  /// Whether it began by missing the target (rather than by falling from its own level).
  public var missedTarget: Bool
  /// The day of the reading that ended it (back on target and near the baseline); `nil`
  /// while it is ongoing.
  public var recovery: CalendarDay?

  /// How much worse the worst value is than the baseline, as a share of the baseline (or of
  /// the target level when the baseline is 0).
  public func severity(_ threshold: Threshold?) -> Double {
    let scale = abs(baseline) > .ulpOfOne ? abs(baseline) : max(abs(threshold?.level ?? 1), .ulpOfOne)
    let worse = threshold?.worsening(from: baseline, to: worst) ?? (baseline - worst)
    return max(0, worse) / scale
  }

  /// Whether the KPI was still in this episode on `day` (it began on or before that day and
  /// had not recovered by then).
  public func isUnderway(on day: CalendarDay) -> Bool {
    onset <= day && (recovery.map { $0 > day } ?? true)
  }

  /// Every episode in a series, oldest first. Without a threshold "worse" means lower.
  public static func all(in readings: some Collection<Reading>, threshold: Threshold?) -> [Episode] {
    let series = Array(readings)
    guard !series.isEmpty else { return [] }
    let last = series.count - 1
    func worsening(_ reference: Double, _ value: Double) -> Double {
      threshold?.worsening(from: reference, to: value) ?? (reference - value)
    }
    func misses(_ index: Int) -> Bool {
      threshold.map { !$0.isMet(by: series[index].value) } ?? false
    }
    func baseline(before index: Int) -> Double? {
      let end = index - 1
      let start = max(0, end - trailing)
      guard end - start >= 2 else { return nil }
      return series[start..<end].reduce(0) { $0 + $1.value } / Double(end - start)
    }
    /// Worse than `baseline` by more than `share` of it.
    func fell(_ index: Int, from baseline: Double?, share: Double = Self.share) -> Bool {
      guard let baseline else { return false }
      return worsening(baseline, series[index].value) > share * max(abs(baseline), .ulpOfOne)
    }
    func start(at index: Int, baseline: Double?) -> Episode {
      let reading = series[index]
      return Episode(
        onset: reading.day, baseline: baseline ?? reading.value, onsetValue: reading.value,
        worst: reading.value, lastDay: reading.day, isOngoing: true, missedTarget: misses(index),
        recovery: nil)
    }

    var episodes: [Episode] = []
    var index = 0
    while index < series.count {
      let base = baseline(before: index)
      let turned = misses(index) || fell(index, from: base)
      let confirmed = turned && (index == last || misses(index + 1) || fell(index + 1, from: base))
      guard confirmed else {
        index += 1
        continue
      }
      var episode = start(at: index, baseline: base)
      var grazing =
        !fell(index, from: base)
        && threshold.map { KPIStatus.of(series[index].value, against: $0) == .atRisk } ?? false
      var next = index + 1
      while next < series.count {
        guard misses(next) || fell(next, from: episode.baseline, share: share / 2) else { break }
        let own = baseline(before: next)
        if grazing, fell(next, from: own), next == last || fell(next + 1, from: own) {
          episode = start(at: next, baseline: own)
          grazing = false
        } else if worsening(episode.worst, series[next].value) > 0 {
          episode.worst = series[next].value
        }
        episode.lastDay = series[next].day
        next += 1
      }
      if next < series.count {
        episode.isOngoing = false
        episode.recovery = series[next].day
      }
      episodes.append(episode)
      index = next
    }
    return episodes
  }
}

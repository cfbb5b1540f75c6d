/// A KPI's status as of a day, with what it rests on: the dashboard's row, a review's item.
public struct Standing: Equatable, Sendable {
  public var kpi: String
  public var status: KPIStatus
  /// The latest reading on or before the day.
  public var latest: Reading?
  public var threshold: Threshold?
  /// The first day of the current run of off-track readings (how long it has been off).
  public var offSince: CalendarDay?
  public var trend: Trend
  /// The cadence its staleness is judged by.
  public var cadence: ReviewCadence

  /// Judges a KPI's readings through `day`.
  ///
  /// Stale wins over the target: a month-old value says nothing about today. Otherwise the
  /// latest reading is judged against the parsed target (on track, at risk within
  /// `Threshold.riskShare`, off track).
  public init(
    kpi: String, readings: ArraySlice<Reading>, target: Target?, cadence: ReviewCadence,
    asOf day: CalendarDay
  ) {
    self.kpi = kpi
    self.cadence = cadence
    let threshold = target.map(Threshold.init)
    self.threshold = threshold
    latest = readings.last
    trend = Trend(readings, threshold: threshold)
    offSince = nil
    guard let latest else {
      status = .noReadings
      return
    }
    guard let threshold else {
      status = latest.day.days(to: day) > cadence.days ? .stale : .noTarget
      return
    }
    var since: CalendarDay?
    for reading in readings.reversed() {
      guard KPIStatus.of(reading.value, against: threshold) == .offTrack else { break }
      since = reading.day
    }
    offSince = since
    if latest.day.days(to: day) > cadence.days {
      status = .stale
    } else {
      status = KPIStatus.of(latest.value, against: threshold)
    }
  }
}

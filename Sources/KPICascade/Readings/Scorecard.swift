/// Every reading, kept per KPI in day order: the series status, the dashboard and diagnosis
/// read.
///
/// A second reading of the same KPI on the same day replaces the first (a correction), so a
/// series has at most one value per day. Encoded as one flat list ordered by KPI id then day,
/// which keeps files deterministic and readable by outside tools.
public struct Scorecard: Equatable, Sendable {
  private var series: [String: [Reading]] = [:]
  /// How many readings there are in all.
  public private(set) var count = 0

  public init() {}

  public init(_ readings: some Sequence<Reading>) {
    record(readings)
  }

  public var isEmpty: Bool { count == 0 }

  /// The KPIs that have at least one reading.
  public var kpis: Set<String> { Set(series.keys) }

  /// A KPI's readings, oldest first.
  public func readings(of kpi: String) -> [Reading] {
    series[kpi] ?? []
  }

  /// A KPI's readings up to and including a day, oldest first.
  public func readings(of kpi: String, through day: CalendarDay) -> ArraySlice<Reading> {
    let all = series[kpi] ?? []
    return all[..<Self.insertionIndex(of: day, in: all, after: true)]
  }

  /// The latest day with a reading of any KPI: the default "as of" of a dashboard.
  public var latestDay: CalendarDay? {
    series.values.compactMap(\.last?.day).max()
  }

  /// Adds readings; one on a day that already has a reading of that KPI replaces it.
  public mutating func record(_ readings: some Sequence<Reading>) {
    for reading in readings {
      if Self.insert(reading, into: &series[reading.kpi, default: []]) { count += 1 }
    }
  }

  /// Inserts in day order, replacing a reading on the same day; whether the series grew.
  private static func insert(_ reading: Reading, into list: inout [Reading]) -> Bool {
    if list.last.map({ $0.day < reading.day }) ?? true {
      list.append(reading)
      return true
    }
    let index = insertionIndex(of: reading.day, in: list, after: false)
    if index < list.count, list[index].day == reading.day {
      list[index] = reading
      return false
    }
    list.insert(reading, at: index)
    return true
  }

  /// Drops the readings of KPIs that are not in `kpis` (after a KPI is removed).
  public mutating func keep(only kpis: Set<String>) {
    for kpi in series.keys where !kpis.contains(kpi) {
      count -= series[kpi]?.count ?? 0
      series[kpi] = nil
    }
  }

  /// Every reading, ordered by KPI id then day.
  public var allReadings: [Reading] {
    series.keys.sorted().flatMap { series[$0] ?? [] }
  }

  /// The first index whose day is ≥ `day` (or > `day` when `after`).
  private static func insertionIndex(of day: CalendarDay, in list: [Reading], after: Bool) -> Int {
    var low = 0
    var high = list.count
    while low < high {
      let middle = (low + high) / 2
      if list[middle].day < day || (after && list[middle].day == day) {
        low = middle + 1
      } else {
        high = middle
      }
    }
    return low
  }
}

extension Scorecard: Codable {
  public init(from decoder: any Decoder) throws {
    self.init(try [Reading](from: decoder))
  }

  public func encode(to encoder: any Encoder) throws {
    try allReadings.encode(to: encoder)
  }
}

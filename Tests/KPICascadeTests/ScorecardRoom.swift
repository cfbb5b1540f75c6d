import Testing

@testable import KPICascade

/// Small hand-made cascades with readings, for the status, episode and diagnosis tests: the
/// events a room would have produced, then weekly readings from a start day.
struct ScorecardRoom {
  private(set) var events: [CascadeEvent] = []

  init() {}

  /// A company KPI with its target and accountable executive.
  mutating func company(_ id: String, target: String?, owner: String? = nil) {
    events.append(.companyKPIAdded(id: id, name: "Company \(id)"))
    if let target { events.append(.targetSet(kpi: id, target: target, reason: nil)) }
    if let owner { events.append(.ownerSet(kpi: id, person: owner)) }
  }

  /// A department and its head.
  mutating func department(_ id: String, head: String? = nil) {
    events.append(.departmentAdded(id: id, name: "Department \(id)"))
    if let head { events.append(.headSet(department: id, person: head)) }
  }

  /// A department KPI moving `companyKPI`, with its target, stated lead time and owner.
  mutating func indicator(
    _ id: String, in department: String, moves companyKPI: String, target: String?, lead: Int? = nil,
    owner: String? = nil
  ) {
    events.append(
      .departmentKPIAdded(id: id, department: department, companyKPI: companyKPI, name: "KPI \(id)"))
    if let target { events.append(.targetSet(kpi: id, target: target, reason: nil)) }
    if let lead { events.append(.leadTimeSet(kpi: id, days: lead)) }
    if let owner { events.append(.ownerSet(kpi: id, person: owner)) }
  }

  /// A Level 3 KPI under a department KPI.
  mutating func individual(_ id: String, under parent: String, target: String?, owner: String? = nil) {
    events.append(.individualKPIAdded(id: id, parent: parent, name: "Role KPI \(id)"))
    if let target { events.append(.targetSet(kpi: id, target: target, reason: nil)) }
    if let owner { events.append(.ownerSet(kpi: id, person: owner)) }
  }

  /// One reading per week from `start`, in order.
  mutating func weekly(_ kpi: String, from start: String, _ values: [Double]) {
    events.append(.readingsRecorded(readings: Self.weekly(kpi, from: start, values)))
  }

  mutating func append(_ event: CascadeEvent) {
    events.append(event)
  }

  func cascade() throws -> Cascade {
    try Cascade(events: events)
  }

  /// One reading per week from `start`, in order.
  static func weekly(_ kpi: String, from start: String, _ values: [Double]) -> [Reading] {
    let first = day(start)
    return values.enumerated().map { index, value in
      Reading(kpi: kpi, day: first.adding(days: 7 * index), value: value)
    }
  }

  /// A day the test knows is well formed.
  static func day(_ text: String) -> CalendarDay {
    guard let day = CalendarDay(text) else {
      Issue.record("'\(text)' is not a day")
      return CalendarDay(ordinal: 0)
    }
    return day
  }

  /// A threshold from a typed target the test knows parses.
  static func threshold(_ target: String) -> Threshold {
    guard let parsed = Target.parse(target) else {
      Issue.record("'\(target)' does not parse")
      return Threshold(better: .higher, level: 0)
    }
    return Threshold(parsed)
  }
}

/// A small seeded generator (SplitMix64), so a scenario with noise is the same on every run and
/// every platform.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Roughly normal noise (the sum of four uniforms), mean 0, standard deviation `deviation`.
  mutating func noise(_ deviation: Double) -> Double {
    var sum = 0.0
    for _ in 0..<4 { sum += Double.random(in: -1...1, using: &self) }
    // Four uniforms on [-1, 1] have variance 4/3.
    return sum / (4.0 / 3.0).squareRoot() * deviation
  }
}

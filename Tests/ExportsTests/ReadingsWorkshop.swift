import KPICascade

@testable import Exports

/// The hostile workshop after eight weeks of readings, one KPI in each state the dashboard
/// knows: a company KPI off track for the last two weeks, one with no parsed target, one never
/// measured; a department KPI at risk, one gone stale, one never measured; a Level 3 KPI that
/// has just gone off track. Hostile names carry readings, so they reach the trends' titles.
enum ReadingsWorkshop {
  /// Week 0 is Monday 2026-02-02; the last readings are in week 7, 2026-03-23.
  static func week(_ number: Int) -> CalendarDay {
    CalendarDay("2026-02-02")!.adding(days: 7 * number)
  }

  static let lastDay = week(7)

  /// c1 "Revenue growth" (≥ 20% YoY): at risk in week 5 (19.6), off track from week 6.
  static let revenue = [22, 21.5, 21, 20.5, 20, 19.6, 18, 17]
  /// c2 (the script name; its target is not a number): weeks 5–7.
  static let unmeasurable = [1.0, 2, 3]
  /// k1 (the formula; ≥ 3x coverage): weeks 5–7, a miss within 5% at the end.
  static let coverage = [3.5, 3.2, 2.9]
  /// k2 (two lines; ≥ 95%): weeks 0–1 only, so stale by week 7 (operational review is weekly).
  static let delivery = [96.0, 97]
  /// i3 (≥ 120): weeks 6–7, off track in week 7.
  static let picks = [130.0, 100]

  static func readings(_ kpi: String, _ values: [Double], from first: Int) -> [Reading] {
    values.enumerated().map { Reading(kpi: kpi, day: week(first + $0.offset), value: $0.element) }
  }

  static let events: [CascadeEvent] =
    HostileWorkshop.events + [
      .readingsRecorded(
        readings: readings("c1", revenue, from: 0) + readings("c2", unmeasurable, from: 5)
          + readings("k1", coverage, from: 5) + readings("k2", delivery, from: 0)
          + readings("i3", picks, from: 6))
    ]

  static func cascade() throws -> Cascade { try Cascade(events: events) }

  static func page(asOf: CalendarDay? = nil) throws -> String {
    ExecutivePage.render(
      workshop: HostileWorkshop.name, cascade: try cascade(), findings: HostileWorkshop.findings,
      asOf: asOf)
  }
}

import Foundation
import KPICascade

/// The weeks after a sample workshop (`kpi-align sample --readings`): a reading of every KPI
/// with a target, every week, recorded as one exchange a week, and one story planted in them.
///
/// The story is what a review exists to catch: in one department a leading indicator drops
/// by a quarter, often after a Level 3 KPI beneath it went a week or two earlier, and about
/// the indicator's stated lead time later the company KPI it moves falls below target. The
/// rest is noise and harmless drift, so `diagnose` on that company KPI has one right answer.
///
/// Drawn from its own generator (the seed, mixed), so asking for readings does not change a
/// single byte of the workshop before them; linear in KPIs × weeks.
struct SampleReadings {
  /// Weekly readings are dated on Fridays, the first in the second week after the workshop.
  static let readingWeekday = 5

  private(set) var exchanges: [Exchange] = []
  private(set) var story: SampleSession.Story?

  init(cascade: Cascade, after workshopEnd: Date, weeks: Int, seed: UInt64, firstSeq: Int) {
    var random = SplitMix64(seed: seed ^ 0x7EAD_1265_5EED_2027)
    let workshopDay = Int((workshopEnd.timeIntervalSince1970 / 86_400).rounded(.down))
    let nextWeek = workshopDay + 7
    // 1970-01-01 (ordinal 0) was a Thursday: weekday 4, Sunday being 0.
    let first = nextWeek + (Self.readingWeekday - (nextWeek + 4) % 7 + 7) % 7
    let days = (0..<weeks).map { CalendarDay(ordinal: first + 7 * $0) }

    // Every KPI with a target the parser reads, top down, each with its series drawn in turn.
    var kpis: [String] = []
    var series: [SampleSeries] = []
    var index: [String: Int] = [:]
    func add(_ id: String, _ target: Target?) {
      guard let target else { return }
      let drawn = SampleSeries(target: target, random: &random)
      index[id] = kpis.count
      kpis.append(id)
      series.append(drawn)
    }
    for kpi in cascade.companyKPIs { add(kpi.id, kpi.parsedTarget) }
    for kpi in cascade.departmentKPIs { add(kpi.id, kpi.parsedTarget) }
    for kpi in cascade.individualKPIs { add(kpi.id, kpi.parsedTarget) }

    if let plot = Self.plot(cascade: cascade, weeks: weeks, measured: index, series: series, random: &random)
    {
      series[index[plot.companyKPI]!].bend(
        .slip(week: plot.companyWeek, share: random.double(in: 0.02...0.035)))
      series[index[plot.indicator]!].bend(
        .fall(week: plot.indicatorWeek, share: random.double(in: 0.25...0.32)))
      if let individual = plot.individual {
        series[index[individual]!].bend(
          .fall(week: plot.indicatorWeek - 1 - random.below(2), share: random.double(in: 0.25...0.35)))
      }
      story = SampleSession.Story(
        companyKPI: plot.companyKPI, indicator: plot.indicator, individual: plot.individual,
        indicatorFell: days[plot.indicatorWeek], companyFell: days[plot.companyWeek], lastDay: days[weeks - 1]
      )
    }

    exchanges.reserveCapacity(weeks)
    for (week, day) in days.enumerated() {
      var readings: [Reading] = []
      readings.reserveCapacity(kpis.count)
      for (position, kpi) in kpis.enumerated() {
        readings.append(
          Reading(kpi: kpi, day: day, value: series[position].value(week: week, of: weeks, random: &random)))
      }
      // Recorded that afternoon, between 16:00 and 17:00.
      let at = Date(timeIntervalSince1970: Double(day.ordinal * 86_400 + 16 * 3_600 + random.below(3_600)))
      exchanges.append(
        Exchange(
          seq: firstSeq + week, at: at, step: WorkshopStep.govern.rawValue, question: Self.question,
          answer: "readings for \(day)", changes: [.cascade(.readingsRecorded(readings: readings))]))
    }
  }

  /// The question a recorded week of readings stands under in the transcript.
  static let question = "(readings)"

  private struct Plot {
    let companyKPI: String
    let indicator: String
    let individual: String?
    let indicatorWeek: Int
    let companyWeek: Int
  }

  /// Picks the story: a company KPI, one department KPI under it whose stated lead time fits
  /// in the span with a month of normal readings before the drop, preferably with a Level 3
  /// KPI under it that can go first. The company KPI misses its target from the third-last
  /// week, the indicator drops its lead time (in whole weeks) before that. `nil` when no
  /// indicator fits (too few weeks).
  private static func plot(
    cascade: Cascade, weeks: Int, measured: [String: Int], series: [SampleSeries], random: inout SplitMix64
  ) -> Plot? {
    let companyWeek = weeks - 3
    func bendable(_ id: String) -> Bool { measured[id].map { series[$0].canBend } ?? false }
    var under: [String: [String]] = [:]
    for kpi in cascade.individualKPIs where bendable(kpi.id) { under[kpi.parent, default: []].append(kpi.id) }
    var candidates: [(company: String, kpi: String, week: Int)] = []
    for kpi in cascade.departmentKPIs where bendable(kpi.id) && bendable(kpi.companyKPI) {
      guard let lead = kpi.leadTimeDays, lead > 0 else { continue }
      let week = companyWeek - Int((Double(lead) / 7).rounded())
      // Six normal weeks first: a trailing mean to fall from, and room for the Level 3 KPI.
      guard week >= 6 else { continue }
      candidates.append((kpi.companyKPI, kpi.id, week))
    }
    let withIndividuals = candidates.filter { under[$0.kpi] != nil }
    let pool = withIndividuals.isEmpty ? candidates : withIndividuals
    guard !pool.isEmpty else { return nil }
    let chosen = random.pick(pool)
    return Plot(
      companyKPI: chosen.company, indicator: chosen.kpi,
      individual: under[chosen.kpi].map { random.pick($0) },
      indicatorWeek: chosen.week, companyWeek: companyWeek)
  }
}

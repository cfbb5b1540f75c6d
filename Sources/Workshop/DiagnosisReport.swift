import Foundation
import KPICascade

/// `/diagnose` and `kpi-align diagnose` as text or JSON: where a KPI's dip started, the chain
/// down the cascade with dates, values, departments and whom to call, and how the stated lead
/// times compare with what the readings show.
struct DiagnosisReport {
  let cascade: Cascade
  let diagnosis: Diagnosis
  let style: TextStyle

  func text() -> String {
    let top = diagnosis.kpi
    let name = display(top)
    var lines = [style.heading("Diagnosis: \(name)") + "  as of \(diagnosis.asOf)"]
    switch diagnosis.finding {
    case .noReadings:
      lines.append("\(name) has no readings through \(diagnosis.asOf): nothing to diagnose yet.")
      return lines.joined(separator: "\n")
    case .notTurned:
      lines.append("\(name) has not turned: \(standingText(diagnosis.standing)).")
      if diagnosis.indicators.isEmpty {
        lines.append("Nothing beneath it has turned either.")
      } else {
        lines.append("Early warnings beneath it (turned, \(name) has not yet):")
        lines.append(contentsOf: diagnosis.indicators.enumerated().map { warning($1, rank: $0 + 1) })
      }
      return lines.joined(separator: "\n")
    default:
      break
    }
    let episode = diagnosis.episode!
    lines.append(
      "\(name) turned on \(episode.onset): \(value(episode.onsetValue, of: top))"
        + " (before: \(value(episode.baseline, of: top))\(targetText(of: top))), \(since(episode.onset)).")
    switch diagnosis.finding {
    case .nothingMeasuredBeneath:
      lines.append(
        "No KPI beneath it has readings, so the cascade can't say where it started. Record its leading indicators' readings (/readings FILE)."
      )
    case .outsideCascade:
      lines.append(
        style.problem("Nothing beneath it turned first.")
          + " The cause lies outside the cascade: strategy, the market, or a leading indicator the cascade is missing. That is itself a finding for the next alignment review."
      )
    default:
      lines.append("")
      lines.append(
        style.heading("Where it started") + style.dim(" (the chain, from \(name) down to the earliest turn)"))
      var indent = "  "
      for indicator in diagnosis.chain {
        let pair = chainLines(indicator, indent: indent + "  ")
        lines.append(indent + "← " + pair[0])
        lines.append(pair[1])
        indent += "  "
      }
      let earliest = diagnosis.chain.last!
      lines.append(
        "Call \(DisplayText.safe(earliest.owner ?? "the department head")) first: \(display(earliest.kpi)) turned "
          + "\(earliest.episode.onset.days(to: episode.onset)) days before \(name).")
      let others = diagnosis.indicators.dropFirst()
      if !others.isEmpty {
        lines.append("")
        lines.append(
          style.heading("Also turned before it")
            + style.dim(" (ranked: lag against stated lead, weighed by how far it fell)"))
        for (rank, indicator) in others.enumerated() {
          let pair = chainLines(indicator, indent: "     ")
          lines.append("  \(rank + 2). " + pair[0])
          lines.append(pair[1])
        }
      }
    }
    if !diagnosis.calibration.isEmpty {
      lines.append("")
      lines.append(style.heading("Lead times") + style.dim(" (stated against observed in these readings)"))
      for entry in diagnosis.calibration {
        let verdict = entry.agrees ? style.mark(.pass) + " agrees" : style.mark(.warn) + " disagrees"
        lines.append(
          "  \(display(entry.kpi)): stated \(entry.statedDays) days, observed about \(entry.observedDays)  \(verdict)"
        )
      }
    }
    return lines.joined(separator: "\n")
  }

  // MARK: - Lines

  /// Two lines: who to call, then when it turned and how far it fell.
  private func chainLines(_ indicator: Diagnosis.Indicator, indent: String) -> [String] {
    let department = indicator.department.map { DisplayText.safe(cascade.name(of: $0)) } ?? ""
    let episode = indicator.episode
    var when = "turned \(episode.onset)"
    if let lag = indicator.lagDays { when += ", \(lag) days before" }
    if let stated = indicator.statedLeadDays { when += " (stated lead \(stated) days)" }
    let fall =
      "\(value(episode.baseline, of: indicator.kpi)) → \(value(episode.worst, of: indicator.kpi))"
      + targetText(of: indicator.kpi)
    return [
      "\(display(indicator.kpi)) · \(department) · call \(DisplayText.safe(indicator.owner ?? "—"))",
      indent + "\(when): \(fall)",
    ]
  }

  private func warning(_ indicator: Diagnosis.Indicator, rank: Int) -> String {
    let department = indicator.department.map { DisplayText.safe(cascade.name(of: $0)) } ?? ""
    let episode = indicator.episode
    return
      "  \(rank). \(display(indicator.kpi)) (\(department)) turned \(episode.onset), \(since(episode.onset)): "
      + "\(value(episode.baseline, of: indicator.kpi)) → \(value(episode.worst, of: indicator.kpi)); call "
      + DisplayText.safe(indicator.owner ?? "—")
  }

  private func standingText(_ standing: Standing) -> String {
    guard let latest = standing.latest else { return standing.status.rawValue }
    return "\(standing.status.rawValue), \(value(latest.value, of: standing.kpi)) on \(latest.day)"
      + targetText(of: standing.kpi)
  }

  private func display(_ kpi: String) -> String {
    DisplayText.safe(cascade.name(of: kpi))
  }

  private func target(of kpi: String) -> (text: String, parsed: Target?)? {
    let typed =
      cascade.companyKPI(kpi)?.target ?? cascade.departmentKPI(kpi)?.target
      ?? cascade.individualKPI(kpi)?.target
    return typed.map { ($0, cascade.parsedTarget(of: kpi)) }
  }

  private func targetText(of kpi: String) -> String {
    guard let target = target(of: kpi) else { return "" }
    return ", target " + (target.parsed?.summary ?? DisplayText.safe(target.text))
  }

  private func value(_ number: Double, of kpi: String) -> String {
    ReadingText.value(number, target: target(of: kpi)?.parsed)
  }

  private func since(_ day: CalendarDay) -> String {
    let days = day.days(to: diagnosis.asOf)
    if days == 0 { return "today" }
    return days >= 14 ? "\(days / 7) weeks ago" : days == 1 ? "1 day ago" : "\(days) days ago"
  }

  // MARK: - JSON

  /// The same diagnosis for tools (docs/diagnosis.md): stable keys, days as `YYYY-MM-DD`,
  /// values as numbers in the KPI's target unit; absent fields are omitted, never null.
  func json() -> String {
    let document = Document(
      kpi: diagnosis.kpi, name: cascade.name(of: diagnosis.kpi), asOf: diagnosis.asOf.description,
      finding: diagnosis.finding.rawValue, status: diagnosis.standing.status.rawValue,
      turned: diagnosis.episode.map(Turn.init), chain: diagnosis.chain.map(indicator),
      indicators: diagnosis.indicators.map(indicator),
      calibration: diagnosis.calibration.map {
        Document.LeadTime(
          kpi: $0.kpi, name: cascade.name(of: $0.kpi), statedLeadDays: $0.statedDays,
          observedLagDays: $0.observedDays, agrees: $0.agrees)
      })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(document)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }

  private func indicator(_ indicator: Diagnosis.Indicator) -> Document.Indicator {
    Document.Indicator(
      kpi: indicator.kpi, name: cascade.name(of: indicator.kpi), level: indicator.level.rawValue,
      department: indicator.department.map { cascade.name(of: $0) }, departmentId: indicator.department,
      owner: indicator.owner, turned: Turn(indicator.episode), lagDays: indicator.lagDays,
      statedLeadDays: indicator.statedLeadDays, match: indicator.match, score: indicator.score,
      beneath: indicator.beneath.map(self.indicator))
  }

  /// `kpi-align diagnose --format json`.
  private struct Document: Encodable {
    var format = "kpi-align-diagnosis"
    var version = 1
    var kpi: String
    var name: String
    var asOf: String
    var finding: String
    var status: String
    var turned: Turn?
    var chain: [Indicator]
    var indicators: [Indicator]
    var calibration: [LeadTime]

    struct Indicator: Encodable {
      var kpi: String
      var name: String
      var level: String
      var department: String?
      var departmentId: String?
      var owner: String?
      var turned: Turn
      var lagDays: Int?
      var statedLeadDays: Int?
      var match: Double
      var score: Double
      var beneath: [Indicator]
    }

    struct LeadTime: Encodable {
      var kpi: String
      var name: String
      var statedLeadDays: Int
      var observedLagDays: Int
      var agrees: Bool
    }
  }

  /// When a KPI turned and how far it fell.
  private struct Turn: Encodable {
    var onset: String
    var onsetValue: Double
    var baseline: Double
    var worst: Double
    var ongoing: Bool
    var missedTarget: Bool

    init(_ episode: Episode) {
      onset = episode.onset.description
      onsetValue = episode.onsetValue
      baseline = episode.baseline
      worst = episode.worst
      ongoing = episode.isOngoing
      missedTarget = episode.missedTarget
    }
  }
}

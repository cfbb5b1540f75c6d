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
        lines.append(indent + "← " + chainLine(indicator))
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
          lines.append("  \(rank + 2). " + chainLine(indicator))
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

  private func chainLine(_ indicator: Diagnosis.Indicator) -> String {
    let department = indicator.department.map { DisplayText.safe(cascade.name(of: $0)) } ?? ""
    let episode = indicator.episode
    var text = "\(display(indicator.kpi)) (\(department)) turned \(episode.onset)"
    if let lag = indicator.lagDays { text += ", \(lag) days before" }
    text += ": \(value(episode.baseline, of: indicator.kpi)) → \(value(episode.worst, of: indicator.kpi))"
    text += targetText(of: indicator.kpi)
    if let stated = indicator.statedLeadDays { text += "; stated lead \(stated) days" }
    text += "; call \(DisplayText.safe(indicator.owner ?? "—"))"
    return text
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
    return typed.map { ($0, Target.parse($0)) }
  }

  private func targetText(of kpi: String) -> String {
    guard let target = target(of: kpi) else { return "" }
    return ", target " + (target.parsed?.summary ?? DisplayText.safe(target.text))
  }

  private func value(_ number: Double, of kpi: String) -> String {
    (target(of: kpi)?.parsed ?? Target(direction: .atLeast, value: 0)).format(number.forDisplay)
  }

  private func since(_ day: CalendarDay) -> String {
    let days = day.days(to: diagnosis.asOf)
    return days >= 14 ? "\(days / 7) weeks ago" : days == 1 ? "1 day ago" : "\(days) days ago"
  }

  // MARK: - JSON

  /// The same diagnosis for tools: stable keys, days as `YYYY-MM-DD`, values as numbers.
  func json() -> String {
    var object: [String: Any] = [
      "kpi": diagnosis.kpi,
      "name": cascade.name(of: diagnosis.kpi),
      "asOf": diagnosis.asOf.description,
      "finding": diagnosis.finding.rawValue,
      "status": diagnosis.standing.status.rawValue,
    ]
    if let episode = diagnosis.episode { object["turned"] = episodeObject(episode) }
    object["chain"] = diagnosis.chain.map(indicatorObject)
    object["indicators"] = diagnosis.indicators.map(indicatorObject)
    object["calibration"] = diagnosis.calibration.map { entry -> [String: Any] in
      [
        "kpi": entry.kpi, "name": cascade.name(of: entry.kpi), "statedLeadDays": entry.statedDays,
        "observedLagDays": entry.observedDays, "agrees": entry.agrees,
      ]
    }
    let data =
      (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }

  private func episodeObject(_ episode: Episode) -> [String: Any] {
    [
      "onset": episode.onset.description, "onsetValue": episode.onsetValue, "baseline": episode.baseline,
      "worst": episode.worst, "ongoing": episode.isOngoing, "missedTarget": episode.missedTarget,
    ]
  }

  private func indicatorObject(_ indicator: Diagnosis.Indicator) -> [String: Any] {
    var object: [String: Any] = [
      "kpi": indicator.kpi,
      "name": cascade.name(of: indicator.kpi),
      "level": indicator.level.rawValue,
      "turned": episodeObject(indicator.episode),
      "match": indicator.match,
      "score": indicator.score,
      "beneath": indicator.beneath.map(indicatorObject),
    ]
    if let department = indicator.department {
      object["department"] = cascade.name(of: department)
      object["departmentId"] = department
    }
    object["owner"] = indicator.owner ?? NSNull()
    object["lagDays"] = indicator.lagDays ?? NSNull()
    object["statedLeadDays"] = indicator.statedLeadDays ?? NSNull()
    return object
  }
}

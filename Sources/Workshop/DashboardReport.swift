import KPICascade

/// The executive dashboard on a terminal or in a pipe: company KPIs on top, the department
/// leading indicators under the company KPI they move, flagged variances at the bottom.
///
/// Sized for a projector: 120 columns; with `rows`, the indicators fold into two columns and
/// the variance list is cut (saying how many more) so the whole view fits on one screen.
struct DashboardReport {
  let cascade: Cascade
  let dashboard: Dashboard
  let style: TextStyle
  let width = 120
  /// The screen's height; `nil` prints everything (a pipe, a file).
  let rows: Int?
  /// Each KPI's parsed target.
  private let targets: [String: Target]

  init(cascade: Cascade, dashboard: Dashboard, style: TextStyle, rows: Int? = nil) {
    self.cascade = cascade
    self.dashboard = dashboard
    self.style = style
    self.rows = rows
    var targets: [String: Target] = [:]
    let all =
      cascade.companyKPIs.map { ($0.id, $0.parsedTarget) }
      + cascade.departmentKPIs.map { ($0.id, $0.parsedTarget) }
      + cascade.individualKPIs.map { ($0.id, $0.parsedTarget) }
    for (id, target) in all {
      if let target { targets[id] = target }
    }
    self.targets = targets
  }

  /// The dashboard; `today`, when the day shown is the latest reading's by default, says so and
  /// how old that reading is, so a dashboard nobody fed does not pass for a current one.
  func text(title: String, today: CalendarDay? = nil) -> String {
    var lines: [String] = []
    var day = "  as of \(dashboard.asOf)"
    // With no readings the day is today, not a reading's: nothing is said of one.
    if let today, !cascade.scorecard.isEmpty {
      let age = dashboard.asOf.days(to: today)
      day +=
        age > 0
        ? ", the latest reading (\(age) day\(age == 1 ? "" : "s") before today)" : ", the latest reading"
    }
    lines.append(
      style.heading("Executive dashboard · \(DisplayText.safe(title))") + day
        + style.dim("  (\(cascade.scorecard.count) reading\(cascade.scorecard.count == 1 ? "" : "s"))"))
    guard !cascade.scorecard.isEmpty else {
      lines.append("No readings yet. /record KPI VALUE [DATE] adds one; /readings FILE reads a spreadsheet.")
      return lines.joined(separator: "\n")
    }
    lines.append("")
    lines.append(
      style.heading(row("Company KPIs", "Latest", "Target", "Status", "Trend", "Owner", nameWidth: 32)))
    for standing in dashboard.company {
      lines.append(companyRow(standing))
    }
    lines.append(
      style.dim(
        "  Trend: the last 6 readings, the target's level in scale; ↑ better, ↓ worse, → flat for the target."
      ))
    lines.append("")
    lines.append(
      style.heading("Leading indicators") + style.dim(" (department KPIs, under the company KPI they move)"))
    var indicatorLines = dashboard.groups.flatMap { group in
      [groupTitle(group)] + group.indicators.map { indicatorRow($0) }
    }
    let fixed = lines.count + 3 + min(dashboard.variances.count, 3) + 1
    if let rows, fixed + indicatorLines.count > rows {
      // Exceptions first: on a screen too small for every indicator, the on-track ones of each
      // group fold into one line, so no name is cut and nothing off track is hidden.
      indicatorLines = dashboard.groups.flatMap { group in
        [groupTitle(group)] + folded(group.indicators)
      }
    }
    lines.append(contentsOf: indicatorLines)
    lines.append("")
    lines.append(style.heading("Flagged variances") + style.dim(" (off track or stale, worst first)"))
    if dashboard.variances.isEmpty {
      lines.append("  None: every KPI with readings is on track or at risk.")
    } else {
      var shown = dashboard.variances
      if let rows {
        let room = max(1, rows - lines.count - 1)
        if shown.count > room { shown = Array(shown.prefix(room - 1)) }
      }
      lines.append(contentsOf: shown.map(varianceRow))
      if shown.count < dashboard.variances.count {
        lines.append(
          style.dim(
            "  … and \(dashboard.variances.count - shown.count) more (kpi-align dashboard SESSION lists them all)"
          ))
      }
    }
    return lines.map { $0.trimmingTrailingSpaces }.joined(separator: "\n")
  }

  // MARK: - Rows

  private func row(
    _ name: String, _ latest: String, _ target: String, _ status: String, _ trend: String, _ owner: String,
    nameWidth: Int
  ) -> String {
    let cells = [
      name.fitted(nameWidth), latest.fitted(12, right: true), " " + target.fitted(22), status.fitted(12),
      trend.fitted(9), owner.fitted(max(8, width - nameWidth - 63)),
    ]
    return "  " + cells.joined(separator: " ")
  }

  private func companyRow(_ standing: Standing) -> String {
    let kpi = cascade.companyKPI(standing.kpi)
    let line = row(
      DisplayText.safe(kpi?.name ?? standing.kpi), latest(standing),
      target(of: standing.kpi, typed: kpi?.target), standing.status.rawValue,
      trend(standing), DisplayText.safe(kpi?.owner ?? "—"), nameWidth: 32)
    return paint(line, standing.status)
  }

  private func groupTitle(_ group: Dashboard.Group) -> String {
    let name = DisplayText.safe(cascade.name(of: group.companyKPI))
    let count = group.indicators.count
    return "  " + style.heading(name) + style.dim(count == 0 ? "  (no department KPI moves it)" : "")
  }

  /// `Marketing  Returning-customer rate  2.9%  ≥ 4%  off track  ▇▇▃▂▂▂ ↓  Mia Chen`.
  private func indicatorRow(_ standing: Standing) -> String {
    let department = DisplayText.safe(cascade.owningDepartment(ofKPI: standing.kpi)?.name ?? "")
    let kpi = cascade.departmentKPI(standing.kpi)
    let cells = [
      department.fitted(11), DisplayText.safe(kpi?.name ?? standing.kpi).fitted(34),
      latest(standing).fitted(10, right: true), " " + target(of: standing.kpi, typed: kpi?.target).fitted(22),
      standing.status.rawValue.fitted(10), trend(standing).fitted(8),
      DisplayText.safe(kpi?.owner ?? "—").fitted(max(6, width - 106)),
    ]
    return paint("    " + cells.joined(separator: " "), standing.status)
  }

  /// Every indicator that is not on track, then one line counting the on-track ones by
  /// department.
  private func folded(_ standings: [Standing]) -> [String] {
    let exceptions = standings.filter { $0.status != .onTrack }
    let fine = standings.filter { $0.status == .onTrack }
    guard !fine.isEmpty else { return exceptions.map(indicatorRow) }
    var counts: [(String, Int)] = []
    for standing in fine {
      let department = cascade.owningDepartment(ofKPI: standing.kpi)?.name ?? ""
      if let index = counts.firstIndex(where: { $0.0 == department }) {
        counts[index].1 += 1
      } else {
        counts.append((department, 1))
      }
    }
    let by = counts.map { "\(DisplayText.safe($0.0)) \($0.1)" }.joined(separator: ", ")
    let line = "    \(mark(.onTrack)) \(fine.count) more on track (\(by))"
    return exceptions.map(indicatorRow) + [
      style.dim(line.count > width ? String(line.prefix(width - 1)) + "…" : line)
    ]
  }

  private func varianceRow(_ variance: Dashboard.Variance) -> String {
    let name = DisplayText.safe(cascade.name(of: variance.kpi))
    let place: String
    switch variance.level {
    case .company: place = "company KPI"
    case .department: place = cascade.owningDepartment(ofKPI: variance.kpi)?.name ?? "department"
    case .individual:
      place =
        cascade.individualKPI(variance.kpi).flatMap { cascade.owningDepartment(ofKPI: $0.parent)?.name }
        ?? "individual"
    }
    let how: String
    switch variance.status {
    case .stale:
      how =
        "stale: last reading \(variance.since.map(String.init(describing:)) ?? "?") (\(days(variance.days)) ago)"
    default:
      how =
        variance.days == 0
        ? "off track since \(variance.since.map(String.init(describing:)) ?? "?")"
        : "off track \(days(variance.days)) (since \(variance.since.map(String.init(describing:)) ?? "?"))"
    }
    let owner = variance.owner.map { "call " + DisplayText.safe($0) } ?? "no owner"
    let columns = [
      name.fitted(32), DisplayText.safe(place).fitted(14), how.fitted(40), owner.fitted(width - 98),
    ]
    return "  " + mark(variance.status) + " " + columns.joined(separator: " ")
  }

  // MARK: - Cells

  private func latest(_ standing: Standing) -> String {
    guard let reading = standing.latest else { return "—" }
    return ReadingText.value(reading.value, target: targets[standing.kpi])
  }

  private func target(of kpi: String, typed: String?) -> String {
    guard let typed else { return "no target" }
    return targets[kpi]?.summary ?? DisplayText.safe(typed)
  }

  /// `▂▃▅▆▇ ↓`: the last readings as bars, then which way they head for the target.
  private func trend(_ standing: Standing) -> String {
    let values = standing.trend.values
    guard values.count >= 2 else { return values.isEmpty ? "" : "▄" }
    let level = standing.threshold.map { [$0.level] } ?? []
    let low = (values + level).min() ?? 0
    let high = (values + level).max() ?? 0
    let bars = Array("▁▂▃▄▅▆▇█")
    let sparkline = String(
      values.map { value in
        high - low < .ulpOfOne ? bars[3] : bars[min(7, Int((value - low) / (high - low) * 7.999))]
      })
    let arrow: String
    switch standing.trend.heading {
    case .improving: arrow = "↑"
    case .worsening: arrow = "↓"
    case .flat: arrow = "→"
    }
    // Arrows say better/worse for the target, not up/down: a falling cost improves.
    return sparkline + " " + arrow
  }

  private func days(_ count: Int?) -> String {
    guard let count else { return "" }
    if count >= 14 { return "\(count / 7) weeks" }
    return count == 1 ? "1 day" : "\(count) days"
  }

  private func mark(_ status: KPIStatus) -> String {
    switch status {
    case .onTrack: style.mark(.pass)
    case .atRisk: style.mark(.warn)
    case .offTrack: style.mark(.fail)
    case .stale: style.isFancy ? style.dim("○") : "[stale]"
    case .noTarget, .noReadings: style.isFancy ? "·" : "[ -- ]"
    }
  }

  private func paint(_ line: String, _ status: KPIStatus) -> String {
    switch status {
    case .offTrack: style.problem(line)
    case .stale, .noReadings, .noTarget: style.dim(line)
    case .onTrack, .atRisk: line
    }
  }
}

extension String {
  /// Without the spaces a padded last column leaves at the end of a line.
  var trimmingTrailingSpaces: String {
    var text = self
    while text.hasSuffix(" ") { text.removeLast() }
    return text
  }

  /// Exactly `width` characters: cut with `…` when longer, padded with spaces when shorter.
  func fitted(_ width: Int, right: Bool = false) -> String {
    guard width > 0 else { return "" }
    if count > width { return String(prefix(width - 1)) + "…" }
    let padding = String(repeating: " ", count: width - count)
    return right ? padding + self : self + padding
  }
}

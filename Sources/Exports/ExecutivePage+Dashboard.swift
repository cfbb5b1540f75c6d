import KPICascade

/// The page's first view once readings come in: the same judgement as the terminal's
/// `dashboard` (one `Dashboard` value), laid out for a browser and for print.
///
/// Company outcomes on top, the department leading indicators that move each one in the middle,
/// and the flagged variances (off track, stale) at the bottom, with whom to ask and for how long.
/// Every status is a word and a symbol as well as a colour, and every trend says its values in
/// words, so the page reads the same in grey print, to a colour-blind reader and to a screen
/// reader. The right-hand columns of the two KPI tables share their widths, so values, targets
/// and statuses line up down the page.
extension ExecutivePage {
  static func dashboardSection(_ cascade: Cascade, asOf day: CalendarDay) -> [String] {
    let dashboard = Dashboard(cascade: cascade, asOf: day)
    let rows = DashboardRows(cascade: cascade, asOf: day)
    var lines = [
      "<section id=\"dashboard\" aria-labelledby=\"dashboard-title\">",
      "<h2 id=\"dashboard-title\">Dashboard as of \(day)</h2>",
      "<p class=\"legend\">\(legend(cascade))</p>",
      "<h3>Company outcomes</h3>",
      "<table class=\"dashboard\">",
      "<colgroup><col class=\"c-kpi\"><col class=\"c-latest\"><col class=\"c-target\">"
        + "<col class=\"c-status\"><col class=\"c-trend\"><col class=\"c-owner\"></colgroup>",
      "<thead><tr><th scope=\"col\">Company KPI</th><th scope=\"col\" class=\"num\">Latest</th>"
        + "<th scope=\"col\">Target</th><th scope=\"col\">Status</th><th scope=\"col\">Trend</th>"
        + "<th scope=\"col\">Accountable</th></tr></thead>",
      "<tbody>",
    ]
    if dashboard.company.isEmpty {
      lines.append("<tr><td colspan=\"6\" class=\"missing\">No company KPIs yet.</td></tr>")
    }
    for standing in dashboard.company {
      lines.append("<tr>" + rows.cells(standing, first: "") + "</tr>")
    }
    lines += ["</tbody>", "</table>"]
    lines += indicatorTable(dashboard, rows)
    lines += varianceTable(dashboard, rows)
    return lines + ["</section>"]
  }

  /// One table for every group, a `<tbody>` per company KPI headed by that KPI and its status,
  /// so print keeps a group together and the columns align across groups.
  private static func indicatorTable(_ dashboard: Dashboard, _ rows: DashboardRows) -> [String] {
    var lines = [
      "<h3>Department leading indicators</h3>",
      "<table class=\"dashboard\">",
      "<colgroup><col class=\"c-department\"><col class=\"c-indicator\"><col class=\"c-latest\">"
        + "<col class=\"c-target\"><col class=\"c-status\"><col class=\"c-trend\"><col class=\"c-owner\">"
        + "</colgroup>",
      "<thead><tr><th scope=\"col\">Department</th><th scope=\"col\">KPI</th>"
        + "<th scope=\"col\" class=\"num\">Latest</th><th scope=\"col\">Target</th>"
        + "<th scope=\"col\">Status</th><th scope=\"col\">Trend</th><th scope=\"col\">Owner</th></tr></thead>",
    ]
    for (group, company) in zip(dashboard.groups, dashboard.company) {
      lines += [
        "<tbody>",
        "<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"7\">Moves \(rows.name(group.companyKPI))"
          + " <span class=\"now\">(now \(badge(company.status)))</span></th></tr>",
      ]
      if group.indicators.isEmpty {
        lines.append(
          "<tr><td colspan=\"7\" class=\"missing\">No department KPI moves this company KPI yet.</td></tr>")
      }
      for standing in group.indicators {
        lines.append(
          "<tr>" + rows.cells(standing, first: "<td>\(rows.department(standing.kpi))</td>") + "</tr>")
      }
      lines.append("</tbody>")
    }
    if dashboard.groups.isEmpty {
      lines.append("<tbody><tr><td colspan=\"7\" class=\"missing\">No department KPIs yet.</td></tr></tbody>")
    }
    return lines + ["</table>"]
  }

  /// Off-track and stale KPIs at every level, worst and longest first, as `Dashboard` orders them.
  private static func varianceTable(_ dashboard: Dashboard, _ rows: DashboardRows) -> [String] {
    var lines = ["<h3>Flagged variances</h3>"]
    guard !dashboard.variances.isEmpty else {
      return lines + ["<p>None: no KPI is off track or stale.</p>"]
    }
    lines += [
      "<table class=\"dashboard variances\">",
      "<colgroup><col class=\"c-variance\"><col class=\"c-level\"><col class=\"c-status\">"
        + "<col class=\"c-owner\"><col class=\"c-since\"><col class=\"c-days\"></colgroup>",
      "<thead><tr><th scope=\"col\">KPI</th><th scope=\"col\">Level</th><th scope=\"col\">Status</th>"
        + "<th scope=\"col\">Owner</th><th scope=\"col\">Since</th><th scope=\"col\" class=\"num\">Days</th>"
        + "</tr></thead>",
      "<tbody>",
    ]
    for variance in dashboard.variances {
      let since = variance.since.map { "\($0)" } ?? "—"
      let days = variance.days.map(String.init) ?? "—"
      lines.append(
        "<tr><th scope=\"row\">\(rows.label(variance.kpi))</th>"
          + "<td>\(variance.level.number) · \(variance.level.rawValue)</td><td>\(badge(variance.status))</td>"
          + "<td>\(cell(variance.owner, missing: "not named"))</td><td class=\"day\">\(since)</td>"
          + "<td class=\"num\">\(days)</td></tr>")
    }
    return lines + [
      "</tbody>", "</table>",
      "<p class=\"legend\">Since: the first reading of the current off-track run; for a stale KPI, "
        + "its last reading. Days: from then to \(dashboard.asOf).</p>",
    ]
  }

  /// What the statuses and the trend pictures mean, from the rules that decide them.
  private static func legend(_ cascade: Cascade) -> String {
    let margin = ReadingText.value(Threshold.riskShare * 100, unit: .percent)
    let operational = ReviewKind.operational.cadence(in: cascade.governance)
    let strategic = ReviewKind.strategic.cadence(in: cascade.governance)
    return "At risk: misses the target by no more than \(margin) of it. "
      + "Stale: no reading within the review cadence (\(strategic.rawValue) for company KPIs, "
      + "\(operational.rawValue) for the others). "
      + "Trend: the last \(Sparkline.count) readings at most, oldest left, with the target as a dashed "
      + "line and off-track readings dotted; the word under it judges the last \(Trend.window)."
  }

  /// A status as a symbol, a word and a colour; off track is bold and boxed thick, stale is
  /// boxed dashed, so the two that need action stand out in grey print too.
  static func badge(_ status: KPIStatus) -> String {
    let (symbol, style): (String, String) =
      switch status {
      case .onTrack: ("✓", "on-track")
      case .atRisk: ("⚠", "at-risk")
      case .offTrack: ("✗", "off-track")
      case .stale: ("◷", "stale")
      case .noTarget: ("–", "no-target")
      case .noReadings: ("–", "no-readings")
      }
    let tag = status == .offTrack ? "strong" : "span"
    return "<\(tag) class=\"badge \(style)\"><span aria-hidden=\"true\">\(symbol)</span> "
      + "\(status.rawValue)</\(tag)>"
  }

  /// The style rules only a page with a dashboard needs; appended to `style` so a cascade
  /// without readings renders byte for byte as it did before readings existed.
  static let dashboardStyle = """
    table.dashboard { table-layout: fixed; }
    table.dashboard th, table.dashboard td { vertical-align: middle; word-wrap: break-word;
      overflow-wrap: anywhere; }
    col.c-kpi { width: 27%; }
    col.c-department { width: 12%; }
    col.c-indicator { width: 15%; }
    col.c-latest { width: 10%; }
    col.c-target { width: 12%; }
    col.c-status { width: 12%; }
    col.c-trend { width: 19%; }
    col.c-owner { width: 20%; }
    col.c-variance { width: 34%; }
    col.c-level { width: 14%; }
    col.c-since { width: 12%; }
    col.c-days { width: 8%; }
    .num { text-align: right; }
    .num, .day { font-variant-numeric: tabular-nums; white-space: nowrap; }
    td .day { display: block; font-size: .82em; color: #555; }
    tr.group th { background: #f2f2f2; font-weight: 600; }
    tr.group .now { font-weight: normal; }
    .legend { font-size: .88em; color: #444; max-width: 60rem; }
    .badge { display: inline-block; white-space: nowrap; border: 1px solid currentColor;
      border-radius: 3px; padding: 0 .35em; line-height: 1.35; }
    .badge.on-track { color: #1b6e2a; }
    .badge.at-risk { color: #8a5a00; }
    .badge.off-track { color: #a1121a; border-width: 2px; font-weight: 700; }
    .badge.stale { color: #4d4d4d; border-style: dashed; }
    .badge.no-target, .badge.no-readings { color: #666; border-color: transparent; font-style: italic; }
    svg.trend { display: block; width: 100%; max-width: 150px; height: auto; }
    .heading { display: block; font-size: .82em; color: #555; }
    @media screen and (max-width: 60rem) {
      table.dashboard { table-layout: auto; }
      .badge { white-space: normal; }
    }
    @media print {
      @page { size: A4 landscape; margin: 12mm; }
      #dashboard { page-break-after: always; break-after: page; }
      tr.group th { background: none; border-top: 2px solid #000; }
      td .day, .heading, .legend { color: #000; }
    }
    """
}

/// What the KPI tables need from the cascade for one row, looked up once per page rather than
/// once per row (the large sample has thousands of KPIs).
private struct DashboardRows {
  private let cascade: Cascade
  private let asOf: CalendarDay
  private var names: [String: String] = [:]
  private var targets: [String: String] = [:]
  /// Each KPI's target as parsed; `nil` for a target that is not measurable (shown as typed).
  private var parsed: [String: Target] = [:]
  private var owners: [String: String] = [:]
  private var departments: [String: String] = [:]

  init(cascade: Cascade, asOf: CalendarDay) {
    self.cascade = cascade
    self.asOf = asOf
    for kpi in cascade.companyKPIs {
      names[kpi.id] = kpi.name
      targets[kpi.id] = kpi.target
      parsed[kpi.id] = kpi.parsedTarget
      owners[kpi.id] = kpi.owner
    }
    for department in cascade.departments {
      for kpi in department.kpis {
        names[kpi.id] = kpi.name
        targets[kpi.id] = kpi.target
        parsed[kpi.id] = kpi.parsedTarget
        owners[kpi.id] = kpi.owner ?? department.head
        departments[kpi.id] = department.name
      }
    }
    for kpi in cascade.individualKPIs {
      names[kpi.id] = kpi.name
      departments[kpi.id] = departments[kpi.parent]
    }
  }

  func name(_ kpi: String) -> String {
    "<span class=\"text\">\(ExecutivePage.escape(names[kpi] ?? kpi))</span>"
  }

  /// `KPI name (Department)`, as `ExecutivePage.kpiLabel` writes it, without a search per KPI.
  func label(_ kpi: String) -> String {
    guard let department = departments[kpi] else { return name(kpi) }
    return "\(name(kpi)) (<span class=\"text\">\(ExecutivePage.escape(department))</span>)"
  }

  func department(_ kpi: String) -> String {
    ExecutivePage.cell(departments[kpi], missing: "no department")
  }

  /// A KPI's row after the given first cell(s): name, latest value and day, target, status,
  /// trend, owner.
  func cells(_ standing: Standing, first: String) -> String {
    let text = targets[standing.kpi]
    let target = parsed[standing.kpi]
    let latest: String
    if let reading = standing.latest {
      latest =
        "\(ExecutivePage.escape(ReadingText.value(reading.value, target: target)))"
        + "<span class=\"day\">\(reading.day)</span>"
    } else {
      latest = "—"
    }
    let targetCell =
      target.map { "<span class=\"text\">\(ExecutivePage.escape($0.summary))</span>" }
      ?? ExecutivePage.cell(text, missing: "not set")
    return first + "<th scope=\"row\">\(name(standing.kpi))</th><td class=\"num\">\(latest)</td>"
      + "<td>\(targetCell)</td><td>\(ExecutivePage.badge(standing.status))</td>"
      + "<td>\(trend(standing, target))</td>"
      + "<td>\(ExecutivePage.cell(owners[standing.kpi], missing: "not named"))</td>"
  }

  /// The sparkline and the trend's heading in words; a dash when there is nothing to draw.
  private func trend(_ standing: Standing, _ target: Target?) -> String {
    let readings = cascade.scorecard.readings(of: standing.kpi, through: asOf)
    guard let sparkline = Sparkline(readings: readings, threshold: standing.threshold, asOf: asOf) else {
      return "—"
    }
    let heading =
      standing.trend.values.count >= 2
      ? "<span class=\"heading\">\(standing.trend.heading.rawValue)</span>" : ""
    return sparkline.svg(label: ExecutivePage.escape(label(standing, sparkline, target))) + heading
  }

  /// The trend in words, for the SVG's title and its accessible name.
  private func label(_ standing: Standing, _ sparkline: Sparkline, _ target: Target?) -> String {
    let shown = sparkline.readings
    let values = shown.map { ReadingText.value($0.value, target: target) }.joined(separator: ", ")
    let count = shown.count == 1 ? "1 reading" : "\(shown.count) readings"
    let span =
      shown.count == 1 ? "on \(shown[0].day)" : "from \(shown[0].day) to \(shown[shown.count - 1].day)"
    var text = "\(names[standing.kpi] ?? standing.kpi): \(count) \(span): \(values)."
    if let target { text += " Target \(target.summary)." }
    let off = sparkline.offTrack
    if !off.isEmpty {
      text += " Off track on " + off.map { "\($0.day)" }.joined(separator: ", ") + "."
    }
    return text
  }
}

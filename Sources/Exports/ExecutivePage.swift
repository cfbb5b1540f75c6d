import KPICascade

/// The executive view of the cascade as one self-contained HTML page, for the CEO's browser and
/// for print: company KPIs on top, the department leading indicators that move each of them in
/// the middle with the Level 3 KPIs under them, and what still needs attention at the bottom.
///
/// With readings, a dashboard comes first (`ExecutivePage+Dashboard.swift`): each KPI's status
/// as of a day, with its trend drawn as inline SVG.
///
/// The page stands alone: one inline `<style>`, no script, no image file (trends are SVG drawn
/// in the page), no font or stylesheet from elsewhere and no link out, so it opens the same from an e-mail attachment, a wiki upload or
/// an offline laptop, and nothing in it can call home. Every piece of text the room typed goes
/// through `escape`, so a name like `<script>` is shown, never run. The output depends only on
/// the inputs (no "generated at"), so the same session always gives the same page.
public enum ExecutivePage {
  /// The page, ending with a newline.
  ///
  /// When the cascade has readings, the page opens with the dashboard as of `asOf` (by default
  /// the latest reading's day); without readings it is the cascade alone, as it always was.
  ///
  /// - Parameter findings: every finding of every check; the verdict marks and the bottom
  ///   section use only the open ones (warn or fail, not accepted).
  public static func render(
    workshop: String, cascade: Cascade, findings: [Finding], asOf: CalendarDay? = nil
  ) -> String {
    let open = Exporter.openFindings(findings, in: cascade)
    let day = cascade.scorecard.isEmpty ? nil : asOf ?? Dashboard.defaultDay(of: cascade)
    let marks = VerdictMarks(findings: findings, open: open, cascade: cascade)
    let lines =
      [
        "<!DOCTYPE html>",
        "<html lang=\"en\">",
        "<head>",
        "<meta charset=\"utf-8\">",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        "<title>\(escape(workshop)) — KPI cascade</title>",
        "<style>",
        day == nil ? style : style + "\n" + dashboardStyle,
        "</style>",
        "</head>",
        "<body>",
        "<header>",
        "<h1>KPI cascade: <span class=\"text\">\(escape(workshop))</span></h1>",
        "<p>\(lockLine(cascade))</p>",
        "</header>",
        "<main>",
      ]
      + (day.map { dashboardSection(cascade, asOf: $0) } ?? [])
      + companySection(cascade) + departmentSection(cascade, marks)
      + attentionSection(cascade, open)
      + ["</main>", "</body>", "</html>"]
    return lines.joined(separator: "\n") + "\n"
  }

  /// `text` safe anywhere in the page, as element content or a quoted attribute value: the
  /// five characters HTML gives meaning to become references; line breaks (CR, CRLF) become
  /// `\n`, which the `.text` rule shows as breaks; other control characters, which HTML forbids
  /// in text, become a space.
  static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      case "\r\n", "\r", "\n": result += "\n"
      case let other
      where other.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\t" }:
        result += " "
      default: result.append(character)
      }
    }
    return result
  }

  // MARK: - Top: company KPIs

  private static func companySection(_ cascade: Cascade) -> [String] {
    var lines = [
      "<section id=\"company\" aria-labelledby=\"company-title\">",
      "<h2 id=\"company-title\">Company outcomes</h2>",
    ]
    guard !cascade.companyKPIs.isEmpty else {
      return lines + ["<p class=\"missing\">No company KPIs yet.</p>", "</section>"]
    }
    lines += [
      "<table class=\"card\">",
      "<thead><tr><th scope=\"col\">Company KPI</th><th scope=\"col\">Target</th>"
        + "<th scope=\"col\">Accountable executive</th></tr></thead>",
      "<tbody>",
    ]
    for kpi in cascade.companyKPIs {
      lines.append(
        "<tr><th scope=\"row\">\(cell(kpi.name))</th><td>\(cell(kpi.target, missing: "not set"))</td>"
          + "<td>\(cell(kpi.owner, missing: "not named"))</td></tr>")
    }
    return lines + ["</tbody>", "</table>", "</section>"]
  }

  // MARK: - Middle: department leading indicators and Level 3

  /// One card per company KPI, listing the department KPIs that lead it; each department KPI
  /// is its own `<tbody>` with its Level 3 KPIs, so print never splits a KPI from its drivers.
  private static func departmentSection(_ cascade: Cascade, _ marks: VerdictMarks) -> [String] {
    var lines = [
      "<section id=\"departments\" aria-labelledby=\"departments-title\">",
      "<h2 id=\"departments-title\">Department leading indicators</h2>",
    ]
    let companyIDs = Set(cascade.companyKPIs.map(\.id))
    // Looked up once, not searched per KPI: a large cascade has thousands of KPIs.
    var departmentNames: [String: String] = [:]
    for department in cascade.departments {
      for kpi in department.kpis { departmentNames[kpi.id] = department.name }
    }
    let individuals = Dictionary(grouping: cascade.individualKPIs, by: \.parent)
    var groups = cascade.companyKPIs.map { company in
      (title: Optional(company.name), kpis: cascade.departmentKPIs.filter { $0.companyKPI == company.id })
    }
    // Only an imported file could hold these: shown rather than silently dropped.
    let unlinked = cascade.departmentKPIs.filter { !companyIDs.contains($0.companyKPI) }
    if !unlinked.isEmpty { groups.append((title: nil, kpis: unlinked)) }
    if cascade.departmentKPIs.isEmpty {
      lines.append("<p class=\"missing\">No department KPIs yet.</p>")
    }
    for group in groups where !cascade.departmentKPIs.isEmpty {
      lines.append("<section class=\"card\">")
      if let title = group.title {
        lines.append("<h3>Moves <span class=\"text\">\(escape(title))</span></h3>")
      } else {
        lines.append("<h3>Linked to no company KPI</h3>")
      }
      guard !group.kpis.isEmpty else {
        lines += ["<p class=\"missing\">No department moves this company KPI yet.</p>", "</section>"]
        continue
      }
      lines += [
        "<table>",
        "<thead><tr><th scope=\"col\">Department / role</th><th scope=\"col\">KPI</th>"
          + "<th scope=\"col\">Target</th><th scope=\"col\">Lead time</th>"
          + "<th scope=\"col\">Owner</th><th scope=\"col\">Verdict</th></tr></thead>",
      ]
      for kpi in group.kpis {
        let department = departmentNames[kpi.id]
        lines += [
          "<tbody>",
          "<tr class=\"level-2\"><td>\(cell(department, missing: "no department"))</td>"
            + "<th scope=\"row\">\(cell(kpi.name))</th><td>\(cell(kpi.target, missing: "not set"))</td>"
            + "<td>\(leadTime(kpi.leadTimeDays))</td><td>\(cell(kpi.owner, missing: "not named"))</td>"
            + "<td>\(marks.mark(for: kpi.id))</td></tr>",
        ]
        for individual in individuals[kpi.id] ?? [] {
          lines.append(
            "<tr class=\"level-3\"><td>\(cell(individual.role, missing: "no role"))</td>"
              + "<th scope=\"row\"><span aria-hidden=\"true\">↳ </span>\(cell(individual.name))</th>"
              + "<td>\(cell(individual.target, missing: "not set"))</td><td>—</td>"
              + "<td>\(cell(individual.owner, missing: "not named"))</td>"
              + "<td>\(marks.mark(for: individual.id))</td></tr>")
        }
        lines.append("</tbody>")
      }
      lines += ["</table>", "</section>"]
    }
    let idle = cascade.departments.filter(\.kpis.isEmpty)
    if !idle.isEmpty {
      lines.append(
        "<p>Departments with no KPIs yet: "
          + idle.map { "<span class=\"text\">\(escape($0.name))</span>" }.joined(separator: ", ") + "</p>")
    }
    return lines + ["</section>"]
  }

  /// Lead time in days and what it makes the KPI, as in the minutes.
  private static func leadTime(_ days: Int?) -> String {
    guard let days else { return "<span class=\"missing\">not set</span>" }
    let count = days == 1 ? "1 day" : "\(days) days"
    if days == 0 { return "\(count) (lagging)" }
    if LeadTime.window.contains(days) { return "\(count) (leading)" }
    return "\(count) (outside \(LeadTime.window.lowerBound)–\(LeadTime.window.upperBound))"
  }

  // MARK: - Bottom: open findings and conflicts

  private static func attentionSection(_ cascade: Cascade, _ open: [Finding]) -> [String] {
    var lines = [
      "<section id=\"attention\" aria-labelledby=\"attention-title\">",
      "<h2 id=\"attention-title\">Needs attention</h2>",
      "<h3>Open findings</h3>",
    ]
    if open.isEmpty {
      lines.append("<p>None: every finding passes or was accepted.</p>")
    } else {
      lines += [
        "<table class=\"card\">",
        "<thead><tr><th scope=\"col\">Verdict</th><th scope=\"col\">Test</th>"
          + "<th scope=\"col\">About</th><th scope=\"col\">Reason</th>"
          + "<th scope=\"col\">What to do</th></tr></thead>",
        "<tbody>",
      ]
      for finding in open {
        lines.append(
          "<tr><td>\(VerdictMarks.mark(finding.verdict))</td><td>\(escape(finding.check.title))</td>"
            + "<td>\(subject(finding.subject, cascade))</td><td>\(cell(finding.reason))</td>"
            + "<td>\(cell(finding.remedy, missing: "—"))</td></tr>")
      }
      lines += ["</tbody>", "</table>"]
    }
    lines.append("<h3>Conflicts</h3>")
    guard !cascade.conflicts.isEmpty else { return lines + ["<p>None examined.</p>", "</section>"] }
    lines += [
      "<table class=\"card\">",
      "<thead><tr><th scope=\"col\">Status</th><th scope=\"col\">KPI</th><th scope=\"col\">KPI</th>"
        + "<th scope=\"col\">Company KPI at risk</th></tr></thead>",
      "<tbody>",
    ]
    // Open conflicts first: they are what the executive has to act on.
    let ordered = cascade.conflicts.filter(\.isOpen) + cascade.conflicts.filter { !$0.isOpen }
    for conflict in ordered {
      let status: String =
        switch (conflict.isOpen, conflict.structural) {
        case (true, nil): "<strong class=\"fail\">open</strong> (not asked yet)"
        case (true, _): "<strong class=\"fail\">open</strong> (structural)"
        case (false, true?): "resolved"
        case (false, _): "no conflict"
        }
      lines.append(
        "<tr><td>\(status)</td><td>\(kpiLabel(conflict.first, cascade))</td>"
          + "<td>\(kpiLabel(conflict.second, cascade))</td>"
          + "<td>\(cell(cascade.name(of: conflict.companyKPI)))</td></tr>")
    }
    return lines + ["</tbody>", "</table>", "</section>"]
  }

  /// What a finding is about, in names: a KPI pair (`k1~k2`), a KPI or department, the
  /// company KPIs as a level, a part of governance, or the whole cascade.
  private static func subject(_ subject: String, _ cascade: Cascade) -> String {
    if cascade.name(of: subject) == subject {
      switch subject {
      case "cascade": return "the cascade"
      case "level-1": return "company KPIs"
      case let part where part.hasPrefix("governance-"):
        return "governance: "
          + escape(String(part.dropFirst("governance-".count).map { $0 == "-" ? " " : $0 }))
      default: break
      }
    }
    return subject.split(separator: "~").map { kpiLabel(String($0), cascade) }.joined(separator: " ↔ ")
  }

  /// `KPI name (Department)`, escaped; the id alone when the KPI no longer exists.
  static func kpiLabel(_ id: String, _ cascade: Cascade) -> String {
    let name = "<span class=\"text\">\(escape(cascade.name(of: id)))</span>"
    let parent = cascade.individualKPI(id)?.parent ?? id
    guard let department = cascade.owningDepartment(ofKPI: parent) else { return name }
    return "\(name) (<span class=\"text\">\(escape(department.name))</span>)"
  }

  // MARK: - Cells

  /// A value in its own element (so the room's text is one text node), or a marked
  /// placeholder when absent, so a missing answer reads as missing rather than as blank.
  static func cell(_ text: String?, missing: String = "not set") -> String {
    guard let text, !text.isEmpty else { return "<span class=\"missing\">\(missing)</span>" }
    return "<span class=\"text\">\(escape(text))</span>"
  }

  private static func lockLine(_ cascade: Cascade) -> String {
    guard let day = cascade.lockedOn else { return "Company KPIs not locked yet." }
    let until = LockPeriod.lockedUntil(day).map(escape) ?? "unknown"
    return "Company KPIs locked on \(escape(day)), until \(until)."
  }

  /// Light, print-first styling: no backgrounds a printer would waste ink on, verdicts told
  /// apart by symbol and word as well as colour, and no card or KPI group split across pages.
  private static let style = """
    body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1a1a1a;
      margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
    h1 { font-size: 1.6rem; margin-bottom: .25rem; }
    h2 { font-size: 1.25rem; border-bottom: 2px solid #1a1a1a; padding-bottom: .2rem; margin-top: 2rem; }
    h3 { font-size: 1.05rem; margin: 1rem 0 .4rem; }
    table { border-collapse: collapse; width: 100%; margin-bottom: .5rem; }
    th, td { border: 1px solid #bbb; padding: .3rem .5rem; text-align: left; vertical-align: top; }
    thead th { border-bottom: 2px solid #555; }
    tbody th { font-weight: 600; }
    .text { white-space: pre-line; }
    .card { border: 1px solid #999; border-radius: 4px; padding: .5rem .75rem; margin: .75rem 0;
      page-break-inside: avoid; break-inside: avoid; }
    table.card { padding: 0; }
    tr.level-3 th, tr.level-3 td { font-size: .92em; color: #333; }
    tr.level-3 th { font-weight: normal; padding-left: 1.5rem; }
    .missing { font-style: italic; color: #666; }
    .pass { color: #1b6e2a; }
    .warn { color: #8a5a00; }
    .fail { color: #a1121a; }
    @media print {
      body { margin: 0; max-width: none; font-size: 10.5pt; color: #000; background: none; }
      h2, h3 { page-break-after: avoid; break-after: avoid; }
      .card, tbody, tr { page-break-inside: avoid; break-inside: avoid; }
      thead { display: table-header-group; }
      .pass, .warn, .fail { color: #000; }
    }
    """
}

/// The mark each KPI gets in the Verdict column: its worst open finding; else "accepted" when
/// the room overrode one; else "pass" when it was checked; else "not checked".
///
/// A finding about a pair (`k1~k3`, a conflict) counts for both KPIs, as in the CSV and graph
/// exports: an open conflict is a reason to look at either one.
private struct VerdictMarks {
  private var worst: [String: Verdict] = [:]
  private var accepted: Set<String> = []
  private var checked: Set<String> = []

  init(findings: [Finding], open: [Finding], cascade: Cascade) {
    for finding in open {
      for id in Self.kpis(finding) { worst[id] = max(worst[id] ?? .pass, finding.verdict) }
    }
    let overridden = Set(cascade.overrides.map(\.finding))
    for finding in findings {
      checked.formUnion(Self.kpis(finding))
      if overridden.contains(finding.id) { accepted.formUnion(Self.kpis(finding)) }
    }
  }

  private static func kpis(_ finding: Finding) -> [String] {
    finding.subject.split(separator: "~").map(String.init)
  }

  func mark(for id: String) -> String {
    if let verdict = worst[id] { return Self.mark(verdict) }
    if accepted.contains(id) { return "<span class=\"pass\">✓ accepted</span>" }
    if checked.contains(id) { return Self.mark(.pass) }
    return "<span class=\"missing\">not checked</span>"
  }

  static func mark(_ verdict: Verdict) -> String {
    switch verdict {
    case .pass: "<span class=\"pass\">✓ pass</span>"
    case .warn: "<strong class=\"warn\">⚠ warn</strong>"
    case .fail: "<strong class=\"fail\">✗ fail</strong>"
    }
  }
}

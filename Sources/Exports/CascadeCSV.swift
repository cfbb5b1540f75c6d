import KPICascade

/// The cascade as a KPI inventory for spreadsheets: one row per KPI at every level.
///
/// UTF-8 with a byte-order mark (for Excel). RFC 4180: rows end with CRLF (the last one too),
/// and a field is quoted when it holds a
/// comma, a quote, CR or LF, with quotes doubled, so a name typed with a newline or a quote
/// comes back exactly. The header row is `columns`, which `import-csv` shares.
///
/// Spreadsheets run any cell that starts with `=`, `+`, `-` or `@` (and, in some, a tab or a
/// carriage return) as a formula, so a KPI named `=HYPERLINK("http://x","y")` would become a
/// live link when the file is opened. Following OWASP's advice on CSV injection, every such
/// cell gets a leading `'`, which spreadsheets show as text and do not run. This applies to
/// every cell, targets included: `-15% QoQ` reads `'-15% QoQ` and `+20% YoY` reads
/// `'+20% YoY`. That is the accepted price.
///
/// So that `import-csv` can undo it without guessing, a cell that already starts with quotes
/// followed by one of those characters (a name typed as `'=x`) gets one more quote too. The
/// rule back is then exact: strip one leading `'` from a cell that is quotes followed by a
/// trigger (`isNeutralised(_:)`); `'90s prices` is left as typed both ways.
///
/// Rows come in a fixed order (company KPIs; then department by department, each department
/// KPI followed by its individual KPIs), so the same session always gives the same bytes.
public enum CascadeCSV {
  /// The header row, in order; an importer reads columns by these names.
  public static let columns = [
    "level", "department", "role", "kpi", "parent_kpi", "company_kpi", "link_sentence", "target",
    "direction", "lead_time_days", "leading_or_lagging", "outcome_or_activity", "owner", "verdicts",
  ]

  /// The characters that make a spreadsheet read a cell as a formula when they come first.
  ///
  /// Scalars, not `Character`s: Swift reads `"\r\n"` as one character, which equals neither.
  public static let formulaTriggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

  /// The CSV, header first, every row ending with CRLF.
  ///
  /// - Parameter findings: every finding of every check; a row lists the open ones about its
  ///   KPI as `check:verdict`, or `pass` when none is open.
  public static func render(workshop: String, cascade: Cascade, findings: [Finding]) -> String {
    let verdicts = KPIVerdicts(findings: findings, cascade: cascade)
    var rows = [columns]
    for kpi in cascade.companyKPIs {
      rows.append(
        row(
          level: 1, kpi: kpi.id, name: kpi.name, companyKPI: kpi.name, target: kpi.target,
          parsedTarget: kpi.parsedTarget,
          owner: kpi.owner, verdicts: verdicts))
    }
    for department in cascade.departments {
      for kpi in department.kpis {
        let company = cascade.name(of: kpi.companyKPI)
        rows.append(
          row(
            level: 2, department: department.name, kpi: kpi.id, name: kpi.name, parent: company,
            companyKPI: company, linkSentence: kpi.linkSentence, target: kpi.target,
            parsedTarget: kpi.parsedTarget, leadTimeDays: kpi.leadTimeDays, activity: kpi.measuresActivity,
            owner: kpi.owner, verdicts: verdicts))
        for individual in cascade.individualKPIs(under: kpi.id) {
          rows.append(
            individualRow(individual, department: department.name, parent: kpi, cascade, verdicts))
        }
      }
    }
    for individual in cascade.orphanedIndividualKPIs {
      rows.append(individualRow(individual, department: "", parent: nil, cascade, verdicts))
    }
    return byteOrderMark + rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
  }

  /// Written first: Excel on Windows reads a CSV without it in the local code page, and
  /// "Müller" comes out garbled. `import-csv` and every CSV reader that knows UTF-8 skip it.
  public static let byteOrderMark = "\u{FEFF}"

  /// A cell as it goes into the file: neutralised if a spreadsheet would run it, then quoted
  /// if RFC 4180 needs it.
  static func field(_ value: String) -> String {
    let text = neutralised(value)
    guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else {
      return text
    }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// `text` as a spreadsheet shows it and does not run: with one more leading `'` when it
  /// starts (after any quotes) with a formula trigger. Readings' notes are kept this way, so a
  /// note that arrived as `=HYPERLINK(…)` leaves in any export as text.
  public static func neutralised(_ text: String) -> String {
    startsWithTrigger(afterQuotes: text) ? "'" + text : text
  }

  /// Whether a cell read from the file carries a neutralising `'`: quotes, then a trigger.
  /// An importer drops the first character of such a cell and keeps every other as read.
  public static func isNeutralised(_ cell: String) -> Bool {
    cell.hasPrefix("'") && startsWithTrigger(afterQuotes: cell)
  }

  /// Whether the first scalar after any leading `'` is a formula trigger.
  private static func startsWithTrigger(afterQuotes text: String) -> Bool {
    text.unicodeScalars.first { $0 != "'" }.map(formulaTriggers.contains) ?? false
  }

  // MARK: - Rows

  private static func individualRow(
    _ kpi: IndividualKPI, department: String, parent: DepartmentKPI?, _ cascade: Cascade,
    _ verdicts: KPIVerdicts
  ) -> [String] {
    row(
      level: 3, department: department, role: kpi.role, kpi: kpi.id, name: kpi.name,
      parent: parent?.name ?? "", companyKPI: parent.map { cascade.name(of: $0.companyKPI) } ?? "",
      target: kpi.target, parsedTarget: kpi.parsedTarget, activity: kpi.measuresActivity, owner: kpi.owner,
      verdicts: verdicts)
  }

  /// One row in `columns` order; `activity` is `nil` for company KPIs, which the activity
  /// test does not judge.
  private static func row(
    level: Int, department: String = "", role: String? = nil, kpi: String, name: String,
    parent: String = "", companyKPI: String, linkSentence: String? = nil, target: String?,
    parsedTarget: Target?, leadTimeDays: Int? = nil, activity: Bool? = nil, owner: String?,
    verdicts: KPIVerdicts
  ) -> [String] {
    let open = verdicts.findings(about: kpi)
    return [
      String(level), department, role ?? "", name, parent, companyKPI, linkSentence ?? "",
      target ?? "", parsedTarget.map { direction($0.direction) } ?? "",
      leadTimeDays.map(String.init) ?? "",
      leadTimeDays.map { $0 == 0 ? "lagging" : "leading" } ?? "",
      activity.map { $0 ? "activity" : "outcome" } ?? "",
      owner ?? "",
      open.isEmpty
        ? "pass" : open.map { "\($0.check.rawValue):\($0.verdict.rawValue)" }.joined(separator: "; "),
    ]
  }

  /// The direction in the words a spreadsheet reader uses to filter on.
  private static func direction(_ direction: Target.Direction) -> String {
    switch direction {
    case .atLeast: "at least"
    case .atMost: "at most"
    case .above: "above"
    case .below: "below"
    case .exactly: "exactly"
    case .increase: "increase"
    case .decrease: "decrease"
    }
  }
}

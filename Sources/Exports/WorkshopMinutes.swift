import KPICascade

/// The workshop minutes in Markdown: what the facilitator sends the room after the session.
///
/// Sections follow the six steps (company KPIs, departments, line of sight, department KPIs,
/// conflicts, governance), then what is still open and what the room accepted on purpose, so a
/// reader who was not there can see what was agreed and what is left to do. Every value the
/// room typed passes through `MarkdownText`, so no name can break a table or inject HTML; the
/// output depends only on the inputs, so the same session always gives the same minutes.
public enum WorkshopMinutes {
  /// The minutes, ending with a newline.
  ///
  /// - Parameter findings: every finding of every check; only the open ones are listed.
  /// - Parameter changes: what the room changed after answering, listed with the reasons; `nil`
  ///   when only the cascade is known (an exported cascade has no history).
  public static func render(
    workshop: String, cascade: Cascade, findings: [Finding], changes: ChangeLog? = nil
  ) -> String {
    let sections: [[String]] = [
      ["# Workshop minutes: \(MarkdownText.escape(workshop))"],
      companyKPIs(cascade),
      departments(cascade),
      lineOfSight(cascade),
      departmentKPIs(cascade),
      conflicts(cascade),
      governance(cascade.governance),
      maturity(MaturityScore(cascade: cascade)),
      openFindings(Exporter.openFindings(findings, in: cascade), cascade),
      overrides(cascade, findings),
      changeLog(changes),
    ].filter { !$0.isEmpty }
    return sections.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
  }

  /// Every change made after an answer, in order, with the reason the room gave.
  static func changeLog(_ changes: ChangeLog?) -> [String] {
    guard let changes, !changes.entries.isEmpty else { return [] }
    var lines = ["## Changes made in the room", ""]
    for entry in changes.entries {
      let reason = entry.reason.map { " (reason: \(MarkdownText.escape($0)))" } ?? " (no reason given)"
      lines.append(
        "- **\(MarkdownText.escape(entry.subject))**: \(MarkdownText.escape(entry.change))\(reason)")
    }
    return lines
  }

  // MARK: - Step 1: company KPIs and departments

  static func companyKPIs(_ cascade: Cascade) -> [String] {
    var lines = ["## Company KPIs", ""]
    if let day = cascade.lockedOn {
      let until = LockPeriod.lockedUntil(day).map(MarkdownText.escape) ?? "_unknown_"
      lines.append("Locked on \(MarkdownText.escape(day)), locked until \(until).")
    } else {
      lines.append("_Not locked yet._")
    }
    lines.append("")
    guard !cascade.companyKPIs.isEmpty else { return lines + ["_No company KPIs yet._"] }
    lines += table(
      header: ["Company KPI", "Target", "Accountable executive"],
      rows: cascade.companyKPIs.map {
        [MarkdownText.escape($0.name), MarkdownText.value($0.target), MarkdownText.value($0.owner)]
      })
    let changed = cascade.companyKPIs.filter { !$0.changes.isEmpty }
    guard !changed.isEmpty else { return lines }
    lines += ["", "Changes after the lock:", ""]
    for kpi in changed {
      for change in kpi.changes {
        lines.append(
          "- **\(MarkdownText.escape(kpi.name))**: \(MarkdownText.escape(change.what)) "
            + "(reason: \(MarkdownText.escape(change.reason)))")
      }
    }
    return lines
  }

  static func departments(_ cascade: Cascade) -> [String] {
    let lines = ["## Departments", ""]
    guard !cascade.departments.isEmpty else { return lines + ["_No departments yet._"] }
    return lines
      + table(
        header: ["Department", "Head", "Function"],
        rows: cascade.departments.map {
          [
            MarkdownText.escape($0.name), MarkdownText.value($0.head),
            MarkdownText.value($0.function?.label),
          ]
        })
  }

  // MARK: - Step 2: line of sight

  /// The matrix marks `●` where a department moves a company KPI (it said how in step 2, or
  /// one of its KPIs leads it: the line-of-sight test's rule), `—` where the room said it does
  /// not, and leaves the cell blank when not asked yet. The gaps are the rows and columns
  /// without a `●`.
  static func lineOfSight(_ cascade: Cascade) -> [String] {
    var lines = ["## Line of sight", ""]
    guard !cascade.companyKPIs.isEmpty, !cascade.departments.isEmpty else {
      return lines + ["_Needs company KPIs and departments._"]
    }
    lines.append(
      "● the department does something that directly moves the company KPI; "
        + "— it does not; blank: not asked yet.")
    lines.append("")
    lines += table(
      header: ["Company KPI"] + cascade.departments.map { MarkdownText.escape($0.name) },
      rows: cascade.companyKPIs.map { kpi in
        [MarkdownText.escape(kpi.name)]
          + cascade.departments.map { department in
            if moves(cascade, kpi.id, department.id) { return "●" }
            return cascade.contribution(companyKPI: kpi.id, department: department.id) == nil
              ? "" : "—"
          }
      },
      centred: true)
    let unmoved = cascade.companyKPIs.filter { kpi in
      !cascade.departments.contains { moves(cascade, kpi.id, $0.id) }
    }
    let idle = cascade.departments.filter { department in
      !cascade.companyKPIs.contains { moves(cascade, $0.id, department.id) }
    }
    lines.append("")
    if unmoved.isEmpty && idle.isEmpty {
      lines.append(
        "No gaps: every company KPI is moved by a department, and every department moves one.")
    } else {
      if !unmoved.isEmpty {
        lines.append(
          "- **Company KPIs no department moves:** "
            + unmoved.map { MarkdownText.escape($0.name) }.joined(separator: ", "))
      }
      if !idle.isEmpty {
        lines.append(
          "- **Departments that move nothing:** "
            + idle.map { MarkdownText.escape($0.name) }.joined(separator: ", "))
      }
    }
    let answers = cascade.contributions.compactMap { contribution in
      said(contribution.text).map { (contribution, $0) }
    }
    guard !answers.isEmpty else { return lines }
    lines += ["", "What each department does that moves a company KPI:", ""]
    for (contribution, text) in answers {
      let department = MarkdownText.escape(cascade.name(of: contribution.department))
      let kpi = MarkdownText.escape(cascade.name(of: contribution.companyKPI))
      lines.append("- **\(department) → \(kpi):** \(MarkdownText.escape(text))")
    }
    return lines
  }

  /// Whether `department` moves `companyKPI`: it said how, or one of its KPIs leads it.
  static func moves(_ cascade: Cascade, _ companyKPI: String, _ department: String) -> Bool {
    said(cascade.contribution(companyKPI: companyKPI, department: department)?.text) != nil
      || cascade.department(department)?.kpis.contains { $0.companyKPI == companyKPI } == true
  }

  /// A contribution's text, unless it is missing or blank (which means "does not move it").
  private static func said(_ text: String?) -> String? {
    guard let text, !text.allSatisfy(\.isWhitespace) else { return nil }
    return text
  }

  // MARK: - Tables

  /// A GitHub-flavoured Markdown table; cells must already be escaped.
  static func table(header: [String], rows: [[String]], centred: Bool = false) -> [String] {
    let rule = header.indices.map { $0 > 0 && centred ? ":---:" : "---" }
    return ([header, rule] + rows).map { "| " + $0.joined(separator: " | ") + " |" }
  }
}

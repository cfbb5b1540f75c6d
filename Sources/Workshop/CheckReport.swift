import KPICascade

/// `/check` and `kpi-align check`: open findings grouped by test, with ids for `/accept`.
///
/// In the workshop, findings about steps the room has not reached yet are counted, not listed,
/// so `/check` in step 2 is about step 2. `kpi-align check` lists everything.
public struct CheckReport {
  let cascade: Cascade
  let style: TextStyle
  /// The step the workshop has reached; `nil` lists every finding.
  let reached: WorkshopStep?

  /// The findings, when the caller has them already.
  let report: AlignmentReport?

  /// `report`, when given, must be the report of `cascade`: `kpi-align check` shares one
  /// between the text and the exit code instead of running every check twice.
  public init(
    cascade: Cascade, style: TextStyle, reached: WorkshopStep? = nil, report: AlignmentReport? = nil
  ) {
    self.cascade = cascade
    self.style = style
    self.reached = reached
    self.report = report
  }

  public func text() -> String {
    let report = self.report ?? AlignmentReport(cascade: cascade)
    let stage = FindingStage(cascade: cascade)
    // In the last step everything is due: no need to place tens of thousands of findings.
    let placing = reached.map { $0 != WorkshopStep.allCases.last } ?? false
    func isDue(_ finding: Finding) -> Bool {
      !placing || reached.map { stage.isDue(finding, reached: $0) } ?? true
    }
    // One pass over the findings, not several per check: a large cascade has tens of thousands.
    let allOpen = report.open
    // Counted, not copied: most findings are passes that only show up in the totals.
    var dueCount: [CheckKind: Int] = [:]
    var passedCount: [CheckKind: Int] = [:]
    var openByKind: [CheckKind: [Finding]] = [:]
    var later = 0
    var runKind: CheckKind?
    var runDue = 0
    var runPassed = 0
    func flush() {
      if let runKind, runDue > 0 {
        dueCount[runKind, default: 0] += runDue
        passedCount[runKind, default: 0] += runPassed
      }
      runDue = 0
      runPassed = 0
    }
    for finding in report.findings where isDue(finding) {
      if finding.check != runKind {
        flush()
        runKind = finding.check
      }
      runDue += 1
      if finding.verdict == .pass { runPassed += 1 }
    }
    flush()
    for finding in allOpen {
      if isDue(finding) { openByKind[finding.check, default: []].append(finding) } else { later += 1 }
    }
    var lines: [String] = []
    for kind in CheckKind.allCases {
      guard let count = dueCount[kind], count > 0 else { continue }
      let open = openByKind[kind] ?? []
      let passed = passedCount[kind] ?? 0
      let worst = open.map(\.verdict).max() ?? .pass
      lines.append(
        style.mark(worst) + " " + style.heading(kind.title) + style.dim("  \(passed)/\(count) pass"))
      for finding in open {
        lines.append(
          "    " + style.mark(finding.verdict) + " " + finding.id + "  "
            + FindingText(cascade: cascade).sentence(finding))
        if let remedy = finding.remedy { lines.append("        " + style.dim(remedy)) }
      }
    }
    if !report.overridden.isEmpty {
      lines.append(style.heading("Accepted on purpose"))
      for (finding, reason) in report.overridden {
        lines.append("    " + finding.id + "  " + style.dim(DisplayText.safe(reason)))
      }
    }
    let dueOpen = openByKind.values.joined()
    let failures = dueOpen.filter { $0.verdict == .fail }.count
    let warnings = dueOpen.count - failures
    var verdict =
      failures == 0
      ? style.good("check passes")
        + (warnings > 0 ? " with \(warnings) warning\(warnings == 1 ? "" : "s")" : "")
      : style.problem("\(failures) failing") + ", \(warnings) warning\(warnings == 1 ? "" : "s")"
    if let reached, later > 0 {
      verdict += style.dim(" so far; \(later) more open in steps after \(reached.rawValue)")
    }
    lines.append(verdict)
    return lines.joined(separator: "\n")
  }
}

/// A finding as one line a person reads: the subject's name, then why.
struct FindingText {
  let cascade: Cascade

  func sentence(_ finding: Finding) -> String {
    let reason = DisplayText.safe(finding.reason)
    guard let subject = subjectName(finding.subject), !reason.hasPrefix(subject) else { return reason }
    return subject + ": " + reason
  }

  /// A KPI's or department's name, `A vs B` for a conflict, nothing for the whole cascade.
  func subjectName(_ subject: String) -> String? {
    if subject.contains("~") {
      let names = subject.split(separator: "~").map { cascade.name(of: String($0)) }
      return names.map(DisplayText.safe).joined(separator: " vs ")
    }
    let name = cascade.name(of: subject)
    return name == subject ? nil : DisplayText.safe(name)
  }
}

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

  /// What is due and open, counted once over the findings (a large cascade has tens of
  /// thousands; most are passes that only show up in the totals).
  private struct Tally {
    var report: AlignmentReport
    var due: [CheckKind: Int] = [:]
    var passed: [CheckKind: Int] = [:]
    var open: [CheckKind: [Finding]] = [:]
    /// Open findings about steps after the one reached.
    var later = 0
  }

  private func tally() -> Tally {
    let report = self.report ?? AlignmentReport(cascade: cascade)
    let stage = FindingStage(cascade: cascade)
    // In the last step everything is due: no need to place tens of thousands of findings.
    let placing = reached.map { $0 != WorkshopStep.allCases.last } ?? false
    func isDue(_ finding: Finding) -> Bool {
      !placing || reached.map { stage.isDue(finding, reached: $0) } ?? true
    }
    var tally = Tally(report: report)
    var runKind: CheckKind?
    var runDue = 0
    var runPassed = 0
    func flush() {
      if let runKind, runDue > 0 {
        tally.due[runKind, default: 0] += runDue
        tally.passed[runKind, default: 0] += runPassed
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
    for finding in report.open {
      if isDue(finding) { tally.open[finding.check, default: []].append(finding) } else { tally.later += 1 }
    }
    return tally
  }

  /// Every due finding grouped by test (`kpi-align check`, `/check all`), or one test's.
  public func text(only test: CheckKind? = nil) -> String {
    let tally = tally()
    var lines: [String] = []
    for kind in CheckKind.allCases where test == nil || test == kind {
      guard let count = tally.due[kind], count > 0 else { continue }
      let open = tally.open[kind] ?? []
      let passed = tally.passed[kind] ?? 0
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
    if let test, lines.isEmpty { lines.append(style.dim("No \(test.title) findings are due yet.")) }
    let overridden = tally.report.overridden.filter { test == nil || $0.finding.check == test }
    if !overridden.isEmpty {
      lines.append(style.heading("Accepted on purpose"))
      for (finding, reason) in overridden {
        lines.append("    " + finding.id + "  " + style.dim(DisplayText.safe(reason)))
      }
    }
    lines.append(verdict(tally))
    return lines.joined(separator: "\n")
  }

  /// At most `Self.summaryLines` lines for the projector (`/check`): the tests that fail and warn
  /// on one line each, how many pass, the five open findings that matter most with what to do,
  /// and the verdict.
  public func summary() -> String {
    let tally = tally()
    let testsDue = CheckKind.allCases.filter { (tally.due[$0] ?? 0) > 0 }
    var lines: [String] = []
    for verdict in [Verdict.fail, .warn] {
      let tests = testsDue.compactMap { kind -> String? in
        let count = (tally.open[kind] ?? []).filter { $0.verdict == verdict }.count
        return count > 0 ? "\(kind.title) \(count)" : nil
      }
      if !tests.isEmpty {
        let mark = style.mark(verdict)
        let list = tests.joined(separator: " · ")
        lines.append(mark + " " + fitted(list, plain: list, indent: 1 + visibleWidth(mark)))
      }
    }
    let clean = testsDue.filter { (tally.open[$0] ?? []).isEmpty }.count
    if clean > 0 {
      lines.append(
        style.mark(.pass) + " "
          + (clean == testsDue.count
            ? "all \(clean) tests pass" : "\(clean) other test\(clean == 1 ? "" : "s") pass"))
    }
    // Failures before warnings; within each, one finding of every test in the tests' order (the
    // seed's) before a second of any, so five lines show five problems, not one five times.
    var ranked: [Finding] = []
    for verdict in [Verdict.fail, .warn] {
      var queues = testsDue.map { kind in (tally.open[kind] ?? []).filter { $0.verdict == verdict }[...] }
      while queues.contains(where: { !$0.isEmpty }) {
        for index in queues.indices {
          if let first = queues[index].popFirst() { ranked.append(first) }
        }
      }
    }
    if !ranked.isEmpty {
      let shown = ranked.prefix(Self.mostImportant)
      lines.append(style.heading("Most important") + style.dim(" (\(shown.count) of \(ranked.count))"))
      for finding in shown {
        let sentence = finding.id + "  " + FindingText(cascade: cascade).sentence(finding)
        let mark = style.mark(finding.verdict)
        lines.append("  " + mark + " " + fitted(sentence, plain: sentence, indent: 3 + visibleWidth(mark)))
        if let remedy = finding.remedy {
          lines.append("      " + style.dim(fitted(remedy, plain: remedy, indent: 6)))
        }
      }
    }
    lines.append(verdict(tally))
    if !ranked.isEmpty {
      lines.append(style.dim("/check all lists every finding; /check TEST one test (e.g. /check link)."))
    }
    return lines.joined(separator: "\n")
  }

  /// The five findings the summary shows.
  static let mostImportant = 5
  /// The summary never takes more lines than this, whatever the cascade.
  public static let summaryLines = 20
  /// The widest line the summary writes, so nothing wraps on a 120-column projector.
  static let summaryWidth = 116

  /// `text` cut with "…" so that, `indent` columns in, it fits `summaryWidth`; `plain` is the
  /// same text without colour, whose length is what shows.
  private func fitted(_ text: String, plain: String, indent: Int = 2) -> String {
    let room = Self.summaryWidth - indent
    guard plain.count > room else { return text }
    return String(plain.prefix(room - 1)) + "…"
  }

  /// Columns `text` takes on screen: its characters without colour sequences.
  private func visibleWidth(_ text: String) -> Int {
    var width = 0
    var inEscape = false
    for character in text {
      if inEscape {
        if character.isLetter { inEscape = false }
      } else if character == "\u{1B}" {
        inEscape = true
      } else {
        width += 1
      }
    }
    return width
  }

  private func verdict(_ tally: Tally) -> String {
    let dueOpen = tally.open.values.joined()
    let failures = dueOpen.filter { $0.verdict == .fail }.count
    let warnings = dueOpen.count - failures
    var verdict =
      failures == 0
      ? style.good("check passes")
        + (warnings > 0 ? " with \(warnings) warning\(warnings == 1 ? "" : "s")" : "")
      : style.problem("\(failures) failing") + ", \(warnings) warning\(warnings == 1 ? "" : "s")"
    if let reached, tally.later > 0 {
      verdict += style.dim(" so far; \(tally.later) more open in steps after \(reached.rawValue)")
    }
    return verdict
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

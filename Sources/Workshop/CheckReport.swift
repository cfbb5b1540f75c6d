import KPICascade

/// `/check` and `kpi-align check`: open findings grouped by test, with ids for `/accept`.
public struct CheckReport {
  let cascade: Cascade
  let style: TextStyle

  public init(cascade: Cascade, style: TextStyle) {
    self.cascade = cascade
    self.style = style
  }

  public func text() -> String {
    let report = AlignmentReport(cascade: cascade)
    var lines: [String] = []
    for kind in CheckKind.allCases {
      let findings = report.findings.filter { $0.check == kind }
      guard !findings.isEmpty else { continue }
      let open = report.open.filter { $0.check == kind }
      let passed = findings.filter { $0.verdict == .pass }.count
      let worst = open.map(\.verdict).max() ?? .pass
      lines.append(
        style.mark(worst) + " " + style.heading(kind.title) + style.dim("  \(passed)/\(findings.count) pass"))
      for finding in open {
        var line = "    " + style.mark(finding.verdict) + " " + finding.id + "  "
        line += subjectName(finding.subject) + ": " + finding.reason
        lines.append(line)
        if let remedy = finding.remedy { lines.append("        " + style.dim(remedy)) }
      }
    }
    for (finding, reason) in report.overridden {
      lines.append(style.dim("    accepted \(finding.id): \(DisplayText.safe(reason))"))
    }
    let failures = report.failures.count
    let warnings = report.open.count - failures
    lines.append(
      failures == 0
        ? style.good("check passes")
          + (warnings > 0 ? " with \(warnings) warning\(warnings == 1 ? "" : "s")" : "")
        : style.problem("\(failures) failing") + ", \(warnings) warning\(warnings == 1 ? "" : "s")")
    return lines.joined(separator: "\n")
  }

  private func subjectName(_ subject: String) -> String {
    let name = cascade.name(of: subject)
    return DisplayText.safe(name == subject ? subject : name)
  }
}

import KPICascade

/// Step 6 and the review part of the minutes: governance as agreed, the findings still open,
/// and the findings the room accepted on purpose with its reasons.
extension WorkshopMinutes {
  static func governance(_ governance: Governance) -> [String] {
    let rows: [(String, String?)] = [
      ("Business velocity", governance.velocity?.rawValue),
      ("Operational review", governance.operationalReview?.rawValue),
      ("Strategic review", governance.strategicReview?.rawValue),
      ("Quarterly alignment review", governance.alignmentReview),
      ("Annual realignment", governance.annualRealignment),
      ("Alignment process owner", governance.processOwner),
      ("Dispute resolver", governance.disputeResolver),
      ("How KPIs are created, changed and retired", governance.changeProcess),
      ("What happens on repeated misses", governance.missPolicy),
    ]
    return ["## Governance", ""]
      + table(header: ["Item", "Agreed"], rows: rows.map { [$0.0, MarkdownText.value($0.1)] })
  }

  /// Open findings grouped by check, in the order `check` reports the checks.
  /// The maturity score: percent and level, then what would raise it most.
  static func maturity(_ score: MaturityScore) -> [String] {
    var lines = [
      "## Maturity score", "",
      "**\(score.percent)% — \(score.level.title)** (\(score.metWeight) of \(score.totalWeight) points; the rubric is in kpi-align's docs/score.md).",
    ]
    let steps = score.nextSteps
    if !steps.isEmpty {
      lines += ["", "Most valuable next steps:", ""]
      lines += steps.enumerated().map { index, step in
        "\(index + 1). \(MarkdownText.escape(step.title)) (+\(step.weight)): \(MarkdownText.escape(step.detail))"
      }
    }
    return lines
  }

  static func openFindings(_ open: [Finding], _ cascade: Cascade) -> [String] {
    var lines = ["## Open findings"]
    guard !open.isEmpty else {
      return lines + ["", "None: every finding passes or was accepted."]
    }
    for kind in CheckKind.allCases {
      let group = open.filter { $0.check == kind }
      guard !group.isEmpty else { continue }
      lines += ["", "### \(MarkdownText.escape(kind.title))", ""]
      for finding in group {
        lines.append(
          "- **\(finding.verdict.rawValue)** · \(subjectLabel(finding.subject, cascade)) "
            + "(\(MarkdownText.escape(finding.id)))")
        lines.append("  - Reason: \(MarkdownText.escape(finding.reason))")
        if let remedy = finding.remedy {
          lines.append("  - Remedy: \(MarkdownText.escape(remedy))")
        }
      }
    }
    return lines
  }

  static func overrides(_ cascade: Cascade, _ findings: [Finding]) -> [String] {
    var lines = ["## Overrides", ""]
    guard !cascade.overrides.isEmpty else { return lines + ["_None._"] }
    for override in cascade.overrides {
      var label = MarkdownText.escape(override.finding)
      if let finding = findings.first(where: { $0.id == override.finding }) {
        label +=
          " (\(MarkdownText.escape(finding.check.title)), "
          + "\(subjectLabel(finding.subject, cascade)))"
      }
      lines.append("- **\(label):** \(MarkdownText.escape(override.reason))")
    }
    return lines
  }

  /// What a finding is about, in names: a KPI, a department, a pair (`k1~k2`), the company
  /// KPIs as a level, a part of governance, or the whole cascade.
  private static func subjectLabel(_ subject: String, _ cascade: Cascade) -> String {
    let ids = subject.split(separator: "~").map(String.init)
    if ids.count == 2 { return ids.map { kpiLabel($0, cascade) }.joined(separator: " ↔ ") }
    if cascade.name(of: subject) == subject {
      switch subject {
      case "cascade": return "the cascade"
      case "level-1": return "company KPIs"
      case let governance where governance.hasPrefix("governance-"):
        let part = governance.dropFirst("governance-".count).replacingOccurrences(of: "-", with: " ")
        return "governance: \(MarkdownText.escape(part))"
      default: break
      }
    }
    return kpiLabel(subject, cascade)
  }
}

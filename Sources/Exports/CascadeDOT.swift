import KPICascade

/// The cascade as a Graphviz digraph: company KPIs → department KPIs (one cluster per
/// department) → individual KPIs, each box naming its target and owner and filled by the
/// worst open verdict about it, with a legend saying what the fills mean.
///
/// Every id and label is a double-quoted DOT string written by `quoted(_:)`: backslashes and
/// quotes are escaped, line breaks become DOT's `\n` line escape, no raw control character is
/// written, and `&` becomes `&amp;` because Graphviz decodes HTML entities in labels (a KPI
/// typed as `R&amp;D` must not show as `R&D`). Text stays UTF-8, which the graph declares
/// with `charset="UTF-8"`. The output depends only on the inputs, in the cascade's own order.
public enum CascadeDOT {
  /// The digraph, ending with a newline.
  ///
  /// - Parameter findings: every finding of every check; only open ones mark a KPI.
  public static func render(workshop: String, cascade: Cascade, findings: [Finding]) -> String {
    let verdicts = KPIVerdicts(findings: findings, cascade: cascade)
    var lines = [
      "digraph \"kpi-cascade\" {",
      "  charset=\"UTF-8\";",
      "  rankdir=TB;",
      "  labelloc=t;",
      "  label=\(quoted("KPI cascade: \(workshop)"));",
      "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];",
      "",
      "  // Level 1: company KPIs",
    ]
    for kpi in cascade.companyKPIs {
      lines.append("  " + node(kpi.id, kpi.name, [], kpi.target, kpi.owner, verdicts))
    }
    var edges: [String] = []
    for department in cascade.departments {
      lines += [
        "",
        "  // Level 2 and 3: department \(department.id)",
        "  subgraph \(quoted("cluster_\(department.id)")) {",
        "    label=\(quoted(department.name));",
        "    style=rounded;",
      ]
      for kpi in department.kpis {
        lines.append("    " + node(kpi.id, kpi.name, [], kpi.target, kpi.owner, verdicts))
        if cascade.companyKPI(kpi.companyKPI) != nil {
          edges.append("  \(quoted(kpi.companyKPI)) -> \(quoted(kpi.id));")
        }
        for individual in cascade.individualKPIs(under: kpi.id) {
          let role = individual.role.map { ["role: \($0)"] } ?? []
          lines.append(
            "    "
              + node(individual.id, individual.name, role, individual.target, individual.owner, verdicts))
          edges.append("  \(quoted(kpi.id)) -> \(quoted(individual.id));")
        }
      }
      lines.append("  }")
    }
    for individual in cascade.orphanedIndividualKPIs {
      let role = individual.role.map { ["role: \($0)"] } ?? []
      lines.append(
        "  " + node(individual.id, individual.name, role, individual.target, individual.owner, verdicts))
    }
    lines += ["", "  // Links"] + edges
    lines += legend
    return lines.joined(separator: "\n") + "\n"
  }

  /// `text` as a DOT double-quoted string, quotes included.
  ///
  /// Each run of line breaks becomes one `\n` escape and other control characters a space,
  /// so the label keeps its lines and the file has no raw control character.
  static func quoted(_ text: String) -> String {
    var result = "\""
    var lastWasBreak = false
    for scalar in text.unicodeScalars {
      if lineBreaks.contains(scalar) {
        if !lastWasBreak { result += "\\n" }
        lastWasBreak = true
        continue
      }
      lastWasBreak = false
      switch scalar {
      case "\\": result += "\\\\"
      case "\"": result += "\\\""
      case "&": result += "&amp;"
      case _ where scalar.properties.generalCategory == .control: result += " "
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }

  // MARK: - Nodes and legend

  /// The fill for each worst open verdict: green when nothing about the KPI is open.
  static func fill(_ verdict: Verdict) -> String {
    switch verdict {
    case .pass: "#d4edda"
    case .warn: "#fff3cd"
    case .fail: "#f8d7da"
    }
  }

  /// The mark a verdict adds to a label, so the graph reads the same printed in grey.
  private static func mark(_ verdict: Verdict) -> String {
    switch verdict {
    case .pass: "✓ nothing open"
    case .warn: "⚠ warn"
    case .fail: "✗ fail"
    }
  }

  private static func node(
    _ id: String, _ name: String, _ extra: [String], _ target: String?, _ owner: String?,
    _ verdicts: KPIVerdicts
  ) -> String {
    let verdict = verdicts.worst(about: id)
    let open = verdicts.findings(about: id).map(\.check.rawValue)
    var rows = [name] + extra + ["target: \(target ?? "not set")", "owner: \(owner ?? "not set")"]
    rows.append(open.isEmpty ? mark(verdict) : "\(mark(verdict)): \(open.joined(separator: ", "))")
    return "\(quoted(id)) [label=\(quoted(rows.joined(separator: "\n"))), fillcolor=\"\(fill(verdict))\"];"
  }

  private static let legend: [String] =
    [
      "",
      "  // Legend",
      "  subgraph \"cluster_legend\" {",
      "    label=\"Legend: worst open finding\";",
      "    style=dashed;",
    ]
    + Verdict.allCases.reversed().map { verdict in
      "    \(quoted("legend_\(verdict.rawValue)")) [label=\(quoted(mark(verdict))), "
        + "fillcolor=\"\(fill(verdict))\"];"
    } + ["  }", "}"]
}

import KPICascade

/// The cascade as a Mermaid `flowchart TD`, for a ```` ```mermaid ```` block in a GitHub or
/// GitLab wiki page: company KPIs on top, each department's KPIs in a subgraph below them, and
/// the individual KPIs under the department KPI they drive.
///
/// Node ids are the KPI ids (`c1`, `k1`, `i1`), which are lowercase letters and digits, so
/// they can never be a Mermaid keyword such as `end`. Everything the room typed goes into a
/// quoted label `id["…"]` through `label(_:)`, which turns every character Mermaid or HTML
/// reads specially into a Mermaid entity code (`#quot;`, `#lt;`, `#35;` …): a name cannot
/// close its label, open a tag, start a directive (`%%{`) or a Markdown string (`` ` ``),
/// and line breaks become spaces. Open findings colour a node (`warn`, `fail` classes).
/// The output depends only on the inputs, in the cascade's own order.
public enum CascadeMermaid {
  /// The flowchart, ending with a newline.
  ///
  /// - Parameter findings: every finding of every check; only open ones colour a node.
  public static func render(workshop: String, cascade: Cascade, findings: [Finding]) -> String {
    let verdicts = KPIVerdicts(findings: findings, cascade: cascade)
    var lines = ["%% KPI cascade: \(label(workshop))", "flowchart TD"]
    var edges: [String] = []
    for kpi in cascade.companyKPIs {
      lines.append("  \(node(kpi.id, kpi.name, kpi.target, kpi.owner, verdicts))")
    }
    for department in cascade.departments {
      lines.append("  subgraph \(department.id)[\"\(label(department.name))\"]")
      lines.append("    direction TB")
      for kpi in department.kpis {
        lines.append("    \(node(kpi.id, kpi.name, kpi.target, kpi.owner, verdicts))")
        if cascade.companyKPI(kpi.companyKPI) != nil { edges.append("  \(kpi.companyKPI) --> \(kpi.id)") }
        for individual in cascade.individualKPIs(under: kpi.id) {
          lines.append(
            "    \(node(individual.id, individual.name, individual.target, individual.owner, verdicts, role: individual.role))"
          )
          edges.append("  \(kpi.id) --> \(individual.id)")
        }
      }
      lines.append("  end")
    }
    for individual in cascade.orphanedIndividualKPIs {
      lines.append(
        "  \(node(individual.id, individual.name, individual.target, individual.owner, verdicts, role: individual.role))"
      )
    }
    lines += edges
    let marked = [Verdict.warn, .fail].map { verdict in
      (verdict, allKPIIDs(cascade).filter { verdicts.worst(about: $0) == verdict })
    }
    if marked.contains(where: { !$0.1.isEmpty }) {
      lines.append("  classDef warn fill:#fff3cd,stroke:#b58100,color:#000")
      lines.append("  classDef fail fill:#f8d7da,stroke:#b02a37,color:#000")
      for (verdict, ids) in marked where !ids.isEmpty {
        lines.append("  class \(ids.joined(separator: ",")) \(verdict.rawValue)")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Text made safe for a quoted Mermaid label: entity codes for every character Mermaid or
  /// HTML would read, and one space for each run of line breaks and control characters.
  ///
  /// `#` itself is coded (`#35;`), so typed text that looks like an entity code (`#quot;`)
  /// shows as typed instead of being decoded.
  static func label(_ text: String) -> String {
    var result = ""
    var lastWasBreak = false
    for scalar in text.unicodeScalars {
      if lineBreaks.contains(scalar) || scalar.properties.generalCategory == .control {
        if !lastWasBreak { result.append(" ") }
        lastWasBreak = true
        continue
      }
      lastWasBreak = false
      if let code = codes[scalar] {
        result += "#\(code);"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  // MARK: - Nodes

  /// Characters coded in labels, and their codes: HTML's (`"`, `&`, `<`, `>`), the ones that
  /// open or close Mermaid shapes and edge texts, `#` (entity codes), `` ` `` (Markdown
  /// strings) and `%`, `;` (comments and statement ends), by number or name.
  private static let codes: [Unicode.Scalar: String] = [
    "\"": "quot", "&": "amp", "<": "lt", ">": "gt", "#": "35", "|": "124", "[": "91", "]": "93",
    "{": "123", "}": "125", "(": "40", ")": "41", "`": "96", "%": "37", ";": "59", "\\": "92",
  ]

  /// `id["name<br/>target · owner"]`: the name first, then what the room agreed about it.
  private static func node(
    _ id: String, _ name: String, _ target: String?, _ owner: String?, _ verdicts: KPIVerdicts,
    role: String? = nil
  ) -> String {
    var details = ["target: \(label(target ?? "not set"))", "owner: \(label(owner ?? "not set"))"]
    if let role { details.insert("role: \(label(role))", at: 0) }
    if verdicts.worst(about: id) != .pass { details.append("open: \(verdicts.worst(about: id).rawValue)") }
    return "\(id)[\"\(label(name))<br/>\(details.joined(separator: " · "))\"]"
  }

  private static func allKPIIDs(_ cascade: Cascade) -> [String] {
    cascade.companyKPIs.map(\.id) + cascade.departmentKPIs.map(\.id) + cascade.individualKPIs.map(\.id)
  }
}

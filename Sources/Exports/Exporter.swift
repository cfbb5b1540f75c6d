import KPICascade

/// The one entry point the engine and the executable call to turn a cascade into text.
///
/// Every format is a pure function of the same three inputs, so `/export`, `kpi-align export`
/// and the tests produce byte-identical output for the same session.
public enum Exporter {
  /// Renders the cascade in `format`.
  ///
  /// - Parameters:
  ///   - workshop: the workshop's name as the room said it (shown, never used as a path).
  ///   - findings: every finding of every check, passes included; each format decides what
  ///     to show (usually only `openFindings`).
  public static func render(
    _ format: ExportFormat, workshop: String, cascade: Cascade, findings: [Finding],
    options: ExportOptions = ExportOptions()
  ) -> String {
    switch format {
    case .json: CascadeJSON.render(workshop: workshop, cascade: cascade, findings: findings)
    case .md:
      WorkshopMinutes.render(
        workshop: workshop, cascade: cascade, findings: findings, changes: options.changes)
    case .csv: CascadeCSV.render(workshop: workshop, cascade: cascade, findings: findings)
    case .mermaid: CascadeMermaid.render(workshop: workshop, cascade: cascade, findings: findings)
    case .dot: CascadeDOT.render(workshop: workshop, cascade: cascade, findings: findings)
    case .ics: ReviewCalendar.render(workshop: workshop, cascade: cascade, options: options)
    case .html:
      ExecutivePage.render(workshop: workshop, cascade: cascade, findings: findings, asOf: options.asOf)
    }
  }

  /// The findings still asking for attention: warn or fail, and not accepted by an override.
  ///
  /// Keeps the order the checks reported them in, so exports stay deterministic.
  public static func openFindings(_ findings: [Finding], in cascade: Cascade) -> [Finding] {
    let accepted = Set(cascade.overrides.map(\.finding))
    return findings.filter { $0.verdict != .pass && !accepted.contains($0.id) }
  }
}

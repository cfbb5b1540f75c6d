/// A file format the agreed cascade can be exported to, named as the facilitator types it
/// (`/export md minutes.md`, `kpi-align export --format json`).
///
/// The raw value is the word on the command line; each format is rendered by its own file in
/// this module, so adding one (csv, mermaid, dot, ics, html) is a new case, a new file and a
/// new branch in `Exporter.render`.
public enum ExportFormat: String, CaseIterable, Sendable {
  /// The cascade as a JSON document for other tools; `kpi-align import` reads it back.
  case json
  /// The workshop minutes in Markdown, for the facilitator to send after the session.
  case md
  /// One row per KPI at every level, for spreadsheets; `import-csv` reads the same columns.
  case csv
  /// The three levels as a Mermaid flowchart, for a wiki page.
  case mermaid
  /// The three levels as a Graphviz graph, with owners and open verdicts.
  case dot
  /// The governance rhythm as an iCalendar file, for the calendars the company already uses.
  case ics
  /// The executive view as one self-contained HTML page, for a browser or print.
  case html

  /// The extension a file of this format gets when the user names no file (no leading dot).
  public var fileExtension: String {
    switch self {
    case .json: "json"
    case .md: "md"
    case .csv: "csv"
    case .mermaid: "mmd"
    case .dot: "dot"
    case .ics: "ics"
    case .html: "html"
    }
  }
}

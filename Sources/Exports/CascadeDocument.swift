import KPICascade

/// The JSON export: the agreed cascade plus what is still open, for tools that never replay a
/// transcript. Documented in `docs/cascade.md` with `docs/cascade.schema.json`.
///
/// `cascade` is exactly `Cascade`'s own encoding, so an importer can decode this document and
/// use the cascade as it is; a change to `Cascade`'s coding is a change to this format.
public struct CascadeDocument: Codable, Equatable, Sendable {
  /// Identifies the file as this document whatever it is called.
  public static let formatTag = "kpi-align-cascade"
  /// Raised when a reader of version 1 could misread the document, not for additions.
  public static let currentVersion = 1

  public var format: String
  public var version: Int
  /// The workshop's name as the room said it.
  public var workshop: String
  public var cascade: Cascade
  /// The open findings (warn or fail, not accepted by an override), in the checks' order.
  public var findings: [Finding]

  public init(
    workshop: String, cascade: Cascade, findings: [Finding],
    format: String = CascadeDocument.formatTag, version: Int = CascadeDocument.currentVersion
  ) {
    self.format = format
    self.version = version
    self.workshop = workshop
    self.cascade = cascade
    self.findings = findings
  }
}

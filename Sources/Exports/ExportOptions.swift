/// What some formats need beyond the cascade: the calendar's first day, the score to print.
///
/// Kept in one value so `Exporter.render` keeps one signature as formats are added.
public struct ExportOptions: Equatable, Sendable {
  /// The day (`YYYY-MM-DD`) the review calendar starts from; the ICS export needs it.
  public var startDay: String?

  public init(startDay: String? = nil) {
    self.startDay = startDay
  }
}

import KPICascade

/// What some formats need beyond the cascade: the calendar's first day, the dashboard's day.
///
/// Kept in one value so `Exporter.render` keeps one signature as formats are added.
public struct ExportOptions: Equatable, Sendable {
  /// The day (`YYYY-MM-DD`) the review calendar starts from; the ICS export needs it.
  public var startDay: String?
  /// The day the HTML page's dashboard shows KPIs as of (readings after it are ignored);
  /// `nil` means `Dashboard.defaultDay(of:)`, the latest reading's day. Without readings the
  /// page has no dashboard, whatever this says.
  public var asOf: CalendarDay?
  /// What the room changed after answering, for the minutes; the caller reads it from the
  /// session's events (`ChangeLog(events:)`), which the cascade alone no longer knows.
  public var changes: ChangeLog?

  public init(startDay: String? = nil, asOf: CalendarDay? = nil, changes: ChangeLog? = nil) {
    self.startDay = startDay
    self.asOf = asOf
    self.changes = changes
  }
}

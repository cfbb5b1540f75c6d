/// One measured value of a KPI on a day: what turns the agreed cascade into a living scorecard.
///
/// `value` is in the KPI's target unit (`23%` is stored as 23); the optional fields say how much
/// to trust it and whom to ask about it.
public struct Reading: Codable, Equatable, Sendable {
  /// The KPI's id, at any level.
  public var kpi: String
  public var day: CalendarDay
  public var value: Double
  public var note: String?
  /// How sure the person recording it is, 0–10.
  public var confidence: Int?
  /// Who recorded it.
  public var recordedBy: String?

  public init(
    kpi: String, day: CalendarDay, value: Double, note: String? = nil, confidence: Int? = nil,
    recordedBy: String? = nil
  ) {
    self.kpi = kpi
    self.day = day
    self.value = value
    self.note = note
    self.confidence = confidence
    self.recordedBy = recordedBy
  }
}

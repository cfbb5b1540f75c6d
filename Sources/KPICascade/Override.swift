/// A finding the facilitator accepted on purpose, and why; minutes and `check` both show it.
public struct Override: Codable, Equatable, Sendable {
  /// The finding's stable id, e.g. `lead-time:k4`.
  public var finding: String
  public var reason: String

  public init(finding: String, reason: String) {
    self.finding = finding
    self.reason = reason
  }
}

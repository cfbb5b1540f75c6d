/// A Level 3 KPI: what one role or team measures to drive a department KPI.
///
/// Activity metrics ("calls made") belong here and only here. Each one sits under exactly one
/// department KPI and is owned by one named person; a role carries 3–5 of them.
public struct IndividualKPI: Codable, Equatable, Sendable, Identifiable {
  public var id: String
  public var name: String
  /// The department KPI it drives.
  public var parent: String
  /// The role or team it measures (`Account executive`, `Inbound SDR team`).
  public var role: String?
  public var target: String?
  public var owner: String?

  public init(
    id: String, name: String, parent: String, role: String? = nil, target: String? = nil,
    owner: String? = nil
  ) {
    self.id = id
    self.name = name
    self.parent = parent
    self.role = role
    self.target = target
    self.owner = owner
  }
}

/// A Level 1 outcome the board cares about (revenue growth, margin, retention…).
///
/// Company KPIs are few (3–5) and, once the room agrees, locked for twelve months: any later
/// change carries a recorded reason so the next review can see why the goalposts moved.
public struct CompanyKPI: Codable, Equatable, Sendable, Identifiable {
  public var id: String
  public var name: String
  /// The measurable target as the room said it (`>= 20% YoY`); parsed by `Target` when needed.
  public var target: String?
  /// The accountable executive: one named person.
  public var owner: String?
  /// Reasons recorded for changes made after the lock, oldest first.
  public var changes: [LockedChange]

  public init(
    id: String, name: String, target: String? = nil, owner: String? = nil,
    changes: [LockedChange] = []
  ) {
    self.id = id
    self.name = name
    self.target = target
    self.owner = owner
    self.changes = changes
  }
}

/// A change to a locked company KPI, kept so governance can audit it.
public struct LockedChange: Codable, Equatable, Sendable {
  /// What changed, in words (`target: >= 20% YoY → >= 25% YoY`).
  public var what: String
  public var reason: String

  public init(what: String, reason: String) {
    self.what = what
    self.reason = reason
  }
}

/// A Level 1 outcome the board cares about (revenue growth, margin, retention…).
///
/// Company KPIs are few (3–5) and, once the room agrees, locked for twelve months: any later
/// change carries a recorded reason so the next review can see why the goalposts moved.
public struct CompanyKPI: Codable, Equatable, Sendable, Identifiable {
  public var id: String
  public var name: String { didSet { outcome = Outcome(name: name) } }
  /// The measurable target as the room said it (`>= 20% YoY`); read once into `parsedTarget`.
  public var target: String? { didSet { parsedTarget = Understanding.target(target) } }
  /// The accountable executive: one named person.
  public var owner: String? { didSet { ownerAssessment = Understanding.assessment(owner) } }
  /// Reasons recorded for changes made after the lock, oldest first.
  public var changes: [LockedChange]

  // What kpi-align understood of the answers above, read once when each was set (here and
  // in `init`) and never again: the checks and views read these, not the text (DESIGN §5).
  /// What a link sentence must name to reach this KPI, read from its name.
  public private(set) var outcome: Outcome
  /// The target read; `nil` when there is none or it is a goal without a number.
  public private(set) var parsedTarget: Target?
  /// Whether the executive is one named person; `nil` when nobody is named yet.
  public private(set) var ownerAssessment: Assessment?

  public init(
    id: String, name: String, target: String? = nil, owner: String? = nil,
    changes: [LockedChange] = []
  ) {
    self.id = id
    self.name = name
    self.target = target
    self.owner = owner
    self.changes = changes
    outcome = Outcome(name: name)
    parsedTarget = Understanding.target(target)
    ownerAssessment = Understanding.assessment(owner)
  }

  private enum CodingKeys: String, CodingKey {
    case id, name, target, owner, changes
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      id: try container.decode(String.self, forKey: .id),
      name: try container.decode(String.self, forKey: .name),
      target: try container.decodeIfPresent(String.self, forKey: .target),
      owner: try container.decodeIfPresent(String.self, forKey: .owner),
      changes: try container.decode([LockedChange].self, forKey: .changes))
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

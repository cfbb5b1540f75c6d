/// A Level 3 KPI: what one role or team measures to drive a department KPI.
///
/// Activity metrics ("calls made") belong here and only here. Each one sits under exactly one
/// department KPI and is owned by one named person; a role carries 3–5 of them.
public struct IndividualKPI: Codable, Equatable, Sendable, Identifiable {
  public var id: String
  public var name: String { didSet { measuresActivity = Understanding.measuresActivity(name) } }
  /// The department KPI it drives.
  public var parent: String
  /// The role or team it measures (`Account executive`, `Inbound SDR team`).
  public var role: String? { didSet { roleSubject = Understanding.roleSubject(role) } }
  public var target: String? { didSet { parsedTarget = Understanding.target(target) } }
  public var owner: String? { didSet { ownerAssessment = Understanding.assessment(owner) } }

  // What kpi-align understood of the answers above, read once when each was set (here and
  // in `init`) and never again: the checks and views read these, not the text (DESIGN §5).
  /// Whether the name counts actions rather than their results ("calls made"): expected here.
  public private(set) var measuresActivity: Bool
  /// The role as the count of KPIs per role knows it (`role:account-executive`).
  public private(set) var roleSubject: String
  /// The target read; `nil` when there is none or it is a goal without a number.
  public private(set) var parsedTarget: Target?
  /// Whether the owner is one named person; `nil` when nobody is named yet.
  public private(set) var ownerAssessment: Assessment?

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
    measuresActivity = Understanding.measuresActivity(name)
    roleSubject = Understanding.roleSubject(role)
    parsedTarget = Understanding.target(target)
    ownerAssessment = Understanding.assessment(owner)
  }

  private enum CodingKeys: String, CodingKey {
    case id, name, parent, role, target, owner
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      id: try container.decode(String.self, forKey: .id),
      name: try container.decode(String.self, forKey: .name),
      parent: try container.decode(String.self, forKey: .parent),
      role: try container.decodeIfPresent(String.self, forKey: .role),
      target: try container.decodeIfPresent(String.self, forKey: .target),
      owner: try container.decodeIfPresent(String.self, forKey: .owner))
  }
}

/// A Level 3 KPI: what one role or team measures to drive a department KPI.
///
/// Activity metrics ("calls made") belong here and only here. Each one sits under exactly one
/// department KPI and is owned by one named person; a role carries 3–5 of them.
public struct IndividualKPI: Codable, Equatable, Sendable, Identifiable {
  public var id: String
  public var name: String { didSet { readings = Self.readings(self) } }
  /// The department KPI it drives.
  public var parent: String
  /// The role or team it measures (`Account executive`, `Inbound SDR team`).
  public var role: String? { didSet { readings = Self.readings(self) } }
  public var target: String? { didSet { readings = Self.readings(self) } }
  public var owner: String? { didSet { readings = Self.readings(self) } }

  /// What kpi-align understood of the answers above (`KPIReadings`): the checks and views read
  /// these, never the text (DESIGN §5).
  private var readings: KPIReadings

  /// Whether the name counts actions rather than their results ("calls made"): expected here.
  public var measuresActivity: Bool { readings.values.measuresActivity }
  /// The role as the count of KPIs per role knows it (`role:account-executive`).
  public var roleSubject: String { readings.values.roleSubject }
  /// The target read; `nil` when there is none or it is a goal without a number.
  public var parsedTarget: Target? { readings.values.target }
  /// Whether the owner is one named person; `nil` when nobody is named yet.
  public var ownerAssessment: Assessment? { readings.values.owner }

  private static func readings(_ kpi: Self) -> KPIReadings {
    KPIReadings(.init(name: kpi.name, target: kpi.target, owner: kpi.owner, role: kpi.role))
  }

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
    readings = KPIReadings(.init(name: name, target: target, owner: owner, role: role))
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

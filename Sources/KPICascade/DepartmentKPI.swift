/// A Level 2 KPI: a department's leading indicator of one company KPI.
///
/// Fields stay `nil` until the room has answered the question that sets them, which is how the
/// workshop knows what to ask next and how the tests know what is still missing.
public struct DepartmentKPI: Codable, Equatable, Sendable, Identifiable {
  public var id: String
  public var name: String { didSet { readings = Self.readings(self) } }
  /// The company KPI this one moves.
  public var companyKPI: String
  /// How many days ahead of its outcome this KPI moves; 0 means it is lagging.
  public var leadTimeDays: Int?
  /// One sentence saying how this KPI moves its company KPI.
  public var linkSentence: String? { didSet { readings = Self.readings(self) } }
  public var target: String? { didSet { readings = Self.readings(self) } }
  /// Whether pushing this KPI could make another department's KPI worse; `nil` until asked.
  public var tension: Tension?
  public var owner: String? { didSet { readings = Self.readings(self) } }
  /// Other departments that contribute to a shared metric; this KPI's department is primary.
  public var contributors: [String]

  /// What kpi-align understood of the answers above (`KPIReadings`): the checks and views read
  /// these, never the text (DESIGN §5).
  private var readings: KPIReadings

  /// Whether the name counts actions rather than their results ("calls made").
  public var measuresActivity: Bool { readings.values.measuresActivity }
  /// Whether the name is a known vanity shape ("followers", "page views", "downloads").
  public var isVanityShaped: Bool { readings.values.isVanityShaped }
  /// The link sentence's sentences and words; `nil` when there is none.
  public var link: LinkSentence? { readings.values.link }
  /// The target read; `nil` when there is none or it is a goal without a number.
  public var parsedTarget: Target? { readings.values.target }
  /// Whether the owner is one named person; `nil` when nobody is named yet.
  public var ownerAssessment: Assessment? { readings.values.owner }

  private static func readings(_ kpi: Self) -> KPIReadings {
    KPIReadings(.init(name: kpi.name, target: kpi.target, owner: kpi.owner, link: kpi.linkSentence))
  }

  public init(
    id: String, name: String, companyKPI: String, leadTimeDays: Int? = nil,
    linkSentence: String? = nil, target: String? = nil, tension: Tension? = nil,
    owner: String? = nil, contributors: [String] = []
  ) {
    self.id = id
    self.name = name
    self.companyKPI = companyKPI
    self.leadTimeDays = leadTimeDays
    self.linkSentence = linkSentence
    self.target = target
    self.tension = tension
    self.owner = owner
    self.contributors = contributors
    readings = KPIReadings(.init(name: name, target: target, owner: owner, link: linkSentence))
  }

  private enum CodingKeys: String, CodingKey {
    case id, name, companyKPI, leadTimeDays, linkSentence, target, tension, owner, contributors
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      id: try container.decode(String.self, forKey: .id),
      name: try container.decode(String.self, forKey: .name),
      companyKPI: try container.decode(String.self, forKey: .companyKPI),
      leadTimeDays: try container.decodeIfPresent(Int.self, forKey: .leadTimeDays),
      linkSentence: try container.decodeIfPresent(String.self, forKey: .linkSentence),
      target: try container.decodeIfPresent(String.self, forKey: .target),
      tension: try container.decodeIfPresent(Tension.self, forKey: .tension),
      owner: try container.decodeIfPresent(String.self, forKey: .owner),
      contributors: try container.decode([String].self, forKey: .contributors))
  }
}

/// The answer to "could pushing this KPI make another department's KPI worse?".
public enum Tension: Codable, Equatable, Sendable {
  case none
  /// Pushing the KPI may hurt this other KPI (by id).
  case with(kpi: String)
}

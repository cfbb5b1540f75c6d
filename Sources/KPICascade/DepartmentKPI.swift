/// A Level 2 KPI: a department's leading indicator of one company KPI.
///
/// Fields stay `nil` until the room has answered the question that sets them, which is how the
/// workshop knows what to ask next and how the tests know what is still missing.
public struct DepartmentKPI: Codable, Equatable, Sendable, Identifiable {
  public var id: String
  public var name: String { didSet { measuresActivity = Understanding.measuresActivity(name) } }
  /// The company KPI this one moves.
  public var companyKPI: String
  /// How many days ahead of its outcome this KPI moves; 0 means it is lagging.
  public var leadTimeDays: Int?
  /// One sentence saying how this KPI moves its company KPI.
  public var linkSentence: String? { didSet { link = LinkSentence(linkSentence) } }
  public var target: String? { didSet { parsedTarget = Understanding.target(target) } }
  /// Whether pushing this KPI could make another department's KPI worse; `nil` until asked.
  public var tension: Tension?
  public var owner: String? { didSet { ownerAssessment = Understanding.assessment(owner) } }
  /// Other departments that contribute to a shared metric; this KPI's department is primary.
  public var contributors: [String]

  // What kpi-align understood of the answers above, read once when each was set (here and
  // in `init`) and never again: the checks and views read these, not the text (DESIGN §5).
  /// Whether the name counts actions rather than their results ("calls made").
  public private(set) var measuresActivity: Bool
  /// The link sentence's sentences and words; `nil` when there is none.
  public private(set) var link: LinkSentence?
  /// The target read; `nil` when there is none or it is a goal without a number.
  public private(set) var parsedTarget: Target?
  /// Whether the owner is one named person; `nil` when nobody is named yet.
  public private(set) var ownerAssessment: Assessment?

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
    measuresActivity = Understanding.measuresActivity(name)
    link = LinkSentence(linkSentence)
    parsedTarget = Understanding.target(target)
    ownerAssessment = Understanding.assessment(owner)
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

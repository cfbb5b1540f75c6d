/// A Level 2 KPI: a department's leading indicator of one company KPI.
///
/// Fields stay `nil` until the room has answered the question that sets them, which is how the
/// workshop knows what to ask next and how the tests know what is still missing.
public struct DepartmentKPI: Codable, Equatable, Sendable, Identifiable {
  public var id: String
  public var name: String
  /// The company KPI this one moves.
  public var companyKPI: String
  /// How many days ahead of its outcome this KPI moves; 0 means it is lagging.
  public var leadTimeDays: Int?
  /// One sentence saying how this KPI moves its company KPI.
  public var linkSentence: String?
  public var target: String?
  /// Whether pushing this KPI could make another department's KPI worse; `nil` until asked.
  public var tension: Tension?
  public var owner: String?
  /// Other departments that contribute to a shared metric; this KPI's department is primary.
  public var contributors: [String]

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
  }
}

/// The answer to "could pushing this KPI make another department's KPI worse?".
public enum Tension: Codable, Equatable, Sendable {
  case none
  /// Pushing the KPI may hurt this other KPI (by id).
  case with(kpi: String)
}

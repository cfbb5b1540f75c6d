extension Cascade: Codable {
  private enum CodingKeys: String, CodingKey {
    case companyKPIs, lockedOn, departments, contributions, individualKPIs, conflicts, governance
    case overrides, readings, reviews
  }

  /// Files written before readings existed have no `readings` or `reviews`: they read as none.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    companyKPIs = try container.decode([CompanyKPI].self, forKey: .companyKPIs)
    lockedOn = try container.decodeIfPresent(String.self, forKey: .lockedOn)
    departments = try container.decode([Department].self, forKey: .departments)
    contributions = try container.decode([Contribution].self, forKey: .contributions)
    individualKPIs = try container.decode([IndividualKPI].self, forKey: .individualKPIs)
    conflicts = try container.decode([Conflict].self, forKey: .conflicts)
    governance = try container.decode(Governance.self, forKey: .governance)
    overrides = try container.decode([Override].self, forKey: .overrides)
    scorecard = try container.decodeIfPresent(Scorecard.self, forKey: .readings) ?? Scorecard()
    reviews = try container.decodeIfPresent([Review].self, forKey: .reviews) ?? []
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(companyKPIs, forKey: .companyKPIs)
    try container.encodeIfPresent(lockedOn, forKey: .lockedOn)
    try container.encode(departments, forKey: .departments)
    try container.encode(contributions, forKey: .contributions)
    try container.encode(individualKPIs, forKey: .individualKPIs)
    try container.encode(conflicts, forKey: .conflicts)
    try container.encode(governance, forKey: .governance)
    try container.encode(overrides, forKey: .overrides)
    // Omitted while empty, so a cascade without readings writes exactly what it always did.
    if !scorecard.isEmpty { try container.encode(scorecard, forKey: .readings) }
    if !reviews.isEmpty { try container.encode(reviews, forKey: .reviews) }
  }
}

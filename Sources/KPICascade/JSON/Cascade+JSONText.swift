/// The cascade as it appears in session files and exports: `Codable`'s layout, read and written
/// without `Codable` (see `JSONTextCodable`).
extension Cascade: JSONTextCodable {
  public init(json reader: inout JSONPullReader) throws(JSONBail) {
    var companyKPIs: [CompanyKPI]?
    var lockedOn: String?
    var departments: [Department]?
    var contributions: [Contribution]?
    var individualKPIs: [IndividualKPI]?
    var conflicts: [Conflict]?
    var governance: Governance?
    var overrides: [Override]?
    var readings: [Reading]?
    var reviews: [Review]?
    try reader.object { reader, key throws(JSONBail) in
      switch key {
      case "companyKPIs": companyKPIs = try reader.array(of: CompanyKPI.self)
      case "lockedOn": lockedOn = try reader.optionalString()
      case "departments": departments = try reader.array(of: Department.self)
      case "contributions": contributions = try reader.array(of: Contribution.self)
      case "individualKPIs": individualKPIs = try reader.array(of: IndividualKPI.self)
      case "conflicts": conflicts = try reader.array(of: Conflict.self)
      case "governance": governance = try Governance(json: &reader)
      case "overrides": overrides = try reader.array(of: Override.self)
      case "readings": readings = try reader.null() ? nil : try reader.array(of: Reading.self)
      case "reviews": reviews = try reader.null() ? nil : try reader.array(of: Review.self)
      default: throw JSONBail()
      }
    }
    guard let companyKPIs, let departments, let contributions, let individualKPIs, let conflicts,
      let governance, let overrides
    else { throw JSONBail() }
    self.init()
    self.companyKPIs = companyKPIs
    self.lockedOn = lockedOn
    self.departments = departments
    self.contributions = contributions
    self.individualKPIs = individualKPIs
    self.conflicts = conflicts
    self.governance = governance
    self.overrides = overrides
    scorecard = Scorecard(readings ?? [])
    self.reviews = reviews ?? []
  }

  public func write(json writer: inout PrettyJSONWriter) {
    writer.object { writer in
      writer.key("companyKPIs")
      writer.array(companyKPIs)
      writer.key("conflicts")
      writer.array(conflicts)
      writer.key("contributions")
      writer.array(contributions)
      writer.key("departments")
      writer.array(departments)
      writer.field("governance", governance)
      writer.key("individualKPIs")
      writer.array(individualKPIs)
      writer.field("lockedOn", lockedOn)
      writer.key("overrides")
      writer.array(overrides)
      // Omitted while empty, as `encode(to:)` omits them.
      if !scorecard.isEmpty {
        writer.key("readings")
        writer.array(scorecard.allReadings)
      }
      if !reviews.isEmpty {
        writer.key("reviews")
        writer.array(reviews)
      }
    }
  }
}

extension Contribution: JSONTextCodable {
  public init(json reader: inout JSONPullReader) throws(JSONBail) {
    var companyKPI: String?
    var department: String?
    var text: String?
    try reader.object { reader, key throws(JSONBail) in
      switch key {
      case "companyKPI": companyKPI = try reader.string()
      case "department": department = try reader.string()
      case "text": text = try reader.optionalString()
      default: throw JSONBail()
      }
    }
    guard let companyKPI, let department else { throw JSONBail() }
    self.init(companyKPI: companyKPI, department: department, text: text)
  }

  public func write(json writer: inout PrettyJSONWriter) {
    writer.object { writer in
      writer.field("companyKPI", companyKPI)
      writer.field("department", department)
      writer.field("text", text)
    }
  }
}

extension Governance: JSONTextCodable {
  public init(json reader: inout JSONPullReader) throws(JSONBail) {
    var governance = Governance()
    try reader.object { reader, key throws(JSONBail) in
      switch key {
      case "velocity":
        governance.velocity = try reader.null() ? nil : try reader.rawValue(BusinessVelocity.self)
      case "operationalReview":
        governance.operationalReview = try reader.null() ? nil : try reader.rawValue(ReviewCadence.self)
      case "strategicReview":
        governance.strategicReview = try reader.null() ? nil : try reader.rawValue(ReviewCadence.self)
      case "alignmentReview": governance.alignmentReview = try reader.optionalString()
      case "annualRealignment": governance.annualRealignment = try reader.optionalString()
      case "processOwner": governance.processOwner = try reader.optionalString()
      case "disputeResolver": governance.disputeResolver = try reader.optionalString()
      case "changeProcess": governance.changeProcess = try reader.optionalString()
      case "missPolicy": governance.missPolicy = try reader.optionalString()
      default: throw JSONBail()
      }
    }
    self = governance
  }

  public func write(json writer: inout PrettyJSONWriter) {
    writer.object { writer in
      writer.field("alignmentReview", alignmentReview)
      writer.field("annualRealignment", annualRealignment)
      writer.field("changeProcess", changeProcess)
      writer.field("disputeResolver", disputeResolver)
      writer.field("missPolicy", missPolicy)
      writer.field("operationalReview", rawValue: operationalReview)
      writer.field("processOwner", processOwner)
      writer.field("strategicReview", rawValue: strategicReview)
      writer.field("velocity", rawValue: velocity)
    }
  }
}

extension Override: JSONTextCodable {
  public init(json reader: inout JSONPullReader) throws(JSONBail) {
    var finding: String?
    var reason: String?
    try reader.object { reader, key throws(JSONBail) in
      switch key {
      case "finding": finding = try reader.string()
      case "reason": reason = try reader.string()
      default: throw JSONBail()
      }
    }
    guard let finding, let reason else { throw JSONBail() }
    self.init(finding: finding, reason: reason)
  }

  public func write(json writer: inout PrettyJSONWriter) {
    writer.object { writer in
      writer.field("finding", finding)
      writer.field("reason", reason)
    }
  }
}

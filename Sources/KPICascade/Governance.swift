import Foundation

/// Step 6: the rhythm and rules that keep the cascade alive after the workshop.
public struct Governance: Codable, Equatable, Sendable {
  public var velocity: BusinessVelocity?
  public var operationalReview: ReviewCadence?
  public var strategicReview: ReviewCadence?
  /// First quarterly alignment review, `YYYY-MM-DD`.
  public var alignmentReview: String?
  /// The annual realignment, `YYYY-MM-DD`.
  public var annualRealignment: String?
  public var processOwner: String? {
    didSet { processOwnerAssessment = Understanding.assessment(processOwner) }
  }
  public var disputeResolver: String? {
    didSet { disputeResolverAssessment = Understanding.assessment(disputeResolver) }
  }
  /// How KPIs are created, changed and retired.
  public var changeProcess: String?
  /// What happens when a KPI misses repeatedly.
  public var missPolicy: String?

  /// Whether the process owner and the dispute resolver are each one named person, read once
  /// when each was set; `nil` while nobody is named.
  public private(set) var processOwnerAssessment: Assessment?
  public private(set) var disputeResolverAssessment: Assessment?

  public init() {}

  private enum CodingKeys: String, CodingKey {
    case velocity, operationalReview, strategicReview, alignmentReview, annualRealignment, processOwner
    case disputeResolver, changeProcess, missPolicy
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    velocity = try container.decodeIfPresent(BusinessVelocity.self, forKey: .velocity)
    operationalReview = try container.decodeIfPresent(ReviewCadence.self, forKey: .operationalReview)
    strategicReview = try container.decodeIfPresent(ReviewCadence.self, forKey: .strategicReview)
    alignmentReview = try container.decodeIfPresent(String.self, forKey: .alignmentReview)
    annualRealignment = try container.decodeIfPresent(String.self, forKey: .annualRealignment)
    processOwner = try container.decodeIfPresent(String.self, forKey: .processOwner)
    disputeResolver = try container.decodeIfPresent(String.self, forKey: .disputeResolver)
    changeProcess = try container.decodeIfPresent(String.self, forKey: .changeProcess)
    missPolicy = try container.decodeIfPresent(String.self, forKey: .missPolicy)
    processOwnerAssessment = Understanding.assessment(processOwner)
    disputeResolverAssessment = Understanding.assessment(disputeResolver)
  }
}

/// How fast the business moves, which sets how often it must look at its KPIs.
public enum BusinessVelocity: String, Codable, CaseIterable, Sendable {
  /// Ecommerce, SaaS, agencies: things change week to week.
  case high
  /// Manufacturing, professional services, public sector: month to month.
  case steady

  /// The cadences DESIGN §2 proposes for this velocity.
  public var proposedOperationalReview: ReviewCadence { self == .high ? .weekly : .biweekly }
  public var proposedStrategicReview: ReviewCadence { self == .high ? .monthly : .quarterly }
}

/// How often a review meets.
public enum ReviewCadence: String, Codable, CaseIterable, Sendable {
  case weekly
  case biweekly = "bi-weekly"
  case monthly
  case quarterly

  /// The cadence's length in days, for staleness and calendars.
  public var days: Int {
    switch self {
    case .weekly: 7
    case .biweekly: 14
    case .monthly: 30
    case .quarterly: 91
    }
  }

  public init?(answer: String) {
    let text = answer.trimmingCharacters(in: .whitespaces).lowercased()
    switch text {
    case "weekly", "week", "every week": self = .weekly
    case "bi-weekly", "biweekly", "fortnightly", "every two weeks", "every 2 weeks": self = .biweekly
    case "monthly", "month", "every month": self = .monthly
    case "quarterly", "quarter", "every quarter": self = .quarterly
    default: return nil
    }
  }
}

/// The text fields of governance, named for events and commands.
public enum GovernanceField: String, Codable, CaseIterable, Sendable {
  case alignmentReview = "alignment-review"
  case annualRealignment = "annual-realignment"
  case processOwner = "process-owner"
  case disputeResolver = "dispute-resolver"
  case changeProcess = "change-process"
  case missPolicy = "miss-policy"
}

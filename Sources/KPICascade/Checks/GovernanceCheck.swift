/// Governance: every part of step 6 is present and the review rhythm matches how fast the
/// business moves; without it the cascade is a poster, not a practice.
///
/// Subjects, in order: `governance-velocity`, `governance-operational-review`,
/// `governance-strategic-review`, then `governance-<field>` for each `GovernanceField`
/// (`governance-alignment-review`, `governance-annual-realignment`, `governance-process-owner`,
/// `governance-dispute-resolver`, `governance-change-process`, `governance-miss-policy`).
public struct GovernanceCheck: AlignmentCheck {
  public let kind = CheckKind.governance

  public init() {}

  /// The subject of the finding about one governance text field.
  public static func subject(_ field: GovernanceField) -> String { "governance-\(field.rawValue)" }

  public func findings(in cascade: Cascade) -> [Finding] {
    let governance = cascade.governance
    return [
      velocityFinding(governance.velocity),
      cadenceFinding(
        "governance-operational-review", "operational review", governance.operationalReview,
        proposed: governance.velocity?.proposedOperationalReview, velocity: governance.velocity),
      cadenceFinding(
        "governance-strategic-review", "strategic review", governance.strategicReview,
        proposed: governance.velocity?.proposedStrategicReview, velocity: governance.velocity),
    ] + GovernanceField.allCases.map { fieldFinding($0, in: governance) }
  }

  private func velocityFinding(_ velocity: BusinessVelocity?) -> Finding {
    guard let velocity else {
      return Finding(check: kind, verdict: .fail, subject: "governance-velocity", .noVelocity)
    }
    return Finding(check: kind, verdict: .pass, subject: "governance-velocity", .velocity(velocity))
  }

  private func cadenceFinding(
    _ subject: String, _ name: String, _ cadence: ReviewCadence?, proposed: ReviewCadence?,
    velocity: BusinessVelocity?
  ) -> Finding {
    guard let cadence else {
      return Finding(check: kind, verdict: .fail, subject: subject, .noCadence(name))
    }
    guard let proposed, let velocity, cadence != proposed else {
      return Finding(check: kind, verdict: .pass, subject: subject, .cadence(name, cadence))
    }
    return Finding(
      check: kind, verdict: .warn, subject: subject, .mismatchedCadence(name, cadence, velocity, proposed))
  }

  private func fieldFinding(_ field: GovernanceField, in governance: Governance) -> Finding {
    let subject = Self.subject(field)
    let (value, what, remedy): (String?, String, String) =
      switch field {
      case .alignmentReview:
        (governance.alignmentReview, "quarterly alignment review", "set the date of the first one")
      case .annualRealignment:
        (governance.annualRealignment, "annual realignment", "set its date")
      case .processOwner:
        (
          governance.processOwner, "alignment process owner",
          "name the one person who keeps the cascade alive"
        )
      case .disputeResolver:
        (governance.disputeResolver, "dispute resolver", "name the one person who settles disputes")
      case .changeProcess:
        (governance.changeProcess, "process for creating, changing and retiring KPIs", "agree it")
      case .missPolicy:
        (governance.missPolicy, "rule for repeated misses", "agree what happens when a KPI keeps missing")
      }
    guard let text = value.answered else {
      return Finding(check: kind, verdict: .fail, subject: subject, .missing(what, remedy: remedy))
    }
    let person =
      field == .processOwner
      ? governance.processOwnerAssessment
      : field == .disputeResolver ? governance.disputeResolverAssessment : nil
    if let assessment = person {
      if assessment.verdict != .pass {
        return Finding(
          check: kind, verdict: assessment.verdict, subject: subject,
          reason: "\(what): \(assessment.problem)",
          remedy: assessment.remedy)
      }
    }
    return Finding(check: kind, verdict: .pass, subject: subject, .agreed(what, text))
  }
}

extension Finding.Message {
  static let noVelocity = Self(
    "no business velocity",
    remedy: "say whether the business changes week to week (high) or month to month (steady)")
  static func velocity(_ velocity: BusinessVelocity) -> Self { Self("\(velocity.rawValue) velocity") }

  /// `name` is the review ("operational review").
  static func noCadence(_ name: String) -> Self {
    Self("no \(name) cadence", remedy: "set how often the \(name) meets")
  }
  static func cadence(_ name: String, _ cadence: ReviewCadence) -> Self {
    Self("\(name) \(cadence.rawValue)")
  }
  static func mismatchedCadence(
    _ name: String, _ cadence: ReviewCadence, _ velocity: BusinessVelocity, _ proposed: ReviewCadence
  ) -> Self {
    let business = velocity == .high ? "a high-velocity business" : "a steady business"
    let effect = cadence.days > proposed.days ? "sees problems late" : "spends the room's time on noise"
    return Self(
      "\(business) reviewing \(cadence.rawValue) \(effect)", remedy: "hold the \(name) \(proposed.rawValue)")
  }

  /// `what` is the part of governance ("dispute resolver").
  static func missing(_ what: String, remedy: String) -> Self { Self("no \(what)", remedy: remedy) }
  static func agreed(_ what: String, _ text: String) -> Self { Self("\(what): \(text)") }
}

/// The two governance meetings that look at readings (step 6 sets how often each meets).
public enum ReviewKind: String, Codable, CaseIterable, Sendable {
  /// The frequent one: department leading indicators and the Level 3 KPIs under them.
  case operational
  /// The slower one: company outcomes and the department KPIs that move them.
  case strategic

  /// Which KPI levels this review walks.
  public var levels: [KPILevel] {
    switch self {
    case .operational: [.department, .individual]
    case .strategic: [.company, .department]
    }
  }

  /// The cadence governance set for this review, or the one its velocity proposes, or the
  /// faster of the two when neither is set: a KPI is stale when it has no reading this recent.
  public func cadence(in governance: Governance) -> ReviewCadence {
    switch self {
    case .operational:
      governance.operationalReview ?? governance.velocity?.proposedOperationalReview ?? .weekly
    case .strategic:
      governance.strategicReview ?? governance.velocity?.proposedStrategicReview ?? .monthly
    }
  }
}

/// One review meeting as it happened: the KPIs that were off track that day, and for each the
/// owner's explanation of the variance and the improvement plan.
///
/// Kept as recorded rather than recomputed, so a later correction to a reading does not
/// rewrite what the meeting saw; the miss policy counts consecutive reviews from these.
public struct Review: Codable, Equatable, Sendable {
  public var kind: ReviewKind
  public var day: CalendarDay
  /// The KPIs due at this review that were off track, in the order they were walked.
  public var offTrack: [String]
  /// What the owners said, one entry per off-track KPI once it has been discussed.
  public var variances: [Variance]

  public init(kind: ReviewKind, day: CalendarDay, offTrack: [String], variances: [Variance] = []) {
    self.kind = kind
    self.day = day
    self.offTrack = offTrack
    self.variances = variances
  }

  /// The off-track KPIs not discussed yet, in order.
  public var pending: [String] {
    offTrack.filter { kpi in !variances.contains { $0.kpi == kpi } }
  }

  public func variance(of kpi: String) -> Variance? {
    variances.first { $0.kpi == kpi }
  }
}

/// An off-track KPI's owner's account at a review; `nil` when the room moved on without one.
public struct Variance: Codable, Equatable, Sendable {
  public var kpi: String
  /// Why it is off track.
  public var explanation: String?
  /// What will bring it back.
  public var plan: String?

  public init(kpi: String, explanation: String?, plan: String?) {
    self.kpi = kpi
    self.explanation = explanation
    self.plan = plan
  }
}

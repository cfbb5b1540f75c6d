/// How mature a company's KPI alignment is, 0–100 %, computed from the cascade by an explicit
/// rubric: what `/score` and `kpi-align score` show, and what the minutes and `diff` report.
///
/// Each criterion belongs to the maturity level it helps reach and carries a weight in points;
/// the weights add up to 100, so the percent is the points met. The rubric is `rubric` below
/// and `docs/score.md`: no number in the score comes from anywhere else.
///
/// Most criteria read the alignment report's findings, so the score and `/check` never
/// disagree. A warn or fail the room accepted with a recorded reason counts as met, as it does
/// for `/check`; the criterion's detail says how many were accepted.
public struct MaturityScore: Equatable, Sendable {
  /// Every criterion of the rubric, judged on this cascade, in rubric order (level by level).
  public let criteria: [Criterion]

  /// How many unmet criteria `nextSteps` offers: the room acts on a few things at a time.
  public static let nextStepCount = 3

  public init(cascade: Cascade) {
    let evidence = ScoreEvidence(cascade: cascade)
    criteria = Self.rubric.map { rule in
      let judgement = rule.judge(evidence)
      return Criterion(
        id: rule.id, title: rule.title, level: rule.level, weight: rule.weight, isMet: judgement.isMet,
        detail: judgement.detail)
    }
  }

  /// The points the rubric can give: 100.
  public var totalWeight: Int { criteria.map(\.weight).reduce(0, +) }

  /// The points of the criteria met.
  public var metWeight: Int { criteria.filter(\.isMet).map(\.weight).reduce(0, +) }

  /// Met weight over total weight, 0–100, rounded half up.
  public var percent: Int {
    guard totalWeight > 0 else { return 0 }
    return (metWeight * 100 + totalWeight / 2) / totalWeight
  }

  /// The level `percent` falls in (`MaturityLevel` holds the bands).
  public var level: MaturityLevel { MaturityLevel(percent: percent) }

  /// The most valuable unmet criteria, at most `nextStepCount`: those of the lowest level
  /// first (a cascade is built from the bottom: owners before conflicts, conflicts before
  /// dashboards), then the heavier, then rubric order, so the same cascade always gets the
  /// same advice.
  public var nextSteps: [Criterion] {
    criteria.enumerated()
      .filter { !$0.element.isMet }
      .sorted { a, b in
        (a.element.level, -a.element.weight, a.offset) < (b.element.level, -b.element.weight, b.offset)
      }
      .prefix(Self.nextStepCount)
      .map(\.element)
  }

  /// One line of the rubric, judged on one cascade.
  public struct Criterion: Codable, Equatable, Sendable, Identifiable {
    /// Stable across versions (`company-locked`): diff and the minutes name criteria by it.
    public let id: String
    public let title: String
    /// The maturity level this criterion is part of reaching.
    public let level: MaturityLevel
    /// Points out of 100.
    public let weight: Int
    public let isMet: Bool
    /// Why it is met or not, in the room's words ("no owner: Pipeline coverage").
    public let detail: String

    public init(id: String, title: String, level: MaturityLevel, weight: Int, isMet: Bool, detail: String) {
      self.id = id
      self.title = title
      self.level = level
      self.weight = weight
      self.isMet = isMet
      self.detail = detail
    }
  }

  // MARK: - The rubric

  /// The rubric: DESIGN §2's levels, each criterion with its weight and how it is judged
  /// (`ScoreEvidence`). Each level's criteria weigh 25, so meeting every criterion up to a
  /// level lands exactly on that level's lower bound (25, 50, 75); the Optimized criteria take
  /// the last 25, and `dashboard-fed` weighs only 5 so Optimized (90) is within reach at the
  /// end of the workshop, before any readings feed the dashboard.
  static let rubric: [Rule] = [
    // Basic: Level 1 agreed.
    Rule("company-kpi-count", .basic, 8, "\(CountCheck.companyRange.dashed) company KPIs") {
      $0.companyKPICount
    },
    Rule("company-targets", .basic, 7, "Every company KPI has a measurable target") { $0.companyTargets },
    Rule("company-locked", .basic, 5, "Company KPIs locked for twelve months") { $0.companyLocked },
    Rule("company-executives", .basic, 5, "One accountable executive per company KPI") {
      $0.companyExecutives
    },
    // Structured: every department cascades L1 → L2, named owners, a review cadence.
    Rule(
      "departments-cascade", .structured, 6,
      "Every department cascades L1 → L2 with \(CountCheck.departmentRange.dashed) KPIs"
    ) {
      $0.departmentsCascade
    },
    Rule("line-of-sight", .structured, 3, "Line of sight both ways") { $0.lineOfSight },
    Rule("links-stated", .structured, 4, "One-sentence link for every department KPI") { $0.linksStated },
    Rule("department-outcomes", .structured, 3, "Department KPIs are outcomes with measurable targets") {
      $0.departmentOutcomes
    },
    Rule("named-owners", .structured, 7, "Named department heads and KPI owners") { $0.namedOwners },
    Rule("review-cadence", .structured, 2, "Operational and strategic review cadence set") {
      $0.reviewCadence
    },
    // Aligned: three levels, conflicts resolved, rhythms matched to velocity.
    Rule("three-levels", .aligned, 8, "Level 3 KPIs in every department") { $0.threeLevels },
    Rule(
      "level-3-complete", .aligned, 5,
      "Level 3: \(CountCheck.roleRange.dashed) per role, each targeted and owned"
    ) {
      $0.levelThreeComplete
    },
    Rule("conflicts-resolved", .aligned, 6, "No cross-functional conflict left open") {
      $0.conflictsResolved
    },
    Rule("rhythm-matches-velocity", .aligned, 6, "Review rhythm matches the business velocity") {
      $0.rhythmMatchesVelocity
    },
    // Optimized: governed process, leading indicators at every level, executive dashboard fed.
    Rule("governed-process", .optimized, 10, "Alignment process governed") { $0.governedProcess },
    Rule("leading-indicators", .optimized, 10, "Leading indicators throughout the cascade") {
      $0.leadingIndicators
    },
    Rule("dashboard-fed", .optimized, 5, "Executive dashboard fed with readings") { $0.dashboardFed },
  ]

  /// One row of the rubric: what it is, what it weighs and how it is judged.
  struct Rule: Sendable {
    let id: String
    let level: MaturityLevel
    let weight: Int
    let title: String
    let judge: @Sendable (ScoreEvidence) -> Judgement

    init(
      _ id: String, _ level: MaturityLevel, _ weight: Int, _ title: String,
      judge: @escaping @Sendable (ScoreEvidence) -> Judgement
    ) {
      self.id = id
      self.level = level
      self.weight = weight
      self.title = title
      self.judge = judge
    }
  }

  /// A criterion's verdict on one cascade, and why.
  struct Judgement: Sendable {
    let isMet: Bool
    let detail: String

    static func met(_ detail: String) -> Judgement { Judgement(isMet: true, detail: detail) }
    static func unmet(_ detail: String) -> Judgement { Judgement(isMet: false, detail: detail) }
  }
}

/// Where a KPI's dip started: the KPIs beneath it that turned before it did, ranked by how well
/// their lag matches their stated lead time, and the chain from the KPI down to the earliest.
///
/// The rules are in docs/diagnosis.md; every number here is one a room can recompute by hand
/// from the readings.
public struct Diagnosis: Equatable, Sendable {
  /// What the diagnosis concluded.
  public enum Finding: String, Codable, Sendable {
    /// The KPI has no readings through the day.
    case noReadings = "no readings"
    /// The KPI has not turned: nothing to trace (the indicators still show early warnings).
    case notTurned = "not turned"
    /// None of the KPIs beneath it has readings.
    case nothingMeasuredBeneath = "nothing measured beneath"
    /// Nothing beneath turned before it: the cause lies outside the cascade.
    case outsideCascade = "outside the cascade"
    /// Leading indicators beneath it turned first: `chain` names where.
    case traced
  }

  /// A KPI beneath that turned (before the one above it, or, when that has not turned, lately).
  public struct Indicator: Equatable, Sendable {
    public var kpi: String
    public var level: KPILevel
    /// The department it belongs to.
    public var department: String?
    /// Whom to call: its owner, else its department's head.
    public var owner: String?
    public var episode: Episode
    public var threshold: Threshold?
    /// Days from its turn to the turn of the KPI above it (nil when that has not turned).
    public var lagDays: Int?
    public var statedLeadDays: Int?
    /// How well the lag matches the stated lead time, 0–1.
    public var match: Double
    /// `match` weighed by how hard it fell: the ranking key.
    public var score: Double
    /// The KPIs beneath this one that turned before it, ranked the same way.
    public var beneath: [Indicator]
  }

  /// A stated lead time set against the lag the readings show.
  public struct Calibration: Equatable, Sendable {
    public var kpi: String
    public var statedDays: Int
    public var observedDays: Int
    /// Within `Diagnosis.tolerance` of each other.
    public var agrees: Bool
  }

  /// A lag within this many days (or this share of the stated lead, if larger) agrees with it.
  public static let toleranceDays = 7
  public static let toleranceShare = 0.25
  /// A turn counts as a cause only within this many days (or three lead times) before the dip.
  public static let lookbackDays = 91
  /// A fall of this share or more weighs fully in the ranking.
  public static let fullSeverity = 0.25

  public var kpi: String
  public var asOf: CalendarDay
  public var finding: Finding
  public var standing: Standing
  /// The KPI's own current episode, when it has turned.
  public var episode: Episode?
  /// Ranked, best first. When the KPI has not turned: indicators beneath with an ongoing turn.
  public var indicators: [Indicator]
  public var calibration: [Calibration]

  /// From the KPI down to the earliest turn: the best-ranked indicator, then the best beneath
  /// it, and so on.
  public var chain: [Indicator] {
    var result: [Indicator] = []
    var level = indicators
    while let best = level.first {
      result.append(best)
      level = best.beneath
    }
    return result
  }

  /// Diagnoses a KPI (any level) from the readings through `day`.
  public init(of kpi: String, in cascade: Cascade, asOf day: CalendarDay) {
    let context = Context(cascade: cascade)
    self.kpi = kpi
    asOf = day
    let target = context.target(of: kpi)
    let readings = cascade.scorecard.readings(of: kpi, through: day)
    standing = Standing(
      kpi: kpi, readings: readings, target: target, cadence: context.cadence(of: kpi), asOf: day)
    let threshold = target.map(Threshold.init)
    episode = Episode.all(in: readings, threshold: threshold).last.flatMap { $0.isOngoing ? $0 : nil }
    calibration = []
    indicators = []
    let measuredBeneath = context.beneath(kpi).contains { !cascade.scorecard.readings(of: $0).isEmpty }
    if readings.isEmpty {
      finding = .noReadings
    } else if let episode {
      indicators = context.rank(beneath: kpi, turnedBefore: episode.onset, asOf: day)
      calibration = indicators.compactMap { indicator in
        guard let stated = indicator.statedLeadDays, stated > 0, let lag = indicator.lagDays else {
          return nil
        }
        let tolerance = max(Double(Self.toleranceDays), Double(stated) * Self.toleranceShare)
        return Calibration(
          kpi: indicator.kpi, statedDays: stated, observedDays: lag,
          agrees: abs(Double(lag - stated)) <= tolerance)
      }
      finding = !indicators.isEmpty ? .traced : measuredBeneath ? .outsideCascade : .nothingMeasuredBeneath
    } else {
      indicators = context.rank(beneath: kpi, turnedBefore: nil, asOf: day)
      finding = .notTurned
    }
  }

  /// Lookups the walk needs, built once.
  private struct Context {
    let cascade: Cascade

    init(cascade: Cascade) {
      self.cascade = cascade
    }

    func target(of kpi: String) -> Target? {
      let text =
        cascade.companyKPI(kpi)?.target ?? cascade.departmentKPI(kpi)?.target
        ?? cascade.individualKPI(kpi)?.target
      return text.flatMap(Target.parse)
    }

    func cadence(of kpi: String) -> ReviewCadence {
      let kind: ReviewKind = cascade.companyKPI(kpi) != nil ? .strategic : .operational
      return kind.cadence(in: cascade.governance)
    }

    func beneath(_ kpi: String) -> [String] {
      if cascade.companyKPI(kpi) != nil {
        return cascade.departmentKPIs.filter { $0.companyKPI == kpi }.map(\.id)
      }
      if cascade.departmentKPI(kpi) != nil {
        return cascade.individualKPIs(under: kpi).map(\.id)
      }
      return []
    }

    /// The KPIs beneath `kpi` that turned within the lookback before `onset` (or, with no
    /// onset, are turned now), ranked best first, each with its own turned KPIs beneath.
    func rank(beneath kpi: String, turnedBefore onset: CalendarDay?, asOf day: CalendarDay) -> [Indicator] {
      var found: [Indicator] = []
      for child in beneath(kpi) {
        let readings = cascade.scorecard.readings(of: child, through: day)
        guard !readings.isEmpty else { continue }
        let threshold = target(of: child).map(Threshold.init)
        let episodes = Episode.all(in: readings, threshold: threshold)
        let stated = cascade.departmentKPI(child)?.leadTimeDays
        let episode: Episode?
        if let onset {
          let lookback = max(Diagnosis.lookbackDays, 3 * (stated ?? 0))
          episode = episodes.last { $0.onset < onset && $0.onset.days(to: onset) <= lookback }
        } else {
          episode = episodes.last.flatMap { $0.isOngoing ? $0 : nil }
        }
        guard let episode else { continue }
        let lag = onset.map { episode.onset.days(to: $0) }
        let match = Self.match(lag: lag, stated: stated)
        let severity = min(1, episode.severity(threshold) / Diagnosis.fullSeverity)
        let department =
          cascade.owningDepartment(ofKPI: child)
          ?? cascade.individualKPI(child).flatMap { cascade.owningDepartment(ofKPI: $0.parent) }
        let owner =
          cascade.departmentKPI(child)?.owner ?? cascade.individualKPI(child)?.owner ?? department?.head
        found.append(
          Indicator(
            kpi: child, level: cascade.level(ofKPI: child) ?? .department, department: department?.id,
            owner: owner, episode: episode, threshold: threshold, lagDays: lag, statedLeadDays: stated,
            match: match, score: match * (0.5 + 0.5 * severity),
            beneath: rank(beneath: child, turnedBefore: onset.map { _ in episode.onset }, asOf: day)))
      }
      return found.sorted { a, b in
        if a.score != b.score { return a.score > b.score }
        if a.episode.onset != b.episode.onset { return a.episode.onset < b.episode.onset }
        return a.kpi < b.kpi
      }
    }

    /// 1 when the lag equals the stated lead, falling to 0 as they part; 0.5 when no lead is
    /// stated (or there is no lag to compare), 0.25 for a lagging KPI (lead 0).
    static func match(lag: Int?, stated: Int?) -> Double {
      guard let lag, let stated else { return 0.5 }
      guard stated > 0 else { return 0.25 }
      return max(0, 1 - Double(abs(lag - stated)) / Double(max(stated, lag)))
    }
  }
}

/// Where a KPI's dip started: the KPIs beneath it that turned before it did, ranked by how hard
/// they fell and how well their lag matches their stated lead time, and the chain from the KPI
/// down to the earliest.
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
    /// How hard it fell, weighed by `match` and by whether it was still down when the KPI above
    /// turned: the ranking key.
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
  /// What a turn that had already recovered when the KPI above turned weighs, against one
  /// still under way.
  public static let recoveredWeight = 0.5

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
    let context = Context(cascade: cascade, asOf: day)
    let node = context.node(kpi)
    self.kpi = kpi
    asOf = day
    let target = node?.parsedTarget
    let readings = cascade.scorecard.readings(of: kpi, through: day)
    standing = Standing(
      kpi: kpi, readings: readings, target: target,
      cadence: (node?.level == .company ? ReviewKind.strategic : .operational).cadence(
        in: cascade.governance),
      asOf: day)
    let threshold = target.map(Threshold.init)
    episode = Episode.all(in: readings, threshold: threshold).last.flatMap { $0.isOngoing ? $0 : nil }
    calibration = []
    indicators = []
    if readings.isEmpty {
      finding = .noReadings
    } else if let episode, let node {
      indicators = context.rank(beneath: node, turnedBefore: episode.onset)
      calibration = indicators.compactMap(Self.calibration)
      finding =
        !indicators.isEmpty
        ? .traced : context.isMeasured(beneath: node) ? .outsideCascade : .nothingMeasuredBeneath
    } else if episode != nil {
      finding = .nothingMeasuredBeneath
    } else {
      indicators = node.map { context.rank(beneath: $0, turnedBefore: nil) } ?? []
      finding = .notTurned
    }
  }

  /// An indicator's stated lead against its observed lag; `nil` without both (or for a
  /// lagging KPI, whose lead is 0).
  static func calibration(_ indicator: Indicator) -> Calibration? {
    guard let stated = indicator.statedLeadDays, stated > 0, let lag = indicator.lagDays else { return nil }
    let tolerance = max(Double(toleranceDays), Double(stated) * toleranceShare)
    return Calibration(
      kpi: indicator.kpi, statedDays: stated, observedDays: lag,
      agrees: abs(Double(lag - stated)) <= tolerance)
  }

  /// 1 when the lag equals the stated lead, falling to 0 as they part; 0.5 when no lead is
  /// stated (or there is no lag to compare), 0.25 for a lagging KPI (lead 0).
  static func match(lag: Int?, stated: Int?) -> Double {
    guard let lag, let stated else { return 0.5 }
    guard stated > 0 else { return 0.25 }
    return max(0, 1 - Double(abs(lag - stated)) / Double(max(stated, lag)))
  }

  /// The ranking key: how hard it fell (a fall of `fullSeverity` or more counts fully), times
  /// half plus half the match, halved when it had already recovered when the KPI above turned.
  static func score(severity: Double, match: Double, underway: Bool) -> Double {
    min(1, severity / fullSeverity) * (0.5 + 0.5 * match) * (underway ? 1 : recoveredWeight)
  }

  /// One KPI of the cascade as the walk needs it.
  private struct Node {
    var id: String
    var level: KPILevel
    var target: String?
    /// The target as read when it was set (a `let`, so no node can be made without it).
    let parsedTarget: Target?
    /// Its owner, else its department's head.
    var owner: String?
    var department: Department?
    var statedLeadDays: Int?
  }

  /// Lookups the walk needs, each built once: the walk visits every KPI beneath a company KPI,
  /// which on a large company is thousands, so nothing here may scan the cascade per KPI.
  private final class Context {
    let cascade: Cascade
    let day: CalendarDay
    private lazy var individualsByParent = Dictionary(grouping: cascade.individualKPIs, by: \.parent)

    init(cascade: Cascade, asOf day: CalendarDay) {
      self.cascade = cascade
      self.day = day
    }

    func node(_ id: String) -> Node? {
      if let kpi = cascade.companyKPI(id) {
        return Node(
          id: id, level: .company, target: kpi.target, parsedTarget: kpi.parsedTarget, owner: kpi.owner)
      }
      for department in cascade.departments {
        if let kpi = department.kpis.first(where: { $0.id == id }) {
          return departmentNode(kpi, in: department)
        }
      }
      guard let kpi = cascade.individualKPI(id) else { return nil }
      let parent = node(kpi.parent)
      return Node(
        id: id, level: .individual, target: kpi.target, parsedTarget: kpi.parsedTarget,
        owner: kpi.owner ?? parent?.department?.head,
        department: parent?.department)
    }

    private func departmentNode(_ kpi: DepartmentKPI, in department: Department) -> Node {
      Node(
        id: kpi.id, level: .department, target: kpi.target, parsedTarget: kpi.parsedTarget,
        owner: kpi.owner ?? department.head,
        department: department, statedLeadDays: kpi.leadTimeDays)
    }

    /// The KPIs one level beneath: a company KPI's department KPIs, a department KPI's Level 3.
    func children(of node: Node) -> [Node] {
      switch node.level {
      case .company:
        var found: [Node] = []
        for department in cascade.departments {
          for kpi in department.kpis where kpi.companyKPI == node.id {
            found.append(departmentNode(kpi, in: department))
          }
        }
        return found
      case .department:
        return (individualsByParent[node.id] ?? []).map { kpi in
          Node(
            id: kpi.id, level: .individual, target: kpi.target, parsedTarget: kpi.parsedTarget,
            owner: kpi.owner ?? node.department?.head, department: node.department)
        }
      case .individual:
        return []
      }
    }

    /// Whether any KPI beneath (at any depth) has a reading through the day.
    func isMeasured(beneath node: Node) -> Bool {
      children(of: node).contains { child in
        !cascade.scorecard.readings(of: child.id, through: day).isEmpty || isMeasured(beneath: child)
      }
    }

    /// The KPIs beneath `node` that turned within the lookback before `onset` (or, with no
    /// onset, are turned now), ranked best first, each with its own turned KPIs beneath. A KPI
    /// beneath without readings is see-through: the KPIs beneath it are ranked in its place.
    func rank(beneath node: Node, turnedBefore onset: CalendarDay?) -> [Indicator] {
      var found: [Indicator] = []
      for child in children(of: node) {
        let readings = cascade.scorecard.readings(of: child.id, through: day)
        guard !readings.isEmpty else {
          found += rank(beneath: child, turnedBefore: onset)
          continue
        }
        let threshold = child.parsedTarget.map(Threshold.init)
        let episodes = Episode.all(in: readings, threshold: threshold)
        let stated = child.statedLeadDays
        var best: Indicator?
        func consider(_ episode: Episode) {
          let lag = onset.map { episode.onset.days(to: $0) }
          let match = Diagnosis.match(lag: lag, stated: stated)
          let score = Diagnosis.score(
            severity: episode.severity(threshold), match: match,
            underway: onset.map { episode.isUnderway(on: $0) } ?? true)
          guard best.map({ score >= $0.score }) ?? true else { return }
          best = Indicator(
            kpi: child.id, level: child.level, department: child.department?.id, owner: child.owner,
            episode: episode, threshold: threshold, lagDays: lag, statedLeadDays: stated, match: match,
            score: score, beneath: [])
        }
        if let onset {
          let lookback = max(Diagnosis.lookbackDays, 3 * (stated ?? 0))
          for episode in episodes where episode.onset < onset && episode.onset.days(to: onset) <= lookback {
            consider(episode)
          }
        } else if let last = episodes.last, last.isOngoing {
          consider(last)
        }
        guard var indicator = best else { continue }
        indicator.beneath = rank(beneath: child, turnedBefore: onset.map { _ in indicator.episode.onset })
        found.append(indicator)
      }
      return found.sorted { a, b in
        if a.score != b.score { return a.score > b.score }
        if a.episode.onset != b.episode.onset { return a.episode.onset < b.episode.onset }
        return a.kpi < b.kpi
      }
    }
  }
}

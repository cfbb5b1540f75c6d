/// The executive dashboard as of a day: company outcomes on top, the department leading
/// indicators that move each one in the middle, and the variances to act on at the bottom.
///
/// A value, so the terminal view and the HTML page show the same judgement.
public struct Dashboard: Equatable, Sendable {
  /// The department KPIs that move one company KPI.
  public struct Group: Equatable, Sendable {
    public var companyKPI: String
    public var indicators: [Standing]
  }

  /// An off-track or stale KPI, with whom to ask and for how long.
  public struct Variance: Equatable, Sendable {
    public var kpi: String
    public var level: KPILevel
    public var status: KPIStatus
    public var owner: String?
    /// Off track since (or, when stale, the last reading's day).
    public var since: CalendarDay?
    /// Days from `since` to the dashboard's day.
    public var days: Int?
  }

  public var asOf: CalendarDay
  public var company: [Standing]
  public var groups: [Group]
  /// Worst first: off track before stale, then longest first.
  public var variances: [Variance]

  /// The day a dashboard shows by default: the latest reading's.
  public static func defaultDay(of cascade: Cascade) -> CalendarDay? {
    cascade.scorecard.latestDay
  }

  public init(cascade: Cascade, asOf day: CalendarDay) {
    asOf = day
    func standing(_ kpi: String, target: Target?, kind: ReviewKind) -> Standing {
      Standing(
        kpi: kpi, readings: cascade.scorecard.readings(of: kpi, through: day), target: target,
        cadence: kind.cadence(in: cascade.governance), asOf: day)
    }
    company = cascade.companyKPIs.map { standing($0.id, target: $0.parsedTarget, kind: .strategic) }
    var byCompanyKPI: [String: [Standing]] = [:]
    for kpi in cascade.departmentKPIs {
      byCompanyKPI[kpi.companyKPI, default: []].append(
        standing(kpi.id, target: kpi.parsedTarget, kind: .operational))
    }
    groups = cascade.companyKPIs.map { Group(companyKPI: $0.id, indicators: byCompanyKPI[$0.id] ?? []) }
    let individuals = cascade.individualKPIs.map {
      standing($0.id, target: $0.parsedTarget, kind: .operational)
    }

    var owners: [String: String] = [:]
    for kpi in cascade.companyKPIs { owners[kpi.id] = kpi.owner }
    for department in cascade.departments {
      for kpi in department.kpis { owners[kpi.id] = kpi.owner ?? department.head }
    }
    for kpi in cascade.individualKPIs { owners[kpi.id] = kpi.owner ?? owners[kpi.parent] }
    var flagged: [Variance] = []
    let levels: [(KPILevel, [Standing])] = [
      (.company, company), (.department, groups.flatMap(\.indicators)), (.individual, individuals),
    ]
    for (level, standings) in levels {
      for standing in standings where standing.status == .offTrack || standing.status == .stale {
        let since = standing.status == .stale ? standing.latest?.day : standing.offSince
        flagged.append(
          Variance(
            kpi: standing.kpi, level: level, status: standing.status, owner: owners[standing.kpi],
            since: since, days: since.map { $0.days(to: day) }))
      }
    }
    variances = flagged.enumerated().sorted { a, b in
      if a.element.status != b.element.status { return a.element.status < b.element.status }
      if a.element.days != b.element.days { return (a.element.days ?? 0) > (b.element.days ?? 0) }
      return a.offset < b.offset
    }.map(\.element)
  }
}

/// The agreed KPI cascade: company KPIs, departments with their KPIs, the line of sight,
/// conflicts, governance and the overrides the room accepted.
///
/// A value folded from `CascadeEvent`s; nothing here knows about steps, prompts or files.
public struct Cascade: Equatable, Sendable {
  public internal(set) var companyKPIs: [CompanyKPI] = [] {
    didSet {
      index.isCurrent = false
      names = Revision()
    }
  }
  /// The day (`YYYY-MM-DD`) the company KPIs were locked for twelve months.
  public internal(set) var lockedOn: String?
  public internal(set) var departments: [Department] = [] {
    didSet {
      index.isCurrent = false
      names = Revision()
      candidateParts = Revision()
    }
  }
  public internal(set) var contributions: [Contribution] = [] { didSet { index.isCurrent = false } }
  /// Level 3: individual and team KPIs, each under one department KPI.
  public internal(set) var individualKPIs: [IndividualKPI] = [] {
    didSet {
      index.isCurrent = false
      names = Revision()
    }
  }
  public internal(set) var conflicts: [Conflict] = [] {
    didSet {
      index.isCurrent = false
      storedConflicts = Revision()
    }
  }
  public internal(set) var governance = Governance()
  public internal(set) var overrides: [Override] = []
  /// Readings of KPIs at every level, after the workshop: what the dashboard and diagnosis read.
  public internal(set) var scorecard = Scorecard()
  /// Review meetings held, oldest first.
  public internal(set) var reviews: [Review] = []
  /// Where each id lives; kept by the reducer, never encoded or compared (`CascadeIndex`).
  var index = CascadeIndex()
  /// Which names the departments and KPIs have (`nameRevision`); never encoded or compared.
  var names = Revision()
  /// What the conflict candidates are derived from: departments, their functions, their KPIs
  /// and tensions (`ConflictCandidates`); never encoded or compared.
  var candidateParts = Revision()
  /// Which conflicts are stored, with the room's answers; never encoded or compared.
  var storedConflicts = Revision()
  /// The last change the reducer made to the stored conflicts, when it touched one conflict: what
  /// was kept for the conflicts before it can be brought up to date by that one.
  var lastConflictChange = ConflictChange()

  /// One conflict changed by the last events: the stored conflicts at revision `from`, at `via`
  /// (before the last of those events) and at `to` differ in the conflict with `key` only (no
  /// `key`: the last change was not to one conflict alone). Derived, never encoded; every one
  /// equals every other.
  struct ConflictChange: Equatable, Sendable {
    var from: UInt64 = 0
    var via: UInt64 = 0
    var to: UInt64 = 0
    var key: String?

    /// Whether the stored conflicts at `revision` differ from those at `to` in `key` only.
    func bridges(_ revision: UInt64) -> Bool { key != nil && (revision == from || revision == via) }

    static func == (_: ConflictChange, _: ConflictChange) -> Bool { true }
  }

  /// The stored conflict with this key (`ConflictKey`), if the room raised or answered it.
  func storedConflict(key: String) -> Conflict? {
    guard index.isCurrent else { return conflicts.first { $0.key == key } }
    return index.conflicts[key].map { conflicts[$0] }
  }

  public init() {}

  /// The cascade after these events, in order; stops at the first event that cannot apply.
  public init(events: some Sequence<CascadeEvent>) throws(CascadeError) {
    for event in events { try apply(event) }
  }

  /// Moves whenever a department or KPI may have been added, removed or renamed; two cascades
  /// with the same revision have the same names in the same order. Tab keeps its sorted names
  /// until this moves, so an answer that changes no name (a lead time, an owner) keeps them.
  ///
  /// Any change to the arrays made outside the reducer moves it too, whatever it changed.
  public var nameRevision: UInt64 { names.number }

  /// Whether the company KPIs are locked.
  public var isLocked: Bool { lockedOn != nil }

  /// Every department KPI, department by department.
  public var departmentKPIs: [DepartmentKPI] { departments.flatMap(\.kpis) }

  public func companyKPI(_ id: String) -> CompanyKPI? {
    guard index.isCurrent else { return companyKPIs.first { $0.id == id } }
    return index.companyKPIs[id].map { companyKPIs[$0] }
  }

  public func department(_ id: String) -> Department? {
    guard index.isCurrent else { return departments.first { $0.id == id } }
    return index.departments[id].map { departments[$0] }
  }

  public func departmentKPI(_ id: String) -> DepartmentKPI? {
    guard index.isCurrent else {
      for department in departments {
        if let kpi = department.kpis.first(where: { $0.id == id }) { return kpi }
      }
      return nil
    }
    return index.departmentKPIs[id].map { departments[$0.department].kpis[$0.kpi] }
  }

  /// The target of the KPI with this id at any level, as read when it was set.
  public func parsedTarget(of kpi: String) -> Target? {
    companyKPI(kpi)?.parsedTarget ?? departmentKPI(kpi)?.parsedTarget ?? individualKPI(kpi)?.parsedTarget
  }

  /// Whether a KPI with this id exists at any level.
  public func containsKPI(_ id: String) -> Bool {
    companyKPI(id) != nil || departmentKPI(id) != nil || individualKPI(id) != nil
  }

  /// The level of a KPI, `nil` when no KPI has this id.
  public func level(ofKPI id: String) -> KPILevel? {
    if companyKPI(id) != nil { return .company }
    if departmentKPI(id) != nil { return .department }
    if individualKPI(id) != nil { return .individual }
    return nil
  }

  public func individualKPI(_ id: String) -> IndividualKPI? {
    guard index.isCurrent else { return individualKPIs.first { $0.id == id } }
    return index.individualKPIs[id].map { individualKPIs[$0] }
  }

  /// The Level 3 KPIs under a department KPI, in the order they were added.
  public func individualKPIs(under parent: String) -> [IndividualKPI] {
    guard index.isCurrent else { return individualKPIs.filter { $0.parent == parent } }
    return (index.children[parent] ?? []).map { individualKPIs[$0] }
  }

  /// The department a department KPI belongs to.
  public func owningDepartment(ofKPI id: String) -> Department? {
    guard index.isCurrent else { return departments.first { $0.kpis.contains { $0.id == id } } }
    return index.departmentKPIs[id].map { departments[$0.department] }
  }

  /// The display name of any department or KPI id, or the id itself when unknown.
  public func name(of id: String) -> String {
    companyKPI(id)?.name ?? department(id)?.name ?? departmentKPI(id)?.name ?? individualKPI(id)?.name ?? id
  }

  public func contribution(companyKPI: String, department: String) -> Contribution? {
    guard index.isCurrent else {
      return contributions.first { $0.companyKPI == companyKPI && $0.department == department }
    }
    return index.contributions[CascadeIndex.contributionKey(companyKPI, department)].map { contributions[$0] }
  }

  public func conflict(_ first: String, _ second: String) -> Conflict? {
    let key = ConflictKey.make(first, second)
    guard index.isCurrent else { return conflicts.first { $0.key == key } }
    return index.conflicts[key].map { conflicts[$0] }
  }

  /// Every person named anywhere: executives, heads, owners, governance roles.
  public var people: [String] {
    var seen = Set<String>()
    var result: [String] = []
    let all =
      companyKPIs.compactMap(\.owner) + departments.compactMap(\.head)
      + departmentKPIs.compactMap(\.owner) + individualKPIs.compactMap(\.owner)
      + [governance.processOwner, governance.disputeResolver].compactMap { $0 }
    for person in all where seen.insert(person.lowercased()).inserted {
      result.append(person)
    }
    return result
  }
}

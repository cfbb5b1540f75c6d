/// Where each id lives in a `Cascade`, so the reducer and every reader find a KPI, a
/// department, a contribution or a conflict without scanning: at 200 departments a scan per
/// lookup made replay, `/check` and each answer grow with the square of the session.
///
/// Derived data, never persisted or compared: `Cascade`'s `Codable` leaves it out and every
/// index equals every other. It is only trusted while `isCurrent`;
/// any change to an indexed array clears that (`didSet` on `Cascade`'s properties), readers
/// then scan as before, and the reducer rebuilds it before its next event. So a cascade
/// changed by hand, decoded from a file or restored is never read through a stale index.
struct CascadeIndex: Equatable, Sendable {
  /// Where a department KPI is: `departments[department].kpis[kpi]`.
  struct KPIPosition: Equatable, Sendable {
    var department: Int
    var kpi: Int
  }

  /// Whether the positions below describe the cascade's arrays as they are now.
  var isCurrent = false
  var companyKPIs: [String: Int] = [:]
  var departments: [String: Int] = [:]
  var departmentKPIs: [String: KPIPosition] = [:]
  var individualKPIs: [String: Int] = [:]
  /// Department KPI id → positions in `individualKPIs` of the Level 3 KPIs under it, in order.
  var children: [String: [Int]] = [:]
  /// `ContributionKey` → position in `contributions`.
  var contributions: [String: Int] = [:]
  /// `ConflictKey` → position in `conflicts`.
  var conflicts: [String: Int] = [:]

  init() {}

  /// The index of a cascade, built in one pass over it.
  init(of cascade: Cascade) {
    for (c, kpi) in cascade.companyKPIs.enumerated() { companyKPIs[kpi.id] = c }
    for (d, department) in cascade.departments.enumerated() {
      departments[department.id] = d
      for (k, kpi) in department.kpis.enumerated() {
        departmentKPIs[kpi.id] = KPIPosition(department: d, kpi: k)
      }
    }
    for (i, kpi) in cascade.individualKPIs.enumerated() {
      individualKPIs[kpi.id] = i
      children[kpi.parent, default: []].append(i)
    }
    for (i, contribution) in cascade.contributions.enumerated() {
      contributions[Self.contributionKey(contribution.companyKPI, contribution.department)] = i
    }
    for (i, conflict) in cascade.conflicts.enumerated() { conflicts[conflict.key] = i }
    isCurrent = true
  }

  /// Whether any KPI or department already has this id.
  func contains(_ id: String) -> Bool {
    companyKPIs[id] != nil || departments[id] != nil || departmentKPIs[id] != nil
      || individualKPIs[id] != nil
  }

  static func contributionKey(_ companyKPI: String, _ department: String) -> String {
    companyKPI + "|" + department
  }

  /// Derived data: two cascades with the same content are equal whatever their indexes hold.
  static func == (_: CascadeIndex, _: CascadeIndex) -> Bool { true }
}

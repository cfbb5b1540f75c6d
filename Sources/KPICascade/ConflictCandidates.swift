/// The pairs of department KPIs to put to the room in step 4, most likely first.
///
/// Never every pair: the room's time is the scarce resource. The candidates are the classic
/// function pairs that pull against each other in most companies, then the tensions declared in
/// step 3, then anything the facilitator raised.
public enum ConflictCandidates {
  /// The four function pairs DESIGN §2 names, in the order the room should hear them.
  public static let classicPairs: [(DepartmentFunction, DepartmentFunction)] = [
    (.sales, .operations),
    (.marketing, .sales),
    (.customerSuccess, .product),
    (.finance, .hr),
  ]

  /// Classic pairs, then declared tensions, then stored conflicts not already listed.
  ///
  /// A conflict already stored in the cascade replaces the derived candidate with the same key,
  /// so the room's answer and resolution are kept; otherwise the first candidate for a key wins
  /// (a tension declared between two KPIs a classic pair already covers stays `.classic`).
  /// A department whose function is not yet confirmed counts by the function its name suggests.
  public static func find(in cascade: Cascade) -> [Conflict] {
    var candidates: [Conflict] = []
    var seen = Set<String>()
    func add(_ conflict: Conflict) {
      if seen.insert(conflict.key).inserted { candidates.append(conflict) }
    }
    // Each department's function once, not once per pair of departments.
    var byFunction: [DepartmentFunction: [Department]] = [:]
    for department in cascade.departments where !department.kpis.isEmpty {
      byFunction[department.workingFunction, default: []].append(department)
    }
    for pair in classicPairs {
      for a in byFunction[pair.0] ?? [] {
        for b in byFunction[pair.1] ?? [] where b.id != a.id {
          add(classic(a, b))
        }
      }
    }
    for department in cascade.departments {
      for kpi in department.kpis {
        guard case .with(let other)? = kpi.tension,
          let otherDepartment = cascade.owningDepartment(ofKPI: other),
          otherDepartment.id != department.id
        else { continue }
        add(Conflict(first: kpi.id, second: other, companyKPI: kpi.companyKPI, origin: .declared))
      }
    }
    var positions: [String: Int] = [:]
    positions.reserveCapacity(candidates.count)
    for (position, candidate) in candidates.enumerated() { positions[candidate.key] = position }
    for stored in cascade.conflicts {
      if let position = positions[stored.key] {
        candidates[position] = stored
      } else {
        add(stored)
      }
    }
    return candidates
  }

  /// Prefers two KPIs that move the same company KPI; otherwise each department's first.
  private static func classic(_ a: Department, _ b: Department) -> Conflict {
    for first in a.kpis {
      if let second = b.kpis.first(where: { $0.companyKPI == first.companyKPI }) {
        return Conflict(first: first.id, second: second.id, companyKPI: first.companyKPI, origin: .classic)
      }
    }
    return Conflict(
      first: a.kpis[0].id, second: b.kpis[0].id, companyKPI: a.kpis[0].companyKPI, origin: .classic)
  }
}

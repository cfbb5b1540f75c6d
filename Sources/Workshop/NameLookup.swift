import KPICascade

/// Finds departments and KPIs by what a person types: an exact name, any unambiguous prefix
/// (case-insensitive), or an id (`k4`).
struct NameLookup {
  let cascade: Cascade

  /// What a name can refer to.
  enum Kind: Sendable {
    case companyKPI, department, departmentKPI, individualKPI
  }

  /// A departmental or company KPI, or a department, matching `query`.
  func find(_ query: String, kinds: Set<Kind> = [.companyKPI, .department, .departmentKPI, .individualKPI])
    -> Result<String, LookupProblem>
  {
    let wanted = query.trimmed.lowercased()
    if !wanted.isEmpty, let exact = firstExact(wanted, kinds: kinds) { return .success(exact) }
    // No exact name or id: the candidates for a prefix, in one array, without copying every
    // KPI on the way (`departmentKPIs` would).
    var candidates: [(id: String, name: String)] = []
    candidates.reserveCapacity(cascade.individualKPIs.count + cascade.departments.count * 9 + 5)
    if kinds.contains(.companyKPI) {
      for kpi in cascade.companyKPIs { candidates.append((kpi.id, kpi.name)) }
    }
    if kinds.contains(.department) {
      for department in cascade.departments { candidates.append((department.id, department.name)) }
    }
    if kinds.contains(.departmentKPI) {
      for department in cascade.departments {
        for kpi in department.kpis { candidates.append((kpi.id, kpi.name)) }
      }
    }
    if kinds.contains(.individualKPI) {
      for kpi in cascade.individualKPIs { candidates.append((kpi.id, kpi.name)) }
    }
    return match(query, in: candidates, what: describe(kinds))
  }

  /// The first id, in `find`'s order, that is `wanted` or whose name is `wanted` ignoring
  /// case: what `match` finds first, found without building the candidate list (an answer
  /// naming a KPI by id, as scripts and Tab do, stops at it). Reads names through the arrays'
  /// buffers so no KPI is copied to read its name.
  private func firstExact(_ wanted: String, kinds: Set<Kind>) -> String? {
    var found: String?
    func check(_ id: String, _ name: String) -> Bool {
      guard id == wanted || CaselessText.equals(name, lowercased: wanted) else { return false }
      found = id
      return true
    }
    if kinds.contains(.companyKPI) {
      for kpi in cascade.companyKPIs where check(kpi.id, kpi.name) { return found }
    }
    if kinds.contains(.department) {
      let hit = cascade.departments.withUnsafeBufferPointer { departments in
        departments.indices.contains { check(departments[$0].id, departments[$0].name) }
      }
      if hit { return found }
    }
    if kinds.contains(.departmentKPI) {
      let hit = cascade.departments.withUnsafeBufferPointer { departments in
        departments.indices.contains { d in
          departments[d].kpis.withUnsafeBufferPointer { kpis in
            kpis.indices.contains { check(kpis[$0].id, kpis[$0].name) }
          }
        }
      }
      if hit { return found }
    }
    if kinds.contains(.individualKPI) {
      let hit = cascade.individualKPIs.withUnsafeBufferPointer { kpis in
        kpis.indices.contains { check(kpis[$0].id, kpis[$0].name) }
      }
      if hit { return found }
    }
    return nil
  }

  /// A department KPI among the given ids.
  func departmentKPI(_ query: String, among ids: [String]) -> Result<String, LookupProblem> {
    let candidates = ids.compactMap { id in cascade.departmentKPI(id).map { (id: id, name: $0.name) } }
    return match(query, in: candidates, what: "KPI")
  }

  private func match(_ query: String, in candidates: [(id: String, name: String)], what: String)
    -> Result<String, LookupProblem>
  {
    let wanted = query.trimmed.lowercased()
    guard !wanted.isEmpty else { return .failure(LookupProblem("Name a \(what).")) }
    if let exact = candidates.first(where: {
      $0.id == wanted || CaselessText.equals($0.name, lowercased: wanted)
    }) {
      return .success(exact.id)
    }
    let prefixed = candidates.filter { CaselessText.hasPrefix($0.name, lowercased: wanted) }
    switch prefixed.count {
    case 1: return .success(prefixed[0].id)
    case 0:
      return .failure(LookupProblem("No \(what) called '\(DisplayText.safe(query))'."))
    default:
      let names = prefixed.prefix(5).map { DisplayText.safe($0.name) }.joined(separator: ", ")
      return .failure(
        LookupProblem(
          "'\(DisplayText.safe(query))' could be \(names)\(prefixed.count > 5 ? ", …" : ""). Type more of the name."
        ))
    }
  }

  private func describe(_ kinds: Set<Kind>) -> String {
    if kinds == [.department] { return "department" }
    if !kinds.contains(.department) { return "KPI" }
    return "department or KPI"
  }
}

/// Why a name did not lead to exactly one thing.
struct LookupProblem: Error {
  var message: String
  init(_ message: String) { self.message = message }
}

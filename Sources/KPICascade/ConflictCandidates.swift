import Synchronization

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
    found(in: cascade).candidates
  }

  /// The first candidate the room has not settled (never asked, or structural and not yet
  /// resolved by adjusting a KPI) whose two KPIs are both there. Step 4 asks about it; `nil`
  /// when every candidate is settled.
  public static func firstOpen(in cascade: Cascade) -> Conflict? {
    let found = found(in: cascade)
    return found.firstOpen.map { found.candidates[$0] }
  }

  /// Whether the room still has to answer or resolve `conflict`.
  public static func isOpen(_ conflict: Conflict) -> Bool {
    switch conflict.structural {
    case nil: true
    case true?: conflict.resolution == nil
    case false?: false
    }
  }

  /// `find(in:)` worked out afresh, nothing kept: the reference the tests hold it to.
  static func findAfresh(in cascade: Cascade) -> [Conflict] {
    overlay(cascade.conflicts, on: derive(in: cascade))
  }

  // MARK: - Kept between calls

  /// What was found for the last cascade asked about. Every answer asks (the next question,
  /// whether step 4 is complete, the check), and deriving the pairs grows with the square of
  /// the departments: at 200 departments it was most of each answer's time. The pairs are kept
  /// while the cascade's candidate parts are the same, the stored answers laid over them while
  /// the stored conflicts are too (both `Revision`s, moved by every change to those parts); an
  /// answer to one conflict (`Cascade.lastConflictChange`) is laid over in place.
  fileprivate struct KeptCandidates: Sendable {
    var parts: UInt64
    var derived: [Conflict]
    var stored: UInt64
    var candidates: [Conflict]
    /// Conflict key → position in `candidates`.
    var positions: [String: Int]
    var firstOpen: Int?
  }

  private static let kept = Mutex<KeptCandidates?>(nil)

  private static func found(in cascade: Cascade) -> KeptCandidates {
    let parts = cascade.candidateParts.number
    let stored = cascade.storedConflicts.number
    // Changed in place under the lock: a copy taken out would copy every candidate to change one.
    return kept.withLock { kept in
      if var found = kept, found.parts == parts {
        if found.stored == stored { return found }
        let change = cascade.lastConflictChange
        if change.to == stored, change.bridges(found.stored), let key = change.key,
          let conflict = cascade.storedConflict(key: key)
        {
          kept = nil
          found.lay(conflict, in: cascade)
          found.stored = stored
          kept = found
          return found
        }
      }
      let derived = kept?.parts == parts ? kept!.derived : derive(in: cascade)
      let candidates = overlay(cascade.conflicts, on: derived)
      var positions: [String: Int] = [:]
      positions.reserveCapacity(candidates.count)
      for (position, candidate) in candidates.enumerated() where positions[candidate.key] == nil {
        positions[candidate.key] = position
      }
      let found = KeptCandidates(
        parts: parts, derived: derived, stored: stored, candidates: candidates, positions: positions,
        firstOpen: candidates.indices.first { isAsked(candidates[$0], in: cascade) })
      kept = found
      return found
    }
  }

  /// Whether step 4 would ask about `conflict`: open, and both its KPIs there.
  fileprivate static func isAsked(_ conflict: Conflict, in cascade: Cascade) -> Bool {
    isOpen(conflict) && cascade.departmentKPI(conflict.first) != nil
      && cascade.departmentKPI(conflict.second) != nil
  }

  /// Classic pairs, then declared tensions: the candidates before the room answered any.
  private static func derive(in cascade: Cascade) -> [Conflict] {
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
    return candidates
  }

  /// `derived` with each stored conflict in the place of the candidate with its key, and the
  /// stored ones no candidate names after them.
  private static func overlay(_ stored: [Conflict], on derived: [Conflict]) -> [Conflict] {
    var candidates = derived
    var positions: [String: Int] = [:]
    positions.reserveCapacity(candidates.count)
    for (position, candidate) in candidates.enumerated() { positions[candidate.key] = position }
    var appended = Set<String>()
    for conflict in stored {
      if let position = positions[conflict.key] {
        candidates[position] = conflict
      } else if appended.insert(conflict.key).inserted {
        candidates.append(conflict)
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

extension ConflictCandidates.KeptCandidates {
  /// Lays one stored conflict over the candidates, where `overlay` would put it, and moves the
  /// first open one only as far as that change can: back to it when it reopened one earlier,
  /// on past it when it settled the first.
  fileprivate mutating func lay(_ conflict: Conflict, in cascade: Cascade) {
    let position: Int
    if let known = positions[conflict.key] {
      position = known
      candidates[position] = conflict
    } else {
      position = candidates.count
      positions[conflict.key] = position
      candidates.append(conflict)
    }
    let candidates = self.candidates
    let asked = { (index: Int) in ConflictCandidates.isAsked(candidates[index], in: cascade) }
    switch firstOpen {
    case let first? where position < first:
      if asked(position) { firstOpen = position }
    case let first? where position == first:
      if !asked(position) { firstOpen = candidates.indices[(position + 1)...].first(where: asked) }
    case nil:
      if asked(position) { firstOpen = position }
    default:
      break
    }
  }
}

/// What changed between two cascades: last quarter's session against this quarter's, or a
/// session against the same session after the review's edits. What `kpi-align diff` and
/// `/diff` report.
///
/// **Matching.** Departments and KPIs are matched by id, because ids are stable in a session
/// and across export and import, so a renamed KPI is a rename and not a removal plus an
/// addition. A department KPI matches by id only within the same (matched) department. What is
/// left unmatched on both sides is then paired by case-insensitive name, within the same level
/// (and the same department for Level 2), but only where the name is unambiguous: exactly one
/// unmatched candidate on each side. A Level 3 KPI that moved to another parent is the same KPI
/// relinked, so it matches across parents. That lets two sessions typed
/// separately (whose ids may differ) still line up, and never guesses between two "Revenue".
///
/// **What is reported.** For things on both sides, one change per field that differs. A
/// department or KPI added or removed is one change, and so is each KPI that came or went with
/// it (a department's KPIs, a department KPI's Level 3 KPIs), so the room sees every KPI that
/// is new or gone; their fields (target, owner, link…), step 2 answers, closed conflicts and
/// accepted findings are part of that change, not listed again. Conflicts are the exception:
/// one open before and gone now is reported as resolved, a new open one as opened, because
/// step 4's list is what a review walks. Not compared: the audit trail of locked changes (each
/// entry is a retarget, owner change or rename reported already) and why a pair was raised.
///
/// **Order.** The lock, company KPIs, departments (with their step 2 answers), department
/// KPIs, Level 3 KPIs, conflicts, governance, accepted findings, then the score; within each,
/// by id in natural order (`k2` before `k10`), then in the order of `Change`'s cases.
///
/// **Score.** `old.score` and `new.score` always; a `scoreChanged` change only when the percent
/// differs, as the last change, so an edit that does not move the score adds no line.
public struct CascadeDiff: Equatable, Sendable {
  /// Every difference, in the order above; empty when the cascades say the same thing.
  public let changes: [Change]
  /// The maturity score of the old cascade.
  public let scoreBefore: Score
  /// The maturity score of the new cascade.
  public let scoreAfter: Score

  public var isEmpty: Bool { changes.isEmpty }

  public init(old: Cascade, new: Cascade) {
    var comparison = Comparison(old: old, new: new)
    comparison.compareAll()
    scoreBefore = Score(MaturityScore(cascade: old))
    scoreAfter = Score(MaturityScore(cascade: new))
    var changes = comparison.sortedChanges
    if scoreBefore.percent != scoreAfter.percent {
      changes.append(.scoreChanged(old: scoreBefore, new: scoreAfter))
    }
    self.changes = changes
  }
}

/// The work of one diff: the id matching, then each part of the cascade compared.
private struct Comparison {
  let old: Cascade
  let new: Cascade
  /// Old id → new id, for every matched department and KPI.
  private(set) var matched: [String: String] = [:]
  private var entries: [(section: Section, id: String, change: CascadeDiff.Change)] = []

  /// The parts of the cascade, in report order.
  enum Section: Int, Comparable {
    case lock, companyKPIs, departments, departmentKPIs, individualKPIs, conflicts, governance, acceptances

    static func < (a: Section, b: Section) -> Bool { a.rawValue < b.rawValue }
  }

  init(old: Cascade, new: Cascade) {
    self.old = old
    self.new = new
    pair(old.companyKPIs.map { ($0.id, "", $0.name) }, new.companyKPIs.map { ($0.id, "", $0.name) })
    pair(old.departments.map { ($0.id, "", $0.name) }, new.departments.map { ($0.id, "", $0.name) })
    pair(
      old.departments.flatMap { d in d.kpis.map { ($0.id, mapped(d.id), $0.name) } },
      new.departments.flatMap { d in d.kpis.map { ($0.id, d.id, $0.name) } })
    pair(
      old.individualKPIs.map { ($0.id, "", $0.name) }, new.individualKPIs.map { ($0.id, "", $0.name) })
  }

  /// The changes in report order; Swift's sort is not stable, so the order of discovery is
  /// part of the key.
  var sortedChanges: [CascadeDiff.Change] {
    entries.enumerated()
      .sorted { a, b in
        if a.element.section != b.element.section { return a.element.section < b.element.section }
        if a.element.id != b.element.id { return NaturalOrder.less(a.element.id, b.element.id) }
        return a.offset < b.offset
      }
      .map(\.element.change)
  }

  /// The new side's id for an old id. An unmatched one gets a `-` in front, which no id can
  /// start with, so it never equals a new id (a KPI id can be reused in another department).
  func mapped(_ oldID: String) -> String { matched[oldID] ?? "-" + oldID }

  mutating func compareAll() {
    compareLock()
    compareCompanyKPIs()
    compareDepartments()
    compareDepartmentKPIs()
    compareIndividualKPIs()
    compareConflicts()
    compareGovernance()
    compareAcceptances()
  }

  // MARK: - Matching

  /// Matches `(id, scope, name)` items: same id and scope first, then, among the rest, the same
  /// scope and case-insensitive name when exactly one item on each side carries it.
  private mutating func pair(_ olds: [(String, String, String)], _ news: [(String, String, String)]) {
    let newScopes = Dictionary(news.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
    var unmatchedOld: [(String, String, String)] = []
    var taken = Set<String>()
    for item in olds {
      if newScopes[item.0] == item.1 {
        matched[item.0] = item.0
        taken.insert(item.0)
      } else {
        unmatchedOld.append(item)
      }
    }
    let unmatchedNew = news.filter { !taken.contains($0.0) }
    func key(_ item: (String, String, String)) -> String { item.1 + "\u{0}" + item.2.lowercased() }
    let oldByKey = Dictionary(grouping: unmatchedOld, by: key)
    let newByKey = Dictionary(grouping: unmatchedNew, by: key)
    for (name, candidates) in oldByKey {
      guard candidates.count == 1, let others = newByKey[name], others.count == 1 else { continue }
      matched[candidates[0].0] = others[0].0
    }
  }

  private func isMatched(old id: String) -> Bool { matched[id] != nil }
  private func isMatched(new id: String) -> Bool { matched.values.contains(id) }

  // MARK: - References

  /// A KPI of either cascade, as a change names it.
  func reference(_ id: String, in cascade: Cascade) -> CascadeDiff.KPIReference? {
    if let kpi = cascade.companyKPI(id) {
      return .init(level: .company, id: id, name: kpi.name)
    }
    if let kpi = cascade.departmentKPI(id) {
      return .init(
        level: .department, id: id, name: kpi.name, department: cascade.owningDepartment(ofKPI: id)?.name)
    }
    if let kpi = cascade.individualKPI(id) {
      return .init(
        level: .individual, id: id, name: kpi.name,
        department: cascade.owningDepartment(ofKPI: kpi.parent)?.name, role: kpi.role)
    }
    return nil
  }

  /// A KPI named from the new side when it is there, else from the old side (by old id).
  func reference(new newID: String, old oldID: String) -> CascadeDiff.KPIReference {
    reference(newID, in: new) ?? reference(oldID, in: old)
      ?? .init(level: .department, id: newID, name: newID)
  }

  private mutating func add(_ section: Section, _ id: String, _ change: CascadeDiff.Change) {
    entries.append((section, id, change))
  }

  // MARK: - The parts of the cascade

  private mutating func compareLock() {
    if old.lockedOn != new.lockedOn { add(.lock, "", .lockChanged(old: old.lockedOn, new: new.lockedOn)) }
  }

  private mutating func compareCompanyKPIs() {
    for before in old.companyKPIs where !isMatched(old: before.id) {
      add(.companyKPIs, before.id, .kpiRemoved(reference(before.id, in: old)!))
    }
    for after in new.companyKPIs {
      let kpi = reference(after.id, in: new)!
      guard let before = old.companyKPIs.first(where: { mapped($0.id) == after.id }) else {
        add(.companyKPIs, after.id, .kpiAdded(kpi))
        continue
      }
      var found: [CascadeDiff.Change] = []
      if before.name != after.name { found.append(.kpiRenamed(kpi, old: before.name, new: after.name)) }
      if before.target != after.target {
        found.append(.retargeted(kpi, old: before.target, new: after.target))
      }
      if before.owner != after.owner { found.append(.ownerChanged(kpi, old: before.owner, new: after.owner)) }
      for change in found { add(.companyKPIs, after.id, change) }
    }
  }

  private mutating func compareDepartments() {
    for before in old.departments where !isMatched(old: before.id) {
      add(.departments, before.id, .departmentRemoved(.init(id: before.id, name: before.name)))
    }
    for after in new.departments {
      let department = CascadeDiff.DepartmentReference(id: after.id, name: after.name)
      guard let before = old.departments.first(where: { mapped($0.id) == after.id }) else {
        add(.departments, after.id, .departmentAdded(department))
        continue
      }
      if before.name != after.name {
        add(.departments, after.id, .departmentRenamed(department, old: before.name, new: after.name))
      }
      if before.head != after.head {
        add(.departments, after.id, .headChanged(department, old: before.head, new: after.head))
      }
      if before.function != after.function {
        add(
          .departments, after.id,
          .functionChanged(department, old: before.function?.rawValue, new: after.function?.rawValue))
      }
      compareContributions(of: before, after, as: department)
    }
  }

  /// Step 2's answers between departments and company KPIs that exist on both sides; `""` is
  /// "does nothing for it", `nil` not asked.
  private mutating func compareContributions(
    of before: Department, _ after: Department, as department: CascadeDiff.DepartmentReference
  ) {
    for companyKPI in new.companyKPIs {
      guard let oldCompany = old.companyKPIs.first(where: { mapped($0.id) == companyKPI.id }) else {
        continue
      }
      let was = old.contribution(companyKPI: oldCompany.id, department: before.id).map { $0.text ?? "" }
      let now = new.contribution(companyKPI: companyKPI.id, department: after.id).map { $0.text ?? "" }
      guard was != now else { continue }
      add(
        .departments, "\(after.id) \(companyKPI.id)",
        .contributionChanged(
          department, companyKPI: reference(companyKPI.id, in: new)!, old: was, new: now))
    }
  }

  private mutating func compareDepartmentKPIs() {
    for before in old.departmentKPIs where !isMatched(old: before.id) {
      add(.departmentKPIs, before.id, .kpiRemoved(reference(before.id, in: old)!))
    }
    for after in new.departmentKPIs {
      let kpi = reference(after.id, in: new)!
      guard let before = old.departmentKPIs.first(where: { mapped($0.id) == after.id }) else {
        add(.departmentKPIs, after.id, .kpiAdded(kpi))
        continue
      }
      var found: [CascadeDiff.Change] = []
      if before.name != after.name { found.append(.kpiRenamed(kpi, old: before.name, new: after.name)) }
      if mapped(before.companyKPI) != after.companyKPI {
        found.append(
          .relinked(
            kpi, old: reference(new: mapped(before.companyKPI), old: before.companyKPI),
            new: reference(after.companyKPI, in: new)!))
      }
      if before.linkSentence != after.linkSentence {
        found.append(.linkChanged(kpi, old: before.linkSentence, new: after.linkSentence))
      }
      if before.leadTimeDays != after.leadTimeDays {
        found.append(.leadTimeChanged(kpi, old: before.leadTimeDays, new: after.leadTimeDays))
      }
      if tension(before.tension, mapping: true) != tension(after.tension, mapping: false) {
        found.append(
          .tensionChanged(
            kpi, old: tensionName(before.tension, in: old), new: tensionName(after.tension, in: new)))
      }
      if before.target != after.target {
        found.append(.retargeted(kpi, old: before.target, new: after.target))
      }
      if before.owner != after.owner { found.append(.ownerChanged(kpi, old: before.owner, new: after.owner)) }
      if Set(before.contributors.map(mapped)) != Set(after.contributors) {
        found.append(
          .contributorsChanged(
            kpi, old: before.contributors.map { old.name(of: $0) },
            new: after.contributors.map { new.name(of: $0) }))
      }
      for change in found { add(.departmentKPIs, after.id, change) }
    }
  }

  /// A tension in new-side ids, so both sides compare: `nil` not asked, `""` none.
  private func tension(_ tension: Tension?, mapping: Bool) -> String? {
    switch tension {
    case nil: nil
    case .none?: ""
    case .with(let other)?: mapping ? mapped(other) : other
    }
  }

  private func tensionName(_ tension: Tension?, in cascade: Cascade) -> String? {
    switch tension {
    case nil: nil
    case .none?: ""
    case .with(let other)?: cascade.name(of: other)
    }
  }

  private mutating func compareIndividualKPIs() {
    for before in old.individualKPIs where !isMatched(old: before.id) {
      add(.individualKPIs, before.id, .kpiRemoved(reference(before.id, in: old)!))
    }
    for after in new.individualKPIs {
      let kpi = reference(after.id, in: new)!
      guard let before = old.individualKPIs.first(where: { mapped($0.id) == after.id }) else {
        add(.individualKPIs, after.id, .kpiAdded(kpi))
        continue
      }
      var found: [CascadeDiff.Change] = []
      if before.name != after.name { found.append(.kpiRenamed(kpi, old: before.name, new: after.name)) }
      if mapped(before.parent) != after.parent {
        found.append(
          .relinked(
            kpi, old: reference(new: mapped(before.parent), old: before.parent),
            new: reference(after.parent, in: new)!))
      }
      if before.role != after.role { found.append(.roleChanged(kpi, old: before.role, new: after.role)) }
      if before.target != after.target {
        found.append(.retargeted(kpi, old: before.target, new: after.target))
      }
      if before.owner != after.owner { found.append(.ownerChanged(kpi, old: before.owner, new: after.owner)) }
      for change in found { add(.individualKPIs, after.id, change) }
    }
  }

  /// Pairs by key in new-side ids. Opened and resolved are always reported; any other change
  /// only when both KPIs are on both sides, so an added or removed KPI does not drag its closed
  /// pairs into the report.
  private mutating func compareConflicts() {
    var before: [String: Conflict] = [:]
    for conflict in old.conflicts {
      before[ConflictKey.make(mapped(conflict.first), mapped(conflict.second))] = conflict
    }
    let after = Dictionary(new.conflicts.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    for key in Set(before.keys).union(after.keys) {
      let was = CascadeDiff.ConflictState(before[key])
      let now = CascadeDiff.ConflictState(after[key])
      guard was != now else { continue }
      let pair = conflictReference(new: after[key], old: before[key])
      if now.isOpen && !was.isOpen {
        add(.conflicts, key, .conflictOpened(pair, old: was, new: now))
      } else if was.isOpen && !now.isOpen {
        add(.conflicts, key, .conflictResolved(pair, old: was, new: now))
      } else if [pair.first.id, pair.second.id].allSatisfy({ isMatched(new: $0) }) {
        add(.conflicts, key, .conflictChanged(pair, old: was, new: now))
      }
    }
  }

  /// The pair in the new side's words when it is there; else the old side's, in new ids.
  private func conflictReference(new conflict: Conflict?, old before: Conflict?)
    -> CascadeDiff.ConflictReference
  {
    if let conflict {
      return .init(
        first: reference(new: conflict.first, old: conflict.first),
        second: reference(new: conflict.second, old: conflict.second),
        companyKPI: reference(conflict.companyKPI, in: new))
    }
    let before = before!
    return .init(
      first: reference(new: mapped(before.first), old: before.first),
      second: reference(new: mapped(before.second), old: before.second),
      companyKPI: reference(mapped(before.companyKPI), in: new) ?? reference(before.companyKPI, in: old))
  }

  private mutating func compareGovernance() {
    let before = Self.governanceParts(old.governance)
    let after = Self.governanceParts(new.governance)
    for (index, (was, now)) in zip(before, after).enumerated() where was.value != now.value {
      add(.governance, String(index), .governanceChanged(field: now.name, old: was.value, new: now.value))
    }
  }

  /// Every part of step 6, named as `/governance` names it, in the order the step asks.
  static func governanceParts(_ governance: Governance) -> [(name: String, value: String?)] {
    [
      ("velocity", governance.velocity?.rawValue),
      ("operational-review", governance.operationalReview?.rawValue),
      ("strategic-review", governance.strategicReview?.rawValue),
      (GovernanceField.alignmentReview.rawValue, governance.alignmentReview),
      (GovernanceField.annualRealignment.rawValue, governance.annualRealignment),
      (GovernanceField.processOwner.rawValue, governance.processOwner),
      (GovernanceField.disputeResolver.rawValue, governance.disputeResolver),
      (GovernanceField.changeProcess.rawValue, governance.changeProcess),
      (GovernanceField.missPolicy.rawValue, governance.missPolicy),
    ]
  }

  /// Accepted findings, their subjects in new-side ids; those about a department or KPI added
  /// or removed belong to that change.
  private mutating func compareAcceptances() {
    let removed = Set(allIDs(old).filter { !isMatched(old: $0) })
    let added = Set(allIDs(new).filter { !isMatched(new: $0) })
    var before: [String: String] = [:]
    for override in old.overrides {
      let (check, subjects) = Self.split(override.finding)
      guard subjects.allSatisfy({ !removed.contains($0) }) else { continue }
      let finding = check + ":" + subjects.map { matched[$0] ?? $0 }.joined(separator: "~")
      before[subjects.isEmpty ? override.finding : finding] = override.reason
    }
    var after: [String: String] = [:]
    for override in new.overrides {
      guard Self.split(override.finding).subjects.allSatisfy({ !added.contains($0) }) else { continue }
      after[override.finding] = override.reason
    }
    for finding in Set(before.keys).union(after.keys) where before[finding] != after[finding] {
      add(
        .acceptances, finding, .acceptanceChanged(finding: finding, old: before[finding], new: after[finding])
      )
    }
  }

  private func allIDs(_ cascade: Cascade) -> [String] {
    cascade.companyKPIs.map(\.id) + cascade.departments.map(\.id) + cascade.departmentKPIs.map(\.id)
      + cascade.individualKPIs.map(\.id)
  }

  /// `conflicts:k1~k4` → (`conflicts`, [`k1`, `k4`]); a finding id without `:` has no subjects.
  private static func split(_ finding: String) -> (check: String, subjects: [String]) {
    guard let colon = finding.firstIndex(of: ":") else { return (finding, []) }
    let subjects = finding[finding.index(after: colon)...].split(separator: "~").map(String.init)
    return (String(finding[..<colon]), subjects)
  }
}

/// Orders ids as people count: `k2` before `k10`, digits compared as numbers.
enum NaturalOrder {
  static func less(_ a: String, _ b: String) -> Bool {
    let left = runs(a)
    let right = runs(b)
    for (x, y) in zip(left, right) where x != y {
      if let m = Int(x), let n = Int(y), m != n { return m < n }
      return x < y
    }
    return left.count != right.count ? left.count < right.count : a < b
  }

  /// The string cut into runs of digits and runs of everything else.
  private static func runs(_ text: String) -> [String] {
    var result: [String] = []
    var current = ""
    var inDigits = false
    for character in text {
      let digit = character.isASCII && character.isNumber
      if !current.isEmpty && digit != inDigits {
        result.append(current)
        current = ""
      }
      current.append(character)
      inDigits = digit
    }
    if !current.isEmpty { result.append(current) }
    return result
  }
}

/// Conflicts: no pair of department KPIs left where both can hit target while a company KPI
/// gets worse. Each candidate from `ConflictCandidates` stays open until the room answers "no"
/// or adjusts one of the two KPIs.
public struct ConflictCheck: AlignmentCheck {
  public let kind = CheckKind.conflicts

  public init() {}

  /// One finding per candidate, its subject the conflict key (`k1~k7`).
  public func findings(in cascade: Cascade) -> [Finding] {
    ConflictCandidates.find(in: cascade).map { conflict in
      let outcome = cascade.name(of: conflict.companyKPI)
      let first = side(conflict.first, in: cascade)
      let second = side(conflict.second, in: cascade)
      switch (conflict.structural, conflict.resolution) {
      case (nil, _):
        return Finding(
          check: kind, verdict: .fail, subject: conflict.key,
          reason: "not yet asked: can \(first) and \(second) while \(outcome) gets worse?",
          remedy: "ask the room; a yes is a structural conflict, resolved by adjusting one KPI")
      case (false?, _):
        return Finding(
          check: kind, verdict: .pass, subject: conflict.key,
          reason: "answered no: \(first) and \(second) without hurting \(outcome)")
      case (true?, nil):
        return Finding(
          check: kind, verdict: .fail, subject: conflict.key,
          reason: "structural conflict: \(first) and \(second) while \(outcome) gets worse",
          remedy: "adjust one of the two KPIs (old → new); \"we'll cooperate\" is not a resolution")
      case (true?, let resolution?):
        return Finding(
          check: kind, verdict: .pass, subject: conflict.key,
          reason: "resolved by adjusting '\(resolution.oldName)' → '\(resolution.newName)'")
      }
    }
  }

  /// "Sales hit 'Deals closed'", or the KPI's name alone when its department is unknown.
  private func side(_ kpi: String, in cascade: Cascade) -> String {
    let name = "'\(cascade.name(of: kpi))'"
    guard let department = cascade.owningDepartment(ofKPI: kpi) else { return "hit \(name)" }
    return "\(department.name) hit \(name)"
  }
}

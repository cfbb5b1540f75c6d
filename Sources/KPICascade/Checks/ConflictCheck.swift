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
      let pair = sides(conflict, in: cascade)
      switch (conflict.structural, conflict.resolution) {
      case (nil, _):
        return Finding(
          check: kind, verdict: .fail, subject: conflict.key,
          reason: "not yet asked: can \(pair) both hit target while \(outcome) gets worse?",
          remedy: "ask the room; a yes is a structural conflict, resolved by adjusting one KPI")
      case (false?, _):
        return Finding(
          check: kind, verdict: .pass, subject: conflict.key,
          reason: "answered no: \(pair) cannot both hit target while \(outcome) gets worse")
      case (true?, nil):
        return Finding(
          check: kind, verdict: .fail, subject: conflict.key,
          reason: "structural conflict: \(pair) can both hit target while \(outcome) gets worse",
          remedy: "adjust one of the two KPIs (old → new); \"we'll cooperate\" is not a resolution")
      case (true?, let resolution?):
        return Finding(
          check: kind, verdict: .pass, subject: conflict.key,
          reason: "resolved by adjusting '\(resolution.oldName)' → '\(resolution.newName)'")
      }
    }
  }

  /// "Sales and Operations": the departments, since the subject already names the two KPIs.
  private func sides(_ conflict: Conflict, in cascade: Cascade) -> String {
    guard let first = cascade.owningDepartment(ofKPI: conflict.first),
      let second = cascade.owningDepartment(ofKPI: conflict.second)
    else { return "the two KPIs" }
    return "\(first.name) and \(second.name)"
  }
}

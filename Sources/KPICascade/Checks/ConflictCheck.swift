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
        return Finding(check: kind, verdict: .fail, subject: conflict.key, .notYetAsked(pair, outcome))
      case (false?, _):
        return Finding(check: kind, verdict: .pass, subject: conflict.key, .answeredNo(pair, outcome))
      case (true?, nil):
        return Finding(check: kind, verdict: .fail, subject: conflict.key, .structural(pair, outcome))
      case (true?, let resolution?):
        return Finding(check: kind, verdict: .pass, subject: conflict.key, .resolved(resolution))
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

extension Finding.Message {
  /// `pair` names the two departments ("Sales and Operations"), `outcome` the company KPI.
  static func notYetAsked(_ pair: String, _ outcome: String) -> Self {
    Self(
      "not yet asked: can \(pair) both hit target while \(outcome) gets worse?",
      remedy: "ask the room; a yes is a structural conflict, resolved by adjusting one KPI")
  }

  static func answeredNo(_ pair: String, _ outcome: String) -> Self {
    Self("answered no: \(pair) cannot both hit target while \(outcome) gets worse")
  }

  static func structural(_ pair: String, _ outcome: String) -> Self {
    Self(
      "structural conflict: \(pair) can both hit target while \(outcome) gets worse",
      remedy: "adjust one of the two KPIs (old → new); \"we'll cooperate\" is not a resolution")
  }

  static func resolved(_ resolution: Resolution) -> Self {
    Self("resolved by adjusting '\(resolution.oldName)' → '\(resolution.newName)'")
  }
}

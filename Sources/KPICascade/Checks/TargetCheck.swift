/// Outcome, not goal: every KPI at every level carries a measurable target. "Increase customer
/// satisfaction" is a wish; "≥ 78%" is something a review can say yes or no to.
public struct TargetCheck: AlignmentCheck {
  public let kind = CheckKind.target

  public init() {}

  /// One finding per company KPI id, then one per department KPI id, then one per Level 3 KPI
  /// id: an activity count at Level 3 still needs a number a review can say yes or no to.
  public func findings(in cascade: Cascade) -> [Finding] {
    cascade.companyKPIs.map { finding($0.id, $0.target) }
      + cascade.departmentKPIs.map { finding($0.id, $0.target) }
      + cascade.individualKPIs.map { finding($0.id, $0.target) }
  }

  public func findings(about subject: String, in cascade: Cascade) -> [Finding] {
    if let kpi = cascade.companyKPI(subject) { return [finding(kpi.id, kpi.target)] }
    if let kpi = cascade.departmentKPI(subject) { return [finding(kpi.id, kpi.target)] }
    if let kpi = cascade.individualKPI(subject) { return [finding(kpi.id, kpi.target)] }
    return []
  }

  private func finding(_ id: String, _ typed: String?) -> Finding {
    guard let text = typed.answered else {
      return Finding(
        check: kind, verdict: .fail, subject: id, reason: "no target",
        remedy: "give a number, e.g. '≥ 78%'")
    }
    guard let target = Target.parse(text) else {
      return Finding(
        check: kind, verdict: .fail, subject: id,
        reason: "'\(text)' is a goal, not a measurable target",
        remedy: "give a number, e.g. '≥ 78%'")
    }
    return Finding(check: kind, verdict: .pass, subject: id, reason: target.summary)
  }
}

/// Outcome, not goal: every KPI at every level carries a measurable target. "Increase customer
/// satisfaction" is a wish; "≥ 78%" is something a review can say yes or no to.
public struct TargetCheck: AlignmentCheck {
  public let kind = CheckKind.target

  public init() {}

  /// One finding per company KPI id, then one per department KPI id, then one per Level 3 KPI
  /// id: an activity count at Level 3 still needs a number a review can say yes or no to.
  public func findings(in cascade: Cascade) -> [Finding] {
    var findings: [Finding] = []
    findings.reserveCapacity(
      cascade.companyKPIs.count + cascade.departmentKPIs.count + cascade.individualKPIs.count)
    for kpi in cascade.companyKPIs { findings.append(finding(kpi.id, kpi.target, kpi.parsedTarget)) }
    for department in cascade.departments {
      for kpi in department.kpis { findings.append(finding(kpi.id, kpi.target, kpi.parsedTarget)) }
    }
    for kpi in cascade.individualKPIs { findings.append(finding(kpi.id, kpi.target, kpi.parsedTarget)) }
    return findings
  }

  public func findings(about subject: String, in cascade: Cascade) -> [Finding] {
    if let kpi = cascade.companyKPI(subject) { return [finding(kpi.id, kpi.target, kpi.parsedTarget)] }
    if let kpi = cascade.departmentKPI(subject) { return [finding(kpi.id, kpi.target, kpi.parsedTarget)] }
    if let kpi = cascade.individualKPI(subject) { return [finding(kpi.id, kpi.target, kpi.parsedTarget)] }
    return []
  }

  /// The finding on a KPI's target from the target as read when it was set.
  private func finding(_ id: String, _ typed: String?, _ target: Target?) -> Finding {
    guard let text = typed.answered else {
      return Finding(check: kind, verdict: .fail, subject: id, .noTarget)
    }
    guard let target else { return Finding(check: kind, verdict: .fail, subject: id, .goal(text)) }
    return Finding(check: kind, verdict: .pass, subject: id, .measurable(target))
  }
}

extension Finding.Message {
  static let noTarget = Self("no target", remedy: giveANumber)
  static func goal(_ text: String) -> Self {
    Self("'\(text)' is a goal, not a measurable target", remedy: giveANumber)
  }
  static func measurable(_ target: Target) -> Self { Self(target.summary) }
  private static let giveANumber = "give a number, e.g. '≥ 78%'"
}

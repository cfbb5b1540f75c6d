/// Outcome, not goal: every KPI at every level carries a measurable target. "Increase customer
/// satisfaction" is a wish; "≥ 78%" is something a review can say yes or no to.
public struct TargetCheck: AlignmentCheck {
  public let kind = CheckKind.target

  public init() {}

  /// One finding per company KPI id, then one per department KPI id, then one per Level 3 KPI
  /// id: an activity count at Level 3 still needs a number a review can say yes or no to.
  ///
  /// Each distinct target text is read once per pass: rooms reuse targets ("≥ 95%", "≥ 4 per
  /// month") across many KPIs, and reading one is the costly part of the check.
  public func findings(in cascade: Cascade) -> [Finding] {
    var read: [ExactText: Judgement] = [:]
    var findings: [Finding] = []
    findings.reserveCapacity(
      cascade.companyKPIs.count + cascade.departmentKPIs.count + cascade.individualKPIs.count)
    func add(_ id: String, _ typed: String?) {
      guard let text = typed.answered else {
        findings.append(finding(id, typed))
        return
      }
      let judgement = read.memo(ExactText(text)) { Self.judge(text) }
      findings.append(Finding(check: kind, verdict: judgement.verdict, subject: id, judgement.message))
    }
    for kpi in cascade.companyKPIs { add(kpi.id, kpi.target) }
    for kpi in cascade.departmentKPIs { add(kpi.id, kpi.target) }
    for kpi in cascade.individualKPIs { add(kpi.id, kpi.target) }
    return findings
  }

  public func findings(about subject: String, in cascade: Cascade) -> [Finding] {
    if let kpi = cascade.companyKPI(subject) { return [finding(kpi.id, kpi.target)] }
    if let kpi = cascade.departmentKPI(subject) { return [finding(kpi.id, kpi.target)] }
    if let kpi = cascade.individualKPI(subject) { return [finding(kpi.id, kpi.target)] }
    return []
  }

  private func finding(_ id: String, _ typed: String?) -> Finding {
    guard let text = typed.answered else {
      return Finding(check: kind, verdict: .fail, subject: id, .noTarget)
    }
    let judgement = Self.judge(text)
    return Finding(check: kind, verdict: judgement.verdict, subject: id, judgement.message)
  }

  /// What the check says about one answered target, whichever KPI carries it.
  private struct Judgement {
    var verdict: Verdict
    var message: Finding.Message
  }

  private static func judge(_ text: String) -> Judgement {
    guard let target = Target.parse(text) else { return Judgement(verdict: .fail, message: .goal(text)) }
    return Judgement(verdict: .pass, message: .measurable(target))
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

/// Counts: 3–5 company KPIs (more signals strategic confusion) and 5–8 KPIs per department
/// (fewer leaves outcomes unwatched, more and nobody watches any of them).
public struct CountCheck: AlignmentCheck {
  public let kind = CheckKind.counts
  public static let companyRange = 3...5
  public static let departmentRange = 5...8

  public init() {}

  /// `level-1` for the company KPIs, then one finding per department id.
  public func findings(in cascade: Cascade) -> [Finding] {
    [companyFinding(cascade.companyKPIs.count)] + cascade.departments.map(departmentFinding)
  }

  private func companyFinding(_ count: Int) -> Finding {
    let subject = "level-1"
    switch count {
    case 0:
      return Finding(
        check: kind, verdict: .fail, subject: subject, reason: "no company KPIs",
        remedy: "agree the 3–5 outcomes the board cares about")
    case 1..<Self.companyRange.lowerBound:
      return Finding(
        check: kind, verdict: .warn, subject: subject,
        reason: "\(count) company KPI\(count == 1 ? "" : "s"): 3–5 recommended",
        remedy: "check no outcome the board cares about is missing")
    case Self.companyRange:
      return Finding(check: kind, verdict: .pass, subject: subject, reason: "\(count) company KPIs")
    default:
      return Finding(
        check: kind, verdict: .fail, subject: subject,
        reason: "\(count) company KPIs: more than 5 signals strategic confusion",
        remedy: "keep the 3–5 that matter most; the rest can be department KPIs")
    }
  }

  private func departmentFinding(_ department: Department) -> Finding {
    let count = department.kpis.count
    let subject = department.id
    switch count {
    case 0:
      return Finding(
        check: kind, verdict: .fail, subject: subject, reason: "no KPIs",
        remedy: "pick 5–8 leading indicators of the company KPIs it moves")
    case 1..<Self.departmentRange.lowerBound:
      return Finding(
        check: kind, verdict: .warn, subject: subject,
        reason: "\(count) KPI\(count == 1 ? "" : "s"): 5–8 per department recommended",
        remedy: "add leading indicators for what it moves, or accept fewer on purpose")
    case Self.departmentRange:
      return Finding(check: kind, verdict: .pass, subject: subject, reason: "\(count) KPIs")
    default:
      return Finding(
        check: kind, verdict: .fail, subject: subject,
        reason: "\(count) KPIs: more than 8 and nobody watches any of them",
        remedy: "keep the 5–8 that lead best; move activity counts to Level 3")
    }
  }
}

/// Leading indicator: each department KPI moves 30–60 days ahead of its outcome, and no
/// department watches only lagging numbers.
public struct LeadTimeCheck: AlignmentCheck {
  public let kind = CheckKind.leadTime

  public init() {}

  /// Department by department: one finding per KPI id, then one for the department id (only
  /// for departments with KPIs). A department fails when every KPI is lagging, and warns when
  /// none is known to lead yet because lead times are missing.
  public func findings(in cascade: Cascade) -> [Finding] {
    cascade.departments.flatMap { department -> [Finding] in
      guard !department.kpis.isEmpty else { return [] }
      return department.kpis.map { kpiFinding($0, in: cascade) } + [departmentFinding(department)]
    }
  }

  public func findings(about subject: String, in cascade: Cascade) -> [Finding] {
    if let kpi = cascade.departmentKPI(subject) { return [kpiFinding(kpi, in: cascade)] }
    if let department = cascade.department(subject), !department.kpis.isEmpty {
      return [departmentFinding(department)]
    }
    return []
  }

  private func kpiFinding(_ kpi: DepartmentKPI, in cascade: Cascade) -> Finding {
    let outcome = cascade.name(of: kpi.companyKPI)
    guard let days = kpi.leadTimeDays else {
      return Finding(check: kind, verdict: .fail, subject: kpi.id, .noLeadTime(outcome))
    }
    switch days {
    case 0:
      return Finding(check: kind, verdict: .warn, subject: kpi.id, .lagging(outcome))
    case LeadTime.window:
      return Finding(check: kind, verdict: .pass, subject: kpi.id, .leads(outcome, days: days))
    default:
      return Finding(check: kind, verdict: .warn, subject: kpi.id, .outsideWindow(outcome, days: days))
    }
  }

  private func departmentFinding(_ department: Department) -> Finding {
    let known = department.kpis.compactMap(\.leadTimeDays)
    let leading = known.filter { $0 > 0 }.count
    if leading > 0 {
      return Finding(check: kind, verdict: .pass, subject: department.id, .leadingIndicators(leading))
    }
    if known.count == department.kpis.count {
      return Finding(check: kind, verdict: .fail, subject: department.id, .allLagging)
    }
    return Finding(check: kind, verdict: .warn, subject: department.id, .noneKnownToLead)
  }
}

extension Finding.Message {
  /// `outcome` is the company KPI the department KPI moves.
  static func noLeadTime(_ outcome: String) -> Self {
    Self("no lead time given", remedy: "ask how many days before \(outcome) moves this one moves")
  }
  static func lagging(_ outcome: String) -> Self {
    Self(
      "lagging: it moves with or after \(outcome)",
      remedy: "replace it with something that moves \(LeadTime.windowText) days before \(outcome)")
  }
  static func leads(_ outcome: String, days: Int) -> Self { Self("leads \(outcome) by \(days) days") }
  /// A lead time outside `LeadTime.window`, on either side.
  static func outsideWindow(_ outcome: String, days: Int) -> Self {
    Self(
      days < LeadTime.window.lowerBound
        ? "leads by only \(days) day\(days == 1 ? "" : "s"): too little time to act"
        : "leads by \(days) days: too far ahead to predict reliably",
      remedy: "look for something that moves \(LeadTime.windowText) days before \(outcome)")
  }
  static func leadingIndicators(_ count: Int) -> Self {
    Self("\(count) leading indicator\(count == 1 ? "" : "s")")
  }
  static let allLagging = Self(
    "every KPI is lagging: every level needs leading indicators",
    remedy: "add at least one KPI that moves \(LeadTime.windowText) days before its outcome")
  static let noneKnownToLead = Self("no KPI is known to lead yet", remedy: "give the missing lead times")
}

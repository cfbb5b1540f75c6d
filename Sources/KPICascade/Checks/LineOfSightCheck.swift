/// Line of sight: every company KPI is moved by at least one department, and every department
/// moves at least one company KPI (through a contribution or one of its KPIs).
public struct LineOfSightCheck: AlignmentCheck {
  public let kind = CheckKind.lineOfSight

  public init() {}

  /// One finding per company KPI id, then one per department id.
  public func findings(in cascade: Cascade) -> [Finding] {
    let byKPI = cascade.companyKPIs.map { kpi in
      let movers = cascade.departments.filter { moves($0, kpi.id, in: cascade) }.map(\.name)
      if movers.isEmpty {
        return Finding(check: kind, verdict: .fail, subject: kpi.id, .movedByNobody)
      }
      return Finding(check: kind, verdict: .pass, subject: kpi.id, .movedBy(movers))
    }
    let byDepartment = cascade.departments.map { department in
      let moved = cascade.companyKPIs.filter { moves(department, $0.id, in: cascade) }.map(\.name)
      if moved.isEmpty {
        return Finding(check: kind, verdict: .fail, subject: department.id, .movesNothing)
      }
      return Finding(check: kind, verdict: .pass, subject: department.id, .moves(moved))
    }
    return byKPI + byDepartment
  }

  /// Whether a department moves a company KPI: it said how, or one of its KPIs leads it.
  private func moves(_ department: Department, _ companyKPI: String, in cascade: Cascade) -> Bool {
    cascade.contribution(companyKPI: companyKPI, department: department.id)?.text.answered != nil
      || department.kpis.contains { $0.companyKPI == companyKPI }
  }
}

extension Finding.Message {
  static let movedByNobody = Self(
    "no department moves it",
    remedy: "ask each department what it does that directly moves it, or drop the KPI")
  static func movedBy(_ departments: [String]) -> Self {
    Self("moved by \(departments.joined(separator: ", "))")
  }
  static let movesNothing = Self(
    "moves no company KPI",
    remedy: "name what it does that directly moves one, or ask why it is in the cascade")
  static func moves(_ companyKPIs: [String]) -> Self { Self("moves \(companyKPIs.joined(separator: ", "))") }
}

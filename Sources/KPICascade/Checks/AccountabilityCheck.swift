/// Accountability: exactly one named person per KPI and a head for every department. A team, a
/// function or two people sharing a KPI means nobody answers for it.
public struct AccountabilityCheck: AlignmentCheck {
  public let kind = CheckKind.accountability

  public init() {}

  /// One finding per company KPI id; then, department by department, one for the department id
  /// (its head) and one per department KPI id; then one per Level 3 KPI id, last so the ids
  /// the room already accepted keep their place.
  public func findings(in cascade: Cascade) -> [Finding] {
    let executives = cascade.companyKPIs.map { kpi in
      finding(kpi.id, kpi.owner, missing: "no accountable executive")
    }
    let departments = cascade.departments.flatMap { department in
      [finding(department.id, department.head, missing: "no head")]
        + department.kpis.map { finding($0.id, $0.owner, missing: "no owner") }
    }
    let individuals = cascade.individualKPIs.map { finding($0.id, $0.owner, missing: "no owner") }
    return executives + departments + individuals
  }

  private func finding(_ subject: String, _ person: String?, missing: String) -> Finding {
    guard let person = person.answered else {
      return Finding(
        check: kind, verdict: .fail, subject: subject, reason: missing,
        remedy: "name one person, e.g. '\(AccountablePerson.example)'")
    }
    let assessment = AccountablePerson.assess(person)
    return Finding(
      check: kind, verdict: assessment.verdict, subject: subject, reason: assessment.problem,
      remedy: assessment.remedy)
  }
}

/// Accountability: exactly one named person per KPI and a head for every department. A team, a
/// function or two people sharing a KPI means nobody answers for it.
public struct AccountabilityCheck: AlignmentCheck {
  public let kind = CheckKind.accountability

  public init() {}

  /// One finding per company KPI id; then, department by department, one for the department id
  /// (its head) and one per department KPI id; then one per Level 3 KPI id, last so the ids
  /// the room already accepted keep their place.
  public func findings(in cascade: Cascade) -> [Finding] {
    var findings: [Finding] = []
    let departments = cascade.departments.map(\.name)
    func finding(_ subject: String, _ person: String?, _ assessment: Assessment?, missing: Finding.Message)
      -> Finding
    {
      // A department's name is a group only this session knows: asked of the answer here.
      let named = person.flatMap { AccountablePerson.department($0, among: departments) }
      return self.finding(subject, named ?? assessment, missing: missing)
    }
    for kpi in cascade.companyKPIs {
      findings.append(finding(kpi.id, kpi.owner, kpi.ownerAssessment, missing: .noExecutive))
    }
    for department in cascade.departments {
      findings.append(finding(department.id, department.head, department.headAssessment, missing: .noHead))
      for kpi in department.kpis {
        findings.append(finding(kpi.id, kpi.owner, kpi.ownerAssessment, missing: .noOwner))
      }
    }
    for kpi in cascade.individualKPIs {
      findings.append(finding(kpi.id, kpi.owner, kpi.ownerAssessment, missing: .noOwner))
    }
    return findings
  }

  /// The finding from a person as assessed when the answer was set.
  private func finding(_ subject: String, _ assessment: Assessment?, missing: Finding.Message) -> Finding {
    guard let assessment else { return Finding(check: kind, verdict: .fail, subject: subject, missing) }
    return Finding(
      check: kind, verdict: assessment.verdict, subject: subject, reason: assessment.problem,
      remedy: assessment.remedy)
  }
}

extension Finding.Message {
  static let noExecutive = Self("no accountable executive", remedy: nameOnePerson)
  static let noHead = Self("no head", remedy: nameOnePerson)
  static let noOwner = Self("no owner", remedy: nameOnePerson)
  private static let nameOnePerson = "name one person, e.g. '\(AccountablePerson.example)'"
}

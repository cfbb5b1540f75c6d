import KPICascade

/// Which step's answers a finding judges, so the room only hears about what it has reached:
/// in step 2, "no owner" for KPIs that step 5 will assign is noise, not news.
struct FindingStage {
  let cascade: Cascade

  func step(of finding: Finding) -> WorkshopStep {
    switch finding.check {
    case .lock: .lock
    case .target:
      cascade.companyKPI(finding.subject) != nil
        ? .lock : cascade.individualKPI(finding.subject) != nil ? .assign : .select
    case .accountability:
      cascade.companyKPI(finding.subject) != nil || cascade.department(finding.subject) != nil
        ? .lock : .assign
    case .counts:
      finding.subject == "level-1" ? .lock : finding.subject.hasPrefix("role:") ? .assign : .select
    case .lineOfSight: .map
    case .link, .leadTime, .activity: .select
    case .conflicts: .resolve
    case .governance, .missPolicy: .govern
    }
  }

  /// Whether the room has reached the step a finding belongs to.
  func isDue(_ finding: Finding, reached: WorkshopStep) -> Bool {
    step(of: finding).rawValue <= reached.rawValue
  }
}

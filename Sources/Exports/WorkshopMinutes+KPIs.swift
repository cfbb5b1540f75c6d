import KPICascade

/// Steps 3 to 5 of the minutes: each department's KPIs with their link, lead time, owner,
/// tension and the Level 3 KPIs under them, then the conflicts the room examined and how each
/// was resolved.
extension WorkshopMinutes {
  static func departmentKPIs(_ cascade: Cascade) -> [String] {
    var lines = ["## Department KPIs"]
    guard !cascade.departments.isEmpty else { return lines + ["", "_No departments yet._"] }
    for department in cascade.departments {
      lines += ["", "### \(MarkdownText.escape(department.name))"]
      if department.kpis.isEmpty { lines += ["", "_No department KPIs yet._"] }
      for kpi in department.kpis {
        lines += ["", "#### \(MarkdownText.escape(kpi.name))", ""]
        lines += kpiDetails(kpi, cascade).map { "- **\($0.0):** \($0.1)" }
        let individuals = cascade.individualKPIs(under: kpi.id)
        if !individuals.isEmpty {
          lines += ["", "Level 3 KPIs that drive it:", ""]
          lines += table(
            header: ["Individual KPI", "Role or team", "Target", "Owner"],
            rows: individuals.map {
              [
                MarkdownText.escape($0.name), MarkdownText.value($0.role), MarkdownText.value($0.target),
                MarkdownText.value($0.owner),
              ]
            })
        }
      }
    }
    return lines
  }

  static func conflicts(_ cascade: Cascade) -> [String] {
    var lines = ["## Conflicts"]
    guard !cascade.conflicts.isEmpty else { return lines + ["", "_No conflicts examined._"] }
    for conflict in cascade.conflicts {
      let pair = "\(kpiLabel(conflict.first, cascade)) ↔ \(kpiLabel(conflict.second, cascade))"
      let company = MarkdownText.escape(cascade.name(of: conflict.companyKPI))
      lines += ["", "### \(pair)", ""]
      lines.append("- **Company KPI at risk:** \(company)")
      lines.append("- **Why asked:** \(origin(conflict.origin))")
      switch conflict.structural {
      case nil: lines.append("- **Answer:** _not asked yet_")
      case true?:
        lines.append(
          "- **Answer:** yes — both can hit target while \(company) gets worse (structural)")
      case false?: lines.append("- **Answer:** no — not a structural conflict")
      }
      if let resolution = conflict.resolution {
        lines.append("- **Resolution:** \(resolutionText(resolution, cascade))")
      }
      let status =
        conflict.isOpen ? "open" : conflict.structural == true ? "resolved" : "no conflict"
      lines.append("- **Status:** \(status)")
    }
    return lines
  }

  // MARK: - Details

  private static func kpiDetails(_ kpi: DepartmentKPI, _ cascade: Cascade) -> [(String, String)] {
    var details: [(String, String)] = [
      ("Target", MarkdownText.value(kpi.target)),
      ("Moves", MarkdownText.escape(cascade.name(of: kpi.companyKPI))),
      ("Link", MarkdownText.value(kpi.linkSentence)),
      ("Lead time", leadTime(kpi.leadTimeDays)),
      ("Owner", MarkdownText.value(kpi.owner)),
    ]
    if !kpi.contributors.isEmpty {
      let names = kpi.contributors.map { MarkdownText.escape(cascade.name(of: $0)) }
      details.append(("Contributing departments", names.joined(separator: ", ")))
    }
    // "None declared" is the usual answer: said once per KPI it drowns the tensions that exist.
    if let tension = tension(kpi.tension, cascade) { details.append(("Tension", tension)) }
    return details
  }

  /// Lead time in days and what it makes the KPI: 0 is lagging; a lead outside
  /// `LeadTime.window` still leads, but the leading-indicator test will warn about it.
  private static func leadTime(_ days: Int?) -> String {
    guard let days else { return "_not set_" }
    let count = days == 1 ? "1 day" : "\(days) days"
    if days == 0 { return "\(count) (lagging)" }
    if LeadTime.window.contains(days) { return "\(count) (leading)" }
    let window = "\(LeadTime.window.lowerBound)–\(LeadTime.window.upperBound)"
    return "\(count) (leading, outside the \(window) day window)"
  }

  private static func tension(_ tension: Tension?, _ cascade: Cascade) -> String? {
    switch tension {
    case nil: "_not asked_"
    case .none?: nil
    case .with(let other)?: "pushing it may make \(kpiLabel(other, cascade)) worse"
    }
  }

  private static func origin(_ origin: ConflictOrigin) -> String {
    switch origin {
    case .classic: "a classic pair of functions that pull against each other"
    case .declared: "a tension declared in step 3"
    case .raised: "raised by the facilitator"
    }
  }

  private static func resolutionText(_ resolution: Resolution, _ cascade: Cascade) -> String {
    var parts: [String] = []
    if resolution.oldName != resolution.newName {
      parts.append(
        "name \(MarkdownText.escape(resolution.oldName)) → \(MarkdownText.escape(resolution.newName))"
      )
    }
    if let newTarget = resolution.newTarget, newTarget != resolution.oldTarget {
      parts.append(
        "target \(MarkdownText.value(resolution.oldTarget)) → \(MarkdownText.escape(newTarget))")
    }
    let what = parts.isEmpty ? "no change recorded" : parts.joined(separator: "; ")
    return "adjusted \(kpiLabel(resolution.kpi, cascade)): \(what)"
  }

  /// `KPI name (Department)`, escaped; the id alone when the KPI no longer exists.
  static func kpiLabel(_ id: String, _ cascade: Cascade) -> String {
    let name = MarkdownText.escape(cascade.name(of: id))
    guard let department = cascade.owningDepartment(ofKPI: id) else { return name }
    return "\(name) (\(MarkdownText.escape(department.name)))"
  }
}

import KPICascade

/// `/show`: company KPIs with the department KPIs under them, as an indented tree.
struct CascadeTree {
  let cascade: Cascade
  let style: TextStyle
  /// Marks only count findings of steps the room has reached.
  let reached: WorkshopStep

  func text(focus: String?) -> Result<String, LookupProblem> {
    let report = AlignmentReport(cascade: cascade)
    guard let focus else { return .success(render(report: report, only: nil)) }
    switch NameLookup(cascade: cascade).find(focus) {
    case .failure(let problem): return .failure(problem)
    case .success(let id): return .success(render(report: report, only: id))
    }
  }

  private func render(report: AlignmentReport, only focus: String?) -> String {
    guard !cascade.companyKPIs.isEmpty || !cascade.departments.isEmpty else {
      return "Nothing agreed yet."
    }
    var lines: [String] = []
    let lock = cascade.lockedOn.map { " locked \($0)" } ?? " not locked"
    for company in cascade.companyKPIs {
      let kpis = cascade.departments.flatMap { department in
        department.kpis.filter { $0.companyKPI == company.id }.map { (department, $0) }
      }
      let inFocus: [(Department, DepartmentKPI)]
      if let focus, focus != company.id {
        let parent = cascade.individualKPI(focus)?.parent
        inFocus = kpis.filter { $0.0.id == focus || $0.1.id == focus || $0.1.id == parent }
        if inFocus.isEmpty { continue }
      } else {
        inFocus = kpis
      }
      lines.append(
        mark(company.id, report) + " " + style.heading(DisplayText.safe(company.name))
          + "  " + (company.target.map(DisplayText.safe) ?? "no target")
          + style.dim("  · " + (company.owner.map(DisplayText.safe) ?? "no executive") + " ·" + lock))
      var lastDepartment: String?
      for (department, kpi) in inFocus {
        if department.id != lastDepartment {
          lines.append("    " + DisplayText.safe(department.name))
          lastDepartment = department.id
        }
        var details = [kpi.target.map(DisplayText.safe) ?? "no target"]
        details.append(kpi.leadTimeDays.map { $0 == 0 ? "lagging" : "leads \($0) d" } ?? "no lead time")
        details.append(kpi.owner.map(DisplayText.safe) ?? "no owner")
        if !kpi.contributors.isEmpty {
          details.append(
            "with " + kpi.contributors.map { DisplayText.safe(cascade.name(of: $0)) }.joined(separator: ", "))
        }
        lines.append(
          "      " + mark(kpi.id, report) + " " + DisplayText.safe(kpi.name)
            + style.dim("  · " + details.joined(separator: " · ")))
        for individual in cascade.individualKPIs(under: kpi.id) {
          let facts = [
            individual.role.map(DisplayText.safe) ?? "no role",
            individual.target.map(DisplayText.safe) ?? "no target",
            individual.owner.map(DisplayText.safe) ?? "no owner",
          ]
          lines.append(
            "          " + mark(individual.id, report) + " " + DisplayText.safe(individual.name)
              + style.dim("  · " + facts.joined(separator: " · ")))
        }
      }
    }
    if focus == nil {
      let idle = cascade.departments.filter { $0.kpis.isEmpty }
      if !idle.isEmpty {
        lines.append(
          style.dim("No KPIs yet: " + idle.map { DisplayText.safe($0.name) }.joined(separator: ", ")))
      }
    }
    return lines.isEmpty ? "Nothing to show under that name yet." : lines.joined(separator: "\n")
  }

  /// The worst open verdict on a KPI among the steps reached, as a mark.
  private func mark(_ id: String, _ report: AlignmentReport) -> String {
    let stage = FindingStage(cascade: cascade)
    let open = Set(report.open.filter { stage.isDue($0, reached: reached) }.map(\.id))
    let worst = report.findings(about: id).filter { open.contains($0.id) }.map(\.verdict).max() ?? .pass
    return style.mark(worst)
  }
}

import KPICascade

/// Step 2's output: company KPIs × departments, and the gaps the grid makes obvious.
struct LineOfSightMatrix {
  let cascade: Cascade
  let style: TextStyle

  func lines() -> [String] {
    let kpis = cascade.companyKPIs
    let departments = cascade.departments
    guard !kpis.isEmpty, !departments.isEmpty else { return [] }
    let rowWidth = min(28, kpis.map { DisplayText.safe($0.name).count }.max() ?? 0)
    let columns = departments.map { department -> String in
      let name = DisplayText.safe(department.name)
      return name.count > 16 ? name.prefix(15) + "…" : name
    }
    var lines = [style.heading("Line of sight")]
    lines.append(
      "".padded(rowWidth) + "  " + columns.map { $0.padded(max($0.count, 3)) }.joined(separator: "  "))
    for kpi in kpis {
      var row = String(DisplayText.safe(kpi.name).prefix(rowWidth)).padded(rowWidth) + "  "
      row += zip(departments, columns).map { department, column in
        let moves = cascade.contribution(companyKPI: kpi.id, department: department.id)?.text != nil
        let mark = moves ? (style.isFancy ? "●" : "x") : (style.isFancy ? "·" : "-")
        return mark + String(repeating: " ", count: max(column.count, 3) - 1)
      }.joined(separator: "  ")
      lines.append(row)
    }
    let unmoved = kpis.filter { kpi in
      !departments.contains { cascade.contribution(companyKPI: kpi.id, department: $0.id)?.text != nil }
    }
    let idle = departments.filter { department in
      !kpis.contains { cascade.contribution(companyKPI: $0.id, department: department.id)?.text != nil }
    }
    for kpi in unmoved {
      lines.append(style.mark(.fail) + " No department moves \(DisplayText.safe(kpi.name)).")
    }
    for department in idle {
      lines.append(style.mark(.fail) + " \(DisplayText.safe(department.name)) moves no company KPI.")
    }
    if unmoved.isEmpty && idle.isEmpty {
      lines.append(style.mark(.pass) + " Every company KPI is moved, and every department moves one.")
    }
    return lines
  }
}

extension String {
  /// Left-aligned in a column of `width` characters.
  func padded(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}

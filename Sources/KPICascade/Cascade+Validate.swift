extension Cascade {
  /// Checks a cascade that did not come from the reducer (an imported file): every id used
  /// once, every reference pointing at something that exists, names unique where they must be.
  /// The error names the place, e.g. `departments[2].kpis[0].companyKPI`.
  public func validate() throws(CascadeError) {
    var ids = Set<String>()
    func claim(_ id: String, at path: String) throws(CascadeError) {
      guard Cascade.isWellFormedID(id) else {
        throw .invalid("\(path): '\(id)' is not an id (letters, then up to 9 digits)")
      }
      guard ids.insert(id).inserted else { throw .invalid("\(path): id '\(id)' is used twice") }
    }
    func unique(_ names: [String], at path: (Int) -> String) throws(CascadeError) {
      var seen = Set<String>()
      for (index, name) in names.enumerated() where !seen.insert(name.lowercased()).inserted {
        throw .invalid("\(path(index)): the name '\(name)' is used twice")
      }
    }
    for (path, day) in [
      ("lockedOn", lockedOn), ("governance.alignmentReview", governance.alignmentReview),
      ("governance.annualRealignment", governance.annualRealignment),
    ] {
      if let day, !Self.isDay(day) { throw .invalid("\(path): '\(day)' is not a day (YYYY-MM-DD)") }
    }
    for (c, kpi) in companyKPIs.enumerated() { try claim(kpi.id, at: "companyKPIs[\(c)].id") }
    for (d, department) in departments.enumerated() {
      try claim(department.id, at: "departments[\(d)].id")
      for (k, kpi) in department.kpis.enumerated() {
        try claim(kpi.id, at: "departments[\(d)].kpis[\(k)].id")
      }
    }
    for (i, kpi) in individualKPIs.enumerated() { try claim(kpi.id, at: "individualKPIs[\(i)].id") }
    try unique(companyKPIs.map(\.name)) { "companyKPIs[\($0)].name" }
    try unique(departments.map(\.name)) { "departments[\($0)].name" }
    let companyIDs = Set(companyKPIs.map(\.id))
    let departmentIDs = Set(departments.map(\.id))
    let kpiIDs = Set(departmentKPIs.map(\.id))
    func exists(_ id: String, in set: Set<String>, kind: String, at path: String) throws(CascadeError) {
      guard set.contains(id) else {
        throw .invalid("\(path): refers to \(kind) '\(id)', which does not exist")
      }
    }
    for (d, department) in departments.enumerated() {
      try unique(department.kpis.map(\.name)) { "departments[\(d)].kpis[\($0)].name" }
      for (k, kpi) in department.kpis.enumerated() {
        let path = "departments[\(d)].kpis[\(k)]"
        try exists(kpi.companyKPI, in: companyIDs, kind: "company KPI", at: "\(path).companyKPI")
        if case .with(let other) = kpi.tension {
          try exists(other, in: kpiIDs, kind: "KPI", at: "\(path).tension")
          guard other != kpi.id else { throw .invalid("\(path).tension: a KPI in tension with itself") }
        }
        for (i, contributor) in kpi.contributors.enumerated() {
          try exists(contributor, in: departmentIDs, kind: "department", at: "\(path).contributors[\(i)]")
        }
        if let days = kpi.leadTimeDays, days < 0 {
          throw .invalid("\(path).leadTimeDays: \(days) is negative")
        }
      }
    }
    for (i, kpi) in individualKPIs.enumerated() {
      try exists(kpi.parent, in: kpiIDs, kind: "department KPI", at: "individualKPIs[\(i)].parent")
    }
    for (i, contribution) in contributions.enumerated() {
      try exists(
        contribution.companyKPI, in: companyIDs, kind: "company KPI", at: "contributions[\(i)].companyKPI")
      try exists(
        contribution.department, in: departmentIDs, kind: "department", at: "contributions[\(i)].department")
    }
    let allKPIs = companyIDs.union(kpiIDs).union(individualKPIs.map(\.id))
    for kpi in scorecard.kpis.sorted() where !allKPIs.contains(kpi) {
      throw .invalid("readings: refers to KPI '\(kpi)', which does not exist")
    }
    var pairs = Set<String>()
    for (i, conflict) in conflicts.enumerated() {
      let path = "conflicts[\(i)]"
      try exists(conflict.first, in: kpiIDs, kind: "KPI", at: "\(path).first")
      try exists(conflict.second, in: kpiIDs, kind: "KPI", at: "\(path).second")
      try exists(conflict.companyKPI, in: companyIDs, kind: "company KPI", at: "\(path).companyKPI")
      guard let home = owningDepartment(ofKPI: conflict.first),
        home.id != owningDepartment(ofKPI: conflict.second)?.id
      else { throw .invalid("\(path): both KPIs are in one department; a conflict is between two") }
      guard pairs.insert(conflict.key).inserted else {
        throw .invalid("\(path): the pair \(conflict.key) is listed twice")
      }
      if let resolution = conflict.resolution {
        guard resolution.kpi == conflict.first || resolution.kpi == conflict.second else {
          throw .invalid("\(path).resolution.kpi: '\(resolution.kpi)' is not one of the two KPIs in conflict")
        }
        guard conflict.structural == true else {
          throw .invalid("\(path).resolution: a conflict answered 'no' has no resolution")
        }
      }
    }
  }

  /// `YYYY-MM-DD` naming a day that exists (no 2027-02-30; 29 February only in leap years).
  public static func isDay(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month)
    else { return false }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return (1...lengths[month - 1]).contains(day)
  }
}

import Testing

@testable import KPICascade

/// Small hand-made workshops for the check tests: the events a room would have produced.
enum Room {
  /// Three company KPIs: c1 Revenue growth, c2 Net profit margin, c3 Customer retention.
  static let companyKPIs: [CascadeEvent] = [
    .companyKPIAdded(id: "c1", name: "Revenue growth"),
    .companyKPIAdded(id: "c2", name: "Net profit margin"),
    .companyKPIAdded(id: "c3", name: "Customer retention"),
  ]

  /// A department and its KPIs, each moving `companyKPI` (c1 unless said otherwise).
  static func department(
    _ id: String, _ name: String, function: DepartmentFunction? = nil, kpis: [String] = [],
    companyKPI: String = "c1"
  ) -> [CascadeEvent] {
    var events: [CascadeEvent] = [.departmentAdded(id: id, name: name)]
    if let function { events.append(.functionSet(department: id, function: function)) }
    for (index, kpi) in kpis.enumerated() {
      events.append(
        .departmentKPIAdded(id: kpi, department: id, companyKPI: companyKPI, name: "\(name) KPI \(index + 1)")
      )
    }
    return events
  }

  /// Company KPIs plus one department `d1` with KPI `k1`, then `more`.
  static func withOneKPI(_ more: [CascadeEvent] = []) throws -> Cascade {
    try Cascade(events: companyKPIs + department("d1", "Sales", kpis: ["k1"]) + more)
  }

  /// Finding id → verdict, for exact comparisons.
  static func verdicts(_ check: some AlignmentCheck, _ cascade: Cascade) -> [String: Verdict] {
    let findings = check.findings(in: cascade)
    #expect(findings.allSatisfy { $0.check == check.kind && $0.id == "\(check.kind.rawValue):\($0.subject)" })
    return Dictionary(findings.map { ($0.id, $0.verdict) }, uniquingKeysWith: { first, _ in first })
  }

  static func finding(_ check: some AlignmentCheck, _ cascade: Cascade, _ id: String) throws -> Finding {
    try #require(check.findings(in: cascade).first { $0.id == id })
  }
}

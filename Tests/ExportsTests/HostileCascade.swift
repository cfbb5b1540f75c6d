import KPICascade

/// A three-level cascade whose names, targets, roles and owners are what a careless or hostile
/// room might type: markup, quotes, pipes, line breaks, spreadsheet formulas and non-ASCII.
/// Shared by the CSV, Mermaid and DOT tests, which read it back with independent consumers.
enum HostileCascade {
  static let workshop = "Acme \"Q3\" <b>offsite</b> | 中文"

  static let script = "<script>alert(1)</script>"
  static let quoted = "He said \"hi\""
  static let pipe = "a|b"
  static let twoLines = "Line one\nline two"
  static let hyperlink = "=HYPERLINK(\"http://x\",\"y\")"
  static let sum = "+SUM(1)"
  static let command = "@cmd"
  static let unicode = "Café Ünïcode 中文"
  static let entity = "R&amp;D {ops} [x] `tick` #1; 50%"

  static let events: [CascadeEvent] = [
    .companyKPIAdded(id: "c1", name: "Revenue growth"),
    .targetSet(kpi: "c1", target: "+20% YoY", reason: nil),
    .ownerSet(kpi: "c1", person: "Dana Chief"),
    .companyKPIAdded(id: "c2", name: hyperlink),
    .targetSet(kpi: "c2", target: ">= 42%", reason: nil),
    .ownerSet(kpi: "c2", person: command),
    .departmentAdded(id: "d1", name: unicode),
    .departmentAdded(id: "d2", name: pipe),
    .departmentKPIAdded(id: "k1", department: "d1", companyKPI: "c1", name: script),
    .leadTimeSet(kpi: "k1", days: 45),
    .linkSentenceSet(kpi: "k1", sentence: "He said \"hi\", then pipeline grew."),
    .targetSet(kpi: "k1", target: "-15% QoQ", reason: nil),
    .ownerSet(kpi: "k1", person: "Ana Lima"),
    .departmentKPIAdded(id: "k2", department: "d2", companyKPI: "c2", name: quoted),
    .leadTimeSet(kpi: "k2", days: 0),
    .targetSet(kpi: "k2", target: "increase customer satisfaction", reason: nil),
    .ownerSet(kpi: "k2", person: sum),
    .departmentKPIAdded(id: "k3", department: "d2", companyKPI: "c1", name: "Calls made"),
    .linkSentenceSet(kpi: "k3", sentence: "\r\nstarts with a line break"),
    .individualKPIAdded(id: "i1", parent: "k1", name: twoLines),
    .roleSet(kpi: "i1", role: "Account executive"),
    .targetSet(kpi: "i1", target: "at least 40 qualified leads", reason: nil),
    .ownerSet(kpi: "i1", person: "Bo Li"),
    .individualKPIAdded(id: "i2", parent: "k1", name: command),
    .roleSet(kpi: "i2", role: "\tTabbed role"),
    .individualKPIAdded(id: "i3", parent: "k2", name: unicode),
    .roleSet(kpi: "i3", role: entity),
    .targetSet(kpi: "i3", target: "≤ 3 days", reason: nil),
    .ownerSet(kpi: "i3", person: "-Olu"),
    .findingAccepted(finding: "lead-time:k2", reason: "Contractual"),
  ]

  static func cascade() throws -> Cascade { try Cascade(events: events) }

  /// Open findings on k2 and k3, a conflict naming k1 and k2, a pass on k1 and an accepted
  /// failure on k2 that no export may show as open.
  static let findings: [Finding] = [
    Finding(check: .counts, verdict: .warn, subject: "level-1", reason: "only 2 company KPIs"),
    Finding(check: .link, verdict: .pass, subject: "k1", reason: "one sentence"),
    Finding(check: .leadTime, verdict: .fail, subject: "k2", reason: "lags"),
    Finding(check: .target, verdict: .fail, subject: "k2", reason: "a goal, not a target"),
    Finding(check: .activity, verdict: .warn, subject: "k3", reason: "activity at Level 2"),
    Finding(check: .conflicts, verdict: .fail, subject: "k1~k2", reason: "not asked yet"),
    Finding(check: .accountability, verdict: .fail, subject: "k3", reason: "nobody is named"),
  ]

  /// Every KPI id, by level.
  static let ids = ["c1", "c2", "k1", "k2", "k3", "i1", "i2", "i3"]

  /// Parent → child, as every graph export must draw them.
  static let links: Set<[String]> = [
    ["c1", "k1"], ["c2", "k2"], ["c1", "k3"], ["k1", "i1"], ["k1", "i2"], ["k2", "i3"],
  ]
}

import KPICascade

/// A complete workshop (three levels, a conflict, every part of governance) whose names carry
/// everything a room could type that means something to some format: markup, quotes, pipes,
/// iCalendar separators, a line break, a spreadsheet formula, non-ASCII text and a name long
/// enough to fold. Shared by the ICS and HTML tests, which check each name comes out intact.
enum HostileWorkshop {
  static let script = "<script>alert(1)</script>"
  static let quoted = "He said \"hi\""
  static let pipe = "a|b"
  static let separators = "x;y,z\\w"
  static let twoLines = "On-time\ndelivery"
  static let formula = "=HYPERLINK(\"http://x\",\"y\")"
  static let unicode = "Café Ünïcode 中文"
  static let long =
    "Net revenue retention across every enterprise, mid-market and self-serve cohort in "
    + "all regions — measured monthly, reported quarterly, owned by one named person"

  static let name = "Acme <b>Q3</b> & \"offsite\" 中文"

  /// Every hostile name, each of which must come out of every format exactly.
  static let hostileNames = [script, quoted, pipe, separators, twoLines, formula, unicode, long]

  /// The names of the KPIs at each level.
  static let companyKPIs = ["Revenue growth", script, long]
  static let departmentKPIs = [formula, twoLines, "\(unicode) renewals"]
  static let individualKPIs = ["Calls made; emails, sent", script, "Picks per hour \(pipe)"]

  static let lockDay = "2026-01-15"
  static let startDay = "2026-02-02"
  /// The 31st, so the quarterly rule must fall back to the month's last day.
  static let alignmentDay = "2026-03-31"
  static let realignmentDay = "2027-01-15"

  static let events: [CascadeEvent] = [
    .companyKPIAdded(id: "c1", name: companyKPIs[0]),
    .targetSet(kpi: "c1", target: ">= 20% YoY", reason: nil),
    .ownerSet(kpi: "c1", person: "Dana Ruiz"),
    .companyKPIAdded(id: "c2", name: companyKPIs[1]),
    .targetSet(kpi: "c2", target: quoted, reason: nil),
    .ownerSet(kpi: "c2", person: unicode),
    .companyKPIAdded(id: "c3", name: companyKPIs[2]),
    .targetSet(kpi: "c3", target: ">= 110%", reason: nil),
    .ownerSet(kpi: "c3", person: "Bo Chen"),
    .companyKPIsLocked(on: lockDay),
    .departmentAdded(id: "d1", name: pipe),
    .headSet(department: "d1", person: "Ana Lima"),
    .functionSet(department: "d1", function: .sales),
    .departmentAdded(id: "d2", name: separators),
    .headSet(department: "d2", person: "Olu Ade"),
    .functionSet(department: "d2", function: .operations),
    .departmentAdded(id: "d3", name: "Finance"),
    .departmentKPIAdded(id: "k1", department: "d1", companyKPI: "c1", name: departmentKPIs[0]),
    .leadTimeSet(kpi: "k1", days: 45),
    .linkSentenceSet(kpi: "k1", sentence: "Pipeline converts to revenue within 60 days."),
    .targetSet(kpi: "k1", target: ">= 3x coverage", reason: nil),
    .ownerSet(kpi: "k1", person: "Ana Lima"),
    .departmentKPIAdded(id: "k2", department: "d2", companyKPI: "c2", name: departmentKPIs[1]),
    .leadTimeSet(kpi: "k2", days: 0),
    .targetSet(kpi: "k2", target: ">= 95%", reason: nil),
    .ownerSet(kpi: "k2", person: quoted),
    .departmentKPIAdded(id: "k3", department: "d1", companyKPI: "c3", name: departmentKPIs[2]),
    .leadTimeSet(kpi: "k3", days: 90),
    .ownerSet(kpi: "k3", person: "Ana Lima"),
    .individualKPIAdded(id: "i1", parent: "k1", name: individualKPIs[0]),
    .roleSet(kpi: "i1", role: "Account executive"),
    .targetSet(kpi: "i1", target: "40 per week", reason: nil),
    .ownerSet(kpi: "i1", person: "Bo Chen"),
    .individualKPIAdded(id: "i2", parent: "k1", name: individualKPIs[1]),
    .roleSet(kpi: "i2", role: "SDR \(pipe)"),
    .ownerSet(kpi: "i2", person: formula),
    .individualKPIAdded(id: "i3", parent: "k2", name: individualKPIs[2]),
    .roleSet(kpi: "i3", role: "Warehouse lead"),
    .targetSet(kpi: "i3", target: ">= 120", reason: nil),
    .conflictRaised(first: "k1", second: "k2", companyKPI: "c1", origin: .classic),
    .conflictAnswered(first: "k1", second: "k2", structural: true),
    .velocitySet(velocity: .high),
    .operationalReviewSet(cadence: .weekly),
    .strategicReviewSet(cadence: .monthly),
    .governanceSet(field: .alignmentReview, value: alignmentDay),
    .governanceSet(field: .annualRealignment, value: realignmentDay),
    .governanceSet(field: .processOwner, value: "Dana Ruiz"),
    .governanceSet(field: .disputeResolver, value: unicode),
    .governanceSet(field: .changeProcess, value: separators),
    .governanceSet(field: .missPolicy, value: "Two misses → root-cause review"),
    .findingAccepted(finding: "lead-time:k3", reason: "Renewals are annual"),
  ]

  static func cascade() throws -> Cascade { try Cascade(events: events) }

  /// Findings of every verdict, with hostile text in reasons: an open fail, an open warn on a
  /// Level 3 KPI, an accepted warn, a pass, and an open conflict about a pair.
  static let findings: [Finding] = [
    Finding(check: .counts, verdict: .pass, subject: "level-1", reason: "3 company KPIs"),
    Finding(check: .leadTime, verdict: .pass, subject: "k1", reason: "45 days ahead"),
    Finding(
      check: .leadTime, verdict: .fail, subject: "k2", reason: "lead time 0 days: it lags",
      remedy: "replace \(script) with something earlier"),
    Finding(check: .leadTime, verdict: .warn, subject: "k3", reason: "90 days: outside the window"),
    Finding(check: .target, verdict: .warn, subject: "i2", reason: "no target"),
    Finding(check: .conflicts, verdict: .fail, subject: "k1~k2", reason: "open: \(quoted)"),
  ]
}

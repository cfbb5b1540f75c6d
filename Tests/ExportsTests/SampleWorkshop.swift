import KPICascade

/// A small workshop built from events, with names a hostile or careless room might type, and
/// findings of every verdict; shared by the export tests.
enum SampleWorkshop {
  static let name = "Acme *Q3* <b>offsite</b>"

  static let events: [CascadeEvent] = [
    .companyKPIAdded(id: "c1", name: "Revenue growth"),
    .targetSet(kpi: "c1", target: ">= 20% YoY", reason: nil),
    .ownerSet(kpi: "c1", person: "Dana Chief"),
    .companyKPIAdded(id: "c2", name: "Net margin | *core*"),
    .companyKPIAdded(id: "c3", name: "NPS"),
    .companyKPIsLocked(on: "2028-02-29"),
    .targetSet(kpi: "c1", target: ">= 25% YoY", reason: "Board raised the bar"),
    .departmentAdded(id: "d1", name: "Sales_#1 `floor`"),
    .headSet(department: "d1", person: "Ana"),
    .functionSet(department: "d1", function: .sales),
    .departmentAdded(id: "d2", name: "Operations"),
    .headSet(department: "d2", person: "Olu"),
    .functionSet(department: "d2", function: .operations),
    .departmentAdded(id: "d3", name: "People <HR>"),
    .contributionRecorded(companyKPI: "c1", department: "d1", text: "Closes deals"),
    .contributionRecorded(companyKPI: "c1", department: "d2", text: "Ships on time"),
    .contributionRecorded(companyKPI: "c2", department: "d1", text: "Discount discipline"),
    .contributionRecorded(companyKPI: "c2", department: "d2", text: nil),
    .departmentKPIAdded(id: "k1", department: "d1", companyKPI: "c1", name: "Qualified pipeline\nvalue"),
    .departmentKPIAdded(id: "k2", department: "d2", companyKPI: "c1", name: "On-time | delivery"),
    .departmentKPIAdded(
      id: "k3", department: "d2", companyKPI: "c1", name: "<script>alert(1)</script> Cost per order"),
    .leadTimeSet(kpi: "k1", days: 45),
    .linkSentenceSet(kpi: "k1", sentence: "Pipeline converts to revenue within 60 days."),
    .targetSet(kpi: "k1", target: "$1.2M by Q4", reason: nil),
    .ownerSet(kpi: "k1", person: "Ana"),
    .tensionSet(kpi: "k1", tension: .with(kpi: "k2")),
    .contributorAdded(kpi: "k1", department: "d2"),
    .leadTimeSet(kpi: "k2", days: 0),
    .targetSet(kpi: "k2", target: ">= 95%", reason: nil),
    .ownerSet(kpi: "k2", person: "Olu"),
    .tensionSet(kpi: "k2", tension: .none),
    .conflictRaised(first: "k1", second: "k2", companyKPI: "c1", origin: .classic),
    .conflictAnswered(first: "k1", second: "k2", structural: true),
    .conflictResolved(
      first: "k1", second: "k2",
      resolution: Resolution(
        kpi: "k2", oldName: "On-time | delivery", newName: "On-time delivery <48h>",
        oldTarget: ">= 95%", newTarget: ">= 97%")),
    .conflictRaised(first: "k1", second: "k3", companyKPI: "c2", origin: .raised),
    .velocitySet(velocity: .high),
    .operationalReviewSet(cadence: .weekly),
    .governanceSet(field: .processOwner, value: "Dana Chief"),
    .governanceSet(field: .missPolicy, value: "Two misses → root-cause review"),
    .findingAccepted(finding: "lead-time:k2", reason: "Delivery is contractual"),
  ]

  static func cascade() throws -> Cascade { try Cascade(events: events) }

  /// One finding of each kind the exports treat differently: a pass, an accepted fail, and
  /// open ones from two checks.
  static let findings: [Finding] = [
    Finding(check: .counts, verdict: .pass, subject: "level-1", reason: "3 company KPIs"),
    Finding(
      check: .leadTime, verdict: .fail, subject: "k2", reason: "lead time 0 days: it lags",
      remedy: "replace it"),
    Finding(
      check: .link, verdict: .warn, subject: "k3", reason: "no link sentence",
      remedy: "say how it moves *Net margin* | or remove it"),
    Finding(check: .conflicts, verdict: .fail, subject: "k1~k3", reason: "not asked yet"),
  ]
}

@testable import KPICascade

/// A workshop that did everything the method asks, for the maturity score tests: every
/// criterion met except `dashboard-fed` (the cascade has no readings), so 95 %, Optimized;
/// `readings` feeds it.
///
/// Each piece is a named list of events, so a test can leave one out (or change it) to make a
/// single criterion unmet, and then apply it to meet it again.
enum ScoreRoom {
  static let companyKPIs: [CascadeEvent] = [
    .companyKPIAdded(id: "c1", name: "Revenue growth"),
    .targetSet(kpi: "c1", target: "+20% YoY", reason: nil),
    .ownerSet(kpi: "c1", person: "Dana Ruiz (CEO)"),
    .companyKPIAdded(id: "c2", name: "Net profit margin"),
    .targetSet(kpi: "c2", target: "≥ 12%", reason: nil),
    .ownerSet(kpi: "c2", person: "Lee Chen (CFO)"),
    .companyKPIAdded(id: "c3", name: "Customer retention"),
    .targetSet(kpi: "c3", target: "≥ 90%", reason: nil),
    .ownerSet(kpi: "c3", person: "Ana Lima (COO)"),
  ]

  /// Three more company KPIs, moved by Sales: six in all is one too many.
  static let extraCompanyKPIs: [CascadeEvent] = (4...6).flatMap { index -> [CascadeEvent] in
    let id = "c\(index)"
    return [
      .companyKPIAdded(id: id, name: "Outcome \(index)"),
      .targetSet(kpi: id, target: "≥ \(index)0%", reason: nil),
      .ownerSet(kpi: id, person: "Dana Ruiz (CEO)"),
      .contributionRecorded(companyKPI: id, department: "d1", text: "Sells what moves it"),
    ]
  }

  static let departments: [CascadeEvent] = [
    .departmentAdded(id: "d1", name: "Sales"),
    .functionSet(department: "d1", function: .sales),
    .headSet(department: "d1", person: "Priya Shah"),
    .departmentAdded(id: "d2", name: "Operations"),
    .functionSet(department: "d2", function: .operations),
    .headSet(department: "d2", person: "Tom Berg"),
  ]

  /// Customer retention is moved by Operations' contribution, not by a KPI of its own.
  static let retentionContribution = CascadeEvent.contributionRecorded(
    companyKPI: "c3", department: "d2", text: "Ships every order on time so customers stay")

  /// What each company KPI is, as a link names it.
  static let outcomes = ["c1": "revenue", "c2": "margin", "c3": "retention"]

  /// A department KPI that passes every test: linked, leading by 45 days, targeted, owned.
  static func kpi(_ id: String, _ department: String, _ companyKPI: String, _ name: String) -> [CascadeEvent]
  {
    [
      .departmentKPIAdded(id: id, department: department, companyKPI: companyKPI, name: name),
      .linkSentenceSet(
        kpi: id,
        sentence:
          "When \(name.lowercased()) improves, \(outcomes[companyKPI] ?? "the outcome it leads") improves a quarter later."
      ),
      .leadTimeSet(kpi: id, days: 45),
      .targetSet(kpi: id, target: "≥ 40%", reason: nil),
      .ownerSet(kpi: id, person: department == "d1" ? "Priya Shah" : "Tom Berg"),
    ]
  }

  /// Sales' fifth KPI: without it Sales has four, one short of 5–8.
  static let fifthSalesKPI = kpi("k5", "d1", "c1", "Sales cycle length")

  static let departmentKPIs: [CascadeEvent] =
    kpi("k1", "d1", "c1", "Qualified pipeline") + kpi("k2", "d1", "c1", "Win rate")
    + kpi("k3", "d1", "c1", "Average deal size") + kpi("k4", "d1", "c1", "Expansion bookings")
    + fifthSalesKPI
    + kpi("k6", "d2", "c1", "Order fill rate") + kpi("k7", "d2", "c2", "Cost per order")
    + kpi("k8", "d2", "c2", "Inventory turns") + kpi("k9", "d2", "c2", "Supplier on-time rate")
    + kpi("k10", "d2", "c2", "Scrap rate")

  /// Three Level 3 KPIs for one role under one department KPI, each targeted and owned.
  static func individuals(_ ids: ClosedRange<Int>, under parent: String, role: String, owner: String)
    -> [CascadeEvent]
  {
    ids.flatMap { index -> [CascadeEvent] in
      let id = "i\(index)"
      return [
        .individualKPIAdded(id: id, parent: parent, name: "\(role) driver \(index)"),
        .roleSet(kpi: id, role: role),
        .targetSet(kpi: id, target: "≥ 20 per week", reason: nil),
        .ownerSet(kpi: id, person: owner),
      ]
    }
  }

  static let salesIndividuals = individuals(1...3, under: "k1", role: "Account executive", owner: "Bo Li")
  static let operationsIndividuals = individuals(
    4...6, under: "k6", role: "Warehouse lead", owner: "Kim Park")

  /// Sales vs operations is a classic pair (k1 and k6 both move revenue growth): asked, and
  /// answered "no".
  static let conflictRaised = CascadeEvent.conflictRaised(
    first: "k1", second: "k6", companyKPI: "c1", origin: .classic)
  static let conflictAnswered = CascadeEvent.conflictAnswered(first: "k1", second: "k6", structural: false)

  static let velocity = CascadeEvent.velocitySet(velocity: .high)
  /// What a high-velocity business needs.
  static let cadences: [CascadeEvent] = [
    .operationalReviewSet(cadence: .weekly), .strategicReviewSet(cadence: .monthly),
  ]
  /// A steady business's rhythm: set, but too slow for this one.
  static let slowCadences: [CascadeEvent] = [
    .operationalReviewSet(cadence: .biweekly), .strategicReviewSet(cadence: .quarterly),
  ]

  static let missPolicy = CascadeEvent.governanceSet(
    field: .missPolicy, value: "Two misses in a row trigger a root-cause review")
  static let governance: [CascadeEvent] = [
    .governanceSet(field: .alignmentReview, value: "2026-04-15"),
    .governanceSet(field: .annualRealignment, value: "2027-01-15"),
    .governanceSet(field: .processOwner, value: "Dana Ruiz"),
    .governanceSet(field: .disputeResolver, value: "Lee Chen"),
    .governanceSet(field: .changeProcess, value: "Proposed at the quarterly review, approved by the CEO"),
    missPolicy,
  ]

  static let lock = CascadeEvent.companyKPIsLocked(on: "2026-01-15")

  /// One reading of every company and department KPI on one day: the dashboard fed.
  static var readings: [CascadeEvent] {
    let cascade = try! Cascade(events: events())
    let day = CalendarDay("2026-03-02")!
    let ids = cascade.companyKPIs.map(\.id) + cascade.departmentKPIs.map(\.id)
    return [.readingsRecorded(readings: ids.map { Reading(kpi: $0, day: day, value: 1) })]
  }

  /// The whole workshop, in the order a room would have done it; the lock comes last so a
  /// variant can add company KPIs before it.
  static func events(extraCompanyKPIs: Bool = false) -> [CascadeEvent] {
    companyKPIs + departments + (extraCompanyKPIs ? Self.extraCompanyKPIs : []) + [retentionContribution]
      + departmentKPIs + salesIndividuals + operationsIndividuals + [conflictRaised, conflictAnswered]
      + [velocity] + cadences + governance + [lock]
  }

  /// The whole workshop without these events.
  static func events(without left: [CascadeEvent]) -> [CascadeEvent] {
    events().filter { !left.contains($0) }
  }

  /// The whole workshop with `old` events replaced by `new`, in the same place.
  static func events(replacing old: [CascadeEvent], with new: [CascadeEvent]) -> [CascadeEvent] {
    let all = events()
    guard let start = all.firstIndex(where: { old.contains($0) }) else { return all }
    var result = all.filter { !old.contains($0) }
    result.insert(contentsOf: new, at: start)
    return result
  }
}

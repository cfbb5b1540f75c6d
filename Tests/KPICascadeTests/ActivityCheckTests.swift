import Testing

@testable import KPICascade

@Suite("ActivityCheck")
struct ActivityCheckTests {
  @Test(arguments: [
    "Calls made", "Emails sent", "Meetings held", "Number of demos", "# of posts", "#posts",
    "Posts published", "Hours worked", "Tickets closed", "Outbound calls per day",
    "Total sales calls made", "Webinars hosted", "Number of customer visits",
    "Supplier negotiations held", "Negotiations held", "Visits made", "Proposals sent", "Workshops run",
    "Trainings delivered", "Quotes sent", "Supplier negotiations per quarter",
  ])
  func activitiesAreFlagged(_ name: String) {
    #expect(ActivityCheck.looksLikeActivity(name))
  }

  @Test(arguments: [
    "Net revenue retention", "First contact resolution", "Pipeline coverage", "On-time delivery rate",
    "Qualified leads", "Deals closed", "Email open rate", "% of calls answered within 20 seconds",
    "Demo-to-close conversion rate", "Billable hours", "Customer satisfaction score", "Gross margin",
    "Average handling time", "Supplier on-time rate", "Orders delivered on time",
    "Negotiated savings", "Proposal win rate",
  ])
  func outcomesAreNotFlagged(_ name: String) {
    #expect(!ActivityCheck.looksLikeActivity(name))
  }

  @Test func warnsForActivityAndPassesOutcomes() throws {
    let cascade = try Cascade(
      events: Room.companyKPIs + [
        .departmentAdded(id: "d1", name: "Sales"),
        .departmentKPIAdded(id: "k1", department: "d1", companyKPI: "c1", name: "Calls made"),
        .departmentKPIAdded(id: "k2", department: "d1", companyKPI: "c1", name: "Qualified leads"),
      ])
    #expect(Room.verdicts(ActivityCheck(), cascade) == ["activity:k1": .warn, "activity:k2": .pass])
    let finding = try Room.finding(ActivityCheck(), cascade, "activity:k1")
    #expect(finding.message == .activityAtLevelTwo)
  }

  /// Activity is what Level 3 is for: "calls made" under a department KPI is not flagged.
  @Test func activityAtLevelThreeGivesNoFinding() throws {
    let cascade = try Room.withOneKPI([
      .individualKPIAdded(id: "i1", parent: "k1", name: "Calls made"),
      .roleSet(kpi: "i1", role: "Account executive"),
    ])
    #expect(ActivityCheck.looksLikeActivity("Calls made"))
    #expect(Room.verdicts(ActivityCheck(), cascade) == ["activity:k1": .pass])
    #expect(
      !AlignmentReport(cascade: cascade).findings.contains { $0.check == .activity && $0.subject == "i1" })
  }
}

import Testing

@testable import KPICascade

@Suite("AlignmentReport")
struct AlignmentReportTests {
  @Test func findingsComeInCheckOrder() throws {
    let report = AlignmentReport(cascade: try Cascade(events: ConflictCheckTests.room))
    let ranks = report.findings.map { CheckKind.allCases.firstIndex(of: $0.check)! }
    #expect(ranks == ranks.sorted())
    #expect(Set(report.findings.map(\.check)) == Set(CheckKind.allCases))
    #expect(AlignmentChecks.all.map(\.kind) == CheckKind.allCases)
  }

  @Test func acceptedFindingLeavesOpenAndFailures() throws {
    let before = AlignmentReport(cascade: try Room.withOneKPI())
    #expect(before.failures.contains { $0.id == "lead-time:k1" })
    #expect(before.overridden.isEmpty)

    let after = AlignmentReport(
      cascade: try Room.withOneKPI([
        .findingAccepted(finding: "lead-time:k1", reason: "new KPI, no history yet")
      ]))
    #expect(!after.open.contains { $0.id == "lead-time:k1" })
    #expect(!after.failures.contains { $0.id == "lead-time:k1" })
    #expect(after.findings.contains { $0.id == "lead-time:k1" })
    #expect(after.overridden.map(\.finding.id) == ["lead-time:k1"])
    #expect(after.overridden.map(\.reason) == ["new KPI, no history yet"])
    #expect(after.failures.count == before.failures.count - 1)
  }

  @Test func acceptedWarningLeavesOpen() throws {
    let events: [CascadeEvent] = [.leadTimeSet(kpi: "k1", days: 0)]
    #expect(AlignmentReport(cascade: try Room.withOneKPI(events)).open.contains { $0.id == "lead-time:k1" })
    let accepted = AlignmentReport(
      cascade: try Room.withOneKPI(
        events + [.findingAccepted(finding: "lead-time:k1", reason: "regulatory metric")]))
    #expect(!accepted.open.contains { $0.id == "lead-time:k1" })
  }

  @Test func acceptingAPassChangesNothing() throws {
    let report = AlignmentReport(
      cascade: try Room.withOneKPI([.findingAccepted(finding: "activity:k1", reason: "just because")]))
    #expect(report.overridden.isEmpty)
  }

  @Test func passesOnlyWhenNoFailureIsOpen() throws {
    let failing = AlignmentReport(cascade: try Room.withOneKPI())
    #expect(!failing.passes)
    let accepted = try Room.withOneKPI(
      failing.failures.map { .findingAccepted(finding: $0.id, reason: "accepted for the test") })
    let report = AlignmentReport(cascade: accepted)
    #expect(report.passes)
    #expect(report.failures.isEmpty)
    #expect(report.open.allSatisfy { $0.verdict == .warn })
  }

  @Test func findingsAboutOneSubject() throws {
    let report = AlignmentReport(cascade: try Room.withOneKPI())
    #expect(
      report.findings(about: "k1").map(\.id) == [
        "link:k1", "lead-time:k1", "target:k1", "activity:k1", "accountability:k1",
      ])
    #expect(report.findings(about: "cascade").map(\.id) == ["lock:cascade"])
  }
}

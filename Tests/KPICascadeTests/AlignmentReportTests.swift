import Testing

@testable import KPICascade

@Suite("AlignmentReport")
struct AlignmentReportTests {
  @Test func findingsComeInCheckOrder() throws {
    let twoMisses: [CascadeEvent] = ["2026-03-02", "2026-03-09"].map {
      .reviewHeld(kind: .operational, on: CalendarDay($0)!, offTrack: ["k1"])
    }
    let report = AlignmentReport(cascade: try Cascade(events: ConflictCheckTests.room + twoMisses))
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

  /// A room where every check has something to say: the engine shows the subject's name, then
  /// `reason`, then `remedy`, so none may repeat another.
  @Test func reasonsAndRemediesDoNotRepeatThemselves() throws {
    let cascade = try Cascade(
      events: Room.companyKPIs + Room.department("d1", "Sales", function: .sales, kpis: ["k1", "k2"])
        + Room.department("d2", "Operations", function: .operations, kpis: ["k3"])
        + Room.department("d3", "Sales floor") + [
          .ownerSet(kpi: "c1", person: "Finance team"), .ownerSet(kpi: "k1", person: "Priya"),
          .ownerSet(kpi: "k2", person: "CFO"), .headSet(department: "d2", person: "Ana and Bo"),
          .leadTimeSet(kpi: "k1", days: 0), .leadTimeSet(kpi: "k2", days: 10),
          .leadTimeSet(kpi: "k3", days: 90),
          .linkSentenceSet(kpi: "k1", sentence: "More demos. More revenue."),
          .linkSentenceSet(kpi: "k2", sentence: "Drives revenue"),
          .targetSet(kpi: "c1", target: "grow a lot", reason: nil),
          .targetSet(kpi: "k1", target: "80% of aged stock within 6 weeks", reason: nil),
          .renamed(id: "k3", name: "Supplier negotiations held", reason: nil),
          .velocitySet(velocity: .high), .operationalReviewSet(cadence: .monthly),
          .governanceSet(field: .processOwner, value: "Leadership team"),
          .governanceSet(field: .disputeResolver, value: "Sam"),
          .reviewHeld(kind: .operational, on: CalendarDay("2026-03-02")!, offTrack: ["k1"]),
          .reviewHeld(kind: .operational, on: CalendarDay("2026-03-09")!, offTrack: ["k1"]),
        ])
    let findings = AlignmentReport(cascade: cascade).findings
    #expect(Set(findings.filter { $0.verdict != .pass }.map(\.check)) == Set(CheckKind.allCases))
    for finding in findings {
      #expect(!finding.reason.isEmpty, "\(finding.id)")
      #expect(!finding.reason.hasSuffix("."), "\(finding.id): \(finding.reason)")
      let name = cascade.name(of: finding.subject)
      if name != finding.subject {
        #expect(!finding.reason.hasPrefix(name), "\(finding.id): \(finding.reason)")
        #expect(!finding.reason.hasPrefix("'\(name)'"), "\(finding.id): \(finding.reason)")
      }
      guard let remedy = finding.remedy else { continue }
      #expect(!remedy.isEmpty && !remedy.hasSuffix("."), "\(finding.id): \(remedy)")
      #expect(!finding.reason.contains(remedy), "\(finding.id): \(finding.reason)")
      #expect(!remedy.contains(finding.reason), "\(finding.id): \(remedy)")
    }
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

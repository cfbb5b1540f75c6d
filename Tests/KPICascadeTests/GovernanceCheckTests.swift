import Testing

@testable import KPICascade

@Suite("GovernanceCheck")
struct GovernanceCheckTests {
  static let subjects = [
    "governance-velocity", "governance-operational-review", "governance-strategic-review",
    "governance-alignment-review", "governance-annual-realignment", "governance-process-owner",
    "governance-dispute-resolver", "governance-change-process", "governance-miss-policy",
  ]

  static func complete(
    _ velocity: BusinessVelocity = .high, operational: ReviewCadence = .weekly,
    strategic: ReviewCadence = .monthly,
    processOwner: String = "Dana Ruiz (COO)", disputeResolver: String = "Sam Okoro (CEO)"
  ) -> [CascadeEvent] {
    [
      .velocitySet(velocity: velocity), .operationalReviewSet(cadence: operational),
      .strategicReviewSet(cadence: strategic),
      .governanceSet(field: .alignmentReview, value: "2026-04-15"),
      .governanceSet(field: .annualRealignment, value: "2027-01-15"),
      .governanceSet(field: .processOwner, value: processOwner),
      .governanceSet(field: .disputeResolver, value: disputeResolver),
      .governanceSet(field: .changeProcess, value: "Proposed at the quarterly review, agreed by the COO"),
      .governanceSet(field: .missPolicy, value: "Two misses in a row: root-cause review"),
    ]
  }

  @Test func everyMissingElementFails() {
    let findings = GovernanceCheck().findings(in: Cascade())
    #expect(findings.map(\.id) == Self.subjects.map { "governance:\($0)" })
    #expect(findings.allSatisfy { $0.verdict == .fail })
    #expect(
      findings.first { $0.subject == "governance-process-owner" }?.reason == "no alignment process owner")
  }

  @Test func completeAndMatchedPasses() throws {
    let cascade = try Cascade(events: Self.complete())
    #expect(GovernanceCheck().findings(in: cascade).allSatisfy { $0.verdict == .pass })
    let steady = try Cascade(events: Self.complete(.steady, operational: .biweekly, strategic: .quarterly))
    #expect(GovernanceCheck().findings(in: steady).allSatisfy { $0.verdict == .pass })
  }

  @Test func cadenceSlowerThanVelocityWarns() throws {
    let cascade = try Cascade(events: Self.complete(operational: .biweekly, strategic: .quarterly))
    let verdicts = Room.verdicts(GovernanceCheck(), cascade)
    #expect(verdicts["governance:governance-operational-review"] == .warn)
    #expect(verdicts["governance:governance-strategic-review"] == .warn)
    #expect(
      try Room.finding(GovernanceCheck(), cascade, "governance:governance-operational-review").reason
        == "a high-velocity business reviewing bi-weekly sees problems late")
  }

  @Test func cadenceFasterThanVelocityWarns() throws {
    let cascade = try Cascade(events: Self.complete(.steady, operational: .weekly, strategic: .quarterly))
    #expect(Room.verdicts(GovernanceCheck(), cascade)["governance:governance-operational-review"] == .warn)
  }

  @Test func rolesAreAssessedAsPeople() throws {
    let cascade = try Cascade(events: Self.complete(processOwner: "Leadership team", disputeResolver: "Sam"))
    let verdicts = Room.verdicts(GovernanceCheck(), cascade)
    #expect(verdicts["governance:governance-process-owner"] == .fail)
    #expect(verdicts["governance:governance-dispute-resolver"] == .warn)
  }

  @Test func subjectForAField() {
    #expect(GovernanceCheck.subject(.missPolicy) == "governance-miss-policy")
  }
}

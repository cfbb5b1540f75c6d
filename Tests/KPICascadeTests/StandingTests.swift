import Testing

@testable import KPICascade

@Suite("Standing and staleness")
struct StandingTests {
  /// (velocity, operational review set, strategic review set, operational cadence, strategic cadence)
  @Test(arguments: [
    (
      BusinessVelocity?.none, ReviewCadence?.none, ReviewCadence?.none, ReviewCadence.weekly,
      ReviewCadence.monthly
    ),
    (.high, nil, nil, .weekly, .monthly), (.steady, nil, nil, .biweekly, .quarterly),
    (.high, .biweekly, nil, .biweekly, .monthly), (.steady, nil, .monthly, .biweekly, .monthly),
    (nil, .monthly, .quarterly, .monthly, .quarterly),
  ])
  func reviewCadence(
    _ velocity: BusinessVelocity?, _ operational: ReviewCadence?, _ strategic: ReviewCadence?,
    _ expectedOperational: ReviewCadence, _ expectedStrategic: ReviewCadence
  ) {
    var governance = Governance()
    governance.velocity = velocity
    governance.operationalReview = operational
    governance.strategicReview = strategic
    #expect(ReviewKind.operational.cadence(in: governance) == expectedOperational)
    #expect(ReviewKind.strategic.cadence(in: governance) == expectedStrategic)
  }

  /// A company KPI, a department KPI and a Level 3 KPI, each read once on 2026-03-02 and on
  /// track, under the governance these events set.
  static func cascade(_ governance: [CascadeEvent]) throws -> Cascade {
    var room = ScorecardRoom()
    room.company("c1", target: ">= 85%")
    room.department("d1", head: "Hana Ito")
    room.indicator("k1", in: "d1", moves: "c1", target: ">= 30%", lead: 28)
    room.individual("i1", under: "k1", target: ">= 10")
    for event in governance { room.append(event) }
    room.append(
      .readingsRecorded(readings: [
        Reading(kpi: "c1", day: ScorecardRoom.day("2026-03-02"), value: 90),
        Reading(kpi: "k1", day: ScorecardRoom.day("2026-03-02"), value: 35),
        Reading(kpi: "i1", day: ScorecardRoom.day("2026-03-02"), value: 12),
      ]))
    return try room.cascade()
  }

  /// (governance, days a company KPI stays fresh, days a department or Level 3 KPI stays
  /// fresh): fresh through exactly that many days after the reading, stale the day after.
  @Test(arguments: [
    ([CascadeEvent](), 30, 7),
    ([.velocitySet(velocity: .high)], 30, 7),
    ([.velocitySet(velocity: .steady)], 91, 14),
    ([.velocitySet(velocity: .high), .operationalReviewSet(cadence: .biweekly)], 30, 14),
    ([.velocitySet(velocity: .steady), .strategicReviewSet(cadence: .monthly)], 30, 14),
    ([.operationalReviewSet(cadence: .monthly), .strategicReviewSet(cadence: .quarterly)], 91, 30),
  ])
  func staleTheDayAfterTheCadence(_ governance: [CascadeEvent], _ companyDays: Int, _ operationalDays: Int)
    throws
  {
    let cascade = try Self.cascade(governance)
    let read = ScorecardRoom.day("2026-03-02")
    for (kpi, days) in [("c1", companyDays), ("k1", operationalDays), ("i1", operationalDays)] {
      let fresh = Diagnosis(of: kpi, in: cascade, asOf: read.adding(days: days)).standing
      #expect(fresh.status == .onTrack, "\(kpi) after \(days) days")
      #expect(fresh.cadence.days == days)
      let stale = Diagnosis(of: kpi, in: cascade, asOf: read.adding(days: days + 1)).standing
      #expect(stale.status == .stale, "\(kpi) after \(days + 1) days")
    }
    // The dashboard judges with the same cadences.
    let fresh = Dashboard(cascade: cascade, asOf: read.adding(days: operationalDays))
    #expect(fresh.company.map(\.status) == [.onTrack])
    #expect(fresh.groups.flatMap(\.indicators).map(\.status) == [.onTrack])
    #expect(fresh.variances.isEmpty)
    let stale = Dashboard(cascade: cascade, asOf: read.adding(days: operationalDays + 1))
    #expect(stale.groups.flatMap(\.indicators).map(\.status) == [.stale])
    #expect(stale.variances.map(\.kpi) == ["k1", "i1"])
    #expect(stale.variances.map(\.days) == [operationalDays + 1, operationalDays + 1])
    #expect(stale.variances.map(\.since) == [read, read])
  }

  static func standing(_ values: [Double], target: String?, asOf: String) -> Standing {
    let readings = ScorecardRoom.weekly("k1", from: "2026-01-05", values)
    return Standing(
      kpi: "k1", readings: readings[...], target: target.flatMap(Target.parse), cadence: .weekly,
      asOf: ScorecardRoom.day(asOf))
  }

  @Test func theLatestReadingDecides() {
    let standing = Self.standing([20, 40, 29], target: ">= 30%", asOf: "2026-01-19")
    #expect(standing.status == .atRisk)
    #expect(standing.latest?.value == 29)
    #expect(standing.threshold == ScorecardRoom.threshold(">= 30%"))
    #expect(standing.offSince == nil)
  }

  /// Off since the first of the latest run of off-track readings; an at-risk reading breaks the run.
  @Test(arguments: [
    ([40.0, 20, 20, 20], "2026-01-12"), ([20, 40, 20, 20], "2026-01-19"), ([20, 20, 29, 20], "2026-01-26"),
    ([20, 20, 20, 40], nil),
  ])
  func offSince(_ values: [Double], _ since: String?) {
    let standing = Self.standing(values, target: ">= 30%", asOf: "2026-01-26")
    #expect(standing.offSince?.description == since)
  }

  @Test func withoutAReadableTargetThereIsNoStatusButStillStaleness() {
    #expect(Self.standing([20], target: "increase satisfaction", asOf: "2026-01-12").status == .noTarget)
    #expect(Self.standing([20], target: "increase satisfaction", asOf: "2026-01-13").status == .stale)
    #expect(Self.standing([20], target: nil, asOf: "2026-01-05").status == .noTarget)
    #expect(Self.standing([], target: ">= 30%", asOf: "2026-01-05").status == .noReadings)
  }
}

import Foundation
import Testing

@testable import KPICascade

@Suite("Readings and reviews in the reducer")
struct ReadingsApplyTests {
  static func reading(
    _ kpi: String, _ day: String = "2026-03-02", _ value: Double = 1, confidence: Int? = nil
  )
    -> Reading
  {
    Reading(kpi: kpi, day: ScorecardRoom.day(day), value: value, confidence: confidence)
  }

  /// c1 ← k1 (d1) ← i1, i2; c1 ← k2 (d2) ← i3; every KPI read once.
  static func cascade() throws -> Cascade {
    var room = ScorecardRoom()
    room.company("c1", target: ">= 85%")
    room.department("d1")
    room.department("d2")
    room.indicator("k1", in: "d1", moves: "c1", target: ">= 30%")
    room.indicator("k2", in: "d2", moves: "c1", target: ">= 30%")
    room.individual("i1", under: "k1", target: ">= 5")
    room.individual("i2", under: "k1", target: ">= 5")
    room.individual("i3", under: "k2", target: ">= 5")
    room.append(.readingsRecorded(readings: ["c1", "k1", "k2", "i1", "i2", "i3"].map { reading($0) }))
    return try room.cascade()
  }

  @Test(arguments: [
    ([reading("k1"), reading("nope")], CascadeError.unknownReference(kind: "KPI", id: "nope")),
    ([], .invalid("no readings to record")),
    ([reading("k1", "2026-03-02", .nan)], .invalid("a reading of 'k1' is not a number")),
    ([reading("k1", "2026-03-02", .infinity)], .invalid("a reading of 'k1' is not a number")),
    ([reading("k1", confidence: 11)], .invalid("confidence 11 is not 0–10")),
    ([reading("k1", confidence: -1)], .invalid("confidence -1 is not 0–10")),
    ([reading("k1", "2026-03-09"), reading("d1")], .unknownReference(kind: "KPI", id: "d1")),
  ])
  func badReadingsAreRefusedWholesale(_ readings: [Reading], _ error: CascadeError) throws {
    var cascade = try Self.cascade()
    let before = cascade
    #expect(throws: error) { try cascade.apply(.readingsRecorded(readings: readings)) }
    #expect(cascade == before)
  }

  @Test func readingsAtEveryLevelAreRecorded() throws {
    var cascade = try Self.cascade()
    try cascade.apply(
      .readingsRecorded(readings: [
        Self.reading("i1", "2026-03-09", 7, confidence: 10),
        Self.reading("c1", "2026-03-09", 88, confidence: 0),
      ]))
    #expect(cascade.scorecard.count == 8)
    #expect(cascade.scorecard.readings(of: "i1").map(\.value) == [1, 7])
    #expect(cascade.scorecard.readings(of: "c1").last?.confidence == 0)
  }

  @Test func removingADepartmentKPIDropsItsReadingsAndThoseOfItsLevelThree() throws {
    var cascade = try Self.cascade()
    try cascade.apply(.removed(id: "k1", reason: nil))
    #expect(cascade.scorecard.kpis == ["c1", "k2", "i3"])
    #expect(cascade.scorecard.count == 3)
    #expect(cascade.individualKPIs.map(\.id) == ["i3"])
  }

  @Test func removingADepartmentDropsTheReadingsOfEverythingInIt() throws {
    var cascade = try Self.cascade()
    try cascade.apply(.removed(id: "d2", reason: nil))
    #expect(cascade.scorecard.kpis == ["c1", "k1", "i1", "i2"])
    #expect(cascade.scorecard.count == 4)
  }

  @Test func removingALevelThreeKPIDropsOnlyItsReadings() throws {
    var cascade = try Self.cascade()
    try cascade.apply(.removed(id: "i2", reason: nil))
    #expect(cascade.scorecard.kpis == ["c1", "k1", "k2", "i1", "i3"])
    // A KPI added later under the same id starts with no readings.
    try cascade.apply(.individualKPIAdded(id: "i2", parent: "k1", name: "Again"))
    #expect(cascade.scorecard.readings(of: "i2").isEmpty)
  }

  @Test func aRemovalThatFailsKeepsTheReadings() throws {
    var cascade = try Self.cascade()
    let before = cascade
    #expect(throws: CascadeError.self) { try cascade.apply(.removed(id: "c1", reason: nil)) }
    #expect(cascade == before)
  }

  @Test func reviewHeld() throws {
    var cascade = try Self.cascade()
    let day = ScorecardRoom.day("2026-03-09")
    try cascade.apply(.reviewHeld(kind: .operational, on: day, offTrack: ["k1", "i1"]))
    #expect(cascade.reviews == [Review(kind: .operational, day: day, offTrack: ["k1", "i1"])])
    #expect(cascade.reviews.first?.pending == ["k1", "i1"])
    // A review with nothing off track is still a review held.
    try cascade.apply(.reviewHeld(kind: .strategic, on: day, offTrack: []))
    #expect(cascade.reviews.map(\.kind) == [.operational, .strategic])

    let before = cascade
    #expect(throws: CascadeError.unknownReference(kind: "KPI", id: "k9")) {
      try cascade.apply(.reviewHeld(kind: .operational, on: day, offTrack: ["k1", "k9"]))
    }
    #expect(throws: CascadeError.invalid("a KPI is listed twice in one review")) {
      try cascade.apply(.reviewHeld(kind: .operational, on: day, offTrack: ["k1", "k1"]))
    }
    #expect(cascade == before)
  }

  @Test func varianceRecordedAtTheLatestReview() throws {
    var cascade = try Self.cascade()
    #expect(throws: CascadeError.invalid("no review has been held")) {
      try cascade.apply(.varianceRecorded(kpi: "k1", explanation: "x", plan: "y"))
    }
    try cascade.apply(.reviewHeld(kind: .operational, on: ScorecardRoom.day("2026-03-02"), offTrack: ["k2"]))
    try cascade.apply(
      .reviewHeld(kind: .operational, on: ScorecardRoom.day("2026-03-09"), offTrack: ["k1", "i1"]))
    // k2 was off track at the earlier review only.
    #expect(throws: CascadeError.invalid("'KPI k2' was not off track at the review of 2026-03-09")) {
      try cascade.apply(.varianceRecorded(kpi: "k2", explanation: "late", plan: nil))
    }
    try cascade.apply(.varianceRecorded(kpi: "i1", explanation: "Two reps out", plan: "Cover from inbound"))
    try cascade.apply(.varianceRecorded(kpi: "k1", explanation: nil, plan: nil))
    #expect(throws: CascadeError.invalid("'KPI k1' was already discussed at the review of 2026-03-09")) {
      try cascade.apply(.varianceRecorded(kpi: "k1", explanation: "again", plan: nil))
    }
    let latest = try #require(cascade.reviews.last)
    #expect(latest.variances.map(\.kpi) == ["i1", "k1"])
    #expect(
      latest.variance(of: "i1")
        == Variance(kpi: "i1", explanation: "Two reps out", plan: "Cover from inbound"))
    #expect(latest.variance(of: "k1") == Variance(kpi: "k1", explanation: nil, plan: nil))
    #expect(latest.pending.isEmpty)
    #expect(cascade.reviews.first?.variances.isEmpty == true)
  }

  /// Files written before readings existed have neither key; they read as none, and a cascade
  /// with readings and reviews reads back equal.
  @Test func decodingWithAndWithoutReadings() throws {
    let old = #"""
      {"companyKPIs":[{"id":"c1","name":"Revenue","changes":[]}],"departments":[],"contributions":[],
       "individualKPIs":[],"conflicts":[],"governance":{},"overrides":[]}
      """#
    let decoded = try JSONDecoder().decode(Cascade.self, from: Data(old.utf8))
    #expect(decoded.scorecard.isEmpty)
    #expect(decoded.reviews.isEmpty)
    #expect(decoded.companyKPIs.map(\.id) == ["c1"])

    var cascade = try Self.cascade()
    try cascade.apply(.reviewHeld(kind: .strategic, on: ScorecardRoom.day("2026-03-09"), offTrack: ["c1"]))
    try cascade.apply(.varianceRecorded(kpi: "c1", explanation: "Churn", plan: "Save desk"))
    let data = try JSONEncoder().encode(cascade)
    #expect(try JSONDecoder().decode(Cascade.self, from: data) == cascade)
  }

  @Test func decodingRefusesReadingsOfUnknownKPIsOnValidation() throws {
    var cascade = try Self.cascade()
    cascade.scorecard.record([Self.reading("ghost")])
    #expect(throws: CascadeError.invalid("readings: refers to KPI 'ghost', which does not exist")) {
      try cascade.validate()
    }
  }
}

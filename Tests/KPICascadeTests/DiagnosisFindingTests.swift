import Testing

@testable import KPICascade

@Suite("Diagnosis: calibration and the findings that trace nothing")
struct DiagnosisFindingTests {
  static let start = DiagnosisRankingTests.start

  static func week(_ n: Int) -> CalendarDay {
    DiagnosisRankingTests.week(n)
  }

  /// The company KPI turns on 2026-03-16; k1, stated `stated` days, drops `lag` days before.
  static func calibration(stated: Int, lag: Int) throws -> Diagnosis.Calibration? {
    var room = DiagnosisRankingTests.room()
    room.indicator("k1", in: "d1", moves: "c1", target: ">= 50", lead: stated)
    let drop = week(10).adding(days: -lag)
    let readings = (-5...1).map { offset in
      Reading(kpi: "k1", day: drop.adding(days: 7 * offset), value: offset < 0 ? 100 : 80)
    }
    room.append(.readingsRecorded(readings: readings))
    let diagnosis = Diagnosis(of: "c1", in: try room.cascade(), asOf: week(15))
    #expect(diagnosis.indicators.map(\.lagDays) == [lag])
    return diagnosis.calibration.first
  }

  /// Agreement within max(7 days, 25% of the stated lead), boundaries included.
  @Test(arguments: [
    (20, 27, true), (20, 28, false), (20, 13, true), (20, 12, false), (20, 20, true),
    (40, 50, true), (40, 51, false), (40, 30, true), (40, 29, false),
    (28, 35, true), (28, 36, false), (28, 21, true), (28, 20, false),
    (60, 75, true), (60, 76, false), (60, 45, true), (60, 44, false),
  ])
  func calibrationTolerance(_ stated: Int, _ lag: Int, _ agrees: Bool) throws {
    let calibration = try #require(try Self.calibration(stated: stated, lag: lag))
    #expect(
      calibration == Diagnosis.Calibration(kpi: "k1", statedDays: stated, observedDays: lag, agrees: agrees))
  }

  /// A lagging KPI (lead 0) and one with no stated lead have nothing to calibrate.
  @Test func nothingToCalibrateWithoutAStatedLead() throws {
    #expect(try Self.calibration(stated: 0, lag: 21) == nil)
    var room = DiagnosisRankingTests.room()
    room.indicator("k1", in: "d1", moves: "c1", target: ">= 50")
    room.weekly("k1", from: Self.start, DiagnosisRankingTests.drop(at: 7))
    let diagnosis = Diagnosis(of: "c1", in: try room.cascade(), asOf: Self.week(15))
    #expect(diagnosis.indicators.map(\.match) == [0.5])
    #expect(diagnosis.calibration.isEmpty)
  }

  @Test func noReadingsOfTheKPI() throws {
    var room = DiagnosisRankingTests.room(weeks: 0)
    room.indicator("k1", in: "d1", moves: "c1", target: ">= 50", lead: 28)
    room.weekly("k1", from: Self.start, DiagnosisRankingTests.drop(at: 6))
    let diagnosis = Diagnosis(of: "c1", in: try room.cascade(), asOf: Self.week(15))
    #expect(diagnosis.finding == .noReadings)
    #expect(diagnosis.standing.status == .noReadings)
    #expect(diagnosis.indicators.isEmpty)
    #expect(diagnosis.episode == nil)
    // Readings after the day asked about do not count.
    let early = Diagnosis(of: "k1", in: try room.cascade(), asOf: ScorecardRoom.day("2026-01-04"))
    #expect(early.finding == .noReadings)
  }

  /// On track, but indicators beneath have turned and not come back: the early warnings, with
  /// no lag because the KPI has not turned. One that recovered is not listed.
  @Test func notTurnedListsTheEarlyWarnings() throws {
    var room = DiagnosisRankingTests.room(companyDropWeek: 99)
    room.indicator("k1", in: "d1", moves: "c1", target: ">= 50", lead: 28, owner: "Kim Cho")
    room.indicator("k2", in: "d2", moves: "c1", target: ">= 50", lead: 28)
    room.indicator("k3", in: "d3", moves: "c1", target: ">= 50", lead: 28)
    room.weekly("k1", from: Self.start, DiagnosisRankingTests.drop(at: 14))
    room.weekly(
      "k2", from: Self.start, [100, 100, 100, 100, 100, 70, 70, 100, 100, 100, 100, 100, 100, 100, 100, 100])
    room.weekly("k3", from: Self.start, Array(repeating: 100, count: 16))
    let diagnosis = Diagnosis(of: "c1", in: try room.cascade(), asOf: Self.week(15))
    #expect(diagnosis.finding == .notTurned)
    #expect(diagnosis.episode == nil)
    #expect(diagnosis.standing.status == .onTrack)
    #expect(diagnosis.indicators.map(\.kpi) == ["k1"])
    #expect(diagnosis.indicators.first?.episode.onset.description == "2026-04-13")
    #expect(diagnosis.indicators.first?.lagDays == nil)
    #expect(diagnosis.indicators.first?.owner == "Kim Cho")
    #expect(diagnosis.calibration.isEmpty)
    // A week earlier nothing had turned yet.
    let before = Diagnosis(of: "c1", in: try room.cascade(), asOf: Self.week(13))
    #expect(before.finding == .notTurned)
    #expect(before.indicators.isEmpty)
  }

  @Test func nothingMeasuredBeneath() throws {
    var room = DiagnosisRankingTests.room()
    let alone = Diagnosis(of: "c1", in: try room.cascade(), asOf: Self.week(15))
    #expect(alone.finding == .nothingMeasuredBeneath)
    room.indicator("k1", in: "d1", moves: "c1", target: ">= 50", lead: 28)
    room.individual("i1", under: "k1", target: ">= 50")
    let unmeasured = Diagnosis(of: "c1", in: try room.cascade(), asOf: Self.week(15))
    #expect(unmeasured.finding == .nothingMeasuredBeneath)
    #expect(unmeasured.episode?.onset.description == "2026-03-16")
    // Readings that start after the day asked about are not measurements yet.
    room.weekly("k1", from: "2026-04-27", [100, 100])
    let later = Diagnosis(of: "c1", in: try room.cascade(), asOf: Self.week(15))
    #expect(later.finding == .nothingMeasuredBeneath)
  }

  /// Measured beneath, but nothing turned before the KPI did: the cause lies outside the
  /// cascade. A Level 3 KPI measured under an unmeasured department KPI counts as measured.
  @Test func outsideTheCascade() throws {
    var room = DiagnosisRankingTests.room()
    room.indicator("k1", in: "d1", moves: "c1", target: ">= 50", lead: 28)
    room.indicator("k2", in: "d2", moves: "c1", target: ">= 50", lead: 28)
    room.individual("i1", under: "k2", target: ">= 50")
    room.weekly("i1", from: Self.start, Array(repeating: 100, count: 16))
    let underLevelThree = Diagnosis(of: "c1", in: try room.cascade(), asOf: Self.week(15))
    #expect(underLevelThree.finding == .outsideCascade)
    room.weekly("k1", from: Self.start, (0..<16).map { 100 - 0.5 * Double($0) })
    let diagnosis = Diagnosis(of: "c1", in: try room.cascade(), asOf: Self.week(15))
    #expect(diagnosis.finding == .outsideCascade)
    #expect(diagnosis.indicators.isEmpty)
    #expect(diagnosis.chain.isEmpty)
    #expect(diagnosis.episode?.onset.description == "2026-03-16")
    #expect(diagnosis.standing.status == .offTrack)
  }

  /// A department KPI nobody measures does not hide the Level 3 KPIs beneath it: they are
  /// ranked in its place, their lag to the company KPI's turn.
  @Test func levelThreeUnderAnUnmeasuredDepartmentKPI() throws {
    var room = DiagnosisRankingTests.room()
    room.indicator("k1", in: "d1", moves: "c1", target: ">= 50", lead: 28, owner: "Kim Cho")
    room.indicator("k2", in: "d2", moves: "c1", target: ">= 50", lead: 28)
    room.individual("i1", under: "k1", target: ">= 50")
    room.individual("i2", under: "k1", target: ">= 50", owner: "Sam Roe")
    room.weekly("i1", from: Self.start, Array(repeating: 100, count: 16))
    room.weekly("i2", from: Self.start, DiagnosisRankingTests.drop(at: 7))
    room.weekly("k2", from: Self.start, DiagnosisRankingTests.drop(at: 8, to: 88))
    let diagnosis = Diagnosis(of: "c1", in: try room.cascade(), asOf: Self.week(15))
    #expect(diagnosis.finding == .traced)
    #expect(diagnosis.indicators.map(\.kpi) == ["i2", "k2"])
    let first = try #require(diagnosis.indicators.first)
    #expect(first.level == .individual)
    #expect(first.lagDays == 21)
    #expect(first.owner == "Sam Roe")
    #expect(first.department == "d1")
    #expect(diagnosis.chain.map(\.kpi) == ["i2"])
  }

  /// Diagnosis as of a day before the dip sees the KPI as it was then.
  @Test func asOfADayBeforeTheDip() throws {
    var room = DiagnosisRankingTests.room()
    room.indicator("k1", in: "d1", moves: "c1", target: ">= 50", lead: 28)
    room.weekly("k1", from: Self.start, DiagnosisRankingTests.drop(at: 6))
    let cascade = try room.cascade()
    #expect(Diagnosis(of: "c1", in: cascade, asOf: Self.week(9)).finding == .notTurned)
    #expect(Diagnosis(of: "c1", in: cascade, asOf: Self.week(9)).indicators.map(\.kpi) == ["k1"])
    let atTheDip = Diagnosis(of: "c1", in: cascade, asOf: Self.week(10))
    #expect(atTheDip.finding == .traced)
    #expect(atTheDip.indicators.map(\.lagDays) == [28])
  }
}

import Testing

@testable import KPICascade

/// Ranking on hand-made weekly series from Monday 2026-01-05 (week n is 2026-01-05 + 7n days).
/// The company KPI c1 (≥ 85%) reads 90 and drops to 80 in week 10, 2026-03-16, unless said
/// otherwise; the indicators' targets (≥ 50) are never missed, so only their falls count.
@Suite("Diagnosis: ranking the indicators that turned first")
struct DiagnosisRankingTests {
  static let start = "2026-01-05"

  static func week(_ n: Int) -> CalendarDay {
    ScorecardRoom.day(start).adding(days: 7 * n)
  }

  /// 100 until `dropWeek`, then `low` for the rest of `weeks`.
  static func drop(at dropWeek: Int, to low: Double = 80, weeks: Int = 16) -> [Double] {
    (0..<weeks).map { $0 < dropWeek ? 100 : low }
  }

  /// c1 with owner, three departments, and the company KPI's readings.
  static func room(companyDropWeek: Int = 10, weeks: Int = 16) -> ScorecardRoom {
    var room = ScorecardRoom()
    room.company("c1", target: ">= 85%", owner: "Ava Stone")
    room.department("d1", head: "Hana Ito")
    room.department("d2", head: "Omar Said")
    room.department("d3", head: "Lee Park")
    if weeks > 0 {
      room.weekly("c1", from: start, (0..<weeks).map { $0 < companyDropWeek ? 90 : 80 })
    }
    return room
  }

  @Test func theLagThatBestMatchesItsStatedLeadRanksFirst() throws {
    var room = Self.room()
    room.indicator("k1", in: "d1", moves: "c1", target: ">= 50", lead: 28, owner: "Kim Cho")
    room.indicator("k2", in: "d2", moves: "c1", target: ">= 50", lead: 28)
    room.indicator("k3", in: "d3", moves: "c1", target: ">= 50", lead: 14, owner: "Raj Patel")
    room.weekly("k1", from: Self.start, Self.drop(at: 6))
    room.weekly("k2", from: Self.start, Self.drop(at: 8))
    room.weekly("k3", from: Self.start, Self.drop(at: 4))
    let diagnosis = Diagnosis(of: "c1", in: try room.cascade(), asOf: Self.week(15))

    #expect(diagnosis.finding == .traced)
    #expect(diagnosis.episode?.onset.description == "2026-03-16")
    #expect(diagnosis.indicators.map(\.kpi) == ["k1", "k2", "k3"])
    #expect(
      diagnosis.indicators.map(\.episode.onset.description) == ["2026-02-16", "2026-03-02", "2026-02-02"])
    #expect(diagnosis.indicators.map(\.lagDays) == [28, 14, 42])
    #expect(diagnosis.indicators.map(\.statedLeadDays) == [28, 28, 14])
    #expect(diagnosis.indicators.map(\.match) == [1, 0.5, 1 - 28.0 / 42])
    // A 20% fall is 0.8 of full severity; score = 0.8 × (0.5 + 0.5 × match).
    let scores = diagnosis.indicators.map(\.score)
    #expect(zip(scores, [0.8, 0.6, 0.8 * (0.5 + 0.5 / 3)]).allSatisfy { abs($0 - $1) < 1e-12 }, "\(scores)")
    #expect(diagnosis.indicators.map(\.owner) == ["Kim Cho", "Omar Said", "Raj Patel"])
    #expect(diagnosis.indicators.map(\.department) == ["d1", "d2", "d3"])
    #expect(diagnosis.indicators.allSatisfy { $0.level == .department })
    #expect(diagnosis.chain.map(\.kpi) == ["k1"])
    #expect(
      diagnosis.calibration == [
        .init(kpi: "k1", statedDays: 28, observedDays: 28, agrees: true),
        .init(kpi: "k2", statedDays: 28, observedDays: 14, agrees: false),
        .init(kpi: "k3", statedDays: 14, observedDays: 42, agrees: false),
      ])
  }

  @Test func anEqualScoreGoesToTheEarlierTurnThenToTheID() throws {
    var room = Self.room()
    room.indicator("k2", in: "d1", moves: "c1", target: ">= 50", lead: 14)
    room.indicator("k1", in: "d2", moves: "c1", target: ">= 50", lead: 28)
    room.indicator("k3", in: "d3", moves: "c1", target: ">= 50", lead: 28)
    room.weekly("k2", from: Self.start, Self.drop(at: 8))
    room.weekly("k1", from: Self.start, Self.drop(at: 6))
    room.weekly("k3", from: Self.start, Self.drop(at: 6))
    let diagnosis = Diagnosis(of: "c1", in: try room.cascade(), asOf: Self.week(15))
    #expect(Set(diagnosis.indicators.map(\.score)).count == 1)
    #expect(diagnosis.indicators.map(\.kpi) == ["k1", "k3", "k2"])
  }

  /// A 30% fall whose lag is half its lead outranks a 12% fall right on time; the same fall
  /// that had recovered before the company KPI turned weighs half and does not.
  @Test(arguments: [(false, ["k2", "k1"]), (true, ["k1", "k2"])])
  func howHardItFellWeighsMoreThanTheLag(_ recovered: Bool, _ order: [String]) throws {
    var room = Self.room()
    room.indicator("k1", in: "d1", moves: "c1", target: ">= 50", lead: 28)
    room.indicator("k2", in: "d2", moves: "c1", target: ">= 50", lead: 28)
    room.weekly("k1", from: Self.start, Self.drop(at: 6, to: 88))
    var k2 = Self.drop(at: 7, to: 70)
    if recovered { k2[9...] = [100, 100, 100, 100, 100, 100, 100] }
    room.weekly("k2", from: Self.start, k2)
    let diagnosis = Diagnosis(of: "c1", in: try room.cascade(), asOf: Self.week(15))
    #expect(diagnosis.indicators.map(\.kpi) == order)
    let k2Indicator = try #require(diagnosis.indicators.first { $0.kpi == "k2" })
    #expect(k2Indicator.lagDays == 21)
    #expect(k2Indicator.episode.recovery == (recovered ? Self.week(9) : nil))
    let expected = 1 * (0.5 + 0.5 * 0.75) * (recovered ? 0.5 : 1)
    #expect(abs(k2Indicator.score - expected) < 1e-12)
    let k1Indicator = try #require(diagnosis.indicators.first { $0.kpi == "k1" })
    #expect(abs(k1Indicator.score - 0.48) < 1e-12)
  }

  /// Level 3 KPIs beneath the chosen department KPI that turned before it extend the chain.
  @Test func levelThreeBeneathExtendsTheChain() throws {
    var room = Self.room()
    room.indicator("k1", in: "d1", moves: "c1", target: ">= 50", lead: 28, owner: "Kim Cho")
    room.indicator("k2", in: "d2", moves: "c1", target: ">= 50", lead: 28)
    room.individual("i1", under: "k1", target: ">= 50")
    room.individual("i2", under: "k1", target: ">= 50", owner: "Sam Roe")
    room.individual("i3", under: "k1", target: ">= 50", owner: "Ola Berg")
    room.individual("i4", under: "k2", target: ">= 50", owner: "Ines Gil")
    room.weekly("k1", from: Self.start, Self.drop(at: 6))
    room.weekly("k2", from: Self.start, Self.drop(at: 8))
    room.weekly("i1", from: Self.start, Self.drop(at: 4))  // two weeks before k1
    room.weekly("i2", from: Self.start, Self.drop(at: 3, to: 89))  // earlier, but an 11% fall
    room.weekly("i3", from: Self.start, Self.drop(at: 7))  // after k1: not a cause of it
    room.weekly("i4", from: Self.start, Self.drop(at: 2))
    let diagnosis = Diagnosis(of: "c1", in: try room.cascade(), asOf: Self.week(15))

    #expect(diagnosis.chain.map(\.kpi) == ["k1", "i1"])
    let k1 = try #require(diagnosis.indicators.first)
    #expect(k1.beneath.map(\.kpi) == ["i1", "i2"])
    #expect(k1.beneath.map(\.lagDays) == [14, 21])
    #expect(k1.beneath.map(\.episode.onset.description) == ["2026-02-02", "2026-01-26"])
    #expect(k1.beneath.map(\.owner) == ["Hana Ito", "Sam Roe"])  // no owner: the department's head
    #expect(k1.beneath.map(\.department) == ["d1", "d1"])
    #expect(k1.beneath.allSatisfy { $0.level == .individual && $0.statedLeadDays == nil && $0.match == 0.5 })
    #expect(diagnosis.indicators.last?.beneath.map(\.kpi) == ["i4"])

    // Diagnosing the department KPI itself walks the same Level 3.
    let department = Diagnosis(of: "k1", in: try room.cascade(), asOf: Self.week(15))
    #expect(department.finding == .traced)
    #expect(department.indicators.map(\.kpi) == ["i1", "i2"])
    #expect(department.standing.cadence == .weekly)
  }

  /// A turn counts within 91 days before the dip, or three stated lead times when longer.
  @Test func lookbackWindow() throws {
    var room = Self.room(companyDropWeek: 20, weeks: 26)
    room.indicator("k1", in: "d1", moves: "c1", target: ">= 50", lead: 28)
    room.indicator("k2", in: "d2", moves: "c1", target: ">= 50", lead: 28)
    room.indicator("k3", in: "d3", moves: "c1", target: ">= 50", lead: 35)
    room.weekly("k1", from: Self.start, Self.drop(at: 7, weeks: 26))  // 91 days before
    room.weekly("k2", from: Self.start, Self.drop(at: 6, weeks: 26))  // 98 days before
    room.weekly("k3", from: Self.start, Self.drop(at: 6, weeks: 26))  // 98 days, within 3 × 35
    let diagnosis = Diagnosis(of: "c1", in: try room.cascade(), asOf: Self.week(25))
    #expect(diagnosis.episode?.onset.description == "2026-05-25")
    #expect(Set(diagnosis.indicators.map(\.kpi)) == ["k1", "k3"])
    #expect(diagnosis.indicators.first { $0.kpi == "k1" }?.lagDays == 91)
    #expect(diagnosis.indicators.first { $0.kpi == "k3" }?.lagDays == 98)
  }

  /// Of several turns in the window, the one that explains the dip best: here a 30% fall on
  /// time that recovered, not the later graze of the target that did not fall at all.
  @Test func theBestTurnInTheWindowIsTheOneRanked() throws {
    var room = Self.room()
    room.indicator("k1", in: "d1", moves: "c1", target: ">= 95", lead: 28)
    room.weekly(
      "k1", from: Self.start, [100, 100, 100, 100, 100, 100, 70, 70, 100, 94, 94, 94, 94, 94, 94, 94])
    let diagnosis = Diagnosis(of: "c1", in: try room.cascade(), asOf: Self.week(15))
    let k1 = try #require(diagnosis.indicators.first)
    #expect(k1.episode.onset == Self.week(6))
    #expect(k1.lagDays == 28)
    #expect(k1.score == 0.5)
  }

  @Test func aTurnOnTheSameDayOrAfterIsNotACause() throws {
    var room = Self.room()
    room.indicator("k1", in: "d1", moves: "c1", target: ">= 50", lead: 28)
    room.indicator("k2", in: "d2", moves: "c1", target: ">= 50", lead: 28)
    room.weekly("k1", from: Self.start, Self.drop(at: 10))
    room.weekly("k2", from: Self.start, Self.drop(at: 12))
    let diagnosis = Diagnosis(of: "c1", in: try room.cascade(), asOf: Self.week(15))
    #expect(diagnosis.finding == .outsideCascade)
    #expect(diagnosis.indicators.isEmpty)
  }

  /// Indicators under another company KPI are not walked.
  @Test func onlyTheKPIsBeneathAreWalked() throws {
    var room = Self.room()
    room.company("c2", target: ">= 10%")
    room.indicator("k1", in: "d1", moves: "c2", target: ">= 50", lead: 28)
    room.weekly("k1", from: Self.start, Self.drop(at: 6))
    let diagnosis = Diagnosis(of: "c1", in: try room.cascade(), asOf: Self.week(15))
    #expect(diagnosis.finding == .nothingMeasuredBeneath)
  }
}

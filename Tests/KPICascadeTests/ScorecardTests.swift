import Foundation
import Testing

@testable import KPICascade

@Suite("Scorecard")
struct ScorecardTests {
  static func reading(_ kpi: String, _ day: String, _ value: Double, note: String? = nil) -> Reading {
    Reading(kpi: kpi, day: ScorecardRoom.day(day), value: value, note: note)
  }

  @Test func aSecondReadingOnTheSameDayReplacesTheFirst() {
    var scorecard = Scorecard([Self.reading("k1", "2026-03-02", 10), Self.reading("k1", "2026-03-09", 11)])
    scorecard.record([Self.reading("k1", "2026-03-02", 12, note: "corrected")])
    #expect(scorecard.count == 2)
    #expect(scorecard.readings(of: "k1").map(\.value) == [12, 11])
    #expect(scorecard.readings(of: "k1").first?.note == "corrected")
    // Within one batch too: the later one wins.
    scorecard.record([Self.reading("k1", "2026-03-09", 20), Self.reading("k1", "2026-03-09", 21)])
    #expect(scorecard.count == 2)
    #expect(scorecard.readings(of: "k1").map(\.value) == [12, 21])
  }

  @Test func readingsOutOfOrderAreKeptInDayOrder() {
    let scorecard = Scorecard([
      Self.reading("k1", "2026-03-16", 3), Self.reading("k1", "2026-03-02", 1),
      Self.reading("k1", "2026-03-23", 4),
      Self.reading("k1", "2026-03-09", 2), Self.reading("k1", "2026-02-23", 0),
    ])
    #expect(scorecard.count == 5)
    #expect(scorecard.readings(of: "k1").map(\.value) == [0, 1, 2, 3, 4])
    #expect(
      scorecard.readings(of: "k1").map(\.day.description) == [
        "2026-02-23", "2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23",
      ])
  }

  @Test func throughADayIncludesThatDay() {
    let scorecard = Scorecard([
      Self.reading("k1", "2026-03-02", 1), Self.reading("k1", "2026-03-09", 2),
      Self.reading("k1", "2026-03-16", 3),
    ])
    #expect(scorecard.readings(of: "k1", through: ScorecardRoom.day("2026-03-09")).map(\.value) == [1, 2])
    #expect(scorecard.readings(of: "k1", through: ScorecardRoom.day("2026-03-15")).map(\.value) == [1, 2])
    #expect(scorecard.readings(of: "k1", through: ScorecardRoom.day("2026-03-01")).isEmpty)
    #expect(scorecard.readings(of: "k1", through: ScorecardRoom.day("2027-01-01")).count == 3)
    #expect(scorecard.readings(of: "nope", through: ScorecardRoom.day("2027-01-01")).isEmpty)
  }

  @Test func latestDayIsTheLatestOfAnyKPI() {
    var scorecard = Scorecard()
    #expect(scorecard.latestDay == nil)
    #expect(scorecard.isEmpty)
    scorecard.record([Self.reading("k1", "2026-03-09", 1), Self.reading("k2", "2026-03-23", 1)])
    scorecard.record([Self.reading("k1", "2026-03-02", 1)])
    #expect(scorecard.latestDay?.description == "2026-03-23")
  }

  @Test func keepOnlyDropsTheOtherKPIsAndTheirCount() {
    var scorecard = Scorecard([
      Self.reading("k1", "2026-03-02", 1), Self.reading("k1", "2026-03-09", 2),
      Self.reading("k2", "2026-03-02", 3),
      Self.reading("i1", "2026-03-02", 4),
    ])
    scorecard.keep(only: ["k1", "c1"])
    #expect(scorecard.kpis == ["k1"])
    #expect(scorecard.count == 2)
    #expect(scorecard.readings(of: "k2").isEmpty)
    #expect(scorecard.allReadings.map(\.value) == [1, 2])
    scorecard.keep(only: [])
    #expect(scorecard.isEmpty)
  }

  /// One flat list, by KPI id (as text) then day, whatever order the readings came in.
  @Test func encodesInKPIThenDayOrderAndReadsBack() throws {
    let scorecard = Scorecard([
      Self.reading("k2", "2026-03-02", 5), Self.reading("k10", "2026-03-09", 4),
      Self.reading("k1", "2026-03-09", 2),
      Self.reading("k1", "2026-03-02", 1), Self.reading("k10", "2026-03-02", 3),
    ])
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let json = String(decoding: try encoder.encode(scorecard), as: UTF8.self)
    #expect(
      json == #"[{"day":"2026-03-02","kpi":"k1","value":1},{"day":"2026-03-09","kpi":"k1","value":2},"#
        + #"{"day":"2026-03-02","kpi":"k10","value":3},{"day":"2026-03-09","kpi":"k10","value":4},"#
        + #"{"day":"2026-03-02","kpi":"k2","value":5}]"#)
    let decoded = try JSONDecoder().decode(Scorecard.self, from: Data(json.utf8))
    #expect(decoded == scorecard)
    #expect(decoded.count == 5)
  }

  /// A hand-edited file with readings out of order and a day twice reads as the scorecard the
  /// same readings recorded in that order would make.
  @Test func decodingAnUnorderedListOrdersItAndLaterWins() throws {
    let json = #"""
      [{"kpi":"k1","day":"2026-03-09","value":2},{"kpi":"k1","day":"2026-03-02","value":1},
       {"kpi":"k1","day":"2026-03-09","value":7,"note":"recount","confidence":8,"recordedBy":"Kim"}]
      """#
    let decoded = try JSONDecoder().decode(Scorecard.self, from: Data(json.utf8))
    #expect(decoded.count == 2)
    #expect(decoded.readings(of: "k1").map(\.value) == [1, 7])
    let last = try #require(decoded.readings(of: "k1").last)
    #expect(last.note == "recount" && last.confidence == 8 && last.recordedBy == "Kim")
  }
}

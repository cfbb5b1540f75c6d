import KPICascade
import Testing

@testable import Workshop

/// `/check` fits the projector: at most 20 lines of at most 120 columns however much is open;
/// `/check all` and `/check TEST` give the rest.
@Suite("/check on the projector")
struct CheckSummaryTests {
  /// A complete workshop the room then spoils: owners that are teams, targets that are goals,
  /// lead times out of the window, so several tests fail and warn at once.
  static func messyRoom() -> Room {
    var room = Room.complete()
    for (index, kpi) in room.cascade.departmentKPIs.enumerated() {
      room.say(#"/owner "\#(kpi.name)" Sales team"#)
      room.say(#"/retarget "\#(kpi.name)" be the best"#, "be the best")
      room.say(#"/lead "\#(kpi.name)" \#(index % 2 == 0 ? 5 : 200)"#)
    }
    return room
  }

  @Test func theSummaryFitsTwentyLinesOfAHundredAndTwentyColumns() throws {
    var room = Self.messyRoom()
    let summary = room.say("/check").text.split(separator: "\n", omittingEmptySubsequences: false)
    let body = summary.prefix { !$0.hasPrefix("Still open: ") }
    #expect(body.count <= CheckReport.summaryLines)
    #expect(body.allSatisfy { $0.count <= 120 })
    #expect(body.contains { $0.hasPrefix("Most important (5 of ") })
    #expect(body.last == "/check all lists every finding; /check TEST one test (e.g. /check link).")
  }

  @Test func aLargeSampleSummaryStaysWithinTwentyLines() {
    let (session, _) = SampleSession.generate(.init(departments: 40, kpisPerDepartment: 3))
    let summary = CheckReport(cascade: session.cascade, style: .plain).summary().split(separator: "\n")
    #expect(summary.count <= CheckReport.summaryLines)
    #expect(summary.allSatisfy { $0.count <= 120 })
  }

  @Test func allListsEveryFindingAndATestListsOnlyItsOwn() {
    var room = Self.messyRoom()
    let all = room.say("/check all").text
    let everything = CheckReport(cascade: room.cascade, style: .plain).text()
    #expect(all.hasPrefix(everything))
    let link = room.say("/check link").text
    #expect(link.hasPrefix("[") && link.contains("One-sentence link"))
    #expect(!link.contains("Accountability"))
    #expect(
      room.say("/check nonsense").refusal
        == "No test called 'nonsense'. /check all, or one of: lock, counts, line-of-sight, link, lead-time, target, activity, conflicts, accountability, governance, miss-policy."
    )
  }
}

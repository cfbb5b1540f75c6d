import Foundation
import KPICascade
import Testing

@testable import Workshop

/// `/record`, `/readings`, `/dashboard`, `/review` and `/diagnose` driven as the room types them.
@Suite struct ReadingsCommandTests {
  /// Twenty weekly readings of the fixture's KPIs from 2026-01-05 (Fixtures/acme-readings.csv,
  /// shared with the end-to-end tests): everything healthy with a small repeating wobble,
  /// Marketing qualified leads (k2, stated lead 60 days) dropping 28% from 2026-02-02, Revenue
  /// growth (c1) falling under its 20% target from 2026-03-30 (8 weeks later), and First
  /// contact resolution (k9) drifting slowly but harmlessly.
  static func scenario() -> String {
    Room.fixtureLines("acme-readings.csv").joined(separator: "\n") + "\n"
  }

  static func roomWithReadings() -> Room {
    var room = Room.complete()
    let file = try! ReadingsFile(Array(scenario().utf8), cascade: room.cascade)
    let reply = room.workshop.recordReadings(file, from: "scenario.csv", at: room.clock)
    #expect(reply.exchange != nil)
    return room
  }

  @Test func recordTakesTheTargetsUnitADateAndANoteAndSaysTheStatus() {
    var room = Room.complete()
    let reply = room.say("/record \"Revenue growth\" 18.5% 2026-03-02 Slow March because of the storm")
    #expect(reply.refusal == nil)
    #expect(reply.text.contains("Revenue growth: 18.5% on 2026-03-02 — off track against ≥ 20% YoY."))
    let reading = room.cascade.scorecard.readings(of: "c1").first
    #expect(reading?.value == 18.5)
    #expect(reading?.day.description == "2026-03-02")
    #expect(reading?.note == "Slow March because of the storm")
    #expect(room.session.exchanges.last?.answer.hasPrefix("/record") == true)
  }

  @Test func aNoteMayStartWithAWordThatHasADash() {
    var room = Room.complete()
    room.say("/record k1 3.2 follow-ups slipped")
    let reading = room.cascade.scorecard.readings(of: "k1").first
    #expect(reading?.day.description == "2026-11-26")
    #expect(reading?.note == "follow-ups slipped")
  }

  @Test func recordDefaultsToTodayAndKeepsConfidenceAndRecorder() {
    var room = Room.complete()
    room.say("/record k1 3.2 --confidence 7 --by \"Sam Lee\"")
    let reading = room.cascade.scorecard.readings(of: "k1").first
    #expect(reading?.day.description == "2026-11-26")
    #expect(reading?.confidence == 7)
    #expect(reading?.recordedBy == "Sam Lee")
  }

  @Test(arguments: [
    ("/record k1 3.4% 2026-03-02", "'3.4%' is a percentage, but the target is a multiple (x)."),
    ("/record k1 lots", "'lots' is not a number."),
    ("/record k1 3 2026-02-30", "'2026-02-30' is not a day (YYYY-MM-DD)."),
    (
      "/record k1 3 2026-11-27",
      "2026-11-27 is after today (2026-11-26): a reading records a day that has happened."
    ),
    ("/record Nothing 3", "No KPI called 'Nothing'."),
    ("/record k1 3 --confidence 12", "Confidence is a whole number from 0 to 10, not '12'."),
    ("/record k1", "Usage: /record KPI VALUE [DATE] [NOTE]"),
  ])
  func recordRefusesWhatItCannotRecord(line: String, message: String) {
    var room = Room.complete()
    let before = room.session.exchanges.count
    let reply = room.say(line)
    #expect(reply.refusal == message)
    #expect(room.session.exchanges.count == before)
    #expect(room.cascade.scorecard.isEmpty)
  }

  @Test func aSecondReadingOnTheSameDayReplacesTheFirstAndUndoBringsItBack() {
    var room = Room.complete()
    room.say("/record k1 3.1 2026-03-02")
    let reply = room.say("/record k1 3.3 2026-03-02")
    #expect(reply.text.contains("(replaces that day's reading)"))
    #expect(room.cascade.scorecard.readings(of: "k1").map(\.value) == [3.3])
    room.say("/undo")
    #expect(room.cascade.scorecard.readings(of: "k1").map(\.value) == [3.1])
  }

  @Test func aReadingsFileIsOneExchangeThatReplaysAndOneUndoTakesItBack() throws {
    var room = Self.roomWithReadings()
    #expect(room.cascade.scorecard.count == 13 * 20)
    let replayed = try Session(info: room.session.info, exchanges: room.session.exchanges)
    #expect(replayed.cascade == room.cascade)
    room.say("/undo")
    #expect(room.cascade.scorecard.isEmpty)
  }

  @Test func theDashboardShowsStatusesUnderTheirCompanyKPIsAndTheFlaggedVariances() {
    var room = Self.roomWithReadings()
    let text = room.say("/dashboard").text
    let lines = text.components(separatedBy: "\n")
    #expect(lines[0].hasPrefix("Executive dashboard · Acme Retail  as of 2026-05-18"))
    let revenue = lines.first { $0.hasPrefix("  Revenue growth ") }
    #expect(revenue?.contains("18.3%") == true)
    #expect(revenue?.contains("off track") == true)
    #expect(revenue?.contains("Dana Ruiz (CEO)") == true)
    let leads = lines.first { $0.contains("Marketing qualified leads") && $0.contains("327.2") }
    #expect(leads?.contains("off track") == true)
    let flagged = lines.drop { !$0.hasPrefix("Flagged variances") }.dropFirst()
    #expect(flagged.first?.contains("Marketing qualified leads") == true)
    #expect(flagged.first?.contains("off track 15 weeks (since 2026-02-02)") == true)
    #expect(flagged.first?.contains("call Mia Chen") == true)
    #expect(flagged.dropFirst().first?.contains("Revenue growth") == true)
    #expect(lines.allSatisfy { $0.count <= 120 }, "a line is wider than 120 columns")
  }

  @Test func theDashboardAsOfAnEarlierDayJudgesOnlyTheReadingsUntilThen() {
    var room = Self.roomWithReadings()
    let text = room.say("/dashboard --as-of 2026-01-26").text
    #expect(text.contains("as of 2026-01-26"))
    #expect(text.contains("None: every KPI with readings is on track or at risk."))
    #expect(room.say("/dashboard --as-of soon").refusal == "--as-of takes a day (YYYY-MM-DD), not 'soon'.")
  }

  @Test func onAScreenTheDashboardFitsItsRows() {
    var room = Self.roomWithReadings()
    room.workshop.screenRows = 39
    let text = room.say("/dashboard").text
    #expect(text.components(separatedBy: "\n").count <= 39)
    #expect(text.contains("as of 2026-05-18, the latest reading (192 days before today)"))
    // Too small a screen folds the on-track indicators of each group into one line.
    room.workshop.screenRows = 25
    let small = room.say("/dashboard").text
    #expect(small.contains("    Marketing   Marketing qualified leads"))
    #expect(small.contains("    [pass] 2 more on track (Sales 1, Customer Success 1)"))
    #expect(!small.contains("Qualified pipeline coverage"))
  }

  @Test func diagnoseNamesTheLeadingIndicatorThatTurnedFirstWithTheLagAndOwner() {
    var room = Self.roomWithReadings()
    let text = room.say("/diagnose Revenue growth").text
    #expect(text.contains("Revenue growth turned on 2026-03-30"))
    #expect(text.contains("← Marketing qualified leads · Marketing · call Mia Chen"))
    #expect(text.contains("turned 2026-02-02, 56 days before (stated lead 60 days): 450.3 → 320.1"))
    #expect(text.contains("call Mia Chen"))
    #expect(text.contains("Marketing qualified leads: stated 60 days, observed about 56"))
    let json = room.say("/diagnose c1 --format json").text
    let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    let chain = object?["chain"] as? [[String: Any]]
    #expect(chain?.first?["kpi"] as? String == "k2")
    #expect(chain?.first?["lagDays"] as? Int == 56)
    #expect(object?["finding"] as? String == "traced")
  }

  @Test func aReviewAsksEachOffTrackOwnerAndTheMissPolicyFlagsRepeats() {
    var room = Self.roomWithReadings()
    var reply = room.say("/review operational 2026-05-11")
    #expect(reply.text.contains("Operational review, 2026-05-11"))
    #expect(room.cascade.reviews.last?.offTrack == ["k2"])
    #expect(room.question?.key == .varianceExplanation(kpi: "k2"))
    #expect(room.question?.text.contains("Mia Chen, what explains the variance?") == true)
    room.say("The spring campaign was cut.")
    #expect(room.question?.key == .improvementPlan(kpi: "k2"))
    reply = room.say("skip")
    #expect(
      room.cascade.reviews.last?.variances == [
        Variance(kpi: "k2", explanation: "The spring campaign was cut.", plan: nil)
      ])
    #expect(room.question?.key != .improvementPlan(kpi: "k2"))
    // One miss is not a pattern yet.
    #expect(
      AlignmentReport(cascade: room.cascade).findings.first { $0.id == "miss-policy:k2" }?.verdict == .pass)
    #expect(
      room.say("/review operational 2026-05-04").refusal?.contains("reviews are recorded in order") == true)
    room.say("/review operational 2026-05-18", "skip", "skip")
    let finding = AlignmentReport(cascade: room.cascade).findings.first { $0.id == "miss-policy:k2" }
    #expect(finding?.verdict == .fail)
    #expect(
      finding?.reason
        == "off track at 2 consecutive operational reviews (2026-05-11, 2026-05-18) and no improvement plan recorded"
    )
    room.say("/undo")
    room.say("Relaunch the nurture campaign by 2026-06-15.")
    let planned = AlignmentReport(cascade: room.cascade).findings.first { $0.id == "miss-policy:k2" }
    #expect(planned?.verdict == .warn)
    #expect(
      planned?.reason.hasSuffix("improvement plan: \"Relaunch the nurture campaign by 2026-06-15.\"") == true)
  }

  @Test func theMissPolicyReadsTheNumberOfConsecutiveMissesFromGovernance() {
    #expect(MissPolicyCheck.misses(in: "Off target at two consecutive reviews: a plan") == 2)
    #expect(MissPolicyCheck.misses(in: "missed 3 reviews in a row means escalation") == 3)
    #expect(MissPolicyCheck.misses(in: "off track twice in a row") == 2)
    #expect(MissPolicyCheck.misses(in: "escalate to the CEO") == 2)
    #expect(MissPolicyCheck.misses(in: nil) == 2)
  }
}

import Testing

@testable import KPICascade

@Suite("LeadTime.parse")
struct LeadTimeTests {
  @Test(arguments: [
    ("45", 45), ("45 days", 45), ("45d", 45), ("1 day", 1), ("6 weeks", 42), ("6w", 42),
    ("2 months", 60), ("1 month", 30), ("a month", 30), ("a quarter", 90), ("1 quarter", 90),
    ("two weeks", 14), ("1.5 months", 45), ("about 45 days", 45), ("~6 weeks", 42),
    ("45 days ahead", 45), ("0", 0), ("none", 0), ("lagging", 0), ("after the fact", 0),
    ("  Lagging ", 0), ("After the fact", 0), ("3650", 3650),
  ])
  func readsDays(_ answer: String, _ days: Int) {
    #expect(LeadTime.parse(answer) == days)
  }

  @Test(arguments: [
    "soon", "-3", "", "lots", "a", "two", "45 years", "3 apples", "99999999999999999999 days", "3651 days",
    "9999999999999999 months",
  ])
  func refusesWhatItWouldHaveToGuess(_ answer: String) {
    #expect(LeadTime.parse(answer) == nil)
  }

  @Test func windowIsThirtyToSixtyDays() {
    #expect(LeadTime.window == 30...60)
  }
}

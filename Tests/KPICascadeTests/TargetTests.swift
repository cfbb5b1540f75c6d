import Testing

@testable import KPICascade

/// One way a room might say a target, and what it must read as.
struct TargetCase: CustomTestStringConvertible, Sendable {
  let text: String
  let direction: Target.Direction
  let value: Double
  let unit: Target.Unit?
  let period: String?
  let deadline: String?
  let summary: String

  init(
    _ text: String, _ direction: Target.Direction, _ value: Double, _ unit: Target.Unit? = nil,
    period: String? = nil, deadline: String? = nil, summary: String
  ) {
    self.text = text
    self.direction = direction
    self.value = value
    self.unit = unit
    self.period = period
    self.deadline = deadline
    self.summary = summary
  }

  var testDescription: String { "'\(text)'" }
}

@Suite("Target.parse")
struct TargetTests {
  static let cases: [TargetCase] = [
    TargetCase(">= 78%", .atLeast, 78, .percent, summary: "≥ 78%"),
    TargetCase("≥ 78%", .atLeast, 78, .percent, summary: "≥ 78%"),
    TargetCase("> 3x", .above, 3, .multiple, summary: "> 3x"),
    TargetCase("above 78%", .above, 78, .percent, summary: "> 78%"),
    TargetCase("at least 95%", .atLeast, 95, .percent, summary: "≥ 95%"),
    TargetCase("over 40", .above, 40, summary: "> 40"),
    TargetCase("more than 40", .above, 40, summary: "> 40"),
    TargetCase("40 or more", .atLeast, 40, summary: "≥ 40"),
    TargetCase("42%", .atLeast, 42, .percent, summary: "≥ 42%"),
    TargetCase("gross margin 42%", .atLeast, 42, .percent, summary: "≥ 42%"),
    TargetCase("first contact resolution ≥ 78%", .atLeast, 78, .percent, summary: "≥ 78%"),
    TargetCase("+20% YoY", .increase, 20, .percent, period: "YoY", summary: "+20% YoY"),
    TargetCase("revenue +20% year over year", .increase, 20, .percent, period: "YoY", summary: "+20% YoY"),
    TargetCase("-15% QoQ", .decrease, 15, .percent, period: "QoQ", summary: "-15% QoQ"),
    TargetCase("< 3 days", .below, 3, .days, summary: "< 3 days"),
    TargetCase("less than 3 days", .below, 3, .days, summary: "< 3 days"),
    TargetCase("<= 2 hours", .atMost, 2, .hours, summary: "≤ 2 hours"),
    TargetCase("3 days", .atMost, 3, .days, summary: "≤ 3 days"),
    TargetCase("within 1 day", .atMost, 1, .days, summary: "≤ 1 day"),
    TargetCase("under 5%", .below, 5, .percent, summary: "< 5%"),
    TargetCase("below 2%", .below, 2, .percent, summary: "< 2%"),
    TargetCase("at most 5", .atMost, 5, summary: "≤ 5"),
    TargetCase("no more than 4", .atMost, 4, summary: "≤ 4"),
    TargetCase("max 10", .atMost, 10, summary: "≤ 10"),
    TargetCase("min 10", .atLeast, 10, summary: "≥ 10"),
    TargetCase("$1.2M by Q4", .atLeast, 1_200_000, .currency("$"), deadline: "Q4", summary: "≥ $1.2M by Q4"),
    TargetCase("€500k", .atLeast, 500_000, .currency("€"), summary: "≥ €500k"),
    TargetCase("£950", .atLeast, 950, .currency("£"), summary: "≥ £950"),
    TargetCase("1,234 EUR", .atLeast, 1234, .currency("€"), summary: "≥ €1,234"),
    TargetCase("4.5 out of 5", .atLeast, 4.5, .custom("out of 5"), summary: "≥ 4.5 out of 5"),
    TargetCase("NPS 45", .atLeast, 45, summary: "≥ 45"),
    TargetCase("= 100%", .exactly, 100, .percent, summary: "= 100%"),
    TargetCase("exactly 12", .exactly, 12, summary: "= 12"),
    TargetCase("increase by 10%", .increase, 10, .percent, summary: "+10%"),
    TargetCase("reduce by 15%", .decrease, 15, .percent, summary: "-15%"),
    TargetCase("increase NPS from 30 to 45", .atLeast, 45, summary: "≥ 45"),
    TargetCase("churn from 5% to 3%", .atMost, 3, .percent, summary: "≤ 3%"),
    TargetCase("3.5x", .atLeast, 3.5, .multiple, summary: "≥ 3.5x"),
    TargetCase("1,200 per month", .atLeast, 1200, period: "per month", summary: "≥ 1,200 per month"),
    TargetCase(
      "40 qualified leads a week", .atLeast, 40, .custom("qualified leads"), period: "per week",
      summary: "≥ 40 qualified leads per week"),
    TargetCase("95%+", .atLeast, 95, .percent, summary: "≥ 95%"),
    TargetCase("+5 pts", .increase, 5, .points, summary: "+5 points"),
    TargetCase("12 units", .atLeast, 12, .custom("units"), summary: "≥ 12 units"),
    TargetCase(
      "1.8 items per basket", .atLeast, 1.8, .custom("items"), period: "per basket",
      summary: "≥ 1.8 items per basket"),
    TargetCase(
      "80% of aged stock within 6 weeks", .atLeast, 80, .percent, deadline: "within 6 weeks",
      summary: "≥ 80% within 6 weeks"),
    TargetCase(
      "95% of calls answered within 20 seconds", .atLeast, 95, .percent, deadline: "within 20 seconds",
      summary: "≥ 95% within 20 seconds"),
    TargetCase(
      "90% of returns processed within a week", .atLeast, 90, .percent, deadline: "within a week",
      summary: "≥ 90% within a week"),
    TargetCase("within 6 weeks", .atMost, 6, .custom("weeks"), summary: "≤ 6 weeks"),
    TargetCase("< $2.10", .below, 2.1, .currency("$"), summary: "< $2.10"),
    TargetCase(
      "cost per order under $2.10", .below, 2.1, .currency("$"), period: "per order",
      summary: "< $2.10 per order"),
    TargetCase("$1,050.50", .atLeast, 1050.5, .currency("$"), summary: "≥ $1,050.50"),
    TargetCase("$2,500", .atLeast, 2500, .currency("$"), summary: "≥ $2.5k"),
    TargetCase("€2.5M", .atLeast, 2_500_000, .currency("€"), summary: "≥ €2.5M"),
    TargetCase("< 2 business days", .below, 2, .custom("business days"), summary: "< 2 business days"),
    TargetCase("3 working days", .atMost, 3, .custom("working days"), summary: "≤ 3 working days"),
    TargetCase(
      "≥ 95% by 2027-06-30", .atLeast, 95, .percent, deadline: "2027-06-30",
      summary: "≥ 95% by 2027-06-30"),
    TargetCase(
      "$2M by end of year", .atLeast, 2_000_000, .currency("$"), deadline: "end of year",
      summary: "≥ $2M by end of year"),
    TargetCase(
      "80% by June 2027", .atLeast, 80, .percent, deadline: "June 2027", summary: "≥ 80% by June 2027"),
    TargetCase("-2.5 days", .decrease, 2.5, .days, summary: "-2.5 days"),
    TargetCase("at least -5%", .atLeast, -5, .percent, summary: "≥ -5%"),
    TargetCase("CSAT 4.5/5", .atLeast, 4.5, .custom("out of 5"), summary: "≥ 4.5 out of 5"),
    TargetCase("5 min response time", .atMost, 5, .custom("minutes"), summary: "≤ 5 minutes"),
    TargetCase("zero defects", .exactly, 0, .custom("defects"), summary: "= 0 defects"),
    TargetCase("90-day retention 85%", .atLeast, 85, .percent, summary: "≥ 85%"),
    TargetCase("cost reduction 15%", .decrease, 15, .percent, summary: "-15%"),
    TargetCase("reduce churn to 2%", .atMost, 2, .percent, summary: "≤ 2%"),
    TargetCase("grow MRR 8% MoM", .increase, 8, .percent, period: "MoM", summary: "+8% MoM"),
    TargetCase(
      "$50k per rep", .atLeast, 50_000, .currency("$"), period: "per rep", summary: "≥ $50k per rep"),
    TargetCase(
      "revenue +20% YoY by Q4 2026", .increase, 20, .percent, period: "YoY", deadline: "Q4 2026",
      summary: "+20% YoY by Q4 2026"),
    // Found by scripts/fuzz: counting this in ten-thousandths overflowed Int64 and crashed.
    TargetCase("999999999999999", .atLeast, 999_999_999_999_999, summary: "≥ 999,999,999,999,999"),
    // Shown as "≥ 1e+20", which read back as a different target.
    TargetCase("99999999999999999999", .atLeast, 1e20, summary: "≥ 100,000,000,000,000,000,000"),
    // Found by scripts/fuzz (finding 2): the period said twice left one in the unit ("wow o"),
    // and the summary "≥ 5 wow o WoW" read back as "≥ 5 o wow WoW".
    TargetCase("WoW5WoW o", .atLeast, 5, .custom("o"), period: "WoW", summary: "≥ 5 o WoW"),
    TargetCase("5% WoW, WoW", .atLeast, 5, .percent, period: "WoW", summary: "≥ 5% WoW"),
    // Found by scripts/fuzz (finding 3): "exactly" glued to the number was read as the unit, and
    // the summary "+2 exactly" read back as "= 2 exactly".
    TargetCase("+2exactly", .increase, 2, summary: "+2"),
    TargetCase("40 deals exactly", .exactly, 40, .custom("deals"), summary: "= 40 deals"),
    // Finding 4: a magnitude word after a magnitude was read as the unit, and "≥ 1,800 billion"
    // read back as 1.8 trillion.
    TargetCase(")1.8k billion", .atLeast, 1_800, summary: "≥ 1,800"),
    TargetCase("2 million billion", .atLeast, 2e6, summary: "≥ 2,000,000"),
    // Finding 5: the same with punctuation stuck to the word ("exactly-").
    TargetCase("-1exactly", .decrease, 1, summary: "-1"),
    // Finding 6: a verb of change in the unit ("-2 widgets grow") read back as an increase.
    TargetCase("-2widgets grow1", .decrease, 2, .custom("widgets"), summary: "-2 widgets"),
  ]

  @Test(arguments: cases)
  func readsTheForm(_ example: TargetCase) throws {
    let target = try #require(Target.parse(example.text))
    #expect(target.direction == example.direction)
    #expect(target.value == example.value)
    #expect(target.unit == example.unit)
    #expect(target.period == example.period)
    #expect(target.deadline == example.deadline)
    #expect(target.summary == example.summary)
  }

  @Test(arguments: [
    "increase customer satisfaction", "improve", "be the best", "", "   ", "by Q4", "by 2027",
    String(repeating: "9", count: 400),
  ])
  func goalsWithoutANumberAreNotTargets(_ text: String) {
    #expect(Target.parse(text) == nil)
  }

  @Test(arguments: cases)
  func summaryReadsBackAsTheSameTarget(_ example: TargetCase) throws {
    let target = try #require(Target.parse(example.text))
    let again = try #require(Target.parse(target.summary))
    #expect(again.summary == target.summary)
  }

  /// A number the reader would leave out makes the text no target at all: `=1+2` is refused,
  /// not kept as "= 1". The room is told what it would have read and what was left over.
  @Test(arguments: [
    ("=1+2", "= 1", "+2"),
    ("-1exactly-1", "-1", "exactly-1"),
    ("3-5 days", "≥ 3", "-5"),
    ("between 3 and 5 days", "≥ 3", "5"),
    ("NPS ≥ 45 (from 38)", "≥ 45", "38)"),
    ("grow revenue 20% to $12M", "≥ $12M", "20%"),
  ])
  func aNumberLeftUnreadIsRefusedNotCut(_ text: String, reading: String, unread: String) throws {
    #expect(Target.parse(text) == nil)
    let cut = try #require(Target.cutReading(of: text))
    #expect(cut.reading.summary == reading)
    #expect(cut.unread == unread)
  }

  /// Numbers that are read, and digits that belong to a name, leave nothing over.
  @Test(arguments: [
    ("p95 latency < 200 ms", "< 200 ms"), ("LTV:CAC >= 3:1", "≥ 3"),
    ("reduce churn from 8% to 5%", "≤ 5%"), ("90-day retention 85%", "≥ 85%"),
    ("top 10 on G2", "≥ 10"), ("4.5/5 by Q4 2027", "≥ 4.5 out of 5 by Q4 2027"),
    ("80% of aged stock within 6 weeks", "≥ 80% within 6 weeks"),
  ])
  func everyNumberReadLeavesNothingOver(_ text: String, summary: String) throws {
    #expect(Target.cutReading(of: text) == nil)
    #expect(try #require(Target.parse(text)).summary == summary)
  }

  @Test func wordBoundariesKeepNamesFromReadingAsDirections() throws {
    let target = try #require(Target.parse("staff turnover 12%"))
    #expect(target.direction == .atLeast)
  }
}

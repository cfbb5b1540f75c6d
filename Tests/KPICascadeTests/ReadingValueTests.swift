import Testing

@testable import KPICascade

@Suite("Reading values as people type them")
struct ReadingValueTests {
  /// (typed, the KPI's target, the value in the target's unit)
  @Test(arguments: [
    ("23%", ">= 20%", 23.0), ("23", ">= 20%", 23), (" 23 % ", ">= 20%", 23), ("23 percent", ">= 20%", 23),
    ("$58", "<= $60", 58), ("58 USD", "<= $60", 58), ("$1.2M", ">= $1M by Q4", 1_200_000),
    ("$250k", ">= $1M by Q4", 250_000), ("2.4", ">= 2", 2.4), ("1,200", ">= 1000", 1200), (".5", ">= 2", 0.5),
    ("-3%", "-5% QoQ", -3), ("−3%", "-5% QoQ", -3), ("+22%", "+20% YoY", 22), ("4 days", "<= 5 days", 4),
    ("4d", "<= 5 days", 4), ("3 hours", "< 4 hours", 3), ("3.5x", "> 3x", 3.5), ("4 pts", "+5 points", 4),
    ("40 leads", ">= 40 qualified leads", 40), ("1.2 million", ">= $1M by Q4", 1_200_000),
    ("1,200,000", ">= 1000", 1_200_000), ("$1,250.50", "<= $2,000", 1250.5),
    // Written as the target parser writes the target's unit.
    ("4.2 out of 5", "4.5 out of 5", 4.2), ("4.2/5", "4.5 out of 5", 4.2), ("4.2 / 5", "4.5/5", 4.2),
    ("15 min", "<= 20 minutes", 15), ("45 secs", "< 60 seconds", 45), ("2 wks", "<= 6 weeks", 2),
    ("2 business days", "<= 3 business days", 2), ("5 calendar days", "<= 7 days", 5),
    ("3 times", ">= 3x", 3),
    ("2 percentage points", "+5 points", 2), ("12 per cent", ">= 10%", 12),
  ])
  func readsTheValueInTheTargetsUnit(_ typed: String, _ target: String, _ expected: Double) throws {
    let parsed = try #require(Target.parse(target))
    #expect(ReadingValue.parse(typed, target: parsed) == .success(expected))
  }

  /// Without a target the parser can read, any unit goes: there is nothing to check it against.
  @Test(arguments: [("12%", 12.0), ("€-5", -5), ("1.5k", 1500), ("7 widgets", 7), ("3bn", 3e9)])
  func anyUnitWithoutATarget(_ typed: String, _ expected: Double) {
    #expect(ReadingValue.parse(typed, target: nil) == .success(expected))
  }

  /// (typed, the KPI's target, the message a person reads)
  @Test(arguments: [
    ("58%", "<= $60", "'58%' is a percentage, but the target is money in $"),
    ("$58", ">= 20%", "'$58' is money in $, but the target is a percentage"),
    ("€58", "<= $60", "'€58' is money in €, but the target is money in $"),
    ("4 hours", "<= 3 days", "'4 hours' is a number of hours, but the target is a number of days"),
    ("45%", ">= 45", "'45%' is a percentage, but the target is a plain number"),
    ("3.5x", ">= 20%", "'3.5x' is a multiple (x), but the target is a percentage"),
    ("5 points", ">= 20%", "'5 points' is points, but the target is a percentage"),
    (
      "4.2 out of 10", "4.5 out of 5",
      "'4.2 out of 10' is counted in 'out of 10', but the target is counted in 'out of 5'"
    ),
    ("15 min", "<= 2 hours", "'15 min' is counted in 'minutes', but the target is a number of hours"),
    (
      "3 widgets", ">= 40 qualified leads",
      "'3 widgets' is counted in 'widgets', but the target is counted in 'qualified leads'"
    ),
  ])
  func aUnitThatIsNotTheTargetsIsRefused(_ typed: String, _ target: String, _ message: String) throws {
    let parsed = try #require(Target.parse(target))
    let result = ReadingValue.parse(typed, target: parsed)
    guard case .failure(let problem) = result, case .unitMismatch = problem else {
      Issue.record("\(typed) against \(target): \(result)")
      return
    }
    #expect(problem.description == message)
  }

  @Test(arguments: [
    ("", "no value"), ("   ", "no value"), ("abc", "'abc' is not a number"),
    ("12abc!", "'12abc!' is not a number"),
    ("1.2.3", "'1.2.3' is not a number"), ("$", "'$' is not a number"), ("--5", "'--5' is not a number"),
    ("5 $", "'5 $' is not a number"), ("$5 per", "'$5 per' is not a number"),
    ("5e3", "'5e3' is not a number"),
    // A decimal comma is not a thousands separator: 2,4 is not silently 24.
    ("2,4", "'2,4' is not a number"), ("1,20", "'1,20' is not a number"),
    ("1,2000", "'1,2000' is not a number"),
    ("1,200,00", "'1,200,00' is not a number"), ("4.2/", "'4.2/' is not a number"),
  ])
  func notANumber(_ typed: String, _ message: String) throws {
    let target = try #require(Target.parse(">= 20%"))
    let result = ReadingValue.parse(typed, target: target)
    guard case .failure(let problem) = result, case .notANumber = problem else {
      Issue.record("\(typed): \(result)")
      return
    }
    #expect(problem.description == message)
  }
}

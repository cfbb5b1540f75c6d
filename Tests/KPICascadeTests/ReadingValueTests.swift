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

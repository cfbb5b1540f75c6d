import Foundation

/// How many days ahead of its outcome a KPI moves: the facilitator's answer to "how long
/// before <company KPI> moves does this move?", read into days.
///
/// The leading-indicator test needs a number; rooms answer "6 weeks", "a quarter" or
/// "after the fact", so this reads those and refuses anything it would have to guess at.
public enum LeadTime {
  /// The lead times DESIGN §2 calls leading: early enough to act, close enough to predict.
  public static let window = 30...60

  /// `window` as the room reads it, "30–60": every question, hint and remedy that names the
  /// window says it from here.
  public static let windowText = "\(window.lowerBound)–\(window.upperBound)"

  /// Days, or `nil` when the answer is not a lead time ("soon", "-3", "lots", "").
  ///
  /// Weeks are 7 days, months 30, quarters 90. "0", "none", "lagging" and "after the fact"
  /// are 0: the KPI moves with or after its outcome.
  /// Ten years: anything longer is a typo, not a lead time.
  public static let longest = 3650

  public static func parse(_ answer: String) -> Int? {
    var text = answer.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    for hedge in ["about ", "around ", "roughly ", "approximately ", "approx. ", "approx ", "~"]
    where text.hasPrefix(hedge) {
      text = String(text.dropFirst(hedge.count)).trimmingCharacters(in: .whitespaces)
    }
    for tail in [" ahead", " early", " earlier", " in advance", " before"] where text.hasSuffix(tail) {
      text = String(text.dropLast(tail.count)).trimmingCharacters(in: .whitespaces)
    }
    if lagging.contains(text) { return 0 }

    // A count ("6", "1.5", "a", "two") and at most a unit after it ("weeks", "mo", "q").
    let words = AnswerTokens(text)
    guard (1...2).contains(words.count) else { return nil }
    let count = words[0]
    let amount: Double
    if count.isPlainNumber(), count.text.first != "." {
      guard let value = count.value else { return nil }
      amount = value
    } else if count.isWord, let value = numberWords[count.text] {
      amount = value
    } else {
      return nil
    }
    let unit = words.at(1)
    if let unit, !(unit.isWord && units.contains(unit.text)) { return nil }
    if unit == nil && count.isWord { return nil }  // "a", "two": two what?
    let days = amount * Double(daysPer(unit?.text ?? ""))
    guard days.isFinite, days <= Double(longest) else { return nil }
    return Int(days.rounded())
  }

  private static let units: Set<String> = [
    "d", "day", "days", "w", "wk", "wks", "week", "weeks", "mo", "mos", "month", "months", "q", "qtr", "qtrs",
    "quarter", "quarters",
  ]

  private static let lagging: Set<String> = [
    "none", "no lead", "no lead time", "lagging", "lags", "lagging indicator", "after the fact",
    "after", "zero", "0 days", "same time", "at the same time", "simultaneous",
  ]

  private static let numberWords: [String: Double] = [
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
  ]

  private static func daysPer(_ unit: String) -> Int {
    switch unit.first {
    case "w": 7
    case "m": 30
    case "q": 90
    default: 1
    }
  }
}

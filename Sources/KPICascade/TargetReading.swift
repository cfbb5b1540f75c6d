import Foundation

/// How `Target.parse` reads a typed target, in the order that keeps the pieces apart:
/// the deadline first (so "Q4", "2027-06-30" and a "within 6 weeks" after the value are not read
/// as the value), then the period ("YoY", "per month"), then the number with its unit, then the
/// words that say which way.
struct TargetReading {
  /// The target, or `nil` when there is none or a number in the text is left unread.
  let target: Target?
  /// The target read with a number left out, and that number with what is stuck to it
  /// (`=1+2` reads `= 1`, leaving `+2`): a target kpi-align would only get by cutting the text.
  let cut: (reading: Target, unread: String)?

  init(_ typed: String) {
    var unread: String?
    let reading = Self.read(typed, unread: &unread)
    if let reading, let unread {
      target = nil
      cut = (reading, unread)
    } else {
      target = reading
      cut = nil
    }
  }

  private static func read(_ typed: String, unread: inout String?) -> Target? {
    var text = Optional(typed).answered ?? ""
    text = zeroWord.replacingMatches(in: text, with: "0")
    guard text.contains(where: { $0.isASCII && $0.isNumber }) else { return nil }

    var deadline: String?
    if let match = deadlinePattern.firstMatch(in: text) ?? namedDeadlinePattern.firstMatch(in: text) {
      deadline = match.group(1).map(tidy)
      text = match.textWithoutMatch
    } else if let match = withinPattern.firstMatch(in: text),
      match.textWithoutMatch.contains(where: { $0.isASCII && $0.isNumber })
    {
      deadline = match.group(1).map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
      text = match.textWithoutMatch
    }
    let period = takePeriod(from: &text)
    let lower = text.lowercased()

    // "from 30 to 45", "increase NPS to 45": the number that counts is the one after "to".
    let change = changeDirection(in: lower)
    let from = fromPattern.firstMatch(in: lower)
    var start = lower.startIndex
    var aimsTo = false
    if change != nil || from != nil, let to = toPattern.firstMatch(in: lower) {
      start = to.range.upperBound
      aimsTo = true
    }
    guard var number = numberPattern.firstMatch(in: lower, from: start) else { return nil }
    // The parts of the text read as numbers: every other number is left unread.
    var read: [Range<String.Index>] = []
    // "90-day retention 85%": a number that only qualifies the KPI's name is not the target.
    if let qualifier = adjective.firstMatch(in: lower, from: number.range.upperBound),
      let later = numberPattern.firstMatch(in: lower, from: number.range.upperBound)
    {
      read.append(number.range.lowerBound..<qualifier.range.upperBound)
      number = later
    }
    if aimsTo, let from, let first = numberPattern.firstMatch(in: lower, from: from.range.upperBound) {
      read.append(first.range)
    }
    guard var value = Double(withoutCommas(number.group(3) ?? ""))
    else { return nil }
    value *= magnitude(letter: number.group(4), word: number.group(5))
    // Hundreds of digits overflow to infinity: no board can check that.
    guard value.isFinite else { return nil }
    let sign = number.group(1)?.trimmingCharacters(in: .whitespaces)
    let negative = sign == "-" || sign == "−"

    var (unit, unitEnd) = readUnit(in: lower, after: number.range.upperBound)
    if let symbol = number.group(2) { unit = .currency(symbol) }
    // "3:1" (a ratio, as in LTV:CAC) is one value.
    if unit == nil, let ratio = ratioPart.firstMatch(in: lower, from: unitEnd) {
      unitEnd = ratio.range.upperBound
    }
    read.append(number.range.lowerBound..<unitEnd)
    unread = firstUnreadNumber(in: lower, outside: read)
    let trailingPlus = lower[unitEnd...].drop(while: \.isWhitespace).first == "+"

    let direction: Target.Direction
    if let stated = comparator(in: lower) {
      direction = stated
    } else if trailingPlus {
      direction = .atLeast
    } else if let change {
      direction = aimsTo ? (change == .increase ? .atLeast : .atMost) : change
    } else if aimsTo, let from, let first = numberPattern.firstMatch(in: lower, from: from.range.upperBound),
      let fromValue = Double(withoutCommas(first.group(3) ?? ""))
    {
      direction =
        fromValue * magnitude(letter: first.group(4), word: first.group(5)) > value ? .atMost : .atLeast
    } else if sign == "+" {
      direction = .increase
    } else if negative {
      direction = .decrease
    } else if value == 0 {
      direction = .exactly
    } else if let unit, durations.contains(unit) {
      direction = .atMost
    } else {
      direction = .atLeast
    }

    switch direction {
    case .increase, .decrease: break
    case .atLeast, .atMost, .above, .below, .exactly: if negative { value = -value }
    }
    return Target(direction: direction, value: value, unit: unit, period: period, deadline: deadline)
  }

  /// The first number in `text` that lies outside every range in `read`, with the signs and
  /// symbols written against it (`+2` of `=1+2`); `nil` when every number was read. A digit
  /// inside a word (`p95`, `G2`) is part of a name, not a number.
  private static func firstUnreadNumber(in text: String, outside read: [Range<String.Index>]) -> String? {
    var from = text.startIndex
    while let match = numberPattern.firstMatch(in: text, from: from) {
      from = match.range.upperBound
      guard let digits = match.groupRanges[3] else { continue }
      if read.contains(where: { $0.contains(digits.lowerBound) }) { continue }
      var start = digits.lowerBound
      while start > text.startIndex {
        let before = text.index(before: start)
        guard !text[before].isWhitespace, !read.contains(where: { $0.contains(before) }) else { break }
        start = before
      }
      let end = text[digits.upperBound...].firstIndex(where: \.isWhitespace) ?? text.endIndex
      return String(text[start..<end])
    }
    return nil
  }

  /// Every pattern the reader uses, for the test that compares the matcher with ICU.
  static var patterns: [AnswerPattern] {
    [deadlinePattern, namedDeadlinePattern, withinPattern] + comparisons.map(\.0) + rates
      + [numberPattern, toPattern, fromPattern, ratioPart] + fixedUnits.map(\.0)
      + [workingDays, adjective, zeroWord, symbolUnit, codeUnit, scaleUnit, nounUnit, limitPattern]
      + comparisonPhrases.map(\.0) + increaseVerbs + decreaseVerbs
  }

  // MARK: - Deadline

  private static let shapeBoundary = "(?:^|(?<=[\\s,(;]))"
  private static let year = "(?:\\s?(?:fy\\s?)?(?:20\\d{2}|'\\d{2}))?"

  /// Deadlines that are deadlines on their own ("Q4", "end of year", "2027-06-30").
  private static let deadlinePattern =
    AnswerPattern(
      shapeBoundary + "(?:(?:by|before|until|till|in|due|deadline:?)\\s+)?"
        + "((?:the\\s+)?end\\s+of\\s+(?:the\\s+)?(?:year|quarter|month|fy\(year)|q[1-4]\(year)|h[12]\(year))"
        + "|eoy|eoq|eom|q[1-4]\(year)|h[12]\(year)|fy\\s?(?:20\\d{2}|'?\\d{2})"
        + "|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4})(?![\\p{L}\\p{N}])")

  /// Deadlines that need a "by" to be one ("by June", "by 2027", "by year-end").
  private static let namedDeadlinePattern: AnswerPattern = {
    let months =
      "january|february|march|april|may|june|july|august|september|october|november|december"
      + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
    return AnswerPattern(
      shapeBoundary + "(?:by|before|until|till|in)\\s+("
        + "year[- ]end|(?:\(months))\\.?(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?(?:,?\\s+20\\d{2})?|20\\d{2}"
        + ")(?![\\p{L}\\p{N}])")
  }()

  /// A time limit on another number ("80% of aged stock within 6 weeks"); alone ("within 1
  /// day") it is the value, so `read` takes it as a deadline only when a number remains.
  private static let withinPattern = AnswerPattern(
    shapeBoundary + "(within\\s+(?:the\\s+)?(?:next\\s+|first\\s+)?(?:\\d+(?:\\.\\d+)?|an?|one)\\s*"
      + "(?:(?:business|working|calendar)\\s+)?(?:days?|weeks?|wks?|months?|mos?|mths?|quarters?|qtrs?"
      + "|years?|yrs?|hours?|hrs?|minutes?|mins?|seconds?|secs?))(?![\\p{L}\\p{N}])")

  private static func tidy(_ deadline: String) -> String {
    var text = deadline.trimmingCharacters(in: .whitespaces)
    if text.lowercased().hasPrefix("the ") { text = String(text.dropFirst(4)) }
    return text
  }

  // MARK: - Period

  /// Period-over-period comparisons, each with its canonical name.
  private static let comparisons: [(AnswerPattern, String)] = [
    ("yoy|y/y|y-o-y|year[- ]over[- ]year|year[- ]on[- ]year", "YoY"),
    ("qoq|q/q|q-o-q|quarter[- ]over[- ]quarter|quarter[- ]on[- ]quarter", "QoQ"),
    ("mom|m/m|m-o-m|month[- ]over[- ]month|month[- ]on[- ]month", "MoM"),
    ("wow|w/w|w-o-w|week[- ]over[- ]week|week[- ]on[- ]week", "WoW"),
    ("per annum|annually|annualised|annualized", "per year"),
  ].map { (AnswerPattern("(?<![\\p{L}])(?:\($0.0))(?![\\p{L}])"), $0.1) }

  /// Rates: "per month", "/mo", "a week"; group 1 is the thing it is per.
  private static let rates: [AnswerPattern] = {
    let times = "day|days|week|weeks|wk|month|months|mo|mth|quarter|quarters|qtr|year|years|yr|hour|hr|h|d"
    return [
      "(?<![\\p{L}])per\\s+(?!cent(?![\\p{L}]))([\\p{L}]+)",
      "/\\s?(\(times))(?![\\p{L}])",
      "(?<![\\p{L}])(?:a|an|each|every)\\s+(day|week|month|quarter|year)(?![\\p{L}])",
    ].map { AnswerPattern($0) }
  }()

  private static func takePeriod(from text: inout String) -> String? {
    for (pattern, canonical) in comparisons {
      if let match = pattern.firstMatch(in: text) {
        text = match.textWithoutMatch
        // Said twice ("WoW 5 WoW"), it is still one period: left in, the second would join the
        // unit, and the summary ("≥ 5 wow WoW") would read back in another order.
        while let again = pattern.firstMatch(in: text) { text = again.textWithoutMatch }
        return canonical
      }
    }
    for pattern in rates {
      if let match = pattern.firstMatch(in: text), let word = match.group(1) {
        text = match.textWithoutMatch
        return "per " + canonicalTime(word.lowercased())
      }
    }
    return nil
  }

  private static func canonicalTime(_ word: String) -> String {
    switch word {
    case "d", "day", "days": "day"
    case "wk", "week", "weeks": "week"
    case "mo", "mth", "month", "months": "month"
    case "qtr", "quarter", "quarters": "quarter"
    case "yr", "year", "years", "annum": "year"
    case "h", "hr", "hour", "hours": "hour"
    default: word
    }
  }

  // MARK: - Number and unit

  private static let numberPattern = AnswerPattern(
    "(?<![\\p{L}\\p{N}.,])([+\\-−]\\s?)?([$€£¥])?\\s?"
      + "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\.\\d+)"
      + "(?:(k|mm|m|bn|b)(?![\\p{L}])|\\s?(thousand|million|billion)(?![\\p{L}]))?")

  /// The `:1` of a ratio written right after its first number.
  private static let ratioPart = AnswerPattern("^\\s?:\\s?\\d+(?:\\.\\d+)?(?![\\p{N}])")

  private static let toPattern = AnswerPattern(
    "(?<![\\p{L}])to\\s+(?=[+\\-−]?\\s?[$€£¥]?\\s?\\.?\\d)", requiring: "to")

  private static let fromPattern = AnswerPattern(
    "(?<![\\p{L}])from\\s+(?=[+\\-−]?\\s?[$€£¥]?\\s?\\.?\\d)", requiring: "from")

  private static func magnitude(letter: String?, word: String?) -> Double {
    switch (letter ?? word)?.lowercased() {
    case "k", "thousand": 1e3
    case "m", "mm", "million": 1e6
    case "b", "bn", "billion": 1e9
    default: 1
    }
  }

  static let currencyCodes = [
    "usd": "$", "eur": "€", "gbp": "£", "jpy": "¥", "chf": "CHF", "cad": "CAD", "aud": "AUD",
  ]

  /// Units written right after the number, in the order they are tried.
  private static let fixedUnits: [(AnswerPattern, Target.Unit)] = {
    let end = "(?![\\p{L}])"
    return [
      ("(?:percentage\\s+points?|pp|p\\.p\\.|ppts?|pts?|points?)\(end)", Target.Unit.points),
      ("(?:%|percent\(end)|per\\s+cent\(end)|pct\(end))", .percent),
      ("(?:x|×|times)\(end)", .multiple),
      ("(?:calendar\\s+)?(?:days?|d)\(end)", .days),
      ("(?:hours?|hrs?|h)\(end)", .hours),
      ("(?:minutes?|mins?)\(end)", .custom("minutes")),
      ("(?:seconds?|secs?|s)\(end)", .custom("seconds")),
      ("(?:weeks?|wks?)\(end)", .custom("weeks")),
      ("/\\s?(\\d+(?:\\.\\d+)?)\(end)", .custom("out of")),
    ].map { (AnswerPattern("^\\s*" + $0.0), $0.1) }
  }()
  /// Units of time: a bare duration is a limit ("3 days" to resolve means at most three).
  private static let durations: [Target.Unit] = [
    .days, .hours, .custom("minutes"), .custom("seconds"), .custom("weeks"), .custom("business days"),
    .custom("business day"), .custom("working days"), .custom("working day"),
  ]
  /// "2 business days" is not "2 days": the qualifier stays in the unit.
  private static let workingDays = AnswerPattern(
    "^\\s*((?:business|working)\\s+days?)(?![\\p{L}])", requiring: "day")
  /// A number used as an adjective: "90-day", "30 day", "7-day active users".
  private static let adjective = AnswerPattern(
    "^(?:-|\\s)(?:day|week|month|quarter|year|hour|minute)(?![\\p{L}])")
  /// "zero defects" is a number.
  private static let zeroWord = AnswerPattern("(?<![\\p{L}])zero(?![\\p{L}])", requiring: "zero")
  private static let symbolUnit = AnswerPattern("^\\s*([$€£¥])")
  private static let codeUnit = AnswerPattern("^\\s*(usd|eur|gbp|jpy|chf|cad|aud)(?![\\p{L}])")
  private static let scaleUnit = AnswerPattern("^\\s*(out\\s+of\\s+\\d+(?:\\.\\d+)?)")
  private static let nounUnit = AnswerPattern(
    "^\\s*([\\p{L}][\\p{L}'\\-]*(?:[ \\t]+[\\p{L}][\\p{L}'\\-]*){0,2})")

  /// The unit written right after the number, and where it ends.
  private static func readUnit(in text: String, after start: String.Index) -> (Target.Unit?, String.Index) {
    if let match = workingDays.firstMatch(in: text, from: start), let days = match.group(1) {
      return (
        .custom(days.split(whereSeparator: \.isWhitespace).joined(separator: " ")), match.range.upperBound
      )
    }
    for (pattern, unit) in fixedUnits {
      if let match = pattern.firstMatch(in: text, from: start) {
        if let scale = match.group(1) { return (.custom("out of \(scale)"), match.range.upperBound) }
        return (unit, match.range.upperBound)
      }
    }
    if let match = symbolUnit.firstMatch(in: text, from: start), let symbol = match.group(1) {
      return (.currency(symbol), match.range.upperBound)
    }
    if let match = codeUnit.firstMatch(in: text, from: start),
      let code = match.group(1).flatMap({ currencyCodes[$0.lowercased()] })
    {
      return (.currency(code), match.range.upperBound)
    }
    if let match = scaleUnit.firstMatch(in: text, from: start), let scale = match.group(1) {
      return (
        .custom(scale.split(whereSeparator: \.isWhitespace).joined(separator: " ")), match.range.upperBound
      )
    }
    if let match = nounUnit.firstMatch(in: text, from: start), let words = match.group(1) {
      // A stop word counts with punctuation around it too ("exactly-").
      let noun = words.split(separator: " ").prefix {
        !stopWords.contains(String($0)) && !stopWords.contains(String($0.filter(\.isLetter)))
      }
      if !noun.isEmpty { return (.custom(noun.joined(separator: " ")), match.range.upperBound) }
    }
    return (nil, start)
  }

  /// Words that end a unit noun ("40 deals or more" is "deals"), with every word of a comparison
  /// phrase or verb of change and the magnitude words: a unit read as "exactly" (from "+2exactly") would show as
  /// "+2 exactly", which reads back as "= 2", and one read as "billion" (from "1.8k billion")
  /// as "≥ 1,800 billion", which reads back as 1.8 trillion.
  private static let stopWords: Set<String> = plainStopWords.union(
    (comparisonPhraseTexts.map(\.0) + increaseVerbTexts + decreaseVerbTexts)
      .flatMap { $0.split(separator: " ").map(String.init) }
  ).union(["thousand", "million", "billion", "bn"])

  private static let plainStopWords: Set<String> = [
    "or", "and", "by", "in", "to", "from", "per", "a", "an", "the", "than", "at", "on", "of", "for",
    "with", "each", "every", "less", "more", "fewer", "higher", "lower", "above", "below", "over",
    "under", "min", "max", "minimum", "maximum", "within", "plus", "before", "after", "until", "vs",
    "versus", "is", "are", "be", "up", "down", "better", "worse", "target", "or-more",
  ]

  // MARK: - Direction

  /// Comparison words and symbols: "at least", "≤", "no more than"… `nil` when none is used.
  private static func comparator(in text: String) -> Target.Direction? {
    let symbols: [(String, Target.Direction)] = [
      (">=", .atLeast), ("≥", .atLeast), ("=>", .atLeast), ("⩾", .atLeast),
      ("<=", .atMost), ("≤", .atMost), ("=<", .atMost), ("⩽", .atMost),
      (">", .above), ("<", .below), ("=", .exactly),
    ]
    let scalars = text.unicodeScalars.map(\.value)
    let plain = PatternProgram.accepts(scalars)
    for (symbol, direction) in symbols
    where plain ? contains(scalars, symbol.unicodeScalars.map(\.value)) : text.contains(symbol) {
      return direction
    }
    if phrasesArePlain, let scan = PhraseScan(text) {
      for (phrase, direction) in comparisonPhraseBytes where scan.firstOffset(of: phrase) != nil {
        return direction
      }
    } else {
      for (phrase, direction) in comparisonPhrases where phrase.matches(text) {
        return direction
      }
    }
    if let match = limitPattern.firstMatch(in: text) {
      return match.group(1)?.lowercased() == "min" ? .atLeast : .atMost
    }
    return nil
  }

  /// Whether `needle` occurs in `scalars`: Foundation's `contains` for text the matcher
  /// accepts, where no character is more than one scalar and none is equivalent to another.
  private static func contains(_ scalars: [UInt32], _ needle: [UInt32]) -> Bool {
    guard scalars.count >= needle.count else { return false }
    return (0...(scalars.count - needle.count)).contains { start in
      needle.indices.allSatisfy { scalars[start + $0] == needle[$0] }
    }
  }

  /// A number as matched, its thousands separators dropped; no search when there are none.
  private static func withoutCommas(_ number: String) -> String {
    number.contains(",") ? number.replacingOccurrences(of: ",", with: "") : number
  }

  /// "min 10", "max. 4": only right before a number, so "5 min" stays five minutes.
  private static let limitPattern = AnswerPattern("(?<![\\p{L}])(min|max)\\.?:?\\s*(?=[+\\-−]?[$€£¥]?\\d)")

  /// Longest first, so "no more than" is read before "more than".
  private static let comparisonPhrases: [(AnswerPattern, Target.Direction)] = comparisonPhraseTexts.map {
    (AnswerPattern(phrase: $0.0), $0.1)
  }

  /// Whether every phrase is one `PhraseScan` can look up (a test holds this true).
  static let phrasesArePlain = (comparisonPhraseTexts.map(\.0) + increaseVerbTexts + decreaseVerbTexts)
    .allSatisfy(PhraseScan.isPlainPhrase)

  /// `comparisonPhrases` as bytes, for `PhraseScan`.
  private static let comparisonPhraseBytes = comparisonPhraseTexts.map { (Array($0.0.utf8), $0.1) }

  /// The comparison phrases, longest first.
  static let comparisonPhraseTexts: [(String, Target.Direction)] = {
    let atLeast = [
      "no less than", "not less than", "no fewer than", "not fewer than", "at least", "or more",
      "or higher", "or above", "or better", "at or above", "minimum of", "minimum",
    ]
    let above = [
      "more than", "greater than", "higher than", "better than", "in excess of", "above", "over",
      "exceed", "exceeds", "exceeding", "upwards of",
    ]
    let atMost = [
      "no more than", "not more than", "no higher than", "not higher than", "no longer than",
      "not to exceed", "not exceed", "never exceed", "at most", "or less", "or fewer", "or lower",
      "or below", "at or below", "maximum of", "maximum", "up to", "within", "capped at",
    ]
    let below = ["less than", "fewer than", "lower than", "shorter than", "under", "below"]
    let exactly = ["exactly", "equal to", "equals", "precisely"]
    let all =
      atLeast.map { ($0, Target.Direction.atLeast) } + above.map { ($0, .above) }
      + atMost.map { ($0, .atMost) } + below.map { ($0, .below) } + exactly.map { ($0, .exactly) }
    return all.enumerated().sorted {
      $0.element.0.count != $1.element.0.count
        ? $0.element.0.count > $1.element.0.count : $0.offset < $1.offset
    }.map(\.element)
  }()

  static let increaseVerbTexts = [
    "increase", "increases", "increased", "increasing", "grow", "grows", "growing", "grew",
    "raise", "raises", "raised", "boost", "boosts", "boosted", "improve", "improves", "improved",
    "lift", "lifts", "up by",
  ]

  static let decreaseVerbTexts = [
    "decrease", "decreases", "decreased", "decreasing", "reduce", "reduces", "reduced",
    "reducing", "cut", "cuts", "lower", "lowers", "lowered", "drop", "drops", "dropped",
    "shrink", "shrinks", "decline", "declines", "down by", "reduction",
  ]

  private static let increaseVerbs = increaseVerbTexts.map { AnswerPattern(phrase: $0) }
  private static let decreaseVerbs = decreaseVerbTexts.map { AnswerPattern(phrase: $0) }
  private static let increaseVerbBytes = increaseVerbTexts.map { Array($0.utf8) }
  private static let decreaseVerbBytes = decreaseVerbTexts.map { Array($0.utf8) }

  /// A verb of change ("increase", "reduce by"): `increase`/`decrease`, or `nil`; the earlier wins.
  private static func changeDirection(in text: String) -> Target.Direction? {
    if phrasesArePlain, let scan = PhraseScan(text) {
      let first = { (verbs: [[UInt8]]) -> Int? in verbs.compactMap { scan.firstOffset(of: $0) }.min() }
      return direction(up: first(increaseVerbBytes), down: first(decreaseVerbBytes))
    }
    let first = { (verbs: [AnswerPattern]) -> String.Index? in
      verbs.compactMap { $0.firstMatch(in: text)?.range.lowerBound }.min()
    }
    return direction(up: first(increaseVerbs), down: first(decreaseVerbs))
  }

  /// Which verb came first, by where each list's earliest match starts.
  private static func direction<Position: Comparable>(up: Position?, down: Position?) -> Target.Direction? {
    switch (up, down) {
    case (let up?, let down?): return up < down ? .increase : .decrease
    case (_?, nil): return .increase
    case (nil, _?): return .decrease
    case (nil, nil): return nil
    }
  }
}

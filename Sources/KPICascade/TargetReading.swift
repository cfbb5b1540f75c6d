/// How `Target.parse` reads a typed target, over the answer's tokens and in the order that keeps
/// the pieces apart: the deadline first (so "Q4", "2027-06-30" and a "within 6 weeks" after the
/// value are not read as the value), then the period ("YoY", "per month"), then the number with
/// its unit, then the words that say which way.
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

  /// A number as written: where it starts (its sign or currency symbol), its digits, and where
  /// it ends (after a magnitude: "1.2M", "3 million").
  private struct Quantity {
    var start: Int
    var digits: Int
    var end: Int
    var sign: Character?
    var currency: String?
    var magnitude: Double

    var isNegative: Bool { sign == "-" || sign == "−" }
  }

  private static func read(_ typed: String, unread: inout String?) -> Target? {
    var words = AnswerTokens(Optional(typed).answered ?? "")
    // "zero defects" is a number.
    for index in words.tokens.indices where words.tokens[index].isWord && words.tokens[index].text == "zero" {
      words.tokens[index].kind = .number
      words.tokens[index].text = "0"
    }
    guard words.tokens.contains(where: \.isNumber) else { return nil }

    let deadline = takeDeadline(from: &words)
    let period = takePeriod(from: &words)

    // "from 30 to 45", "increase NPS to 45": the number that counts is the one after "to".
    let change = changeDirection(in: words)
    let from = aim("from", in: words)
    var start = 0
    var aimsTo = false
    if change != nil || from != nil, let to = aim("to", in: words) {
      start = to
      aimsTo = true
    }
    guard var number = quantity(in: words, from: start) else { return nil }
    // The tokens read as numbers: every other number is left unread.
    var read: [Range<Int>] = []
    // "90-day retention 85%": a number that only qualifies the KPI's name is not the target.
    if let qualifier = adjectiveEnd(in: words, after: number.end),
      let later = quantity(in: words, from: number.end)
    {
      read.append(number.start..<qualifier)
      number = later
    }
    let fromNumber = from.flatMap { quantity(in: words, from: $0) }
    if aimsTo, let fromNumber { read.append(fromNumber.start..<fromNumber.end) }
    guard var value = words[number.digits].value.map({ $0 * number.magnitude }),
      // Hundreds of digits overflow to infinity: no board can check that.
      value.isFinite
    else { return nil }

    var (unit, unitEnd) = readUnit(in: words, at: number.end)
    if let currency = number.currency { unit = .currency(currency) }
    // "3:1" (a ratio, as in LTV:CAC) is one value.
    if unit == nil, words.at(unitEnd)?.is(":") == true, words.at(unitEnd + 1)?.isPlainNumber() == true {
      unitEnd += 2
    }
    read.append(number.start..<unitEnd)
    unread = firstUnreadNumber(in: words, outside: read)
    let trailingPlus = words.at(unitEnd)?.is("+") == true

    let direction: Target.Direction
    if let stated = comparator(in: words) {
      direction = stated
    } else if trailingPlus {
      direction = .atLeast
    } else if let change {
      direction = aimsTo ? (change == .increase ? .atLeast : .atMost) : change
    } else if aimsTo, let fromNumber, let fromValue = words[fromNumber.digits].value {
      direction = fromValue * fromNumber.magnitude > value ? .atMost : .atLeast
    } else if number.sign == "+" {
      direction = .increase
    } else if number.isNegative {
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
    case .atLeast, .atMost, .above, .below, .exactly: if number.isNegative { value = -value }
    }
    return Target(direction: direction, value: value, unit: unit, period: period, deadline: deadline)
  }

  /// The first number in `words` outside every range in `read`, with the signs and symbols
  /// written against it (`+2` of `=1+2`); `nil` when every number was read. A digit inside a
  /// word (`p95`, `G2`) is part of a name, not a number.
  private static func firstUnreadNumber(in words: AnswerTokens, outside read: [Range<Int>]) -> String? {
    var from = 0
    while let number = quantity(in: words, from: from) {
      from = number.end
      if read.contains(where: { $0.contains(number.digits) }) { continue }
      var start = number.digits
      while start > 0, !words[start].spaced, !read.contains(where: { $0.contains(start - 1) }) { start -= 1 }
      var end = number.digits + 1
      while end < words.count, !words[end].spaced { end += 1 }
      return (start..<end).map { words[$0].text }.joined()
    }
    return nil
  }

  // MARK: - Deadline

  /// Takes the deadline out of `words`: one that is a deadline on its own ("Q4", "end of year",
  /// "2027-06-30"), one that needs a "by" ("by June", "by 2027"), or a time limit on another
  /// number ("80% of aged stock within 6 weeks": alone, "within 1 day" is the value).
  private static func takeDeadline(from words: inout AnswerTokens) -> String? {
    for shape in [datedDeadline, namedDeadline] {
      for index in words.tokens.indices where startsShape(words, at: index) {
        if let (group, end) = shape(words, index) {
          let text = tidy(words.typedText(group))
          words.remove(index..<end)
          return text
        }
      }
    }
    for index in words.tokens.indices where startsShape(words, at: index) {
      if let end = within(in: words, at: index) {
        var rest = words
        rest.remove(index..<end)
        guard rest.tokens.contains(where: \.isNumber) else { return nil }
        let text = words.typedText(index..<end).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        words = rest
        return text
      }
    }
    return nil
  }

  /// Whether a deadline may start at `index`: at the start, after whitespace, or right after a
  /// comma, parenthesis or semicolon.
  private static func startsShape(_ words: AnswerTokens, at index: Int) -> Bool {
    words[index].spaced || words[index - 1].is(",") || words[index - 1].is("(") || words[index - 1].is(";")
  }

  /// The index after "by", "before", "in", "due", "deadline:"… at `index`, followed by
  /// whitespace; `nil` when none is there.
  private static func afterLead(_ words: AnswerTokens, at index: Int, _ leads: Set<String>) -> Int? {
    guard words.word(at: index, in: leads) else { return nil }
    var next = index + 1
    if words[index].text == "deadline", words.at(next)?.is(":") == true, words.at(next)?.spaced == false {
      next += 1
    }
    return words.at(next)?.spaced == true ? next : nil
  }

  /// A deadline that is one on its own, with an optional lead word: the deadline's tokens and
  /// where the whole match ends.
  private static func datedDeadline(_ words: AnswerTokens, _ index: Int) -> (Range<Int>, Int)? {
    if let start = afterLead(words, at: index, datedLeads), let end = datedShape(in: words, at: start) {
      return (start..<end, end)
    }
    return datedShape(in: words, at: index).map { (index..<$0, $0) }
  }

  /// The words a deadline that is one on its own can start with (or else a number).
  private static let datedShapeStarts: Set<String> = ["the", "end", "eoy", "eoq", "eom", "q", "h", "fy"]
  private static let datedLeads: Set<String> = ["by", "before", "until", "till", "in", "due", "deadline"]
  private static let namedLeads: Set<String> = ["by", "before", "until", "till", "in"]

  /// "end of the year", "eoq", "Q4 2026", "H2", "FY27", "2027-06-30", "30/6/2027".
  private static func datedShape(in words: AnswerTokens, at index: Int) -> Int? {
    guard let first = words.at(index), first.isNumber || datedShapeStarts.contains(first.text) else {
      return nil
    }
    var at = index
    if words.word(at: at, "the"), words.at(at + 1)?.spaced == true { at += 1 }
    if words.word(at: at, "end"), words.word(at: at + 1, "of"), words[at + 1].spaced {
      var next = at + 2
      if words.word(at: next, "the"), words.at(next + 1)?.spaced == true { next += 1 }
      guard words.at(next)?.spaced == true else { return nil }
      if words.word(at: next, "year", "quarter", "month") { return ending(words, next + 1) }
      if words.word(at: next, "fy") { return endingWithYear(words, next + 1) }
      if let half = quarterOrHalf(words, at: next) { return endingWithYear(words, half) }
      return nil
    }
    guard at == index else { return nil }
    if words.word(at: index, "eoy", "eoq", "eom") { return ending(words, index + 1) }
    if let half = quarterOrHalf(words, at: index) { return endingWithYear(words, half) }
    if words.word(at: index, "fy") {
      var next = index + 1
      if words.at(next)?.is("'") == true, words.at(next + 1)?.spaced == false,
        words.at(next + 1)?.isPlainNumber(digits: 2...2) == true
      {
        next += 1
      } else if !(words.at(next)?.isPlainNumber(digits: 2...2) == true || isYear(words.at(next))) {
        return nil
      }
      return ending(words, next + 1)
    }
    // 2027-06-30
    if words[index].isPlainNumber(digits: 4...4), glued(words, index + 1, "-"),
      gluedNumber(words, index + 2, 2...2),
      glued(words, index + 3, "-"), gluedNumber(words, index + 4, 2...2)
    {
      return ending(words, index + 5)
    }
    // 30/6/2027
    if words[index].isPlainNumber(digits: 1...2), glued(words, index + 1, "/"),
      gluedNumber(words, index + 2, 1...2),
      glued(words, index + 3, "/"), gluedNumber(words, index + 4, 2...4)
    {
      return ending(words, index + 5)
    }
    return nil
  }

  private static func gluedNumber(_ words: AnswerTokens, _ index: Int, _ digits: ClosedRange<Int>) -> Bool {
    guard let token = words.at(index) else { return false }
    return !token.spaced && token.isPlainNumber(digits: digits)
  }

  /// The end of "q1"–"q4" or "h1"–"h2" at `index`.
  private static func quarterOrHalf(_ words: AnswerTokens, at index: Int) -> Int? {
    guard let letter = words.at(index), letter.isWord, let digit = words.at(index + 1), !digit.spaced,
      digit.isPlainNumber(digits: 1...1)
    else { return nil }
    switch letter.text {
    case "q": return ["1", "2", "3", "4"].contains(digit.text) ? index + 2 : nil
    case "h": return ["1", "2"].contains(digit.text) ? index + 2 : nil
    default: return nil
    }
  }

  private static func isYear(_ token: AnswerTokens.Token?) -> Bool {
    guard let token, token.isPlainNumber(digits: 4...4) else { return false }
    return token.text.hasPrefix("20")
  }

  /// `end`, or past a year written after it ("Q4 2026", "Q4 FY27", "Q4 '27") when one is.
  private static func endingWithYear(_ words: AnswerTokens, _ end: Int) -> Int? {
    var at = end
    if words.word(at: at, "fy") { at += 1 }
    if isYear(words.at(at)) {
      if let ended = ending(words, at + 1) { return ended }
    } else if words.at(at)?.is("'") == true, words.at(at + 1)?.spaced == false,
      words.at(at + 1)?.isPlainNumber(digits: 2...2) == true, let ended = ending(words, at + 2)
    {
      return ended
    }
    return ending(words, end)
  }

  /// `end` when no letter or digit is glued to it.
  private static func ending(_ words: AnswerTokens, _ end: Int) -> Int? {
    words.continues(at: end) ? nil : end
  }

  private static func glued(_ words: AnswerTokens, _ index: Int, _ symbol: Character) -> Bool {
    guard let token = words.at(index) else { return false }
    return token.is(symbol) && !token.spaced
  }

  /// A deadline that needs a lead word ("by June", "by June 30th, 2027", "in 2027", "by
  /// year-end").
  private static func namedDeadline(_ words: AnswerTokens, _ index: Int) -> (Range<Int>, Int)? {
    guard let start = afterLead(words, at: index, namedLeads) else { return nil }
    if words.word(at: start, "year"), let next = words.at(start + 1) {
      if next.is("-"), !next.spaced, words.word(at: start + 2, "end"), !words[start + 2].spaced,
        let end = ending(words, start + 3)
      {
        return (start..<end, end)
      }
      if next.isWord, next.text == "end", let end = ending(words, start + 2) { return (start..<end, end) }
      return nil
    }
    if isYear(words.at(start)), let end = ending(words, start + 1) { return (start..<end, end) }
    guard words.word(at: start, in: months) else { return nil }
    var ends = [start + 1]
    if words.at(start + 1)?.is(".") == true, !words[start + 1].spaced { ends = [start + 2] }
    let month = ends[0]
    if words.at(month)?.spaced == true, words.at(month)?.isPlainNumber(digits: 1...2) == true {
      ends.append(month + 1)
      if words.word(at: month + 1, "st", "nd", "rd", "th"), !words[month + 1].spaced {
        ends.append(month + 2)
      }
    }
    for end in ends {
      var at = end
      if words.at(at)?.is(",") == true, !words[at].spaced { at += 1 }
      if words.at(at)?.spaced == true, isYear(words.at(at)) { ends.append(at + 1) }
    }
    for end in ends.sorted(by: >) where ending(words, end) != nil {
      return (start..<end, end)
    }
    return nil
  }

  private static let months: Set<String> = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov",
    "dec",
  ]

  /// "within 6 weeks", "within the next 2 business days", "within a week": where it ends.
  private static func within(in words: AnswerTokens, at index: Int) -> Int? {
    guard words.word(at: index, "within"), words.at(index + 1)?.spaced == true else { return nil }
    var at = index + 1
    if words.word(at: at, "the"), words.at(at + 1)?.spaced == true { at += 1 }
    if words.word(at: at, "next", "first"), words.at(at + 1)?.spaced == true { at += 1 }
    guard words.at(at)?.isPlainNumber() == true || words.word(at: at, "a", "an", "one") else { return nil }
    at += 1
    if words.word(at: at, "business", "working", "calendar"), words.at(at + 1)?.spaced == true { at += 1 }
    guard words.word(at: at, in: withinUnits) else { return nil }
    return ending(words, at + 1)
  }

  private static let withinUnits: Set<String> = [
    "day", "days", "week", "weeks", "wk", "wks", "month", "months", "mo", "mos", "mth", "mths", "quarter",
    "quarters", "qtr", "qtrs", "year", "years", "yr", "yrs", "hour", "hours", "hr", "hrs", "minute",
    "minutes",
    "min", "mins", "second", "seconds", "sec", "secs",
  ]

  private static func tidy(_ deadline: String) -> String {
    var text = deadline.trimmingCharacters(in: .whitespaces)
    if text.lowercased().hasPrefix("the ") { text = String(text.dropFirst(4)) }
    return text
  }

  // MARK: - Period

  /// Takes the period out of `words`: a period-over-period comparison ("YoY", "month on
  /// month"), then a rate ("per month", "/mo", "a week").
  private static func takePeriod(from words: inout AnswerTokens) -> String? {
    for (forms, canonical) in comparisons {
      guard let (start, end) = firstComparison(forms, in: words) else { continue }
      words.remove(start..<end)
      // Said twice ("WoW 5 WoW"), it is still one period: left in, the second would join the
      // unit, and the summary ("≥ 5 wow WoW") would read back in another order.
      while let (start, end) = firstComparison(forms, in: words) { words.remove(start..<end) }
      return canonical
    }
    // "per month", "per rep" (never "per cent").
    if let index = words.tokens.indices.first(where: {
      words.word(at: $0, "per") && words.at($0 + 1)?.isWord == true && words[$0 + 1].spaced
        && words[$0 + 1].text != "cent"
    }) {
      let word = words[index + 1].text
      words.remove(index..<index + 2)
      return "per " + canonicalTime(word)
    }
    // "/mo", "/ week".
    if let index = words.tokens.indices.first(where: {
      words[$0].is("/") && words.word(at: $0 + 1, in: times)
    }) {
      let word = words[index + 1].text
      words.remove(index..<index + 2)
      return "per " + canonicalTime(word)
    }
    // "a week", "every month".
    if let index = words.tokens.indices.first(where: {
      words.word(at: $0, "a", "an", "each", "every")
        && words.word(at: $0 + 1, "day", "week", "month", "quarter", "year")
        && words[$0 + 1].spaced
    }) {
      let word = words[index + 1].text
      words.remove(index..<index + 2)
      return "per " + word
    }
    return nil
  }

  private static let times: Set<String> = [
    "day", "days", "week", "weeks", "wk", "month", "months", "mo", "mth", "quarter", "quarters", "qtr",
    "year",
    "years", "yr", "hour", "hr", "h", "d",
  ]

  /// Each period-over-period comparison: its forms (a word, or letters joined by "/" or "-":
  /// "y/y", "y-o-y", "year-over-year", "year on year") and its canonical name.
  private static let comparisons: [(forms: [[String]], canonical: String)] =
    [
      ("year", "y", "YoY"), ("quarter", "q", "QoQ"), ("month", "m", "MoM"), ("week", "w", "WoW"),
    ].map { word, letter, canonical in
      let short = canonical.lowercased()
      return (
        [
          [short], [letter, "/", letter], [letter, "-", "o", "-", letter], [word, "over", word],
          [word, "-", "over", "-", word],
          [word, "on", word], [word, "-", "on", "-", word], [word, "-", "over", word],
          [word, "over", "-", word],
          [word, "-", "on", word], [word, "on", "-", word],
        ], canonical
      )
    } + [([["per", "annum"], ["annually"], ["annualised"], ["annualized"]], "per year")]

  /// The first place one of `forms` is written, as a range of tokens. In a form, words follow
  /// one another across whitespace; "/" and "-" are glued between the words they join.
  private static func firstComparison(_ forms: [[String]], in words: AnswerTokens) -> (Int, Int)? {
    for start in words.tokens.indices where words[start].isWord {
      for form in forms where words[start].text == form[0] {
        var at = start + 1
        var matched = true
        for (offset, part) in form.enumerated().dropFirst() {
          guard let token = words.at(at), token.text == part else {
            matched = false
            break
          }
          let joiner = part == "/" || part == "-"
          let afterJoiner = form[offset - 1] == "/" || form[offset - 1] == "-"
          // Joined parts are glued; words that follow words stand after whitespace.
          if joiner || afterJoiner ? token.spaced : !token.spaced {
            matched = false
            break
          }
          at += 1
        }
        if matched, !(words.at(at)?.isWord ?? false) || words[at].spaced { return (start, at) }
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

  /// The first number written at or after `index`: an optional sign and currency symbol, the
  /// digits, and a magnitude ("k", "M", "bn", "million"). A number glued to a letter, digit,
  /// full stop or comma before it is part of something else ("p95", "1.2.3").
  private static func quantity(in words: AnswerTokens, from index: Int) -> Quantity? {
    var start = index
    while start < words.count {
      if let found = quantity(in: words, at: start) { return found }
      start += 1
    }
    return nil
  }

  private static func quantity(in words: AnswerTokens, at start: Int) -> Quantity? {
    guard startsNumber(words, at: start) else { return nil }
    var at = start
    var sign: Character?
    var currency: String?
    // A sign is glued to what it signs: a dash between spaces separates ("team - 1,200").
    if let token = words.at(at), token.kind == .symbol, let first = token.text.first, "+-−".contains(first),
      words.at(at + 1)?.spaced == false
    {
      sign = first
      at += 1
    }
    if let token = words.at(at), token.kind == .symbol, currencySymbols.contains(token.text) {
      currency = token.text
      at += 1
    }
    guard let digits = words.at(at), digits.isNumber else { return nil }
    var end = at + 1
    var magnitude = 1.0
    if let next = words.at(end), next.isWord {
      if !next.spaced, let letter = letterMagnitudes[next.text] {
        magnitude = letter
        end += 1
      } else if let word = wordMagnitudes[next.text] {
        magnitude = word
        end += 1
      }
    }
    return Quantity(start: start, digits: at, end: end, sign: sign, currency: currency, magnitude: magnitude)
  }

  /// Whether a number may start at `index`: not glued to a letter, digit, "." or "," before it.
  private static func startsNumber(_ words: AnswerTokens, at index: Int) -> Bool {
    let token = words[index]
    guard !token.spaced, let before = words.at(index - 1) else { return true }
    return before.kind == .symbol && !before.is(".") && !before.is(",")
  }

  private static let currencySymbols: Set<String> = ["$", "€", "£", "¥"]
  private static let letterMagnitudes: [String: Double] = [
    "k": 1e3, "m": 1e6, "mm": 1e6, "b": 1e9, "bn": 1e9,
  ]
  private static let wordMagnitudes: [String: Double] = ["thousand": 1e3, "million": 1e6, "billion": 1e9]

  static let currencyCodes = [
    "usd": "$", "eur": "€", "gbp": "£", "jpy": "¥", "chf": "CHF", "cad": "CAD", "aud": "AUD",
  ]

  /// "90-day", "30 day", "7-day active users": where the word that makes the number an adjective
  /// ends, right after it.
  private static func adjectiveEnd(in words: AnswerTokens, after end: Int) -> Int? {
    guard let next = words.at(end) else { return nil }
    if next.is("-"), !next.spaced, words.word(at: end + 1, in: adjectives), !words[end + 1].spaced {
      return end + 2
    }
    return next.spaced && words.word(at: end, in: adjectives) ? end + 1 : nil
  }

  private static let adjectives: Set<String> = ["day", "week", "month", "quarter", "year", "hour", "minute"]

  /// Units written right after the number, each a list of word forms and the unit they are.
  private static let fixedUnits: [(forms: [[String]], unit: Target.Unit)] = [
    (
      [
        ["percentage", "points"], ["percentage", "point"], ["pp"], ["p", ".", "p", "."], ["ppts"], ["ppt"],
        ["pts"],
        ["pt"], ["points"], ["point"],
      ], .points
    ),
    ([["%"], ["percent"], ["per", "cent"], ["pct"]], .percent),
    ([["x"], ["×"], ["times"]], .multiple),
    ([["calendar", "days"], ["calendar", "day"], ["calendar", "d"], ["days"], ["day"], ["d"]], .days),
    ([["hours"], ["hour"], ["hrs"], ["hr"], ["h"]], .hours),
    ([["minutes"], ["minute"], ["mins"], ["min"]], .custom("minutes")),
    ([["seconds"], ["second"], ["secs"], ["sec"], ["s"]], .custom("seconds")),
    ([["weeks"], ["week"], ["wks"], ["wk"]], .custom("weeks")),
  ]

  /// Units of time: a bare duration is a limit ("3 days" to resolve means at most three).
  private static let durations: [Target.Unit] = [
    .days, .hours, .custom("minutes"), .custom("seconds"), .custom("weeks"), .custom("business days"),
    .custom("business day"), .custom("working days"), .custom("working day"),
  ]

  /// The unit written right after the number, and where it ends.
  private static func readUnit(in words: AnswerTokens, at start: Int) -> (Target.Unit?, Int) {
    guard let first = words.at(start) else { return (nil, start) }
    // "2 business days" is not "2 days": the qualifier stays in the unit.
    if words.word(at: start, "business", "working"), words.word(at: start + 1, "day", "days"),
      words[start + 1].spaced
    {
      return (.custom(first.text + " " + words[start + 1].text), start + 2)
    }
    for (forms, unit) in fixedUnits {
      for form in forms {
        if let end = unitForm(form, in: words, at: start) { return (unit, end) }
      }
    }
    // "4.5/5"
    if first.is("/"), let scale = words.at(start + 1), scale.isPlainNumber(), !words.continues(at: start + 2)
    {
      return (.custom("out of " + scale.text), start + 2)
    }
    if first.kind == .symbol, currencySymbols.contains(first.text) {
      return (.currency(first.text), start + 1)
    }
    if first.isWord, let code = currencyCodes[first.text] { return (.currency(code), start + 1) }
    if words.word(at: start, "out"), words.word(at: start + 1, "of"), words[start + 1].spaced,
      let scale = words.at(start + 2), scale.spaced, scale.isPlainNumber()
    {
      return (.custom("out of " + scale.text), start + 3)
    }
    return nounUnit(in: words, at: start)
  }

  /// Where `form` ends when it is written at `index`: a word after a word stands after
  /// whitespace ("percentage points"), a symbol next to anything is glued to it ("p.p.").
  private static func unitForm(_ form: [String], in words: AnswerTokens, at index: Int) -> Int? {
    for (offset, part) in form.enumerated() {
      guard let token = words.at(index + offset), token.text == part else { return nil }
      if offset > 0, token.spaced != (token.isWord && words[index + offset - 1].isWord) { return nil }
    }
    return index + form.count
  }

  /// Any other noun the room used ("40 qualified leads", "12 units"): up to three words (letters
  /// with hyphens and apostrophes inside), cut at the first word that says something else
  /// ("40 deals or more" is deals).
  private static func nounUnit(in words: AnswerTokens, at start: Int) -> (Target.Unit?, Int) {
    var nouns: [String] = []
    var at = start
    while nouns.count < 3, let token = words.at(at), token.isWord, at == start || token.spaced {
      var noun = token.text
      at += 1
      while let next = words.at(at), !next.spaced, next.isWord || next.is("-") || next.is("'") {
        noun += next.text
        at += 1
      }
      nouns.append(noun)
    }
    // A stop word counts with punctuation around it too ("exactly-").
    let noun = nouns.prefix { !stopWords.contains($0) && !stopWords.contains($0.filter(\.isLetter)) }
    return noun.isEmpty ? (nil, start) : (.custom(noun.joined(separator: " ")), at)
  }

  /// Words that end a unit noun ("40 deals or more" is "deals"), with every word of a comparison
  /// phrase or verb of change and the magnitude words: a unit read as "exactly" (from
  /// "+2exactly") would show as "+2 exactly", which reads back as "= 2", and one read as
  /// "billion" (from "1.8k billion") as "≥ 1,800 billion", which reads back as 1.8 trillion.
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

  /// Comparison symbols and words: "≥", ">=", "at least", "no more than", "min 10"… `nil` when
  /// none is used.
  private static func comparator(in words: AnswerTokens) -> Target.Direction? {
    for (symbol, direction) in comparisonSymbols where contains(symbol, in: words) {
      return direction
    }
    // The first phrase of `comparisonPhrases` written anywhere: each word looks up only the
    // phrases that start with it.
    var first: (rank: Int, direction: Target.Direction)?
    for index in words.tokens.indices where words[index].isWord {
      for (rank, phrase, direction) in comparisonPhrasesByFirstWord[words[index].text] ?? []
      where rank < (first?.rank ?? .max) && words.phrase(phrase, at: index) != nil {
        first = (rank, direction)
      }
    }
    if let first { return first.direction }
    // "min 10", "max. 4": only right before a number, so "5 min" stays five minutes.
    for index in words.tokens.indices where words.word(at: index, "min", "max") && !words.isGlued(index) {
      var at = index + 1
      if words.at(at)?.is(".") == true, !words[at].spaced { at += 1 }
      if words.at(at)?.is(":") == true, !words[at].spaced { at += 1 }
      if numberFollows(words, at: at, spaces: false) {
        return words[index].text == "min" ? .atLeast : .atMost
      }
    }
    return nil
  }

  private static let comparisonSymbols: [([Character], Target.Direction)] = [
    ([">", "="], .atLeast), (["≥"], .atLeast), (["=", ">"], .atLeast), (["⩾"], .atLeast),
    (["<", "="], .atMost), (["≤"], .atMost), (["=", "<"], .atMost), (["⩽"], .atMost),
    ([">"], .above), (["<"], .below), (["="], .exactly),
  ]

  /// Whether the symbols are written one right after the other.
  private static func contains(_ symbols: [Character], in words: AnswerTokens) -> Bool {
    words.tokens.indices.contains { start in
      symbols.indices.allSatisfy { offset in
        guard let token = words.at(start + offset), token.is(symbols[offset]) else { return false }
        return offset == 0 || !token.spaced
      }
    }
  }

  /// Whether a number is written at `index`: a sign, a currency symbol and digits, with
  /// whitespace between them only when `spaces`.
  private static func numberFollows(_ words: AnswerTokens, at index: Int, spaces: Bool) -> Bool {
    var at = index
    if let token = words.at(at), token.kind == .symbol, let first = token.text.first, "+-−".contains(first) {
      at += 1
    }
    if let token = words.at(at), token.kind == .symbol, currencySymbols.contains(token.text) {
      if at > index, !spaces, token.spaced { return false }
      at += 1
    }
    guard let digits = words.at(at), digits.isNumber else { return false }
    return at == index || spaces || !digits.spaced
  }

  /// After "from" or "to" followed by a number: where the number starts (the first "to" only).
  private static func aim(_ word: String, in words: AnswerTokens) -> Int? {
    words.tokens.indices.first {
      words.word(at: $0, word) && !words.isGlued($0) && words.at($0 + 1)?.spaced == true
        && numberFollows(words, at: $0 + 1, spaces: true)
    }.map { $0 + 1 }
  }

  /// `comparisonPhrases` with their rank, by their first word.
  private static let comparisonPhrasesByFirstWord: [String: [(Int, [String], Target.Direction)]] =
    Dictionary(
      grouping: comparisonPhrases.enumerated().map { ($0.offset, $0.element.0, $0.element.1) },
      by: { $0.1[0] })

  /// Longest first, so "no more than" is read before "more than".
  private static let comparisonPhrases: [([String], Target.Direction)] = comparisonPhraseTexts.map {
    ($0.0.split(separator: " ").map(String.init), $0.1)
  }

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

  private static let increaseVerbs = increaseVerbTexts.map { $0.split(separator: " ").map(String.init) }
  private static let decreaseVerbs = decreaseVerbTexts.map { $0.split(separator: " ").map(String.init) }

  /// A verb of change ("increase", "reduce by"): `increase`/`decrease`, or `nil`; the earlier wins.
  private static func changeDirection(in words: AnswerTokens) -> Target.Direction? {
    for index in words.tokens.indices where words[index].isWord {
      for (phrase, direction) in changeVerbsByFirstWord[words[index].text] ?? []
      where words.phrase(phrase, at: index) != nil {
        return direction
      }
    }
    return nil
  }

  /// The verbs of change by their first word, each with the way it changes.
  private static let changeVerbsByFirstWord: [String: [([String], Target.Direction)]] = Dictionary(
    grouping: increaseVerbs.map { ($0, Target.Direction.increase) } + decreaseVerbs.map { ($0, .decrease) },
    by: { $0.0[0] })
}

import Foundation

/// Answers of every shape, for tests that hold a reader to a rule over many texts.
enum DifferentialText {
  /// Hand-picked answers, the fuzz corpus and dictionary, and generated text.
  static let corpus: [String] = handPicked + fuzz + generated(count: 1_500, seed: 7)

  static let handPicked = [
    "≥ 78%", ">= 4 per month", "+20% YoY", "revenue +20% year over year", "-15% QoQ", "< 3 days",
    "within 1 day", "$1.2M by Q4", "€500k", "£950", "80% of aged stock within 6 weeks",
    "increase NPS from 30 to 45", "reduce churn to 2% by end of year", "zero defects", "90-day retention 85%",
    "4.5 out of 5", "2 business days", "by June 30, 2027", "by 2027", "in Q4 2027x", "due: 2027-06-30",
    "12/31/27", "FY'27", "fy 2027", "H2 '27", "eoy", "min 10", "max. 4", "5 min", "no more than 4",
    "at or above 95 %", "1,200 qualified leads or more", "3.5x pipeline", "×3", "3 × coverage",
    "per cent", "10 percent", "5 pp", "p.p.", "$ 2.10 per unit", "USD 4m", "usd4m", "chf 300",
    "100 / 120", "5/mo", "a week", "every quarter", "per annum", "annualized 3%", "y-o-y", "Y/Y",
    "Dana Ruiz (CFO)", "Dana Ruiz, CFO", "Dana Ruiz – Head of Sales", "Head of Sales (Dana Ruiz)",
    "Marketing: Ana Lima", "Ana Lima and Bo Li", "Ana Lima AND Bo Li", "Ana & Bo", "Ana/Bo", "Ana, Bo",
    "Ana Lima with Bo", "Ana  and  Bo", "Ana and", "and Bo", "Ana - Bo", "Ana -Bo", "Ana:Bo", "Ana: Bo",
    "number of demos", "# of posts", "total sales calls", "calls per day", "posts a week",
    "supplier negotiations held", "no. of calls", "count of   meetings", "amount of emails",
    "30 days", "2 weeks", "1 quarter", "a month", "twelve", "3 mos\n", "3 days\r\n", "3 days\n\n",
    "", " ", "\t", "\n", "\r\n", "ZERO", "Zero-based", "zeroes", "tomorrow to 5", "from5to6",
    "naïve 5 cafés", "5 ſecs", "3 \u{212A}m", "İstanbul 5", "٣ days", "5 ½", "5\u{00A0}days", "e\u{301} 5",
    "Ünit 4 Öl", "≠ 5", "≤≥⩽⩾ 5", "−5 %", "5–7 days", "5—7", "“5” ‘x’ …", "5°", "• 5 · 6",
  ]

  /// The target fuzzer's corpus and dictionary, as text.
  static var fuzz: [String] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Fuzz")
    var texts: [String] = []
    let corpus = root.appendingPathComponent("Corpus/target")
    for name in (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [] {
      if let data = FileManager.default.contents(atPath: corpus.appendingPathComponent(name).path) {
        texts.append(String(decoding: data, as: UTF8.self))
      }
    }
    if let dictionary = try? String(
      contentsOf: root.appendingPathComponent("Dictionaries/target.dict"), encoding: .utf8)
    {
      for line in dictionary.split(separator: "\n") where line.hasPrefix("\"") && line.hasSuffix("\"") {
        texts.append(unescape(line.dropFirst().dropLast()))
      }
    }
    return texts
  }

  /// `\xHH` escapes of a fuzzer dictionary entry, as bytes.
  private static func unescape(_ entry: Substring) -> String {
    var bytes: [UInt8] = []
    var rest = Array(entry.utf8)[...]
    while let byte = rest.first {
      if byte == UInt8(ascii: "\\"), rest.count >= 4, rest[rest.startIndex + 1] == UInt8(ascii: "x"),
        let value = UInt8(String(decoding: rest.dropFirst(2).prefix(2), as: UTF8.self), radix: 16)
      {
        bytes.append(value)
        rest = rest.dropFirst(4)
      } else {
        bytes.append(byte)
        rest = rest.dropFirst()
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  static let tokens = [
    "per", "Per", "month", "MONTH", "mo", "wk", "a", "an", "each", "every", "day", "days", "d", "h", "hrs",
    "by", "before", "in", "due", "deadline:", "until", "the", "end", "of", "year", "Year", "quarter", "q4",
    "Q1",
    "h2", "fy", "FY", "2027", "'27", "27", "2027-06-30", "6/30/27", "eoy", "EOQ", "june", "Sept.", "1st",
    "within", "next", "first", "business", "working", "calendar", "zero", "to", "from", "k", "mm", "m", "bn",
    "thousand", "million", "1,200", "1,20", "3.5", ".5", "5.", "0", "42", "999", "-", "−", "+", "$", "€", "£",
    "¥", "%", "percent", "pct", "pp", "p.p.", "pts", "x", "×", "times", "out", "out of 5", "/", "/5", "min",
    "max.", "max:", "#", "number of", "no. of", "total", "calls", "demos", "meetings", "made", "held",
    "YoY", "y/y", "y-o-y", "year-over-year", "Year On Year", "qoq", "MoM", "w/w", "annually", "cent",
    "at least", "or more", "no more than", "not to exceed", "up to", "under", "over", "exceeds", "exactly",
    "increase", "Increased", "reduce", "cut", "down by", "up by", "reduction", "grow", "lower", ">=", "<=",
    "≥",
    "≤", "=>", "=<", ">", "<", "=", "and", "AND", "or", "with", "plus", "&", ",", ";", "|", "(", ")", ":",
    "Dana", "Ruiz", "CFO", "Head", "of", "Sales", "team", "lead", "board", "usd", "EUR", "chf", "deals",
    "or-more", "day-", "-day", "90-day", "'s", ".", "..", "!", "?", "\"", "é", "ſ", "\u{212A}", "İ", "½",
  ]

  static let separators = ["", " ", " ", " ", "  ", "\t", "-", ",", "\n", "\r\n", ".", "/", ": ", " - "]

  /// Texts of one to seven tokens, joined by random separators; the same every run.
  static func generated(count: Int, seed: UInt64) -> [String] {
    var random = Lehmer(seed: seed)
    return (0..<count).map { _ in
      var text = random.pick(separators) == " " ? " " : ""
      for index in 0..<(1 + random.next(7)) {
        if index > 0 { text += random.pick(separators) }
        text += random.pick(tokens)
      }
      return text
    }
  }

  /// Random ASCII text of up to `length` bytes from `alphabet`.
  static func plain(count: Int, length: Int, alphabet: String, seed: UInt64) -> [String] {
    var random = Lehmer(seed: seed)
    let characters = Array(alphabet.utf8)
    return (0..<count).map { _ in
      String(decoding: (0..<random.next(length + 1)).map { _ in random.pick(characters) }, as: UTF8.self)
    }
  }
}

/// A small seeded generator, so the texts are the same on every run.
struct Lehmer {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
  }

  mutating func next(_ bound: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(bound))
  }

  mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
}

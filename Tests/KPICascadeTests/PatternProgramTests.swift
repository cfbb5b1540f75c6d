import Foundation
import Testing

@testable import KPICascade

/// The module's own matcher against ICU, on every pattern the answer readers use: the same
/// match, the same groups, the same replacement, for hand-picked answers, the fuzz corpus and
/// dictionary, and generated text mixing the patterns' words with odd case, spacing,
/// punctuation and non-ASCII letters (which go to ICU, and must still agree).
@Suite("PatternProgram against ICU")
struct PatternProgramTests {
  static let patterns: [AnswerPattern] =
    TargetReading.patterns + AccountablePerson.patterns + ActivityCheck.patterns + LeadTime.patterns

  @Test func everyPatternIsReadByTheMatcher() {
    for pattern in Self.patterns {
      #expect(pattern.hasProgram, "not compiled: \(pattern.pattern)")
    }
  }

  @Test func matchesAgreeWithICU() {
    var compared = 0
    for text in DifferentialText.corpus {
      let scalars = Array(text.unicodeScalars.indices)
      let starts: [String.Index?] = [nil] + [1, 2, 5].compactMap { $0 < scalars.count ? scalars[$0] : nil }
      for pattern in Self.patterns {
        for start in starts {
          let mine = pattern.firstMatch(in: text, from: start, byICU: false)
          let icu = pattern.firstMatch(in: text, from: start, byICU: true)
          let a = mine.map { Self.offsets($0, in: text) }
          let b = icu.map { Self.offsets($0, in: text) }
          #expect(a == b, "\(pattern.pattern) on \(text.debugDescription) from \(Self.offset(start, text))")
          compared += 1
        }
      }
    }
    #expect(compared > 100_000)
  }

  @Test func replacementsAgreeWithICU() {
    for text in DifferentialText.corpus {
      for pattern in Self.patterns {
        #expect(
          pattern.replacingMatches(in: text, with: "|", byICU: false)
            == pattern.replacingMatches(in: text, with: "|", byICU: true),
          "\(pattern.pattern) on \(text.debugDescription)")
      }
    }
  }

  @Test func handPickedCases() throws {
    let number = try #require(Self.patterns.first { $0.pattern.contains("thousand|million") })
    let match = try #require(number.firstMatch(in: "about -$1,200.5k deals"))
    #expect(match.group(0) == "-$1,200.5k")
    #expect(match.group(1) == "-")
    #expect(match.group(2) == "$")
    #expect(match.group(3) == "1,200.5")
    #expect(match.group(4) == "k")
    #expect(match.group(5) == nil)
    // "ſ" folds onto "s" in ICU: such text is ICU's to read, and it says "plus".
    #expect(AccountablePerson.peopleByPattern(in: "Ana Lima PLUſ Bo Li") == ["Ana Lima", "Bo Li"])
  }

  private static func offset(_ index: String.Index?, _ text: String) -> Int {
    index.map { text.utf8.distance(from: text.startIndex, to: $0) } ?? -1
  }

  private static func offsets(_ match: AnswerMatch, in text: String) -> [[Int]?] {
    match.groupRanges.map { range in range.map { [offset($0.lowerBound, text), offset($0.upperBound, text)] }
    }
  }
}

/// Texts for comparing a fast path with the slow one it replaces.
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

/// `PhraseScan` against the phrase patterns it stands in for, over every phrase target
/// reading uses.
@Suite("PhraseScan against the phrase patterns")
struct PhraseScanTests {
  static let phrases =
    TargetReading.comparisonPhraseTexts.map(\.0) + TargetReading.increaseVerbTexts
    + TargetReading.decreaseVerbTexts

  @Test func everyPhraseIsPlain() {
    #expect(TargetReading.phrasesArePlain)
  }

  @Test func firstOccurrenceAsThePattern() {
    let patterns = Self.phrases.map { ($0, Array($0.utf8), AnswerPattern(phrase: $0)) }
    var scanned = 0
    let texts = DifferentialText.corpus + Self.phrases.map { "Not \($0.uppercased()), 5x \($0)s \($0)" }
    for text in texts {
      guard let scan = PhraseScan(text) else { continue }
      scanned += 1
      for (phrase, bytes, pattern) in patterns {
        let icu = pattern.firstMatch(in: text, from: nil, byICU: true).map {
          text.utf8.distance(from: text.startIndex, to: $0.range.lowerBound)
        }
        #expect(scan.firstOffset(of: bytes) == icu, "'\(phrase)' in \(text.debugDescription)")
      }
    }
    #expect(scanned > 1_000)
  }
}

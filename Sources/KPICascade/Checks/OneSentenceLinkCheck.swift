import Foundation

/// One-sentence link: every department KPI says, in one sentence, how it moves its company KPI.
/// No sentence, or a link that needs several, marks a vanity-metric candidate.
public struct OneSentenceLinkCheck: AlignmentCheck {
  public let kind = CheckKind.link
  /// Fewer words than this cannot say *how* ("drives revenue").
  public static let shortestLink = 4

  public init() {}

  /// One finding per department KPI id.
  public func findings(in cascade: Cascade) -> [Finding] {
    cascade.departmentKPIs.map { finding($0, in: cascade) }
  }

  public func findings(about subject: String, in cascade: Cascade) -> [Finding] {
    cascade.departmentKPI(subject).map { [finding($0, in: cascade)] } ?? []
  }

  private func finding(_ kpi: DepartmentKPI, in cascade: Cascade) -> Finding {
    let outcome = cascade.name(of: kpi.companyKPI)
    guard let link = kpi.linkSentence.answered else {
      return Finding(check: kind, verdict: .fail, subject: kpi.id, .noLink(outcome))
    }
    let sentences = Self.sentenceCount(link)
    if sentences > 1 {
      return Finding(check: kind, verdict: .fail, subject: kpi.id, .linkOfSentences(sentences, outcome))
    }
    if PlainText.wordCount(link) < Self.shortestLink {
      return Finding(check: kind, verdict: .warn, subject: kpi.id, .linkTooShort(link, outcome))
    }
    return Finding(check: kind, verdict: .pass, subject: kpi.id, .linked(outcome))
  }

  /// Sentences in a text: terminators (. ! ?) followed by a space and more text, plus one.
  ///
  /// Decimals ("2.5") and abbreviations ("e.g.", "vs.", "J. Smith") do not end a sentence.
  public static func sentenceCount(_ text: String) -> Int {
    if let bytes = PlainText.bytes(of: text) { return sentenceCount(plain: bytes) }
    return sentenceCountByCharacters(text)
  }

  /// `sentenceCount` through `Character`: text that is not plain ASCII, and the test of the
  /// byte path.
  static func sentenceCountByCharacters(_ text: String) -> Int {
    let characters = Array(text.trimmingCharacters(in: .whitespacesAndNewlines))
    guard !characters.isEmpty else { return 0 }
    let terminators: Set<Character> = [".", "!", "?", "…"]
    let closers: Set<Character> = ["\"", "'", ")", "”", "’", "]"]
    var count = 1
    var index = 0
    while index < characters.count {
      guard terminators.contains(characters[index]) else {
        index += 1
        continue
      }
      var end = index
      while end < characters.count && terminators.contains(characters[end]) { end += 1 }
      var next = end
      while next < characters.count && closers.contains(characters[next]) { next += 1 }
      let spaced = next < characters.count && characters[next].isWhitespace
      while next < characters.count && characters[next].isWhitespace { next += 1 }
      let lone = characters[index] == "." && end == index + 1
      if spaced && next < characters.count && !(lone && endsAbbreviation(characters, at: index)) {
        count += 1
      }
      index = end
    }
    return count
  }

  /// `sentenceCount` of plain ASCII text, byte by byte: the same rules, where a byte is a
  /// character (the curly closers and "…" are not ASCII).
  private static func sentenceCount(plain bytes: [UInt8]) -> Int {
    var lower = 0
    var upper = bytes.count
    while lower < upper && PlainText.isSpace(bytes[lower]) { lower += 1 }
    while upper > lower && PlainText.isSpace(bytes[upper - 1]) { upper -= 1 }
    guard lower < upper else { return 0 }
    func isTerminator(_ byte: UInt8) -> Bool { byte == 0x2E || byte == 0x21 || byte == 0x3F }
    func isCloser(_ byte: UInt8) -> Bool { byte == 0x22 || byte == 0x27 || byte == 0x29 || byte == 0x5D }
    var count = 1
    var index = lower
    while index < upper {
      guard isTerminator(bytes[index]) else {
        index += 1
        continue
      }
      var end = index
      while end < upper && isTerminator(bytes[end]) { end += 1 }
      var next = end
      while next < upper && isCloser(bytes[next]) { next += 1 }
      let spaced = next < upper && PlainText.isSpace(bytes[next])
      while next < upper && PlainText.isSpace(bytes[next]) { next += 1 }
      let lone = bytes[index] == 0x2E && end == index + 1
      if spaced && next < upper && !(lone && endsAbbreviation(plain: bytes, from: lower, at: index)) {
        count += 1
      }
      index = end
    }
    return count
  }

  /// `endsAbbreviation` in plain ASCII text starting at `first`.
  private static func endsAbbreviation(plain bytes: [UInt8], from first: Int, at dot: Int) -> Bool {
    var start = dot
    while start > first && !PlainText.isSpace(bytes[start - 1]) && bytes[start - 1] != 0x28 { start -= 1 }
    let word = bytes[start..<dot]
    return word.count == 1 || word.contains(0x2E)
      || abbreviations.contains(PlainText.string(word.map(PlainText.lowercased)))
  }

  private static let abbreviations: Set<String> = [
    "e.g", "eg", "i.e", "ie", "etc", "vs", "approx", "incl", "esp", "mr", "mrs", "ms", "dr", "st",
    "no", "inc", "ltd", "co", "corp", "jr", "sr", "cf", "viz", "al", "fig", "est", "avg", "min",
    "max", "dept", "a.m", "p.m", "u.s", "u.k", "resp", "wrt", "w.r.t", "p.a", "yr", "mo", "wk",
  ]

  /// Whether the word before the full stop at `dot` is an abbreviation or an initial.
  private static func endsAbbreviation(_ characters: [Character], at dot: Int) -> Bool {
    var start = dot
    while start > 0 && !characters[start - 1].isWhitespace && characters[start - 1] != "(" { start -= 1 }
    let word = String(characters[start..<dot]).lowercased()
    return word.count == 1 || abbreviations.contains(word) || word.contains(".")
  }
}

extension Finding.Message {
  /// `outcome` is the company KPI the link must reach.
  static func noLink(_ outcome: String) -> Self {
    Self("no link sentence: vanity-metric candidate", remedy: sayHow(outcome))
  }
  static func linkOfSentences(_ count: Int, _ outcome: String) -> Self {
    Self("the link takes \(count) sentences: vanity-metric candidate", remedy: sayHow(outcome))
  }
  static func linkTooShort(_ link: String, _ outcome: String) -> Self {
    Self(
      "'\(link)' is too short to show how it moves \(outcome)",
      remedy: "say how, e.g. 'more qualified demos turn into more new revenue'")
  }
  static func linked(_ outcome: String) -> Self { Self("one sentence links it to \(outcome)") }
  private static func sayHow(_ outcome: String) -> String {
    "say in one sentence how it moves \(outcome), or remove it"
  }
}

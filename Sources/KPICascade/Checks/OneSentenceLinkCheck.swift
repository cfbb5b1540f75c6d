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
    guard let link = kpi.link, let text = kpi.linkSentence.answered else {
      return Finding(check: kind, verdict: .fail, subject: kpi.id, .noLink(outcome))
    }
    if link.sentences > 1 {
      return Finding(check: kind, verdict: .fail, subject: kpi.id, .linkOfSentences(link.sentences, outcome))
    }
    if link.words < Self.shortestLink {
      return Finding(check: kind, verdict: .warn, subject: kpi.id, .linkTooShort(text, outcome))
    }
    return Finding(check: kind, verdict: .pass, subject: kpi.id, .linked(outcome))
  }

  /// Sentences in a text: terminators (. ! ?) followed by a space and more text, plus one.
  ///
  /// Decimals ("2.5") and abbreviations ("e.g.", "vs.", "J. Smith") do not end a sentence.
  public static func sentenceCount(_ text: String) -> Int {
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

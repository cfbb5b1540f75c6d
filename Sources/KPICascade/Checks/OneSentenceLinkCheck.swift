import Foundation

/// One-sentence link: every department KPI says, in one sentence, how it moves its company KPI:
/// it names that KPI's outcome (a word of its name, or a word the outcome is known by) and a
/// mechanism ("drives", "turns into", "so that", "because"). Anything else marks a vanity metric,
/// which fails unless the room accepts it with a reason (`/accept`); so does a KPI named like one
/// ("followers", "page views") whose link does not pass.
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
    let reached = cascade.companyKPI(kpi.companyKPI).map { link.names($0.outcome) } ?? false
    if !reached || !link.hasMechanism {
      return Finding(
        check: kind, verdict: .fail, subject: kpi.id, .vanityLink(text, outcome, namesOutcome: reached))
    }
    if link.words < Self.shortestLink {
      if kpi.isVanityShaped {
        return Finding(check: kind, verdict: .fail, subject: kpi.id, .vanityName(kpi.name, outcome))
      }
      return Finding(check: kind, verdict: .warn, subject: kpi.id, .linkTooShort(text, outcome))
    }
    return Finding(check: kind, verdict: .pass, subject: kpi.id, .linked(outcome))
  }

  /// Sentences in a text: terminators (. ! ?) followed by a space and more text, plus one.
  ///
  /// Decimals ("2.5") and abbreviations ("e.g.", "vs.", "J. Smith") do not end a sentence.
  public static func sentenceCount(_ text: String) -> Int {
    sentenceCount(AnswerTokens(text))
  }

  static func sentenceCount(_ tokens: AnswerTokens) -> Int {
    guard !tokens.isEmpty else { return 0 }
    func isTerminator(_ token: AnswerTokens.Token) -> Bool {
      token.kind == .symbol && terminators.contains(token.text)
    }
    var count = 1
    var index = 0
    while index < tokens.count {
      guard isTerminator(tokens[index]) else {
        index += 1
        continue
      }
      var end = index + 1
      while end < tokens.count, !tokens[end].spaced, isTerminator(tokens[end]) { end += 1 }
      var next = end
      while next < tokens.count, !tokens[next].spaced, tokens[next].kind == .symbol,
        closers.contains(tokens[next].text)
      {
        next += 1
      }
      let moreAfterSpace = next < tokens.count && tokens[next].spaced
      let lone = tokens[index].is(".") && end == index + 1
      if moreAfterSpace && !(lone && endsAbbreviation(tokens, at: index)) { count += 1 }
      index = end
    }
    return count
  }

  private static let terminators: Set<String> = [".", "!", "?", "…"]
  private static let closers: Set<String> = ["\"", "'", ")", "”", "’", "]"]

  /// Whether the word before the full stop at `dot` (back to whitespace or "(") is an
  /// abbreviation ("e.g", "vs") or an initial ("J").
  private static func endsAbbreviation(_ tokens: AnswerTokens, at dot: Int) -> Bool {
    var start = dot
    while start > 0, !tokens[start].spaced, !tokens[start - 1].is("(") { start -= 1 }
    let word = (start..<dot).map { tokens[$0].text.lowercased() }.joined()
    return word.count == 1 || abbreviations.contains(word) || word.contains(".")
  }

  /// Whether a KPI name is a known vanity shape: counts of attention that move nothing by
  /// themselves.
  public static func isVanityShaped(_ name: String) -> Bool {
    let words = AnswerTokens(name).tokens.filter(\.isWord).map(\.text)
    if words.contains(where: vanityWords.contains) { return true }
    return zip(words, words.dropFirst()).contains {
      ["page", "video", "profile"].contains($0) && ["views", "view"].contains($1)
    }
  }

  private static let vanityWords: Set<String> = [
    "followers", "follower", "likes", "impressions", "downloads", "visits", "visitors", "opens",
    "pageviews", "subscribers", "fans", "reach", "mentions", "retweets", "shares", "hits",
  ]

  private static let abbreviations: Set<String> = [
    "e.g", "eg", "i.e", "ie", "etc", "vs", "approx", "incl", "esp", "mr", "mrs", "ms", "dr", "st",
    "no", "inc", "ltd", "co", "corp", "jr", "sr", "cf", "viz", "al", "fig", "est", "avg", "min",
    "max", "dept", "a.m", "p.m", "u.s", "u.k", "resp", "wrt", "w.r.t", "p.a", "yr", "mo", "wk",
  ]

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
  static func vanityLink(_ link: String, _ outcome: String, namesOutcome: Bool) -> Self {
    Self(
      namesOutcome
        ? "'\(link)' names \(outcome) but not how this KPI moves it: vanity-metric candidate"
        : "'\(link)' does not reach \(outcome): vanity-metric candidate",
      remedy: "say how it moves \(outcome), or remove it")
  }
  static func vanityName(_ name: String, _ outcome: String) -> Self {
    Self(
      "'\(name)' is a vanity metric unless its link shows how it moves \(outcome)",
      remedy: "say how it moves \(outcome), or remove it")
  }
  private static func sayHow(_ outcome: String) -> String {
    "say in one sentence how it moves \(outcome), or remove it"
  }
}

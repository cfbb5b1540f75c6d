/// A one-sentence link as kpi-align reads it once, when it is given: how many sentences it takes,
/// how many words, which words (to find the company KPI's outcome in it) and whether it says a
/// mechanism ("drives", "turns into", "so that", "because").
public struct LinkSentence: Equatable, Sendable {
  /// Sentences: terminators (. ! ? …) followed by a space and more text, plus one; decimals
  /// ("2.5") and abbreviations ("e.g.", "vs.", "J. Smith") do not end a sentence.
  public let sentences: Int
  /// Words, as runs of anything but whitespace.
  public let words: Int
  /// Its words, lowercased, each also without a plural "s" ("bookings" is also "booking").
  let vocabulary: Set<String>
  /// Whether it says how one thing moves another: a verb of cause or change, a connective of
  /// consequence, or a comparison on both sides ("more demos, more deals").
  public let hasMechanism: Bool

  /// The link read from an answer, or `nil` when nothing was answered.
  public init?(_ answer: String?) {
    guard let text = answer.answered else { return nil }
    let tokens = AnswerTokens(text)
    sentences = OneSentenceLinkCheck.sentenceCount(tokens)
    words = tokens.tokens.count { $0.spaced }
    let said = tokens.tokens.filter(\.isWord).map(\.text)
    vocabulary = Outcome.vocabulary(of: said)
    hasMechanism =
      said.contains(where: Self.mechanisms.contains) || said.contains(where: Self.clauses.contains)
      || Self.connectives.contains { tokens.firstIndex(ofPhrase: $0) != nil }
      || said.count(where: Self.comparatives.contains) >= 2
  }

  /// Whether the link names `outcome`: a word of its name, or one the outcome is known by.
  public func names(_ outcome: Outcome) -> Bool {
    !vocabulary.isDisjoint(with: outcome.vocabulary)
  }

  /// Verbs that say one thing moves another, in the forms a sentence uses.
  static let mechanisms: Set<String> = [
    "drives", "drive", "driving", "driven", "lifts", "lift", "lifting", "raises", "raise", "raising",
    "boosts", "boost", "increases", "increase", "increasing", "grows", "grow", "growing", "cuts", "cut",
    "reduces", "reduce", "reducing", "lowers", "lower", "lowering", "shrinks", "shortens", "prevents",
    "prevent", "avoids", "avoid", "protects", "protect", "keeps", "keep", "saves", "save", "adds", "add",
    "improves", "improve", "improving", "speeds", "accelerates", "converts", "convert", "turns", "turn",
    "feeds", "feed", "fuels", "fuel", "predicts", "predict", "signals", "means", "because", "therefore",
    "causes", "cause", "brings", "bring", "creates", "create", "generates", "generate", "delivers",
    "deliver", "produces", "produce", "stops", "stop", "removes", "remove", "frees", "free", "lets",
    "enables", "enable", "compounds", "translates", "translate", "flows", "leads", "lead", "results",
    "result", "becomes", "become", "secures", "secure", "wins", "win", "earns", "earn", "retains",
    "retain", "renews", "renew", "expands", "expand", "closes", "close", "recovers", "recover",
    "releases", "release", "shifts", "shift", "pulls", "pull", "pushes", "push", "moves", "move",
    "decides", "determines", "sets", "limits", "limit", "caps", "cap", "unlocks", "unlock",
    "draws", "attracts", "attract", "hurts", "erodes", "erode", "costs", "cost", "pays", "pay",
    "leaves", "leave", "buy", "buys", "spend", "spends", "upgrade", "upgrades", "stay", "stays",
    "recommend", "recommends", "answer", "answers", "solve", "solves", "spare", "spares", "serve",
    "serves", "start", "starts", "land", "lands", "arrive", "arrives", "learn", "learns", "use", "uses",
    "settle", "settles", "sell", "sells", "pick", "picks", "ship", "ships", "fix", "fixes", "meet",
    "meets", "return", "returns", "come", "comes", "trust", "trusts", "choose", "chooses", "spot",
    "spots", "catch", "catches", "book", "books", "order", "orders", "finish", "finishes",
  ]

  /// Words that make a link a clause about what happens, not a noun phrase ("Renewals worked
  /// early *are* renewals *that* stay", "Customers *who* buy again…"): "brand awareness" has none.
  static let clauses: Set<String> = [
    "is", "are", "was", "were", "be", "been", "being", "that", "who", "which", "when", "whenever",
    "if", "once", "because", "than", "into", "through", "via", "until", "without", "unless", "whose",
  ]

  /// Connectives of consequence.
  static let connectives: [[String]] = [
    ["so", "that"], ["so"], ["which", "means"], ["that", "means"], ["leads", "to"], ["results", "in"],
    ["in", "turn"], ["as", "a", "result"], ["thanks", "to"], ["due", "to"], ["ahead", "of"], ["before"],
  ]

  /// Comparisons: two in one link make a mechanism ("more demos, more deals").
  static let comparatives: Set<String> = [
    "more", "fewer", "less", "higher", "lower", "faster", "slower", "better", "worse", "bigger",
    "smaller", "shorter", "longer", "earlier", "sooner", "cheaper", "quicker", "greater",
  ]
}

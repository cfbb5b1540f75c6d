/// What a company KPI is about, as the one-sentence link test finds it in a link: the words of
/// its name and, when the name speaks of a known outcome, the words rooms use for that outcome
/// ("Customer retention" is also churn, repeat and returning customers, renewals).
///
/// Read once from the company KPI's name when it is set. docs/checks.md lists every outcome.
public struct Outcome: Equatable, Sendable {
  /// The words a link may use to name it, lowercased, each also without a plural "s".
  let vocabulary: Set<String>

  public init(name: String) {
    let named = Self.vocabulary(of: AnswerTokens(name).tokens.filter(\.isWord).map(\.text))
      .subtracting(Self.generic)
    var vocabulary = named
    for family in Self.families where !family.isDisjoint(with: named) {
      vocabulary.formUnion(family)
    }
    self.vocabulary = vocabulary
  }

  /// Words with their singular: "bookings" is also "booking", "sales" also "sale".
  static func vocabulary(of words: [String]) -> Set<String> {
    var vocabulary = Set(words)
    for word in words where word.count > 3 && word.hasSuffix("s") {
      vocabulary.insert(String(word.dropLast()))
    }
    return vocabulary
  }

  /// Words in many KPI names that say nothing of the outcome ("Net Promoter *Score*").
  static let generic: Set<String> = [
    "rate", "rates", "score", "total", "net", "gross", "level", "index", "ratio", "growth", "per",
    "of", "the", "and", "a", "an", "in", "on", "to", "for", "by", "with", "percentage", "percent",
    "average", "avg", "number", "count", "share", "yoy", "annual", "monthly", "customer", "customers",
  ]

  /// Words rooms use for the same outcome; a name with any of them brings in the rest.
  static let families: [Set<String>] = [
    [
      "revenue", "revenues", "sales", "sale", "bookings", "booking", "arr", "mrr", "income", "turnover",
      "topline", "top-line", "orders", "order", "deals", "deal", "sell", "sold", "selling", "billings",
      "buy", "buys", "bought", "purchase", "purchases", "upgrade", "upgrades", "upsell", "expansion",
      "basket", "baskets", "pipeline", "wins", "won", "spend", "spends", "plans", "subscriptions",
    ],
    [
      "margin", "margins", "cost", "costs", "price", "prices", "pricing", "discount", "discounts",
      "discounting", "profit", "profits", "profitability", "cogs", "markup", "waste", "expense",
      "expenses", "cheaper", "cheap", "overtime", "rework", "returns",
    ],
    [
      "retention", "retain", "retained", "retaining", "churn", "churned", "churning", "repeat",
      "returning", "return", "renewal", "renewals", "renew", "renews", "loyalty", "loyal", "lifetime",
      "ltv", "stay", "stays", "lapse", "lapsed", "leave", "leaves", "leaving", "left", "cancel",
      "cancels", "cancellation", "cancellations", "committed", "away", "lose", "lost", "losing", "keep",
      "keeps", "kept", "again", "longer", "switch", "switching", "defect", "defection", "save", "saved",
      "give", "giving",
    ],
    [
      "nps", "promoter", "promoters", "detractor", "detractors", "recommend", "recommends", "satisfaction",
      "csat", "satisfied", "experience", "advocacy", "advocates", "complain", "complaints", "complaint",
      "happy", "delighted", "praise", "reviews", "review", "promised", "promise", "trust", "score", "scores",
    ],
    [
      "cash", "liquidity", "receivable", "receivables", "payment", "payments", "paid", "dso", "collection",
      "collections", "invoice", "invoices", "invoicing", "working", "capital", "billing", "billed", "bill",
      "bills", "collect", "collected", "overdue", "debtors", "upfront", "pay", "pays",
    ],
    ["ebitda", "earnings", "profit", "profits", "operating", "income"],
    ["safety", "injury", "injuries", "incident", "incidents", "accident", "accidents", "ltifr", "harm"],
    [
      "quality", "defect", "defects", "rework", "scrap", "yield", "complaints", "complaint", "errors",
      "error",
    ],
    ["engagement", "engaged", "turnover", "attrition", "morale", "enps", "retention"],
    ["market", "share", "penetration", "customers", "acquisition", "acquired", "new", "logos"],
  ]
}

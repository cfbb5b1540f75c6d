/// A KPI name that says which way to go instead of what is measured ("Increase customer
/// satisfaction", "Reduce churn", "Better onboarding"): the seed's first mistake, a goal, not an
/// outcome. Read when the name is typed, with a measurable wording the room can take or replace.
public struct GoalShapedName: Equatable, Sendable {
  /// The verb or adjective that makes it a goal, as typed ("Increase").
  public let goal: String
  /// A measurable wording of the same thing ("Customer satisfaction score", "Churn rate").
  public let proposal: String

  /// `nil` when the name is not goal-shaped: it does not start with a verb of change ("Time to
  /// first response", "Churn rate"), or the word is a noun ("Increase in MRR per rep").
  public init?(_ name: String) {
    let tokens = AnswerTokens(name)
    guard let first = tokens.tokens.first, first.isWord else { return nil }
    var start = 1
    if first.text == "speed", tokens.word(at: 1, "up") { start = 2 }
    guard Self.goalWords.contains(first.text) || start == 2 else { return nil }
    if tokens.word(at: start, "in", "of") { return nil }
    let rest = tokens.tokens.dropFirst(start).filter { !($0.isWord && Self.fillers.contains($0.text)) }
    let words = rest.filter(\.isWord).map(\.text)
    guard !words.isEmpty else { return nil }
    goal = tokens.typedText(0..<start)
    let restStart = tokens.tokens.firstIndex { $0.range == rest.first?.range } ?? start
    var wording = tokens.typedText(restStart..<tokens.count)
    if let initial = wording.first { wording = initial.uppercased() + wording.dropFirst() }
    let last = words.last ?? ""
    if Self.scored.contains(last) {
      wording += " score"
    } else if Self.rated.contains(last) {
      wording += " rate"
    } else if Self.grown.contains(last), Self.upward.contains(first.text) {
      wording += " growth"
    }
    proposal = wording
  }

  static let goalWords: Set<String> = [
    "increase", "increasing", "improve", "improving", "grow", "growing", "boost", "raise", "reduce",
    "reducing", "decrease", "lower", "cut", "minimise", "minimize", "maximise", "maximize", "enhance",
    "drive", "better", "optimise", "optimize", "strengthen", "expand", "accelerate", "achieve",
    "deliver", "build", "create", "ensure", "lift", "eliminate", "avoid", "prevent", "stop", "more",
    "fewer", "less", "higher", "faster",
  ]
  private static let upward: Set<String> = [
    "increase", "increasing", "grow", "growing", "boost", "raise", "maximise", "maximize", "expand",
    "drive", "lift", "more", "higher",
  ]
  /// Words that carry no measure ("our", "the").
  private static let fillers: Set<String> = ["our", "the", "a", "an", "overall", "total", "company", "its"]
  private static let scored: Set<String> = [
    "satisfaction", "engagement", "experience", "loyalty", "morale", "quality", "wellbeing", "awareness",
    "trust", "happiness", "sentiment", "advocacy",
  ]
  private static let rated: Set<String> = [
    "churn", "attrition", "turnover", "retention", "conversion", "conversions", "adoption", "absence",
    "absenteeism", "defects", "errors", "complaints", "returns", "win", "wins", "renewals",
  ]
  private static let grown: Set<String> = [
    "profit", "profits", "income", "customers", "users", "subscribers", "revenue", "sales", "bookings",
    "arr", "mrr", "ebitda", "orders", "traffic",
  ]
}

import Foundation

/// Outcome, not activity: a Level 2 KPI measures what resulted ("qualified leads"), not what
/// was done ("calls made"). Activity counts belong at Level 3, with the people doing them.
public struct ActivityCheck: AlignmentCheck {
  public let kind = CheckKind.activity

  public init() {}

  /// One finding per department KPI id. Level 3 KPIs are not looked at: activity is what
  /// individual KPIs are for, so flagging it there would only be noise.
  ///
  /// Each distinct name is judged once per pass: departments often share KPI names.
  public func findings(in cascade: Cascade) -> [Finding] {
    var judged: [ExactText: Bool] = [:]
    func looksLikeActivity(_ name: String) -> Bool {
      judged.memo(ExactText(name)) { Self.looksLikeActivity(name) }
    }
    return cascade.departmentKPIs.map { kpi in
      if looksLikeActivity(kpi.name) {
        return Finding(check: kind, verdict: .warn, subject: kpi.id, .activityAtLevelTwo)
      }
      return Finding(check: kind, verdict: .pass, subject: kpi.id, .measuresAnOutcome)
    }
  }

  /// Whether a KPI name counts actions rather than their results.
  ///
  /// Flags an action noun counted ("number of demos", "# of posts"), done ("calls made",
  /// "supplier negotiations held", "hours worked") or paced ("calls per day"). Names that measure a rate
  /// or share ("email open rate", "% of calls answered") and nouns that are results ("qualified
  /// leads", "deals closed") are not flagged: a false alarm costs the room more than a miss.
  public static func looksLikeActivity(_ name: String) -> Bool {
    let (text, words) = lowercasedWords(name)
    guard words.contains(where: actions.contains) else { return false }
    if paced.matches(text) { return true }
    if words.contains(where: rates.contains) || text.contains("%") { return false }
    if counted.matches(text) { return true }
    for (index, word) in words.enumerated() where actions.contains(word) {
      if words[(index + 1)...].prefix(2).contains(where: done.contains) { return true }
    }
    return false
  }

  /// Things people do, which are counted when activity passes for results.
  private static let actions: Set<String> = [
    "call", "calls", "dial", "dials", "email", "emails", "meeting", "meetings", "demo", "demos",
    "post", "posts", "visit", "visits", "hour", "hours", "ticket", "tickets", "task", "tasks",
    "activity", "activities", "touch", "touches", "touchpoint", "touchpoints", "message",
    "messages", "article", "articles", "blog", "blogs", "video", "videos", "webinar", "webinars",
    "event", "events", "training", "trainings", "session", "sessions", "presentation",
    "presentations", "pitch", "pitches", "interview", "interviews", "commit", "commits",
    "tweet", "tweets", "newsletter", "newsletters", "campaign", "campaigns", "report", "reports",
    "outreach", "follow-ups", "followups", "proposal", "proposals", "course", "courses",
    "workshop", "workshops", "audit", "audits", "inspection", "inspections", "negotiation",
    "negotiations", "quote", "quotes", "survey", "surveys", "appointment", "appointments",
    "conversation", "conversations", "briefing", "briefings",
  ]

  private static let actionPattern = actions.sorted { ($0.count, $0) > ($1.count, $1) }.joined(separator: "|")

  /// The name lowercased and its words (runs of letters and hyphens), byte by byte when the
  /// name is plain ASCII.
  static func lowercasedWords(_ name: String) -> (text: String, words: [String]) {
    guard let bytes = PlainText.bytes(of: name) else { return lowercasedWordsByCharacters(name) }
    let lower = bytes.map(PlainText.lowercased)
    return (
      PlainText.string(lower),
      lower.split { !PlainText.isLetter($0) && $0 != UInt8(ascii: "-") }.map(PlainText.string)
    )
  }

  /// `lowercasedWords` through `Character`: text that is not plain ASCII, and the test of the
  /// byte path.
  static func lowercasedWordsByCharacters(_ name: String) -> (text: String, words: [String]) {
    let text = name.lowercased()
    return (text, text.split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init))
  }

  /// Every pattern used here, for the test that compares the matcher with ICU.
  static var patterns: [AnswerPattern] { [paced, counted] }

  /// "calls per day", "posts a week": a pace of doing.
  private static let paced = AnswerPattern(
    "(?<![\\p{L}])(?:\(actionPattern))\\s*(?:per|/|a|each)\\s*(?:day|week|month|quarter|year|rep|person|agent|head)(?![\\p{L}])"
  )

  /// "number of demos", "# of posts", "total sales calls".
  private static let counted = AnswerPattern(
    "(?:^|[^\\p{L}])(?:#|number of|no\\. of|count of|total|amount of)\\s*(?:of\\s+)?(?:[\\p{L}\\-]+\\s+){0,2}"
      + "(?:\(actionPattern))(?![\\p{L}])")

  /// Participles that turn an action noun into a count of things done.
  private static let done: Set<String> = [
    "made", "sent", "held", "published", "worked", "logged", "done", "completed", "attended",
    "conducted", "performed", "posted", "written", "created", "scheduled", "given", "run", "hosted",
    "dialed", "dialled", "placed", "visited", "touched", "submitted", "launched", "produced",
    "closed", "answered", "handled", "processed", "delivered", "taken", "organised", "organized",
    "recorded", "filed", "booked", "spent",
  ]

  /// Words that make a name a rate or a quality of the action, which is a result.
  private static let rates: Set<String> = [
    "rate", "ratio", "percentage", "percent", "share", "conversion", "quality", "satisfaction",
    "score", "within", "resolution", "accuracy", "yield", "success", "effectiveness", "return",
    "roi", "attendance", "coverage",
  ]
}

extension Finding.Message {
  static let activityAtLevelTwo = Self(
    "counts what was done: activity at Level 2", remedy: "measure what results from it, or move it to Level 3"
  )
  static let measuresAnOutcome = Self("measures an outcome")
}

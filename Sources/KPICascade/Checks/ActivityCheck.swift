import Foundation

/// Outcome, not activity: a Level 2 KPI measures what resulted ("qualified leads"), not what
/// was done ("calls made"). Activity counts belong at Level 3, with the people doing them.
public struct ActivityCheck: AlignmentCheck {
  public let kind = CheckKind.activity

  public init() {}

  /// One finding per department KPI id. Level 3 KPIs are not looked at: activity is what
  /// individual KPIs are for, so flagging it there would only be noise.
  public func findings(in cascade: Cascade) -> [Finding] {
    cascade.departmentKPIs.map { kpi in
      if kpi.measuresActivity {
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
    let parts = Self.parts(of: name)
    let words = parts.filter(\.isWord).map(\.text)
    guard words.contains(where: actions.contains) else { return false }
    if isPaced(parts) { return true }
    if words.contains(where: rates.contains) || parts.contains(where: { $0.text == "%" }) { return false }
    if isCounted(parts) { return true }
    for (index, word) in words.enumerated() where actions.contains(word) {
      if words[(index + 1)...].prefix(2).contains(where: done.contains) { return true }
    }
    return false
  }

  /// The name's tokens with hyphenated words joined ("follow-ups"): words and symbols.
  static func parts(of name: String) -> [AnswerTokens.Token] {
    var parts: [AnswerTokens.Token] = []
    for token in AnswerTokens(name).tokens {
      let joins = token.isWord || token.is("-")
      if joins, !token.spaced, let last = parts.last, last.isWord {
        parts[parts.count - 1].text += token.text
      } else {
        var part = token
        if token.is("-") { part.kind = .word }
        parts.append(part)
      }
    }
    return parts
  }

  /// "calls per day", "posts a week", "demos/rep": a pace of doing.
  private static func isPaced(_ parts: [AnswerTokens.Token]) -> Bool {
    parts.indices.contains { index in
      guard index + 2 < parts.count, parts[index].isWord, actions.contains(parts[index].text) else {
        return false
      }
      let per = parts[index + 1]
      return (per.isWord ? ["per", "a", "each"].contains(per.text) : per.is("/"))
        && parts[index + 2].isWord && paces.contains(parts[index + 2].text)
    }
  }

  private static let paces: Set<String> = [
    "day", "week", "month", "quarter", "year", "rep", "person", "agent", "head",
  ]

  /// "number of demos", "# of posts", "total sales calls": a count of things done, with up to
  /// two words between the count and the action.
  private static func isCounted(_ parts: [AnswerTokens.Token]) -> Bool {
    let texts = parts.map { $0.isWord ? $0.text : "" }
    for index in parts.indices {
      var at: Int
      if parts[index].is("#") {
        at = index + 1
      } else if texts[index] == "total" {
        at = index + 1
      } else if ["number", "count", "amount"].contains(texts[index]), texts.indices.contains(index + 1),
        texts[index + 1] == "of"
      {
        at = index + 2
      } else if texts[index] == "no", index + 2 < parts.count, parts[index + 1].is("."),
        texts[index + 2] == "of"
      {
        at = index + 3
      } else {
        continue
      }
      if texts.indices.contains(at), texts[at] == "of" { at += 1 }
      for offset in 0...2 where texts.indices.contains(at + offset) {
        guard parts[at..<(at + offset)].allSatisfy(\.isWord) else { break }
        if actions.contains(texts[at + offset]) { return true }
      }
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

import Foundation

/// Whether an answer names exactly one accountable person: DESIGN §2 step 5, "one named person
/// per KPI (not a team, a function, a committee, or two people)".
///
/// A role may ride along with the name, in parentheses or after a comma, dash or colon:
/// "Dana Ruiz (CFO)", "Dana Ruiz, CFO", "Dana Ruiz – Head of Sales", "Head of Sales (Dana Ruiz)"
/// and "Marketing: Ana Lima" are each one person. A segment counts as a role when it is made only
/// of title and function words ("CFO", "Head of Sales", "Finance team lead"); so "Dana Ruiz, Bo Li"
/// is two people, and so is "Ruiz, Dana" (the surname-first form cannot be told from two given
/// names, and the room can retype it in a second).
public enum AccountablePerson {
  /// The example every failing reason offers, so the room sees the shape that passes.
  public static let example = "Dana Ruiz (Head of Sales)"

  /// The remedy for every answer that names nobody, a group or several people.
  private static let nameOne = "name one person, e.g. '\(example)'"

  public static func assess(_ answer: String) -> Assessment {
    let typed = Optional(answer).collapsingWhitespace ?? ""
    let lower = typed.lowercased()
    if typed.isEmpty {
      return Assessment(verdict: .fail, problem: "nobody is named", remedy: nameOne)
    }
    if nobody.contains(trimmingStops(lower)) {
      return Assessment(verdict: .fail, problem: "'\(typed)' names nobody", remedy: nameOne)
    }
    if lower.utf8.contains(UInt8(ascii: "@")) {
      return assessAddress(typed)
    }

    var group: Assessment {
      Assessment(
        verdict: .fail, problem: "'\(typed)' is a group: a team can't be accountable", remedy: nameOne)
    }
    var several: Assessment {
      Assessment(
        verdict: .fail, problem: "'\(typed)' names more than one: when two are accountable, nobody is",
        remedy: nameOne)
    }

    // Read once: segments, people and words are ranges of these tokens.
    let tokens = AnswerTokens(typed)
    // Segments with no name in them are roles riding along: "(CFO)", ", Head of Sales".
    let named = segments(of: tokens).filter { !nameWords(in: tokens, $0).isEmpty }
    guard named.count <= 1 else { return several }
    guard let segment = named.first else {
      if isGroup(words(in: tokens, 0..<tokens.count)) { return group }
      return Assessment(
        verdict: .fail, problem: "'\(typed)' is a role or function, not a person",
        remedy: "name the one person who holds it, e.g. 'Dana Ruiz (\(typed))'")
    }
    if isGroup(words(in: tokens, segment)) { return group }
    let people = people(in: tokens, segment).filter { !nameWords(in: tokens, $0).isEmpty }
    guard people.count == 1, let person = people.first else { return several }

    let names = nameWords(in: tokens, person)
    if names.count == 1 {
      let text = tokens.typedText(person)
      let given =
        text.split(separator: " ").first { words(of: String($0)) == names }.map(String.init) ?? text
      return Assessment(
        verdict: .warn, problem: "only a given name: nobody can tell which \(given)", remedy: "add a surname")
    }
    return Assessment(verdict: .pass, problem: "one named person: \(typed)")
  }

  /// The text without full stops and exclamation marks at either end.
  private static func trimmingStops(_ text: String) -> String {
    trimming(text) { $0 == "." || $0 == "!" }
  }

  /// The text without the characters `isTrimmed` names at either end.
  private static func trimming(_ text: String, _ isTrimmed: (Character) -> Bool) -> String {
    guard let first = text.firstIndex(where: { !isTrimmed($0) }),
      let last = text.lastIndex(where: { !isTrimmed($0) })
    else { return "" }
    return String(text[first...last])
  }

  // MARK: - Reading the answer

  /// The answer cut where a role may ride along: parentheses, commas, semicolons, dashes
  /// between spaces, a colon before a space.
  static func segments(of tokens: AnswerTokens) -> [Range<Int>] {
    pieces(of: tokens, 0..<tokens.count) { index, spacedAfter in
      let token = tokens[index]
      if token.is("(") || token.is(")") || token.is(",") || token.is(";") || token.is("|") { return true }
      if token.is("-") || token.is("–") || token.is("—") { return token.spaced && spacedAfter }
      return token.is(":") && spacedAfter
    }
  }

  /// The words that could be part of a person's name: not titles, functions or group words.
  private static func nameWords(in tokens: AnswerTokens, _ range: Range<Int>) -> [String] {
    let words = words(in: tokens, range)
    return words.enumerated().filter { index, word in
      !roleWords.contains(word) && !groupWords.contains(word)
        && !(index > 0 && groupWords.contains(words[index - 1]) && groupTitles.contains(word))
    }.map(\.element)
  }

  /// Whether the words name a group; "team lead" and "board member" are one person's roles.
  private static func isGroup(_ words: [String]) -> Bool {
    words.indices.contains { index in
      groupWords.contains(words[index])
        && !(index + 1 < words.count && groupTitles.contains(words[index + 1]))
    }
  }

  /// The parts of a segment that name different people: split on "and", "or", "with", "plus"
  /// between spaces, and on "&", "/", "+", ",", ";", "|".
  static func people(in tokens: AnswerTokens, _ segment: Range<Int>) -> [Range<Int>] {
    pieces(of: tokens, segment) { index, spacedAfter in
      let token = tokens[index]
      if token.isWord, joiners.contains(token.text) {
        return (index == segment.lowerBound || token.spaced) && spacedAfter
      }
      return token.kind == .symbol && joinerSymbols.contains(token.text)
    }
  }

  private static let joiners: Set<String> = ["and", "or", "with", "plus"]
  private static let joinerSymbols: Set<String> = ["&", "/", "+", ",", ";", "|"]

  /// The tokens of `range` between those `separates` says separate (given whether whitespace
  /// follows within the range), empty pieces dropped.
  private static func pieces(
    of tokens: AnswerTokens, _ range: Range<Int>, cutAt separates: (Int, Bool) -> Bool
  ) -> [Range<Int>] {
    var pieces: [Range<Int>] = []
    var start = range.lowerBound
    for index in range where separates(index, index + 1 < range.upperBound && tokens[index + 1].spaced) {
      if start < index { pieces.append(start..<index) }
      start = index + 1
    }
    if start < range.upperBound { pieces.append(start..<range.upperBound) }
    return pieces
  }

  /// The words of a name, lowercased: letters with apostrophes and full stops inside ("o'neil",
  /// "j.r"), full stops at either end dropped.
  static func words(of text: String) -> [String] {
    let tokens = AnswerTokens(text)
    return words(in: tokens, 0..<tokens.count)
  }

  private static func words(in tokens: AnswerTokens, _ range: Range<Int>) -> [String] {
    var words: [String] = []
    var word = ""
    for index in range {
      let token = tokens[index]
      let joins = token.isWord || token.is("'") || token.is(".")
      if !joins || token.spaced {
        if !word.isEmpty { words.append(word) }
        word = ""
      }
      if joins { word += token.text }
    }
    if !word.isEmpty { words.append(word) }
    return words.map { trimming($0) { $0 == "." } }.filter { !$0.isEmpty }
  }

  /// An email address is one person unless its mailbox is a function ("sales@", "team@").
  private static func assessAddress(_ typed: String) -> Assessment {
    let mailbox = typed.split(separator: "@").first.map(String.init) ?? ""
    let parts = mailbox.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
    if parts.isEmpty
      || parts.allSatisfy({ roleWords.contains($0) || groupWords.contains($0) || mailboxes.contains($0) })
    {
      return Assessment(verdict: .fail, problem: "'\(typed)' is a shared mailbox", remedy: nameOne)
    }
    return Assessment(verdict: .pass, problem: "one named person: \(typed)")
  }

  // MARK: - Vocabulary

  private static let nobody: Set<String> = [
    "tbd", "tba", "tbc", "n/a", "na", "none", "nobody", "no one", "noone", "?", "-", "unknown",
    "everyone", "everybody", "all", "all of us", "we", "us", "the team", "team", "anyone", "someone",
    "vacant",
  ]

  /// Words that make an answer a group of people.
  private static let groupWords: Set<String> = [
    "team", "teams", "group", "groups", "committee", "board", "department", "departments", "dept",
    "squad", "council", "crew", "staff", "everyone", "everybody", "all", "taskforce", "guild",
    "panel", "pod", "tribe", "chapter", "leadership", "management", "division", "unit", "office",
    "org", "organisation", "organization", "employees", "people's",
  ]

  /// Words after a group word that make it one person's role ("team lead", "board member").
  private static let groupTitles: Set<String> = [
    "lead", "leader", "head", "member", "chair", "chairman", "chairwoman", "chairperson", "manager",
    "director", "coordinator", "representative", "rep", "secretary", "captain", "owner",
  ]

  /// Titles and function names: an answer made only of these names a role, not a person.
  private static let roleWords: Set<String> = [
    // Titles.
    "ceo", "cfo", "coo", "cto", "cmo", "cro", "cpo", "chro", "cio", "cso", "cco", "cdo", "ciso",
    "vp", "svp", "evp", "avp", "head", "director", "manager", "mgr", "lead", "leader", "chief",
    "officer", "president", "vice", "owner", "founder", "cofounder", "co-founder", "gm", "general",
    "senior", "sr", "junior", "jr", "principal", "executive", "exec", "partner", "chair",
    "chairman", "chairwoman", "chairperson", "coordinator", "specialist", "analyst", "controller",
    "administrator", "admin", "supervisor", "mr", "mrs", "ms", "dr", "prof", "associate",
    "assistant", "deputy", "interim", "acting", "global", "regional", "country", "area", "key",
    "account", "accounts",
    // Functions.
    "sales", "marketing", "finance", "financial", "ops", "operations", "operational", "hr",
    "people", "product", "products", "engineering", "support", "success", "customer",
    "customers", "service", "services", "legal", "it", "tech", "technology", "data", "growth",
    "revenue", "procurement", "purchasing", "logistics", "supply", "chain", "quality",
    "compliance", "risk", "strategy", "design", "security", "analytics", "administration",
    "fulfilment", "fulfillment", "commercial", "business", "development", "bd", "talent",
    "recruiting", "brand", "communications", "comms", "pr", "demand", "research", "delivery",
    "production", "manufacturing", "warehouse", "accounting", "treasury", "fp&a", "fpa", "cx",
    "cs", "infrastructure", "platform", "partnerships", "channel", "retail", "digital",
    "ecommerce", "e-commerce", "content", "social", "media", "events", "field", "inside",
    "outbound", "inbound", "enterprise", "smb", "mid-market",
    // Glue.
    "of", "the", "our", "a", "an", "for", "and", "&", "in", "at", "on", "to",
  ]

  private static let mailboxes: Set<String> = [
    "info", "hello", "contact", "team", "office", "admin", "help", "noreply", "no", "reply",
  ]
}

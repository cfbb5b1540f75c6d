import Foundation

/// Whether an answer names exactly one accountable person: DESIGN §2 step 5, "one named person
/// per KPI (not a team, a function, a committee, or two people)".
///
/// A role may ride along with the name, in parentheses or after a comma or dash:
/// "Dana Ruiz (CFO)", "Dana Ruiz, CFO" and "Dana Ruiz – Head of Sales" are each one person.
/// After a comma, the part is read as a role only when it is made of role and function words
/// ("CFO", "Head of Sales"); "Dana Ruiz, Bo Li" is two people.
public enum AccountablePerson {
  /// The example every failing reason offers, so the room sees the shape that passes.
  public static let example = "Dana Ruiz (Head of Sales)"

  public static func assess(_ answer: String) -> Assessment {
    let typed = answer.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    let lower = typed.lowercased()
    if typed.isEmpty {
      return Assessment(verdict: .fail, reason: "Nobody is named. Name one person, e.g. '\(example)'.")
    }
    if nobody.contains(lower.trimmingCharacters(in: CharacterSet(charactersIn: ".!"))) {
      return Assessment(
        verdict: .fail, reason: "'\(typed)' names nobody. Name one person, e.g. '\(example)'.")
    }
    if lower.contains("@") { return assessAddress(typed) }

    let name = nameWithoutRole(typed)
    let words = words(of: name)
    if words.contains(where: groupWords.contains) {
      return Assessment(
        verdict: .fail,
        reason: "'\(typed)' is a group. Name one person, e.g. '\(example)'; a team can't be accountable.")
    }
    if people(in: name).count > 1 {
      return Assessment(
        verdict: .fail,
        reason: "'\(typed)' names more than one. Name one person, e.g. '\(example)'; "
          + "when two are accountable, nobody is.")
    }
    let nameWords = words.filter { !roleWords.contains($0) }
    if nameWords.isEmpty {
      return Assessment(
        verdict: .fail,
        reason: "'\(typed)' is a role or function, not a person. Name the one person who holds it, "
          + "e.g. 'Dana Ruiz (\(typed))'.")
    }
    if nameWords.count == 1 {
      let given =
        name.split(separator: " ").first { $0.lowercased() == nameWords[0] }.map(String.init) ?? name
      return Assessment(
        verdict: .warn,
        reason: "Only a given name: add a surname so nobody wonders which \(given).")
    }
    return Assessment(verdict: .pass, reason: "One named person: \(typed).")
  }

  // MARK: - Reading the answer

  /// The answer with a role removed: "(CFO)", ", CFO", " – CFO".
  private static func nameWithoutRole(_ typed: String) -> String {
    var text = parenthesis.replacingMatches(in: typed, with: "")
    for dash in [" – ", " — ", " - ", ": "] {
      if let range = text.range(of: dash) { text = String(text[..<range.lowerBound]) }
    }
    if let comma = text.firstIndex(of: ",") {
      let after = text[text.index(after: comma)...]
      let afterWords = words(of: String(after))
      if !afterWords.isEmpty && afterWords.allSatisfy(roleWords.contains) {
        text = String(text[..<comma])
      }
    }
    return text.trimmingCharacters(in: .whitespaces)
  }

  /// The parts of an answer that name different people: split on "and", "&", "/", "+", ",".
  private static func people(in name: String) -> [String] {
    separator.replacingMatches(in: name, with: "|")
      .split(separator: "|")
      .map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
  }

  private static func words(of text: String) -> [String] {
    text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "." })
      .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
      .filter { !$0.isEmpty }
  }

  /// An email address is one person unless its mailbox is a function ("sales@", "team@").
  private static func assessAddress(_ typed: String) -> Assessment {
    let mailbox = typed.split(separator: "@").first.map(String.init) ?? ""
    let parts = mailbox.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
    if parts.isEmpty
      || parts.allSatisfy({ roleWords.contains($0) || groupWords.contains($0) || mailboxes.contains($0) })
    {
      return Assessment(
        verdict: .fail,
        reason: "'\(typed)' is a shared mailbox. Name one person, e.g. '\(example)'.")
    }
    return Assessment(verdict: .pass, reason: "One named person: \(typed).")
  }

  // MARK: - Vocabulary

  private static let parenthesis = AnswerPattern("\\s*\\([^)]*\\)?")
  private static let separator = AnswerPattern("\\s+(?:and|or|with|plus)\\s+|[&/+,;|]")

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

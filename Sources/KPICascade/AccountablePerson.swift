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
    let typed = PlainText.collapsingWhitespace(answer)
    let lower = typed.lowercased()
    if typed.isEmpty {
      return Assessment(verdict: .fail, problem: "nobody is named", remedy: nameOne)
    }
    if nobody.contains(trimmingStops(lower)) {
      return Assessment(verdict: .fail, problem: "'\(typed)' names nobody", remedy: nameOne)
    }
    if PlainText.bytes(of: lower).map({ $0.contains(UInt8(ascii: "@")) }) ?? lower.contains("@") {
      return assessAddress(typed)
    }

    let group = Assessment(
      verdict: .fail, problem: "'\(typed)' is a group: a team can't be accountable", remedy: nameOne)
    let several = Assessment(
      verdict: .fail, problem: "'\(typed)' names more than one: when two are accountable, nobody is",
      remedy: nameOne)

    // Segments with no name in them are roles riding along: "(CFO)", ", Head of Sales".
    let named = segments(of: typed).filter { !nameWords(in: $0).isEmpty }
    guard named.count <= 1 else { return several }
    guard let segment = named.first else {
      if isGroup(words(of: typed)) { return group }
      return Assessment(
        verdict: .fail, problem: "'\(typed)' is a role or function, not a person",
        remedy: "name the one person who holds it, e.g. 'Dana Ruiz (\(typed))'")
    }
    if isGroup(words(of: segment)) { return group }
    let people = people(in: segment).filter { !nameWords(in: $0).isEmpty }
    guard people.count == 1, let person = people.first else { return several }

    let names = nameWords(in: person)
    if names.count == 1 {
      let given =
        person.split(separator: " ").first { words(of: String($0)) == names }.map(String.init) ?? person
      return Assessment(
        verdict: .warn, problem: "only a given name: nobody can tell which \(given)", remedy: "add a surname")
    }
    return Assessment(verdict: .pass, problem: "one named person: \(typed)")
  }

  /// The text without full stops and exclamation marks at either end, byte by byte when plain.
  private static func trimmingStops(_ text: String) -> String {
    guard let bytes = PlainText.bytes(of: text) else {
      return text.trimmingCharacters(in: CharacterSet(charactersIn: ".!"))
    }
    func isStop(_ byte: UInt8) -> Bool { byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") }
    var lower = 0
    var upper = bytes.count
    while lower < upper && isStop(bytes[lower]) { lower += 1 }
    while upper > lower && isStop(bytes[upper - 1]) { upper -= 1 }
    return PlainText.string(bytes[lower..<upper])
  }

  // MARK: - Reading the answer

  /// The answer cut where a role may ride along: parentheses, commas, spaced dashes, colons.
  static func segments(of typed: String) -> [String] {
    if let bytes = PlainText.bytes(of: typed) { return pieces(plain: bytes, cutting: roleSeparatorLength) }
    return segmentsByPattern(of: typed)
  }

  /// `segments` by the pattern (by ICU alone when `byICU`): text that is not plain ASCII, and
  /// the test that compares the byte-level cut with it.
  static func segmentsByPattern(of typed: String, byICU: Bool = false) -> [String] {
    roleSeparator.replacingMatches(in: typed, with: "|", byICU: byICU)
      .split(separator: "|")
      .map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
  }

  /// The words that could be part of a person's name: not titles, functions or group words.
  private static func nameWords(in text: String) -> [String] {
    let words = words(of: text)
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

  /// The parts of an answer that name different people: split on "and", "&", "/", "+", ",".
  static func people(in name: String) -> [String] {
    if let bytes = PlainText.bytes(of: name) { return pieces(plain: bytes, cutting: separatorLength) }
    return peopleByPattern(in: name)
  }

  /// `people` by the pattern (by ICU alone when `byICU`), as `segmentsByPattern`.
  static func peopleByPattern(in name: String, byICU: Bool = false) -> [String] {
    separator.replacingMatches(in: name, with: "|", byICU: byICU)
      .split(separator: "|")
      .map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
  }

  static func words(of text: String) -> [String] {
    if let bytes = PlainText.bytes(of: text) {
      return bytes.split { !PlainText.isLetter($0) && $0 != UInt8(ascii: "'") && $0 != UInt8(ascii: ".") }
        .map { word in
          var lower = word.startIndex
          var upper = word.endIndex
          while lower < upper && word[lower] == UInt8(ascii: ".") { lower += 1 }
          while upper > lower && word[upper - 1] == UInt8(ascii: ".") { upper -= 1 }
          return PlainText.string(word[lower..<upper].map(PlainText.lowercased))
        }
        .filter { !$0.isEmpty }
    }
    return wordsByCharacters(of: text)
  }

  /// `words` through `Character`: text that is not plain ASCII, and the test of the byte path.
  static func wordsByCharacters(of text: String) -> [String] {
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
      return Assessment(verdict: .fail, problem: "'\(typed)' is a shared mailbox", remedy: nameOne)
    }
    return Assessment(verdict: .pass, problem: "one named person: \(typed)")
  }

  // MARK: - Plain text

  /// Plain ASCII text cut where `cut` finds a separator (each replaced by "|", as the patterns
  /// do), split on "|", each piece trimmed of spaces and tabs (`.whitespaces`), empty ones
  /// dropped: `segments` and `people` without the regex engine.
  private static func pieces(plain bytes: [UInt8], cutting cut: ([UInt8], Int) -> Int) -> [String] {
    var marked: [UInt8] = []
    marked.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      let length = cut(bytes, index)
      if length > 0 {
        marked.append(UInt8(ascii: "|"))
        index += length
      } else {
        marked.append(bytes[index])
        index += 1
      }
    }
    return marked.split(separator: UInt8(ascii: "|")).compactMap { piece in
      var lower = piece.startIndex
      var upper = piece.endIndex
      while lower < upper && (piece[lower] == 0x20 || piece[lower] == 0x09) { lower += 1 }
      while upper > lower && (piece[upper - 1] == 0x20 || piece[upper - 1] == 0x09) { upper -= 1 }
      return lower < upper ? PlainText.string(piece[lower..<upper]) : nil
    }
  }

  /// The length of `roleSeparator`'s match at `index` in plain text, `0` for none:
  /// `[(),;]|\s[–—-]\s|:\s` (the dashes other than "-" are not ASCII).
  private static func roleSeparatorLength(_ bytes: [UInt8], _ index: Int) -> Int {
    let byte = bytes[index]
    if byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: ",")
      || byte == UInt8(ascii: ";")
    {
      return 1
    }
    if PlainText.isSpace(byte), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "-"),
      PlainText.isSpace(bytes[index + 2])
    {
      return 3
    }
    if byte == UInt8(ascii: ":"), index + 1 < bytes.count, PlainText.isSpace(bytes[index + 1]) { return 2 }
    return 0
  }

  /// The length of `separator`'s match at `index` in plain text, `0` for none:
  /// `\s+(?:and|or|with|plus)\s+|[&/+,;|]`, ignoring case.
  private static func separatorLength(_ bytes: [UInt8], _ index: Int) -> Int {
    let byte = bytes[index]
    if PlainText.isSpace(byte) {
      var word = index
      while word < bytes.count && PlainText.isSpace(bytes[word]) { word += 1 }
      for joiner in joiners where word + joiner.count < bytes.count {
        guard (0..<joiner.count).allSatisfy({ PlainText.lowercased(bytes[word + $0]) == joiner[$0] }) else {
          continue
        }
        var end = word + joiner.count
        guard PlainText.isSpace(bytes[end]) else { continue }
        while end < bytes.count && PlainText.isSpace(bytes[end]) { end += 1 }
        return end - index
      }
      return 0
    }
    return "&/+,;|".utf8.contains(byte) ? 1 : 0
  }

  private static let joiners = ["and", "or", "with", "plus"].map { Array($0.utf8) }

  // MARK: - Vocabulary

  /// Every pattern used here, for the test that compares the matcher with ICU.
  static var patterns: [AnswerPattern] { [roleSeparator, separator] }

  private static let roleSeparator = AnswerPattern("[(),;]|\\s[–—-]\\s|:\\s")
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

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

    // Read once: the name, the role and the people in it are ranges of these tokens.
    let tokens = AnswerTokens(typed)
    guard let name = nameRange(in: tokens) else { return several }
    let words = words(in: tokens, name)
    if isGroup(words) { return group }
    let people = people(in: tokens, name).filter { !nameWords(in: tokens, $0).isEmpty }
    guard people.count <= 1 else { return several }
    guard let person = people.first else {
      return Assessment(
        verdict: .fail, problem: "'\(typed)' is a role or function, not a person",
        remedy: "name the one person who holds it, e.g. 'Dana Ruiz (\(typed))'")
    }

    let names = nameWords(in: tokens, person)
    if names.count == 1 {
      let text = tokens.typedText(person)
      let given =
        text.split(separator: " ").first { self.words(of: String($0)) == names }.map(String.init) ?? text
      return Assessment(
        verdict: .warn, problem: "only a given name: nobody can tell which \(given)", remedy: "add a surname")
    }
    return Assessment(verdict: .pass, problem: "one named person: \(typed)")
  }

  /// The refusal of an answer that is one of this session's departments ("Store Ops", "the
  /// Store Ops team"), or `nil`: a department is a group however it is named.
  public static func department(_ answer: String, among departments: [String]) -> Assessment? {
    let key = Understanding.groupKey(answer)
    guard !key.isEmpty, departments.contains(where: { Understanding.groupKey($0) == key }) else { return nil }
    let typed = Optional(answer).collapsingWhitespace ?? answer
    return Assessment(
      verdict: .fail,
      problem: "'\(typed)' is one of this session's departments: a department can't be accountable",
      remedy: nameOne)
  }

  /// The words of a name as a group is known by, lowercased, without a leading "the" and a
  /// trailing "team" or "department": "the Store Ops team" and "Store ops" are one key.
  static func groupKey(_ text: String) -> String {
    var words = words(of: text)
    if words.first == "the" { words.removeFirst() }
    if let last = words.last, ["team", "department", "dept"].contains(last) { words.removeLast() }
    return words.joined(separator: " ")
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

  /// Where the person's name is, with any role that rides along left out; `nil` when the
  /// answer names two people side by side ("Dana Ruiz, Bo Li", "Ruiz, Dana", "Ana – Bo").
  ///
  /// A role in parentheses may hold any words at all ("Sam Patel (Regional store manager)"); so
  /// may one after a comma, a dash between spaces or a slash, when it names a title ("Sam Patel,
  /// Head of Stock Control", "Dr. Amara Okafor – Charge Nurse") or only role and function words
  /// ("Dana Ruiz, CFO"). The name may stand on either side ("Head of Sales (Dana Ruiz)",
  /// "Marketing: Ana Lima", "CFO, Dana Ruiz").
  static func nameRange(in tokens: AnswerTokens) -> Range<Int>? {
    let all = 0..<tokens.count
    if let open = tokens.tokens.firstIndex(where: { $0.is("(") }) {
      let close = tokens.tokens[open...].firstIndex(where: { $0.is(")") }) ?? tokens.count
      let inside = (open + 1)..<close
      let outside = open > 0 ? 0..<open : min(close + 1, tokens.count)..<tokens.count
      // "Bo Li (and Ana)": a second person, not a role.
      if let first = inside.first, joins(tokens, at: first, within: inside), hasName(tokens, inside) {
        return nil
      }
      return !hasName(tokens, outside) && hasName(tokens, inside) ? inside : outside
    }
    guard
      let cut = all.first(where: { index in
        let token = tokens[index]
        let spacedAfter = index + 1 < tokens.count && tokens[index + 1].spaced
        if token.is(",") || token.is(";") || token.is("/") || token.is("|") { return true }
        if token.is("-") || token.is("–") || token.is("—") { return token.spaced && spacedAfter }
        return token.is(":") && spacedAfter
      })
    else { return all }
    let left = 0..<cut
    let right = (cut + 1)..<tokens.count
    // "Marketing: Ana Lima": the role comes first.
    if tokens[cut].is(":") { return isRole(tokens, left) || !hasName(tokens, left) ? right : left }
    if isRole(tokens, right) || !hasName(tokens, right) { return left }
    if !hasName(tokens, left) { return right }
    return nil
  }

  /// Whether a part of the answer is a role: it names a title ("Store manager", "Charge Nurse",
  /// "Head of Stock Control") or is made only of title and function words ("VP Marketing").
  private static func isRole(_ tokens: AnswerTokens, _ range: Range<Int>) -> Bool {
    let words = words(in: tokens, range)
    guard !words.isEmpty else { return false }
    return words.contains { titles.contains($0) } || words.allSatisfy { roleWords.contains($0) }
  }

  private static func hasName(_ tokens: AnswerTokens, _ range: Range<Int>) -> Bool {
    !nameWords(in: tokens, range).isEmpty
  }

  /// Whether the token at `index` joins two people: "and", "or", "with", "plus" between spaces
  /// (or first in `range`), or "&", "+".
  private static func joins(_ tokens: AnswerTokens, at index: Int, within range: Range<Int>) -> Bool {
    let token = tokens[index]
    if token.isWord, joiners.contains(token.text) {
      return (index == range.lowerBound || token.spaced)
        && (index + 1 < range.upperBound && tokens[index + 1].spaced)
    }
    return token.kind == .symbol && joinerSymbols.contains(token.text)
  }

  /// The words that could be part of a person's name: not titles, functions or group words, nor
  /// what follows "head of" or "director for", nor the one word before a title ("Store" in
  /// "Store manager").
  private static func nameWords(in tokens: AnswerTokens, _ range: Range<Int>) -> [String] {
    let words = words(in: tokens, range)
    var names: [Int] = []
    for (index, word) in words.enumerated() {
      if titles.contains(word), index + 1 < words.count, ["of", "for"].contains(words[index + 1]) { break }
      if roleWords.contains(word) || groupWords.contains(word) || titles.contains(word) { continue }
      if index > 0 && groupWords.contains(words[index - 1]) && groupTitles.contains(word) { continue }
      names.append(index)
    }
    if names.count == 1, names[0] + 1 < words.count, titles.contains(words[names[0] + 1]) { return [] }
    return names.map { words[$0] }
  }

  /// Whether the words name a group; "team lead" and "board member" are one person's roles,
  /// "store managers" and "trustees" several people.
  private static func isGroup(_ words: [String]) -> Bool {
    if words.contains(where: isPluralTitle) { return true }
    return words.indices.contains { index in
      groupWords.contains(words[index])
        && !(index + 1 < words.count && groupTitles.contains(words[index + 1]))
    }
  }

  /// The parts of the name that name different people: split on "and", "or", "with", "plus"
  /// between spaces, and on "&", "+".
  static func people(in tokens: AnswerTokens, _ name: Range<Int>) -> [Range<Int>] {
    pieces(of: tokens, name) { index, _ in joins(tokens, at: index, within: name) }
  }

  private static let joiners: Set<String> = ["and", "or", "with", "plus"]
  private static let joinerSymbols: Set<String> = ["&", "+"]

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

  /// "managers", "nurses", "trustees": a title said of several people.
  private static func isPluralTitle(_ word: String) -> Bool {
    guard word.count > 3, word.hasSuffix("s"), !titles.contains(word) else { return false }
    return titles.contains(String(word.dropLast()))
      || (word.hasSuffix("es") && titles.contains(String(word.dropLast(2))))
  }

  // MARK: - Vocabulary

  private static let nobody: Set<String> = [
    "tbd", "tba", "tbc", "n/a", "na", "none", "nobody", "no one", "noone", "?", "-", "unknown",
    "everyone", "everybody", "all", "all of us", "we", "us", "the team", "team", "anyone", "someone",
    "vacant", "n.a", "tbd.", "to be decided", "to be confirmed", "to be named", "to be hired", "not yet",
    "pending", "hiring", "new hire", "vacancy", "various", "multiple", "several", "see above", "same",
    "same as above", "ditto", "whoever", "whoever is free", "nobody yet", "no one yet", "x", "xxx",
    "name", "owner", "someone tbd",
  ]

  /// Words that make an answer a group of people.
  private static let groupWords: Set<String> = [
    "team", "teams", "group", "groups", "committee", "board", "department", "departments", "dept",
    "squad", "council", "crew", "staff", "everyone", "everybody", "all", "taskforce", "guild",
    "panel", "pod", "tribe", "chapter", "leadership", "management", "division", "unit", "office",
    "org", "organisation", "organization", "employees", "people's",
  ]

  /// Nouns that head a role ("Store *manager*", "Charge *Nurse*", "*Head* of Stock Control"): a
  /// part of the answer that names one is a role, whatever other words it holds.
  private static let titles: Set<String> = [
    "ceo", "cfo", "coo", "cto", "cmo", "cro", "cpo", "chro", "cio", "cso", "cco", "cdo", "ciso", "cxo",
    "vp", "svp", "evp", "avp", "head", "director", "manager", "mgr", "lead", "leader", "chief", "officer",
    "president", "owner", "founder", "cofounder", "co-founder", "gm", "principal", "executive", "exec",
    "partner", "chair", "chairman", "chairwoman", "chairperson", "coordinator", "specialist", "analyst",
    "controller", "administrator", "admin", "supervisor", "associate", "assistant", "deputy", "member",
    "representative", "rep", "nurse", "sister", "matron", "midwife", "doctor", "physician", "surgeon",
    "consultant", "registrar", "pharmacist", "dentist", "therapist", "physiotherapist", "paramedic",
    "clinician", "practitioner", "engineer", "technician", "mechanic", "electrician", "operator",
    "foreman", "forewoman", "superintendent", "inspector", "auditor", "accountant", "bookkeeper",
    "treasurer", "secretary", "clerk", "buyer", "planner", "scheduler", "dispatcher", "estimator",
    "underwriter", "actuary", "broker", "banker", "trader", "economist", "attorney", "counsel", "lawyer",
    "solicitor", "paralegal", "recruiter", "advisor", "adviser", "architect", "strategist", "designer",
    "developer", "programmer", "scientist", "researcher", "editor", "writer", "copywriter", "producer",
    "curator", "librarian", "teacher", "lecturer", "professor", "dean", "headteacher", "headmaster",
    "headmistress", "tutor", "instructor", "trainer", "coach", "counselor", "counsellor", "steward",
    "captain", "pilot", "driver", "agent", "chef", "cook", "merchandiser", "cashier", "marketer",
    "salesperson", "seller", "sdr", "bdr", "ae", "csm", "pm", "po", "owner-operator", "proprietor",
    "receptionist", "concierge", "housekeeper", "warden", "ranger", "commander", "sergeant",
    "lieutenant", "marshal", "pastor", "intern", "apprentice", "trainee", "fellow", "surveyor",
    "volunteer", "trustee", "governor",
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
    // Places and desks a function works from.
    "desk", "front", "room", "control", "dispatch", "grid", "reception", "helpdesk", "switchboard",
    "counter", "floor", "shopfloor", "site", "depot", "store", "shop", "clinic",
    "lab", "laboratory", "pharmacy", "transport", "fleet", "maintenance", "housekeeping", "facilities",
    "estates", "admissions", "payroll", "billing", "collections", "fundraising", "programmes", "programs",
    "nursing", "medical", "clinical", "surgical", "outpatients", "hse", "ehs", "safety", "health",
    // Glue.
    "of", "the", "our", "a", "an", "for", "and", "&", "in", "at", "on", "to",
  ]

  private static let mailboxes: Set<String> = [
    "info", "hello", "contact", "team", "office", "admin", "help", "noreply", "no", "reply",
  ]
}

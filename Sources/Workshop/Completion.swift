import Exports
import KPICascade

/// Tab candidates for what has been typed so far: commands, department and KPI names,
/// people, finding ids, and the words a question accepts.
public struct Completion: Equatable, Sendable {
  /// The tail of the typed text being completed; each candidate replaces it.
  public var stem: String
  public var candidates: [String]

  public init(stem: String, candidates: [String]) {
    self.stem = stem
    self.candidates = candidates
  }
}

extension Workshop {
  /// Candidates for Tab, given the text before the cursor.
  public func completions(for typed: String) -> Completion {
    guard typed.hasPrefix("/") else {
      let kind = currentQuestion()?.key.answerKind ?? .text
      guard let words = words(for: kind) else {
        return Completion(stem: typed, candidates: matching(typed, among: .all, quote: false))
      }
      return Completion(stem: typed, candidates: matching(typed, in: words, quote: false))
    }
    guard let space = typed.firstIndex(of: " ") else {
      let names = WorkshopCommand.allCases.map { "/" + $0.rawValue }
      return Completion(stem: typed, candidates: matching(typed, in: names, quote: false))
    }
    let parsed = CommandLineText(typed)
    let stem = currentWord(of: String(typed[typed.index(after: space)...]))
    let finished =
      typed.hasSuffix(" ") && !parsed.hasOpenQuote ? parsed.arguments.count : parsed.arguments.count - 1
    let position = max(finished, 0)
    let command = WorkshopCommand(rawValue: parsed.name)
    let pool: [String]
    switch (command, position) {
    case (.help?, 0): pool = WorkshopCommand.allCases.map(\.rawValue)
    case (.export?, 0): pool = ExportFormat.allCases.map(\.rawValue)
    case (.export?, _), (.save?, _), (.goto?, _), (.undo?, _), (.next?, _), (.back?, _), (.quit?, _),
      (.diff?, _):
      pool = []
    case (.accept?, 0): pool = AlignmentReport(cascade: cascade).open.map(\.id)
    case (.accept?, _): pool = ["because"]
    case (.owner?, 1...): pool = cascade.people
    case (.retarget?, 1...), (.rename?, 1...): pool = ["because"]
    case (.conflict?, _):
      pool = cascade.departmentKPIs.map(\.name)
    case (.review?, _): pool = ReviewKind.allCases.map(\.rawValue)
    case (.readings?, _): pool = []
    case (.dashboard?, _): pool = ["--as-of"]
    case (.diagnose?, 1...): pool = ["--as-of", "--format"]
    case (.record?, 1...): pool = ["--confidence", "--by"]
    case (.retarget?, 0), (.owner?, 0), (.record?, 0), (.diagnose?, 0):
      return Completion(stem: stem, candidates: matching(stem, among: .kpis, quote: true))
    default:
      // The commonest Tab, over every name: a binary search in the sorted names.
      return Completion(stem: stem, candidates: matching(stem, among: .all, quote: true))
    }
    return Completion(stem: stem, candidates: matching(stem, in: pool, quote: true))
  }

  /// Sorts the department and KPI names for Tab now if a name changed since they were last
  /// sorted (≈ 4 ms at 8,200 names), so the next Tab only searches them. Cheap otherwise.
  public func prepareCompletions() {
    _ = completionNames.names(of: cascade)
  }

  /// The department and KPI names in `pool` that `stem` begins, as `matching(_:in:quote:)`
  /// would answer over them, from the names sorted once per name revision.
  private func matching(_ stem: String, among pool: CompletionNames.Pool, quote: Bool) -> [String] {
    completionNames.names(of: cascade).matching(Self.wanted(stem), among: pool, quote: quote)
  }

  /// The words an answer of this kind may be; `nil` for any department or KPI name.
  private func words(for kind: AnswerKind) -> [String]? {
    switch kind {
    case .text: nil
    case .person: cascade.people
    case .function: DepartmentFunction.allCases.map(\.label)
    case .kpi: cascade.departmentKPIs.map(\.name) + ["no"]
    case .yesNo: ["yes", "no"]
    case .velocity: BusinessVelocity.allCases.map(\.rawValue)
    case .cadence: ReviewCadence.allCases.map(\.rawValue)
    case .role: Array(Set(cascade.individualKPIs.compactMap(\.role))).sorted()
    }
  }

  /// The word under the cursor: from an open quote, or after the last space.
  private func currentWord(of text: String) -> String {
    var quote: Character?
    var start = text.startIndex
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if let open = quote {
        if character == open { quote = nil }
      } else if character == "\"" || character == "'" {
        quote = character
        start = index
      } else if character == " " {
        start = text.index(after: index)
      }
      index = text.index(after: index)
    }
    return String(text[start...])
  }

  private func matching(_ stem: String, in pool: [String], quote: Bool) -> [String] {
    matching(stem, quote: quote) { visit in pool.forEach(visit) }
  }

  /// What a stem asks for: lowercased, an opening quote left out.
  private static func wanted(_ stem: String) -> String {
    var wanted = stem.lowercased()
    if let first = wanted.first, first == "\"" || first == "'" { wanted.removeFirst() }
    return wanted
  }

  /// The names `names` visits that start with `stem` (case-insensitive, an opening quote
  /// ignored), each once, in the order visited; quoted when they hold a space and `quote`.
  private func matching(_ stem: String, quote: Bool, in names: ((String) -> Void) -> Void) -> [String] {
    let prefix = CaselessText.Prefix(lowercased: Self.wanted(stem))
    var seen = Set<String>()
    var candidates: [String] = []
    names { name in
      guard prefix.matches(name), seen.insert(name).inserted else { return }
      candidates.append(quote && name.contains(" ") ? "\"" + name + "\"" : name)
    }
    return candidates
  }
}

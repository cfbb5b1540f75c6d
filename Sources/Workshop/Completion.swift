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
      return Completion(stem: typed, candidates: matching(typed, in: words(for: kind), quote: false))
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
      pool =
        cascade.companyKPIs.map(\.name) + cascade.departmentKPIs.map(\.name)
        + cascade.individualKPIs.map(\.name)
    default:
      // The commonest Tab, over every name: matched while walking the cascade, not collected.
      return Completion(stem: stem, candidates: matching(stem, quote: true, in: forEachName))
    }
    return Completion(stem: stem, candidates: matching(stem, in: pool, quote: true))
  }

  /// Departments, company KPIs, department KPIs, Level 3 KPIs, in that order.
  private var allNames: [String] {
    var names: [String] = []
    names.reserveCapacity(cascade.individualKPIs.count + cascade.departments.count * 9 + 5)
    forEachName { names.append($0) }
    return names
  }

  /// Visits the names `allNames` lists, in its order, reading each through the arrays'
  /// buffers: `for kpi in array` copies each whole KPI (every field retained and released)
  /// to read one name, and Tab walks all ≈ 8,000 of them on every press.
  private func forEachName(_ visit: (String) -> Void) {
    cascade.departments.withUnsafeBufferPointer { departments in
      for d in departments.indices { visit(departments[d].name) }
    }
    cascade.companyKPIs.withUnsafeBufferPointer { kpis in
      for k in kpis.indices { visit(kpis[k].name) }
    }
    cascade.departments.withUnsafeBufferPointer { departments in
      for d in departments.indices {
        departments[d].kpis.withUnsafeBufferPointer { kpis in
          for k in kpis.indices { visit(kpis[k].name) }
        }
      }
    }
    cascade.individualKPIs.withUnsafeBufferPointer { kpis in
      for k in kpis.indices { visit(kpis[k].name) }
    }
  }

  private func words(for kind: AnswerKind) -> [String] {
    switch kind {
    case .text: allNames
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

  /// The names `names` visits that start with `stem` (case-insensitive, an opening quote
  /// ignored), each once, in the order visited; quoted when they hold a space and `quote`.
  private func matching(_ stem: String, quote: Bool, in names: ((String) -> Void) -> Void) -> [String] {
    var wanted = stem.lowercased()
    if let first = wanted.first, first == "\"" || first == "'" { wanted.removeFirst() }
    let prefix = CaselessText.Prefix(lowercased: wanted)
    var seen = Set<String>()
    var candidates: [String] = []
    names { name in
      guard prefix.matches(name), seen.insert(name).inserted else { return }
      candidates.append(quote && name.contains(" ") ? "\"" + name + "\"" : name)
    }
    return candidates
  }
}

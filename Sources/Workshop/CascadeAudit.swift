import Foundation
import KPICascade

/// Checks on a cascade read from a file, reported with the path a person can find.
enum CascadeAudit {
  /// The first text anywhere in the cascade that a typed answer could not hold: a control
  /// character or escape sequence, or more than `AnswerText.maximumLength` characters, as
  /// `cascade.departments[2].kpis[0].owner: contains a control character`. Walks the cascade's
  /// own JSON, so a field added later is checked without anyone remembering to.
  static func unsafeText(in cascade: Cascade, prefix: String) -> String? {
    // Writing the cascade notes whether any text may be at fault, at a fraction of the cost of
    // the walk below, which only has to find where (a text of at most that many UTF-8 bytes
    // has at most that many characters).
    var writer = PrettyJSONWriter(noting: DisplayText.isUnsafe, notingLongerThan: AnswerText.maximumLength)
    cascade.write(json: &writer)
    guard writer.noted || writer.failed else { return nil }
    guard let data = try? JSONEncoder().encode(cascade),
      let json = try? JSONSerialization.jsonObject(with: data)
    else { return nil }
    return firstUnsafeString(json, path: prefix, limit: AnswerText.maximumLength)
  }

  /// A locked KPI's change is written by kpi-align from two answers (`target: 40% → 42%`).
  private static let changeLimit = 2 * AnswerText.maximumLength + 20

  private static func firstUnsafeString(_ value: Any, path: String, limit: Int) -> String? {
    switch value {
    case let text as String:
      return AnswerText.fileProblem(text, limit: limit).map { "\(path): \($0)" }
    case let object as [String: Any]:
      for key in object.keys.sorted() {
        let found = firstUnsafeString(
          object[key]!, path: "\(path).\(key)", limit: key == "what" ? changeLimit : AnswerText.maximumLength)
        if let found { return found }
      }
      return nil
    case let array as [Any]:
      for (index, element) in array.enumerated() {
        if let found = firstUnsafeString(element, path: "\(path)[\(index)]", limit: limit) { return found }
      }
      return nil
    default:
      return nil
    }
  }

  /// The first question or answer of `exchanges` that was not typed or asked in the room: a
  /// control character, an answer longer than a typed line can be, or a question longer than
  /// `maximumQuestionLength`; as `exchanges[4].answer: …`.
  static func unsafeText(in exchanges: [Exchange]) -> String? {
    for index in exchanges.indices {
      if let problem = unsafeText(in: exchanges[index]) { return "exchanges[\(index)].\(problem)" }
    }
    return nil
  }

  /// `unsafeText(in:)` of one exchange, as `answer: …` or `question: …`.
  static func unsafeText(in exchange: Exchange) -> String? {
    if let problem = AnswerText.fileProblem(exchange.answer) { return "answer: \(problem)" }
    if let problem = AnswerText.fileProblem(exchange.question, limit: maximumQuestionLength) {
      return "question: \(problem)"
    }
    return nil
  }

  /// A question quotes a name or two and at most one earlier answer ("New target for X? (was
  /// …)"), so four answers' length is more than any question asked in the room.
  static let maximumQuestionLength = 4 * AnswerText.maximumLength

  /// The first path where two cascades' JSON differs, e.g. `cascade.departments[1].kpis[0].target`.
  static func firstDifference(_ a: Cascade, _ b: Cascade) -> String? {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard let left = try? JSONSerialization.jsonObject(with: encoder.encode(a)),
      let right = try? JSONSerialization.jsonObject(with: encoder.encode(b))
    else { return nil }
    return difference(left, right, path: "cascade")
  }

  private static func difference(_ a: Any, _ b: Any, path: String) -> String? {
    switch (a, b) {
    case let (x as [String: Any], y as [String: Any]):
      for key in Set(x.keys).union(y.keys).sorted() {
        guard let left = x[key], let right = y[key] else { return "\(path).\(key)" }
        if let found = difference(left, right, path: "\(path).\(key)") { return found }
      }
      return nil
    case let (x as [Any], y as [Any]):
      for index in 0..<max(x.count, y.count) {
        guard index < x.count, index < y.count else { return "\(path)[\(index)]" }
        if let found = difference(x[index], y[index], path: "\(path)[\(index)]") { return found }
      }
      return nil
    default:
      return (a as? NSObject) == (b as? NSObject) ? nil : path
    }
  }
}

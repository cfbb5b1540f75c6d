import KPICascade

/// Checks a typed line before anything reads it: plain text, of a sane length.
///
/// A projector room pastes things; a script may carry anything. Refusing here, with where
/// the problem is, keeps escape sequences and megabyte lines out of the cascade and the files.
public enum AnswerText {
  /// The longest answer kept; a name is much shorter, a sentence fits easily.
  public static let maximumLength = 1000
  /// The longest name of a department, KPI or person.
  public static let maximumNameLength = 120

  /// The line, trimmed, or why it cannot be used.
  public static func check(_ line: String) -> Result<String, AnswerProblem> {
    let text = line.replacingTabs()
    let count = text.count
    if count > maximumLength {
      return .failure(
        AnswerProblem(
          "That line is \(count) characters long; an answer can be at most \(maximumLength)."))
    }
    for (offset, character) in text.enumerated()
    where character.unicodeScalars.contains(where: DisplayText.isUnsafe) {
      let shown = DisplayText.safe(String(character))
      return .failure(
        AnswerProblem(
          "That line contains a control character (\(shown) at column \(offset + 1)); type plain text."))
    }
    return .success(text.trimmed)
  }

  /// What keeps text read from a file from being one a person could have typed: a control
  /// character, or more than `limit` characters. `nil` when it could have been typed.
  static func fileProblem(_ text: String, limit: Int = maximumLength) -> String? {
    if text.utf8.contains(where: { $0 < 0x20 || $0 >= 0x7F }),
      text.unicodeScalars.contains(where: DisplayText.isUnsafe)
    {
      return "contains a control character"
    }
    // At most `limit` bytes of UTF-8 is at most `limit` characters: only a long text is counted,
    // and only as far as the limit (a 200 MB text is not counted to its end).
    guard text.utf8.count > limit,
      let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex), end < text.endIndex
    else { return nil }
    return "longer than \(limit) characters, which is all a typed answer can hold"
  }

  /// Why a typed target can't be kept as typed: read, it would leave a number out (`=1+2`
  /// would be kept as "= 1"). `nil` for every other text, a goal without a number included.
  static func cutTargetProblem(_ text: String) -> String? {
    guard let cut = Target.cutReading(of: text) else { return nil }
    return
      "'\(DisplayText.excerpt(text))' would be read as '\(cut.reading.summary)', leaving '\(DisplayText.excerpt(cut.unread, limit: 20))' out. Give the target as one number with its unit (e.g. >= 78%, 42%, < 3 days)."
  }

  /// A name's problem, if any: too long for a label on a slide.
  static func nameProblem(_ name: String) -> String? {
    name.count > maximumNameLength
      ? "That name is \(name.count) characters long; keep names under \(maximumNameLength)." : nil
  }
}

/// Why a typed line was refused.
public struct AnswerProblem: Error, Equatable, Sendable {
  public var message: String
  init(_ message: String) { self.message = message }
}

extension String {
  /// Without leading and trailing spaces.
  var trimmed: String {
    var scalars = Substring(self)
    while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }

  fileprivate func replacingTabs() -> String {
    contains("\t") ? split(separator: "\t", omittingEmptySubsequences: false).joined(separator: " ") : self
  }
}

import Foundation

/// A case-insensitive regular expression over something a person typed into the room.
///
/// The parsers (targets, lead times, people) read free text; this keeps the Foundation regex
/// plumbing (UTF-16 ranges, capture groups) in one place so they read as rules, not as API calls.
struct AnswerPattern: Sendable {
  private let regex: NSRegularExpression

  /// Compiles a pattern written in this module; a bad pattern is a programming error.
  init(_ pattern: String) {
    do {
      regex = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    } catch {
      preconditionFailure("bad pattern \(pattern): \(error)")
    }
  }

  /// A pattern matching `phrase` as whole words, so "over" never matches "turnover".
  init(phrase: String) {
    self.init("(?<![\\p{L}\\p{N}])" + NSRegularExpression.escapedPattern(for: phrase) + "(?![\\p{L}\\p{N}])")
  }

  func matches(_ text: String) -> Bool {
    firstMatch(in: text) != nil
  }

  /// The text with every match replaced by `template` (`$1` names a group).
  func replacingMatches(in text: String, with template: String) -> String {
    regex.stringByReplacingMatches(
      in: text, options: [], range: NSRange(text.startIndex..<text.endIndex, in: text), withTemplate: template
    )
  }

  /// The first match at or after `start`.
  func firstMatch(in text: String, from start: String.Index? = nil) -> AnswerMatch? {
    let lower = start ?? text.startIndex
    let range = NSRange(lower..<text.endIndex, in: text)
    guard let result = regex.firstMatch(in: text, options: [], range: range) else { return nil }
    return AnswerMatch(result: result, text: text)
  }
}

/// One match: its whole range and its numbered capture groups.
struct AnswerMatch {
  let range: Range<String.Index>
  private let groups: [Range<String.Index>?]
  private let text: String

  fileprivate init?(result: NSTextCheckingResult, text: String) {
    guard let whole = Range(result.range, in: text) else { return nil }
    self.range = whole
    self.text = text
    self.groups = (0..<result.numberOfRanges).map { index in
      let r = result.range(at: index)
      return r.location == NSNotFound ? nil : Range(r, in: text)
    }
  }

  /// The text of capture group `index`, or `nil` when that group did not take part.
  func group(_ index: Int) -> String? {
    guard index < groups.count, let range = groups[index] else { return nil }
    return String(text[range])
  }

  /// The text with this match replaced by a space.
  var textWithoutMatch: String {
    String(text[..<range.lowerBound]) + " " + String(text[range.upperBound...])
  }
}

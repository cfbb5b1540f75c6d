import Foundation

/// A case-insensitive regular expression over something a person typed into the room.
///
/// The parsers (targets, lead times, people) read free text; this keeps the Foundation regex
/// plumbing (UTF-16 ranges, capture groups) in one place so they read as rules, not as API calls.
/// Text the module's own matcher agrees on with ICU (`PatternProgram`: ASCII and a few
/// symbols, nearly every answer) is matched by it; ICU, compiled the first time it is needed,
/// reads the rest.
final class AnswerPattern: Sendable {
  private let regex: LazyRegex
  private let program: PatternProgram?
  /// The pattern as written, for the test that compares the matcher with ICU.
  let pattern: String
  /// For a whole-word phrase in plain ASCII, the phrase lowercased: plain ASCII text that does
  /// not contain it cannot match, which is known without asking the regex engine. Target
  /// parsing tries some ninety phrases per target, so `/check` of thousands of targets spent
  /// most of its time in regex calls that could never match.
  private let literal: [UInt8]?

  /// Compiles a pattern written in this module; a bad pattern is a programming error.
  /// `requiring`, when given, is plain ASCII text every match contains (ignoring case): text
  /// without it is answered without the regex engine.
  init(_ pattern: String, requiring required: String? = nil) {
    self.pattern = pattern
    regex = LazyRegex(pattern)
    program = PatternProgram.compile(pattern)
    let bytes = required.map { Array($0.lowercased().utf8) }
    literal = bytes.flatMap { !$0.isEmpty && $0.allSatisfy(Self.isPlain) ? $0 : nil }
  }

  /// A pattern matching `phrase` as whole words, so "over" never matches "turnover".
  init(phrase: String) {
    let pattern =
      "(?<![\\p{L}\\p{N}])" + NSRegularExpression.escapedPattern(for: phrase) + "(?![\\p{L}\\p{N}])"
    self.pattern = pattern
    regex = LazyRegex(pattern)
    program = PatternProgram.compile(pattern)
    let bytes = Array(phrase.lowercased().utf8)
    literal = !bytes.isEmpty && bytes.allSatisfy(Self.isPlain) ? bytes : nil
  }

  func matches(_ text: String) -> Bool {
    firstMatch(in: text) != nil
  }

  /// The text with every match replaced by `template` (`$1` names a group).
  func replacingMatches(in text: String, with template: String) -> String {
    replacingMatches(in: text, with: template, byICU: false)
  }

  /// `replacingMatches`, by ICU alone when `byICU` (for the test that compares the two).
  func replacingMatches(in text: String, with template: String, byICU: Bool) -> String {
    if let literal, Self.cannotContain(text[...], literal) { return text }
    if !byICU, let program, !template.contains("$"), !template.contains("\\") {
      let scanned = ScannedText(text, from: text.startIndex)
      if PatternProgram.accepts(scanned.scalars) {
        var result = ""
        var copied = 0
        var from = 0
        while from <= scanned.scalars.count,
          let slots = program.firstMatch(in: scanned.scalars, base: 0, from: from)
        {
          result += text[scanned.index(copied)..<scanned.index(slots[0])]
          result += template
          copied = slots[1]
          if slots[1] == slots[0] {
            // An empty match moves on by one, as ICU does.
            if slots[1] < scanned.scalars.count {
              result += text[scanned.index(slots[1])..<scanned.index(slots[1] + 1)]
            }
            copied = slots[1] + 1
            from = slots[1] + 1
          } else {
            from = slots[1]
          }
        }
        if copied < scanned.scalars.count { result += text[scanned.index(copied)...] }
        return result
      }
    }
    return regex.compiled.stringByReplacingMatches(
      in: text, options: [], range: NSRange(text.startIndex..<text.endIndex, in: text), withTemplate: template
    )
  }

  /// The first match at or after `start`.
  func firstMatch(in text: String, from start: String.Index? = nil) -> AnswerMatch? {
    firstMatch(in: text, from: start, byICU: false)
  }

  /// Whether the module's matcher reads this pattern (`false`: ICU reads every text).
  var hasProgram: Bool { program != nil }

  /// `firstMatch`, by ICU alone when `byICU` (for the test that compares the two).
  func firstMatch(in text: String, from start: String.Index?, byICU: Bool) -> AnswerMatch? {
    let lower = start ?? text.startIndex
    if let literal, Self.cannotContain(text[lower...], literal) { return nil }
    if !byICU, let program {
      if program.cannotMatch(text, from: lower) { return nil }
      let scanned = ScannedText(text, from: lower)
      if PatternProgram.accepts(scanned.scalars), !Self.splitsLineBreak(text, at: lower) {
        guard let slots = program.firstMatch(in: scanned.scalars, base: 0, from: 0) else { return nil }
        return AnswerMatch(slots: slots, in: scanned, text: text)
      }
    }
    let range = NSRange(lower..<text.endIndex, in: text)
    guard let result = regex.compiled.firstMatch(in: text, options: [], range: range) else { return nil }
    return AnswerMatch(result: result, text: text)
  }
}

/// A text's Unicode scalars from some index on; string indices are worked out only for the
/// offsets a match reports.
private struct ScannedText {
  let scalars: [UInt32]
  private let text: String
  private let start: String.Index

  init(_ text: String, from start: String.Index) {
    self.text = text
    self.start = start
    scalars = text.unicodeScalars[start...].map(\.value)
  }

  /// The string index `offset` scalars after the start.
  func index(_ offset: Int) -> String.Index {
    text.unicodeScalars.index(start, offsetBy: offset)
  }
}

/// An `NSRegularExpression` compiled the first time it is used: most patterns never meet text
/// that needs ICU, and compiling them all cost a fresh process tens of milliseconds.
private final class LazyRegex: @unchecked Sendable {
  private let pattern: String
  private let lock = NSLock()
  private var regex: NSRegularExpression?

  init(_ pattern: String) {
    self.pattern = pattern
  }

  var compiled: NSRegularExpression {
    lock.lock()
    defer { lock.unlock() }
    if let regex { return regex }
    do {
      let made = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
      regex = made
      return made
    } catch {
      preconditionFailure("bad pattern \(pattern): \(error)")
    }
  }
}

extension AnswerPattern {
  /// Whether `index` falls inside a "\r\n", which is one `Character`: a match starting there
  /// has no `String` range, so only ICU's path (which drops it) says what happens.
  private static func splitsLineBreak(_ text: String, at index: String.Index) -> Bool {
    guard index > text.startIndex, index < text.endIndex else { return false }
    let scalars = text.unicodeScalars
    return scalars[index] == "\n" && scalars[scalars.index(before: index)] == "\r"
  }

  private static func isPlain(_ byte: UInt8) -> Bool { byte < 0x80 }

  /// Whether plain ASCII `text` lacks `literal` (lowercase ASCII), ignoring case. `false` for
  /// anything else: only the regex decides about other text.
  private static func cannotContain(_ text: Substring, _ literal: [UInt8]) -> Bool {
    let answer = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      guard bytes.allSatisfy(isPlain) else { return false }
      guard bytes.count >= literal.count else { return true }
      for start in 0...(bytes.count - literal.count) {
        var i = 0
        while i < literal.count {
          let byte = bytes[start + i]
          let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
          if lower != literal[i] { break }
          i += 1
        }
        if i == literal.count { return false }
      }
      return true
    }
    return answer ?? false
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

  /// A match of `PatternProgram`: slot pairs of scalar offsets into `scanned`.
  fileprivate init(slots: PatternProgram.Slots, in scanned: ScannedText, text: String) {
    self.text = text
    self.groups = stride(from: 0, to: slots.count, by: 2).map { slot in
      slots[slot] < 0 || slots[slot + 1] < 0
        ? nil : scanned.index(slots[slot])..<scanned.index(slots[slot + 1])
    }
    self.range = groups[0]!
  }

  /// Every capture group's range, the whole match first (for tests).
  var groupRanges: [Range<String.Index>?] { groups }

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

/// Whole-word phrases looked up in one text without a regex call per phrase.
///
/// Target reading asks for some ninety phrases per target ("no more than", "increase"); each
/// as an `AnswerPattern(phrase:)` is a pattern call of its own. For text the module's matcher
/// reads (`PatternProgram.accepts`: ASCII and caseless symbols that are neither letters nor
/// digits), a phrase of lowercase ASCII letters and spaces matches, ignoring case, exactly
/// where its bytes occur with no letter or digit on either side, which is what this looks for.
/// A test compares it with the phrase patterns over every phrase and many texts.
struct PhraseScan {
  /// The text's UTF-8 bytes, ASCII capitals lowercased.
  private let bytes: [UInt8]

  /// `nil` when the text is not one the matcher reads: ask the patterns instead.
  init?(_ text: String) {
    guard PatternProgram.accepts(text.unicodeScalars.map(\.value)) else { return nil }
    bytes = text.utf8.map(PlainText.lowercased)
  }

  /// Whether a phrase can be looked up here: lowercase ASCII letters and single spaces.
  static func isPlainPhrase(_ phrase: String) -> Bool {
    !phrase.isEmpty && phrase.utf8.allSatisfy { (0x61...0x7A).contains($0) || $0 == 0x20 }
  }

  /// The byte offset where `phrase` (lowercase, `isPlainPhrase`) first occurs as whole words.
  func firstOffset(of phrase: [UInt8]) -> Int? {
    guard let head = phrase.first, bytes.count >= phrase.count else { return nil }
    for start in 0...(bytes.count - phrase.count) where bytes[start] == head {
      if start > 0 && Self.isWordByte(bytes[start - 1]) { continue }
      var index = 1
      while index < phrase.count && bytes[start + index] == phrase[index] { index += 1 }
      guard index == phrase.count else { continue }
      let end = start + phrase.count
      if end < bytes.count && Self.isWordByte(bytes[end]) { continue }
      return start
    }
    return nil
  }

  /// A letter or digit; bytes of the symbols outside ASCII are neither.
  private static func isWordByte(_ byte: UInt8) -> Bool {
    PlainText.isLetter(byte) || PlainText.isDigit(byte)
  }
}

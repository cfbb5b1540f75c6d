/// Byte-level answers for text that is entirely ASCII, where a byte is a character and the
/// Unicode questions (`isLetter`, `isWhitespace`, `lowercased()`) have their ASCII answers.
///
/// The checks ask those questions of every KPI name, link and owner; through `Character` each
/// answer is a Unicode property look-up, which made them most of a large cascade's `/check`.
/// Callers take the fast path only when `bytes(of:)` says the text is plain, so the answers
/// are the same as `Character`'s (a test compares them over every ASCII byte).
enum PlainText {
  /// The text's bytes when every one is ASCII; `nil` otherwise.
  static func bytes(of text: String) -> [UInt8]? {
    let bytes = Array(text.utf8)
    return bytes.allSatisfy { $0 < 0x80 } ? bytes : nil
  }

  /// `Character.isWhitespace` and `CharacterSet.whitespacesAndNewlines` in ASCII: tab, line
  /// feed, vertical tab, form feed, carriage return and space.
  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (0x09...0x0D).contains(byte)
  }

  /// `Character.isLetter` in ASCII.
  static func isLetter(_ byte: UInt8) -> Bool {
    (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
  }

  /// `Character.isNumber` in ASCII.
  static func isDigit(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte)
  }

  static func lowercased(_ byte: UInt8) -> UInt8 {
    (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
  }

  /// A string of ASCII bytes.
  static func string<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
    String(decoding: bytes, as: UTF8.self)
  }

  /// The words of plain text split on whitespace: `split(whereSeparator: \.isWhitespace)`.
  static func words(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    bytes.split(whereSeparator: isSpace)
  }

  /// The text's words joined by single spaces: `split(whereSeparator: \.isWhitespace)`
  /// joined with " ", without a `Character` look-up per character when the text is plain.
  static func collapsingWhitespace(_ text: String) -> String {
    guard let bytes = bytes(of: text) else {
      return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
    var joined: [UInt8] = []
    joined.reserveCapacity(bytes.count)
    for word in words(bytes) {
      if !joined.isEmpty { joined.append(0x20) }
      joined.append(contentsOf: word)
    }
    return string(joined)
  }

  /// How many words `split(whereSeparator: \.isWhitespace)` finds in the text.
  static func wordCount(_ text: String) -> Int {
    guard let bytes = bytes(of: text) else { return text.split(whereSeparator: \.isWhitespace).count }
    return words(bytes).count
  }
}

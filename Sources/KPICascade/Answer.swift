import Foundation

/// What the room typed, with blank answers treated as no answer.
extension Optional where Wrapped == String {
  /// The trimmed text, or `nil` when nothing but whitespace was given.
  var answered: String? {
    // Most answers need no trimming: an ASCII non-space at both ends is kept as it is, without
    // Foundation's trimming (which `/check` otherwise pays for every answer of every KPI).
    if let self, let first = self.utf8.first, let last = self.utf8.last, Self.isKept(first),
      Self.isKept(last)
    {
      return self
    }
    guard let text = self?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
      return nil
    }
    return text
  }

  /// The text's words joined by single spaces, as the room reads it on one line.
  var collapsingWhitespace: String? {
    guard let self else { return nil }
    // Most answers are plain ASCII with single spaces between words: kept as they are.
    var previous: UInt8 = 0x20
    let plain = self.utf8.allSatisfy { byte in
      defer { previous = byte }
      return byte < 0x80 && !(0x09...0x0D).contains(byte) && !(byte == 0x20 && previous == 0x20)
    }
    if plain, previous != 0x20 { return self }
    return self.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// Whether a byte at either end is a whole ASCII character that is not whitespace, so
  /// trimming whitespace and newlines leaves that end as it is.
  private static func isKept(_ byte: UInt8) -> Bool {
    byte < 0x80 && byte != 0x20 && !(0x09...0x0D).contains(byte)
  }
}

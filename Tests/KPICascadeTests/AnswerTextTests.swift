import Foundation
import Testing

@testable import KPICascade

/// Answers as the readers take them: trimmed, whitespace collapsed, quoted exactly as typed.
@Suite("Answer text")
struct AnswerTextTests {
  static let alphabet = "aZk s\t\n\r\u{0B}\u{0C}.,;:()-–&/+|'!?\"]#%0129AnDoRwiThPlus"
  static let texts =
    DifferentialText.plain(count: 3_000, length: 24, alphabet: alphabet, seed: 11)
    + DifferentialText.generated(count: 1_500, seed: 3).filter { $0.utf8.allSatisfy { $0 < 0x80 } }
    + DifferentialText.handPicked.filter { $0.utf8.allSatisfy { $0 < 0x80 } }

  @Test func collapsedAsSplitOnWhitespace() {
    for text in Self.texts + ["a\r\nb", "\r\n", " a  b "] {
      #expect(
        Optional(text).collapsingWhitespace
          == text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
    }
  }

  @Test func answeredAsTrimmed() {
    for text in Self.texts + ["é ", " é", "\u{85}a", "a\u{A0}"] {
      let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
      #expect(Optional(text).answered == (trimmed.isEmpty ? nil : trimmed), "\(text.debugDescription)")
    }
  }

  /// Canonically equal answers typed differently are judged, and quoted, each as typed.
  @Test func canonicallyEqualTargetsAreQuotedAsTyped() throws {
    let composed = "caf\u{E9} goal"
    let decomposed = "cafe\u{301} goal"
    #expect(Array(composed.unicodeScalars) != Array(decomposed.unicodeScalars))
    let cascade = try Room.withOneKPI([
      .targetSet(kpi: "c1", target: composed, reason: nil),
      .targetSet(kpi: "c2", target: decomposed, reason: nil),
    ])
    let reasons = TargetCheck().findings(in: cascade).filter { ["c1", "c2"].contains($0.subject) }.map(
      \.reason)
    #expect(
      reasons.map { Array($0.unicodeScalars) }
        == [composed, decomposed].map {
          Array("'\($0)' is a goal, not a measurable target".unicodeScalars)
        })
  }
}

import Foundation
import Testing

@testable import KPICascade

/// The byte-level readers of plain ASCII text against the `Character` and regex paths they
/// stand in for.
@Suite("Plain text fast paths")
struct PlainTextTests {
  static let alphabet = "aZk s\t\n\r\u{0B}\u{0C}.,;:()-–&/+|'!?\"]#%0129AnDoRwiThPlus"
  static let texts =
    DifferentialText.plain(count: 3_000, length: 24, alphabet: alphabet, seed: 11)
    + DifferentialText.generated(count: 1_500, seed: 3).filter { $0.utf8.allSatisfy { $0 < 0x80 } }
    + DifferentialText.handPicked.filter { $0.utf8.allSatisfy { $0 < 0x80 } }

  @Test func everyASCIIByteAnswersAsItsCharacter() {
    for byte in UInt8(0)..<0x80 {
      let character = Character(Unicode.Scalar(byte))
      #expect(PlainText.isSpace(byte) == character.isWhitespace, "\(byte)")
      #expect(
        PlainText.isSpace(byte) == CharacterSet.whitespacesAndNewlines.contains(Unicode.Scalar(byte)),
        "\(byte)")
      #expect(PlainText.isLetter(byte) == character.isLetter, "\(byte)")
      #expect(PlainText.isDigit(byte) == character.isNumber, "\(byte)")
      #expect(String(Character(Unicode.Scalar(PlainText.lowercased(byte)))) == String(character).lowercased())
    }
  }

  @Test func wordsAsSplitOnWhitespace() {
    for text in Self.texts + ["a\r\nb", "\r\n", " a  b "] {
      #expect(
        PlainText.collapsingWhitespace(text)
          == text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
      #expect(PlainText.wordCount(text) == text.split(whereSeparator: \.isWhitespace).count)
    }
  }

  @Test func answeredAsTrimmed() {
    for text in Self.texts + ["é ", " é", "\u{85}a", "a\u{A0}"] {
      let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
      #expect(Optional(text).answered == (trimmed.isEmpty ? nil : trimmed), "\(text.debugDescription)")
    }
  }

  @Test func namesLinksAndRolesAsByCharacters() {
    for text in Self.texts {
      #expect(
        CountCheck.roleSubject(text) == CountCheck.roleSubjectByCharacters(text), "\(text.debugDescription)")
      #expect(
        OneSentenceLinkCheck.sentenceCount(text) == OneSentenceLinkCheck.sentenceCountByCharacters(text),
        "\(text.debugDescription)")
    }
  }

  /// Canonically equal answers typed differently are judged, and quoted, each as typed.
  @Test func canonicallyEqualTargetsAreQuotedAsTyped() throws {
    let composed = "caf\u{E9} goal"
    let decomposed = "cafe\u{301} goal"
    #expect(ExactText(composed) != ExactText(decomposed))
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

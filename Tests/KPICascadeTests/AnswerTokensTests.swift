import Testing

@testable import KPICascade

/// The one tokenizer every reader uses: words in any script, numbers with their groups and
/// decimals, symbols one by one, and whether whitespace stood before each.
@Suite("AnswerTokens")
struct AnswerTokensTests {
  private func cut(_ text: String) -> [String] {
    AnswerTokens(text).tokens.map { token in
      let kind =
        switch token.kind {
        case .word: "w"
        case .number: "n"
        case .symbol: "s"
        }
      return (token.spaced ? " " : "") + kind + ":" + token.text
    }
  }

  @Test func wordsInAnyScriptAreWordsLowercasedOnce() {
    #expect(cut("María José") == [" w:maría", " w:josé"])
    #expect(cut("Nguyễn Văn An") == [" w:nguyễn", " w:văn", " w:an"])
    #expect(cut("O'Neil-Smith") == [" w:o", "s:'", "w:neil", "s:-", "w:smith"])
    #expect(cut("ΑΘΗΝΑ 5") == [" w:αθηνα", " n:5"])
  }

  @Test func numbersKeepTheirGroupsAndDecimals() {
    #expect(cut("$1,200.50") == [" s:$", "n:1,200.50"])
    #expect(cut(".5 and 1.2.3") == [" n:.5", " w:and", " n:1.2", "s:.", "n:3"])
    // A comma between digits is a thousands separator only before exactly three digits.
    #expect(cut("1,2345") == [" n:1", "s:,", "n:2345"])
    #expect(cut("1234,567") == [" n:1234", "s:,", "n:567"])
    #expect(cut("p95 q4") == [" w:p", "n:95", " w:q", "n:4"])
    #expect(AnswerTokens("1,200.5").tokens.first?.value == 1200.5)
  }

  @Test func symbolsStandAloneAndGlueIsKept() {
    #expect(cut(">= 78%") == [" s:>", "s:=", " n:78", "s:%"])
    #expect(cut("5m vs 5 m") == [" n:5", "w:m", " w:vs", " n:5", " w:m"])
    #expect(cut("  ≥\t3x ") == [" s:≥", " n:3", "w:x"])
    #expect(cut("") == [])
  }

  @Test func phrasesMatchWholeWordsOnly() {
    let words = AnswerTokens("staff turnover over5 no more than 4")
    #expect(words.firstIndex(ofPhrase: ["over"]) == nil)
    #expect(words.firstIndex(ofPhrase: ["more", "than"]) == 5)
    #expect(words.firstIndex(ofPhrase: ["no", "more", "than"]) == 4)
    #expect(AnswerTokens("NO MORE  THAN").firstIndex(ofPhrase: ["no", "more", "than"]) == 0)
  }

  @Test func textAsTypedAndRemovalLeavesASpace() {
    var words = AnswerTokens("revenue +20% YoY by Q4  2026")
    #expect(words.typedText(6..<9) == "Q4  2026")
    #expect(words.lowercasedText(0..<4) == "revenue +20%")
    words.remove(1..<2)
    #expect(words.lowercasedText(0..<3) == "revenue 20%")
  }

  /// Plain ASCII answers are cut byte by byte; every such text cuts exactly as by `Character`.
  @Test func asciiCutsAsByCharacters() {
    let texts =
      DifferentialText.plain(count: 3_000, length: 24, alphabet: "aZ .,;:-'$%0129\t\r\n", seed: 5)
      + DifferentialText.generated(count: 2_000, seed: 9).filter { $0.utf8.allSatisfy { $0 < 0x80 } }
    for text in texts {
      #expect(AnswerTokens.cutASCII(text) == AnswerTokens.cutByCharacters(text), "\(text.debugDescription)")
    }
  }
}

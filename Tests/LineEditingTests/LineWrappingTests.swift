import Testing

@testable import LineEditing

@Suite("Wrapping the workshop's text")
struct LineWrappingTests {
  @Test func shortLinesAreLeftAlone() {
    #expect(LineWrapping.wrap("  short line\nanother", width: 40) == "  short line\nanother")
  }

  @Test func longLinesBreakBetweenWordsKeepingTheirIndentation() {
    let text = "  one two three four five six seven eight"
    #expect(LineWrapping.wrap(text, width: 20) == "  one two three four\n  five six seven\n  eight")
  }

  @Test func aTableRowContinuesUnderItsSecondColumnAndLosesNothing() {
    let row = "  /diff FILE       what changed since FILE (a saved session or exported cascade)"
    let wrapped = LineWrapping.wrap(row, width: 60)
    #expect(
      wrapped
        == "  /diff FILE       what changed since FILE (a saved session\n                   or exported cascade)"
    )
  }

  @Test func colourCodesTakeNoColumnsAndAreNeverCut() {
    let mark = "\u{1B}[32m✓\u{1B}[0m"
    let row = "  \(mark)  3  Department KPIs are outcomes with measurable targets"
    #expect(LineWrapping.visibleWidth(row) == 60)
    let wrapped = LineWrapping.wrap(row, width: 40)
    #expect(wrapped.hasPrefix("  \(mark)  3  Department KPIs are outcomes"))
    #expect(wrapped.hasSuffix("\n        with measurable targets"))
  }

  @Test func aNumberedItemContinuesUnderItsText() {
    let item = "  1. Every department cascades with five to eight KPIs each"
    #expect(
      LineWrapping.wrap(item, width: 40)
        == "  1. Every department cascades with five\n     to eight KPIs each")
  }

  @Test func aLineAtTheMarginContinuesSlightlyIn() {
    let line = "Customer retention measured as the share of accounts renewing"
    #expect(
      LineWrapping.wrap(line, width: 40) == "Customer retention measured as the share\n  of accounts renewing"
    )
  }
}

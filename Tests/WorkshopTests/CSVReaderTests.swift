import Testing

@testable import Workshop

@Suite("CSV reader")
struct CSVReaderTests {
  /// Every record's cells as text.
  private func rows(_ text: String) -> [[String?]] {
    CSVReader.records(text).map { $0.cells.map(\.text) }
  }

  @Test func plainCellsSplitOnCommas() {
    #expect(rows("a,b,c\r\n1,2,3\r\n") == [["a", "b", "c"], ["1", "2", "3"]])
  }

  @Test func quotedCellsKeepCommasAndDoubledQuotes() {
    #expect(rows("\"a,b\",\"say \"\"hi\"\"\",\"\"\r\n") == [["a,b", "say \"hi\"", ""]])
  }

  @Test func aQuotedCellKeepsItsLineBreaks() {
    let records = CSVReader.records("\"one\r\ntwo\nthree\",x\r\nnext,y\r\n")
    #expect(records.map { $0.cells.map(\.text) } == [["one\r\ntwo\nthree", "x"], ["next", "y"]])
    #expect(records.map(\.row) == [1, 2], "a record spanning lines is still one row")
  }

  @Test(arguments: ["a,b\r\nc,d\r\n", "a,b\nc,d\n", "a,b\r\nc,d", "a,b\nc,d", "a,b\r\nc,d\n"])
  func crlfAndLfEndRecordsAndATrailingBreakAddsNone(text: String) {
    #expect(rows(text) == [["a", "b"], ["c", "d"]])
  }

  @Test func aByteOrderMarkIsSkipped() {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("level,kpi\r\n".utf8)
    #expect(CSVReader.records(bytes).map { $0.cells.map(\.text) } == [["level", "kpi"]])
  }

  @Test func emptyInputHasNoRecordsAndEmptyCellsAreKept() {
    #expect(CSVReader.records("").isEmpty)
    #expect(rows(",,\r\n") == [["", "", ""]])
    #expect(CSVReader.records("a\r\n\r\nb\r\n")[1].isBlank)
  }

  @Test func invalidUTF8SpoilsOnlyItsCell() {
    let bytes = Array("ok,".utf8) + [0xFF, 0xFE] + Array(",fine\r\n".utf8)
    #expect(CSVReader.records(bytes).map { $0.cells.map(\.text) } == [["ok", nil, "fine"]])
  }

  @Test func brokenQuotingIsReportedOnTheCell() {
    let records = CSVReader.records("ab\"c,\"d\"e,\"open\r\nstill open")
    let cells = records[0].cells
    #expect(cells.map(\.malformation) == [.quoteInUnquotedCell, .textAfterClosingQuote, .unclosedQuote])
    #expect(cells.map(\.text) == ["ab\"c", "de", "open\r\nstill open"])
  }
}

import Foundation
import KPICascade
import Testing

@testable import Workshop

/// Readings spreadsheets: both shapes read, every bad cell named by row and column, and a file
/// with any bad row records nothing.
@Suite struct ReadingsFileTests {
  /// The fixture's cascade: c1 Revenue growth (>= 20% YoY), k1 Qualified pipeline coverage
  /// (>= 3x), k2 Marketing qualified leads (>= 400 per month), k3 Expansion pipeline
  /// (>= $250k per quarter), i1 Discovery calls held.
  static let cascade = Room.complete().cascade

  private func read(_ text: String) throws(RowRejection) -> ReadingsFile {
    try ReadingsFile(Array(text.utf8), cascade: Self.cascade)
  }

  private func problems(_ text: String) -> [String] {
    do {
      _ = try read(text)
      return []
    } catch {
      return error.problems.map(\.description)
    }
  }

  @Test func aLongFileReadsIdsNamesUnitsNotesAndOptionalColumnsInAnyOrder() throws {
    let file = try read(
      """
      value,KPI,Date,note,confidence,recorded by
      21.5%,Revenue growth,2026-01-05,steady,8,Dana Ruiz
      3.4x,k1,2026-01-05,,,
      "$280,000",expansion pipeline,2026-01-12,,,
      452,k2,2026-01-12,"after the ""spring"" push",,

      """)
    #expect(file.shape == .long)
    #expect(file.readings.map(\.kpi) == ["c1", "k1", "k3", "k2"])
    #expect(file.readings.map(\.value) == [21.5, 3.4, 280_000, 452])
    #expect(file.readings.map(\.day.description) == ["2026-01-05", "2026-01-05", "2026-01-12", "2026-01-12"])
    #expect(file.readings[0].note == "steady")
    #expect(file.readings[0].confidence == 8)
    #expect(file.readings[0].recordedBy == "Dana Ruiz")
    #expect(file.readings[1].note == nil)
    #expect(file.readings[3].note == "after the \"spring\" push")
  }

  @Test func aWideFileHasOneColumnPerDayAndSkipsEmptyCells() throws {
    let file = try read(
      """
      kpi,2026-01-05,2026-01-12,2026-01-19\r
      Revenue growth,21.5%,21.8%,\r
      k2,452,,440\r

      """)
    #expect(file.shape == .wide)
    #expect(file.readings.map(\.kpi) == ["c1", "c1", "k2", "k2"])
    #expect(file.readings.map(\.day.description) == ["2026-01-05", "2026-01-12", "2026-01-05", "2026-01-19"])
    #expect(file.readings.map(\.value) == [21.5, 21.8, 452, 440])
  }

  @Test(arguments: [
    (
      "kpi,date,value\nNo such KPI,2026-01-05,3\n",
      "row 2, column kpi: no KPI called 'No such KPI'"
    ),
    ("kpi,date,value\nk1,2026-02-30,3\n", "row 2, column date: '2026-02-30' is not a day (YYYY-MM-DD)"),
    ("kpi,date,value\nk1,05/01/2026,3\n", "row 2, column date: '05/01/2026' is not a day (YYYY-MM-DD)"),
    ("kpi,date,value\nk1,2026-01-05,lots\n", "row 2, column value: 'lots' is not a number"),
    ("kpi,date,value\nk1,2026-01-05,\n", "row 2, column value: no value"),
    (
      "kpi,date,value\nc1,2026-01-05,$58\n",
      "row 2, column value: '$58' is money in $, but the target is a percentage"
    ),
    (
      "kpi,date,value\nk1,2026-01-05,3.4%\n",
      "row 2, column value: '3.4%' is a percentage, but the target is a multiple (x)"
    ),
    (
      "kpi,date,value,confidence\nk1,2026-01-05,3,11\n",
      "row 2, column confidence: '11' is not a confidence from 0 to 10"
    ),
    ("kpi,date,value\nk1,2026-01-05,3,extra\n", "row 2, column 4: the row has more cells than the header"),
    (
      "kpi,2026-01-05\nk1,3%\n",
      "row 2, column 2026-01-05: '3%' is a percentage, but the target is a multiple (x)"
    ),
    (
      "kpi,2026-01-05,Jan 12\nk1,3,3\n",
      "row 1, column 3: 'Jan 12' is not a day (YYYY-MM-DD); a wide readings file has kpi then one column per day"
    ),
    (
      "kpi,when,value\nk1,2026-01-05,3\n",
      "row 1, column 2: 'when' is not a readings column; the header is kpi,date,value[,note,confidence,recorded by], or kpi then one YYYY-MM-DD column per day"
    ),
    ("kpi,value\nk1,3\n", "row 1: the header has no date column; a long readings file starts kpi,date,value"),
    ("", "the file is empty: no readings in it"),
    ("\n\n", "the file is empty: no readings in it"),
    ("kpi,date,value\n", "the file has a header but no readings"),
  ])
  func aBadFileIsRefusedByRowAndColumn(text: String, expected: String) {
    #expect(problems(text) == [expected])
  }

  @Test func aDayAfterTodayATwiceReadDayAndAnOversizedCellAreRefused() {
    let today = CalendarDay("2026-11-26")!
    func problems(_ text: String) -> [String] {
      do {
        _ = try ReadingsFile(Array(text.utf8), cascade: Self.cascade, today: today)
        return []
      } catch {
        return error.problems.map(\.description)
      }
    }
    #expect(
      problems("kpi,date,value\nk1,2026-11-26,3\nk1,2026-11-27,3\n") == [
        "row 3, column date: 2026-11-27 is after today (2026-11-26): a reading records a day that has happened"
      ])
    #expect(
      problems("kpi,2026-11-20,2099-01-05\nk1,3,\nk2,,450\n") == [
        "row 3, column 2099-01-05: 2099-01-05 is after today (2026-11-26): a reading records a day that has happened"
      ])
    #expect(
      problems("kpi,date,value\nk1,2026-03-02,3\nk2,2026-03-02,450\nk1,2026-03-02,3.1\n") == [
        "row 4, column date: k1 already has a reading on 2026-03-02 in row 2; one reading per KPI and day"
      ])
    #expect(
      problems("kpi,2026-03-02\nk1,3\nk1,3.1\n") == [
        "row 3, column 2026-03-02: k1 already has a reading on 2026-03-02 in row 2; one reading per KPI and day"
      ])
    let huge = String(repeating: "k", count: 2_000_000)
    #expect(
      problems("kpi,date,value,note\nk1,2026-03-02,3,\(huge)\n") == [
        "row 2, column note: the cell is 2000000 bytes long; a cell holds at most 1000"
      ])
    let named = problems("kpi,date,value\n\(String(repeating: "x", count: 900)),2026-03-02,3\n")
    #expect(named.count == 1 && named[0].count < 120, "\(named.first?.prefix(200) ?? "")")
  }

  @Test func everyBadRowIsReportedAndNothingIsReadFromTheFile() {
    let found = problems(
      """
      kpi,date,value
      k1,2026-01-05,3.1
      k9x,2026-01-05,3
      k1,2026-13-01,3
      k1,2026-01-19,3.3

      """)
    #expect(
      found == [
        "row 3, column kpi: no KPI called 'k9x'",
        "row 4, column date: '2026-13-01' is not a day (YYYY-MM-DD)",
      ])
  }

  @Test func aNameTwoKPIsShareIsRefusedAsAmbiguous() throws {
    var cascade = Self.cascade
    try cascade.apply(.individualKPIAdded(id: "i9", parent: "k1", name: "Expansion pipeline"))
    let text = "kpi,date,value\nExpansion pipeline,2026-01-05,3\n"
    #expect(throws: RowRejection.self) { try ReadingsFile(Array(text.utf8), cascade: cascade) }
    do {
      _ = try ReadingsFile(Array(text.utf8), cascade: cascade)
    } catch {
      #expect(
        error.problems.map(\.description) == [
          "row 2, column kpi: 'Expansion pipeline' names 2 KPIs: k3 (Customer Success), i9 (Sales); use the id"
        ])
    }
  }

  @Test func aControlCharacterOrInvalidUTF8InACellIsNamed() {
    var bytes = Array("kpi,date,value,note\nk1,2026-01-05,3,".utf8)
    bytes += [0xFF, 0xFE]
    bytes += Array("\n".utf8)
    do {
      _ = try ReadingsFile(bytes, cascade: Self.cascade)
      Issue.record("invalid UTF-8 was accepted")
    } catch {
      #expect(error.problems.map(\.description) == ["row 2, column note: the cell is not valid UTF-8"])
    }
  }
}

extension ReadingsFileTests {
  @Test func aNoteWithAnEscapeSequenceIsRefused() {
    #expect(
      problems("kpi,date,value,note\nk1,2026-01-05,3,\u{1B}[31mred\n")
        == ["row 2, column note: the cell holds a control character (^[[31mred); type it as plain text"])
  }
}

extension ReadingsFileTests {
  /// A plain machine-written file takes the fast path; the same rows under a header the fast
  /// path does not take (`KPI`) go through the general reader: both must read the same.
  @Test func theFastPathReadsWhatTheGeneralReaderReads() throws {
    let rows =
      "k1,2026-01-05,3.4\r\nRevenue growth,2026-01-05,21.5%\n\nk3,2026-01-12,$280k\nk2,2026-01-12,452\n"
    let fast = try read("kpi,date,value\n" + rows)
    let general = try read("KPI,date,value\n" + rows)
    #expect(fast.readings == general.readings)
    #expect(fast.readings.map(\.value) == [3.4, 21.5, 280_000, 452])
    #expect(fast.shape == .long)
    // Decimals read from bytes are the doubles Double(String) reads, to the last bit.
    var random = SplitMix64(seed: 11)
    var lines: [String] = []
    var typed: [String] = []
    for week in 0..<400 {
      let day = CalendarDay("2026-01-05")!.adding(days: week)
      let places = Int(random.below(6))
      let whole = Int(random.below(1_000_000)) - 500_000
      let fraction =
        places == 0 ? "" : "." + String((0..<places).map { _ in Character(String(random.below(10))) })
      typed.append("\(whole)\(fraction)")
      lines.append("k1,\(day),\(typed.last!)")
    }
    let decimals = try read("kpi,date,value\n" + lines.joined(separator: "\n") + "\n")
    #expect(decimals.readings.map(\.value.bitPattern) == typed.map { Double($0)!.bitPattern })
    // A refused row is reported by the general reader, with its row number, either way.
    #expect(
      problems("kpi,date,value\n" + rows + "k1,2026-01-05,3.5\n") == [
        "row 7, column date: k1 already has a reading on 2026-01-05 in row 2; one reading per KPI and day"
      ])
  }
}

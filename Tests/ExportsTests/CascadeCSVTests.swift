import Foundation
import KPICascade
import Testing

@testable import Exports

/// The CSV export read back by python3's `csv` module, an independent RFC 4180 reader.
@Suite(ExportConsumer.python.condition) struct CascadeCSVReadBackTests {
  /// The header, then one row per KPI: company KPIs, then each department KPI followed by the
  /// individual KPIs under it. Cells a spreadsheet would run carry a leading `'`.
  static let expected: [[String]] = [
    CascadeCSV.columns,
    [
      "1", "", "", "Revenue growth", "", "Revenue growth", "", "'+20% YoY", "increase", "", "", "",
      "Dana Chief", "pass",
    ],
    [
      "1", "", "", "'" + HostileCascade.hyperlink, "", "'" + HostileCascade.hyperlink, "", ">= 42%",
      "at least", "",
      "", "", "'@cmd", "pass",
    ],
    [
      "2", HostileCascade.unicode, "", HostileCascade.script, "Revenue growth", "Revenue growth",
      "He said \"hi\", then pipeline grew.", "'-15% QoQ", "decrease", "45", "leading", "outcome", "Ana Lima",
      "conflicts:fail",
    ],
    [
      "3", HostileCascade.unicode, "Account executive", HostileCascade.twoLines, HostileCascade.script,
      "Revenue growth", "", "at least 40 qualified leads", "at least", "", "", "outcome", "Bo Li", "pass",
    ],
    [
      "3", HostileCascade.unicode, "'\tTabbed role", "'@cmd", HostileCascade.script, "Revenue growth", "", "",
      "",
      "", "", "outcome", "", "pass",
    ],
    [
      "2", HostileCascade.pipe, "", HostileCascade.quoted, "'" + HostileCascade.hyperlink,
      "'" + HostileCascade.hyperlink, "", "increase customer satisfaction", "", "0", "lagging", "outcome",
      "'+SUM(1)",
      "target:fail; conflicts:fail",
    ],
    [
      "3", HostileCascade.pipe, HostileCascade.entity, HostileCascade.unicode, HostileCascade.quoted,
      "'" + HostileCascade.hyperlink, "", "≤ 3 days", "at most", "", "", "outcome", "'-Olu", "pass",
    ],
    [
      "2", HostileCascade.pipe, "", "Calls made", "Revenue growth", "Revenue growth",
      "'\r\nstarts with a line break", "", "", "", "", "activity", "", "activity:warn; accountability:fail",
    ],
  ]

  @Test func everyFieldComesBackExactly() throws {
    guard ExportConsumer.python.ready() else { return }
    let rows = try readBack(
      CascadeCSV.render(
        workshop: HostileCascade.workshop, cascade: try HostileCascade.cascade(),
        findings: HostileCascade.findings))
    #expect(rows.count == Self.expected.count)
    for (index, (row, expected)) in zip(rows, Self.expected).enumerated() {
      #expect(row == expected, "row \(index)")
    }
  }

  /// With the real checks' findings the file still reads back whole: every row has every
  /// column, one row per KPI, and no cell would run as a formula.
  @Test func aRealReportReadsBackWhole() throws {
    guard ExportConsumer.python.ready() else { return }
    let cascade = try HostileCascade.cascade()
    let rows = try readBack(
      CascadeCSV.render(
        workshop: HostileCascade.workshop, cascade: cascade,
        findings: AlignmentReport(cascade: cascade).findings))
    #expect(rows.first == CascadeCSV.columns)
    #expect(rows.count == 1 + HostileCascade.ids.count)
    #expect(rows.allSatisfy { $0.count == CascadeCSV.columns.count })
    for cell in rows.joined() {
      #expect(cell.unicodeScalars.first.map { !CascadeCSV.formulaTriggers.contains($0) } ?? true, "\(cell)")
    }
  }

  @Test func theSampleWorkshopReadsBackWithItsNamesIntact() throws {
    guard ExportConsumer.python.ready() else { return }
    let rows = try readBack(
      CascadeCSV.render(
        workshop: SampleWorkshop.name, cascade: try SampleWorkshop.cascade(),
        findings: SampleWorkshop.findings))
    let names = rows.dropFirst().map { $0[3] }
    #expect(
      names == [
        "Revenue growth", "Net margin | *core*", "NPS", "Qualified pipeline\nvalue", "On-time delivery <48h>",
        "<script>alert(1)</script> Cost per order",
      ])
  }

  /// A file python cannot read must fail the reader, so the tests above can fail.
  @Test func aBrokenFileFailsTheReader() throws {
    guard ExportConsumer.python.ready() else { return }
    #expect(throws: (any Error).self) { try readBack("a,\"b\"c\r\n") }
  }

  /// The rows python's `csv` module reads from `text` (strict RFC 4180 quoting).
  private func readBack(_ text: String) throws -> [[String]] {
    let script = """
      import csv, json, sys
      with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
          print(json.dumps(list(csv.reader(f, strict=True))))
      """
    let result = try ExportConsumer.run(["python3", "-c", script, "{}"], input: text, suffix: "csv")
    guard result.status == 0 else { throw ConsumerFailure(message: result.errors) }
    return try JSONDecoder().decode([[String]].self, from: Data(result.output.utf8))
  }
}

/// The CSV's own rules, without a consumer.
@Suite struct CascadeCSVTests {
  @Test(arguments: [
    ("plain", "plain"),
    ("a,b", "\"a,b\""),
    ("say \"hi\"", "\"say \"\"hi\"\"\""),
    ("two\nlines", "\"two\nlines\""),
    ("cr\rhere", "\"cr\rhere\""),
    ("=1+1", "'=1+1"),
    ("+20% YoY", "'+20% YoY"),
    ("-15% QoQ", "'-15% QoQ"),
    ("@cmd", "'@cmd"),
    ("\tx", "'\tx"),
    ("\rx", "\"'\rx\""),
    ("\r\nx", "\"'\r\nx\""),
    ("a\r\nb", "\"a\r\nb\""),
    ("=HYPERLINK(\"u\",\"y\")", "\"'=HYPERLINK(\"\"u\"\",\"\"y\"\")\""),
    ("a=b", "a=b"),
    ("'=x", "''=x"),
    ("''-x", "'''-x"),
    ("'90s prices", "'90s prices"),
    ("", ""),
  ])
  func field(_ value: String, _ written: String) {
    #expect(CascadeCSV.field(value) == written)
  }

  /// What an importer does with `isNeutralised` gives back every cell exactly as typed.
  @Test(arguments: ["=1+1", "'=1+1", "''@x", "-15% QoQ", "'90s prices", "'", "plain", "\r\nx", ""])
  func neutralisingIsUndoneExactly(_ typed: String) {
    var written = CascadeCSV.field(typed)
    if written.hasPrefix("\"") {
      written = String(written.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
    }
    let read = CascadeCSV.isNeutralised(written) ? String(written.dropFirst()) : written
    #expect(read == typed)
  }

  @Test func rowsEndWithCRLFAndTheOutputIsDeterministic() throws {
    let render = {
      CascadeCSV.render(
        workshop: HostileCascade.workshop, cascade: try HostileCascade.cascade(),
        findings: HostileCascade.findings)
    }
    let text = try render()
    #expect(text.hasPrefix(CascadeCSV.byteOrderMark + CascadeCSV.columns.joined(separator: ",") + "\r\n"))
    // UTF-8's byte-order mark, so Excel on Windows reads "Müller" as typed.
    #expect(Array(text.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
    #expect(text.hasSuffix("\r\n"))
    #expect(try render() == text)
    #expect(
      Exporter.render(
        .csv, workshop: HostileCascade.workshop, cascade: try HostileCascade.cascade(),
        findings: HostileCascade.findings) == text)
  }

  @Test func anEmptyCascadeIsTheHeaderAlone() {
    #expect(
      CascadeCSV.render(workshop: "Empty", cascade: Cascade(), findings: [])
        == CascadeCSV.byteOrderMark + CascadeCSV.columns.joined(separator: ",") + "\r\n")
  }
}

/// A consumer refused what it was given; the message is what it said.
struct ConsumerFailure: Error, CustomStringConvertible {
  let message: String
  var description: String { message }
}

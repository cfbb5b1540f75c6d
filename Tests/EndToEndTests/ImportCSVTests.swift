import Foundation
import Testing

/// `kpi-align import-csv` run as a company would: a spreadsheet in, a session out, and the
/// csv export of that session the spreadsheet again.
@Suite("kpi-align import-csv")
final class ImportCSVTests {
  let directory = Binary.scratchDirectory()

  deinit { try? FileManager.default.removeItem(at: directory) }
  var sessions: String { directory.appendingPathComponent("sessions").path }

  private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

  private func bytes(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path(name))) }

  /// Runs a fixture script as a new workshop, then exports it as CSV to `file`.
  private func workshop(_ name: String, from fixture: String, csv file: String) throws {
    let run = try Binary.run(["--sessions", sessions, "new", name, "--script", Binary.fixture(fixture).path])
    #expect(run.status == 0, "\(run.stderr)")
    let slug = name.lowercased().replacingOccurrences(of: " ", with: "-")
    let export = try Binary.run(["--sessions", sessions, "export", slug, "--format", "csv", "-o", path(file)])
    #expect(export.status == 0, "\(export.stderr)")
  }

  @Test func exportImportExportIsByteIdentical() throws {
    try workshop("Acme Retail", from: "acme-workshop.txt", csv: "first.csv")
    let imported = try Binary.run([
      "--sessions", sessions, "import-csv", path("first.csv"), "--name", "Acme Q3",
    ])
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stderr.isEmpty)
    let lines = imported.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines[0].hasPrefix("15 KPIs imported into 'Acme Q3' (3 company, 9 department, 3 individual): "))
    #expect(lines[0].hasSuffix("acme-q3.json"))
    #expect(lines[1].hasPrefix("check: "))
    #expect(lines[1].contains("failing"))
    #expect(
      lines[1].hasSuffix("— kpi-align check acme-q3; kpi-align open acme-q3 starts the workshop at step 1"))

    let second = try Binary.run([
      "--sessions", sessions, "export", "acme-q3", "--format", "csv", "-o", path("second.csv"),
    ])
    #expect(second.status == 0)
    #expect(try bytes("first.csv") == bytes("second.csv"))

    // Every test ran: what check reports is what the summary said.
    let check = try Binary.run(["--sessions", sessions, "check", "acme-q3"])
    #expect(check.status == 1)
    #expect(lines[1].hasPrefix(Substring("check: " + (check.stdout.split(separator: "\n").last ?? ""))))

    // The REPL resumes the imported session at the lock; /undo does not take the import back.
    let open = try Binary.run(["--sessions", sessions, "open", "acme-q3"], input: "/undo\n")
    #expect(open.stdout.contains("Lock these 3 company KPIs"))
    #expect(open.stderr.contains("Nothing to undo."))
  }

  @Test func hostileNamesSurviveTheRoundTrip() throws {
    try workshop("Hostile", from: "hostile-names.txt", csv: "first.csv")
    let imported = try Binary.run([
      "--sessions", sessions, "import-csv", path("first.csv"), "--name", "Hostile copy",
    ])
    #expect(imported.status == 0, "\(imported.stderr)")
    let second = try Binary.run(
      ["--sessions", sessions, "export", "hostile-copy", "--format", "csv", "-o", path("second.csv")])
    #expect(second.status == 0)
    #expect(try bytes("first.csv") == bytes("second.csv"))

    let json = try Binary.run(["--sessions", sessions, "export", "hostile-copy", "--format", "json"])
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let cascade = try #require(document["cascade"] as? [String: Any])
    let company = (cascade["companyKPIs"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
    #expect(company == ["=HYPERLINK(\"x\")", "<script>alert(1)</script>"])
    let departments = cascade["departments"] as? [[String: Any]] ?? []
    #expect(departments.compactMap { $0["name"] as? String } == ["<script>alert(1)</script>", "Zentrale 中文"])
    let kpis = departments.flatMap { $0["kpis"] as? [[String: Any]] ?? [] }
    #expect(kpis.compactMap { $0["name"] as? String } == ["\"quoted\", 中文 KPI", "@mention rate"])
    #expect(kpis.first?["target"] as? String == "-15% QoQ")
    let individuals = cascade["individualKPIs"] as? [[String: Any]] ?? []
    #expect(
      individuals.first?["name"] as? String == "'=calls made", "a typed quote is kept, the export's removed")
    #expect(individuals.first?["role"] as? String == "a|b team")
  }

  @Test func aBadFileExitsThreeWithOneLinePerBadRowAndChangesNothing() throws {
    try workshop("Acme Retail", from: "acme-workshop.txt", csv: "good.csv")
    var lines = try String(contentsOf: URL(fileURLWithPath: path("good.csv")), encoding: .utf8)
      .components(separatedBy: "\r\n")
    lines[4] = lines[4].replacingOccurrences(of: ",45,", with: ",6 weeks,")  // row 5: lead time
    lines[5] = lines[5].replacingOccurrences(of: ",Discovery calls held,", with: ",,")  // row 6: no name
    lines[9] = lines[9].replacingOccurrences(of: ",Revenue growth,", with: ",Profit,")  // row 10
    try Data(lines.joined(separator: "\r\n").utf8).write(to: URL(fileURLWithPath: path("bad.csv")))
    let before = try FileManager.default.contentsOfDirectory(atPath: sessions).sorted()

    let run = try Binary.run(["--sessions", sessions, "import-csv", path("bad.csv"), "--name", "Acme Q3"])
    #expect(run.status == 3)
    #expect(run.stdout.isEmpty)
    let errors = run.stderr.split(separator: "\n").map(String.init)
    let file = path("bad.csv")
    #expect(
      errors == [
        "kpi-align: \(file): row 5, column lead_time_days: '6 weeks' is not a whole number of days from 0 to 3650, e.g. 45 (0 for lagging)",
        "kpi-align: \(file): row 6, column kpi: empty; every row names its KPI",
        "kpi-align: \(file): row 10, column parent_kpi: 'Profit' differs from company_kpi 'Revenue growth'; a department KPI's parent is its company KPI: leave it empty or repeat it",
      ])
    #expect(try FileManager.default.contentsOfDirectory(atPath: sessions).sorted() == before)
  }

  @Test func theNameIsRequiredAndAnExistingSessionIsRefused() throws {
    try workshop("Acme Retail", from: "acme-workshop.txt", csv: "good.csv")
    let missing = try Binary.run(["--sessions", sessions, "import-csv", path("good.csv")])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("--name"))
    let stray = try Binary.run(["--sessions", sessions, "check", "acme-retail", "--name", "x"])
    #expect(stray.status == 2)

    let transcript = URL(fileURLWithPath: sessions).appendingPathComponent("acme-retail.json")
    let before = try Data(contentsOf: transcript)
    let taken = try Binary.run([
      "--sessions", sessions, "import-csv", path("good.csv"), "--name", "Acme Retail",
    ])
    #expect(taken.status == 2)
    #expect(taken.stderr.contains("already exists"))
    #expect(try Data(contentsOf: transcript) == before)

    let empty = path("empty.csv")
    try Data().write(to: URL(fileURLWithPath: empty))
    let refused = try Binary.run(["--sessions", sessions, "import-csv", empty, "--name", "Empty"])
    #expect(refused.status == 3)
    #expect(refused.stderr.hasPrefix("kpi-align: \(empty): the file is empty"))
  }
}

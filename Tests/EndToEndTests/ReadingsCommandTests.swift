import Foundation
import Testing

/// `kpi-align readings`, `dashboard` and `diagnose` run as a company would, and `/readings` in a
/// script: a good file recorded and saved, every bad one refused by row and column with the
/// session file left byte for byte as it was.
@Suite("kpi-align readings, dashboard, diagnose")
final class ReadingsEndToEndTests {
  let directory = Binary.scratchDirectory()

  deinit { try? FileManager.default.removeItem(at: directory) }
  var sessions: String { directory.appendingPathComponent("sessions").path }
  var transcript: URL { directory.appendingPathComponent("sessions/acme-retail.json") }

  private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

  private func kpiAlign(_ arguments: String...) throws -> Binary.Result {
    try Binary.run(["--sessions", sessions] + arguments)
  }

  private func workshop() throws {
    let run = try kpiAlign("new", "Acme Retail", "--script", Binary.fixture("acme-workshop.txt").path)
    #expect(run.status == 0, "\(run.stderr)")
  }

  @Test func aReadingsFileIsRecordedSavedAndShownOnTheDashboardAndInTheDiagnosis() throws {
    try workshop()
    let recorded = try kpiAlign("readings", "acme-retail", Binary.fixture("acme-readings.csv").path)
    #expect(recorded.status == 0, "\(recorded.stderr)")
    #expect(
      recorded.stdout.hasPrefix(
        "Recorded 260 readings of 13 KPIs from 2026-01-05 to 2026-05-18 (wide file)."))
    let saved = try JSONSerialization.jsonObject(with: Data(contentsOf: transcript)) as? [String: Any]
    let cascade = saved?["cascade"] as? [String: Any]
    #expect((cascade?["readings"] as? [Any])?.count == 260)

    let dashboard = try kpiAlign("dashboard", "acme-retail")
    #expect(dashboard.status == 0)
    #expect(dashboard.stdout.hasPrefix("Executive dashboard · Acme Retail  as of 2026-05-18"))
    #expect(!dashboard.stdout.contains("\u{1B}["), "colour in a pipe")
    let lines = dashboard.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.allSatisfy { $0.count <= 120 })
    #expect(lines.count <= 40)

    let earlier = try kpiAlign("dashboard", "acme-retail", "--as-of", "2026-03-02")
    #expect(earlier.stdout.contains("as of 2026-03-02"))
    #expect(earlier.stdout.contains("off track 4 weeks (since 2026-02-02)"))

    let diagnosis = try kpiAlign("diagnose", "acme-retail", "Revenue growth")
    #expect(diagnosis.status == 0, "\(diagnosis.stderr)")
    #expect(diagnosis.stdout.contains("← Marketing qualified leads · Marketing · call Mia Chen"))
    #expect(
      diagnosis.stdout.contains("turned 2026-02-02, 56 days before (stated lead 60 days): 450.3 → 320.1"))
    #expect(diagnosis.stdout.contains("Call Mia Chen first"))

    let page = try kpiAlign("export", "acme-retail", "--format", "html", "--as-of", "2026-03-02")
    #expect(page.status == 0)
    #expect(page.stdout.contains("Dashboard as of 2026-03-02"))

    let json = try kpiAlign("diagnose", "acme-retail", "c1", "--format", "json")
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    #expect(object?["finding"] as? String == "traced")
    #expect(((object?["chain"] as? [[String: Any]])?.first)?["owner"] as? String == "Mia Chen")
  }

  @Test(arguments: [
    (
      "unknown.csv", "kpi,date,value\nk1,2026-01-05,3.4\nNo such KPI,2026-01-05,3\n",
      "row 3, column kpi: no KPI called 'No such KPI'"
    ),
    (
      "date.csv", "kpi,date,value\nk1,2026-02-30,3.4\n",
      "row 2, column date: '2026-02-30' is not a day (YYYY-MM-DD)"
    ),
    ("number.csv", "kpi,date,value\nk1,2026-01-05,three\n", "row 2, column value: 'three' is not a number"),
    (
      "unit.csv", "kpi,date,value\nc1,2026-01-05,$58\n",
      "row 2, column value: '$58' is money in $, but the target is a percentage"
    ),
    ("empty.csv", "", "the file is empty: no readings in it"),
  ])
  func aBadReadingsFileExitsThreeNamingRowAndColumnAndChangesNothing(
    name: String, text: String, message: String
  ) throws {
    try workshop()
    try text.write(toFile: path(name), atomically: true, encoding: .utf8)
    let before = try Data(contentsOf: transcript)
    let run = try kpiAlign("readings", "acme-retail", path(name))
    #expect(run.status == 3)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains("\(path(name)): \(message)\n"), "\(run.stderr)")
    #expect(run.stderr.hasSuffix("Nothing from \(path(name)) was recorded.\n"))
    #expect(try Data(contentsOf: transcript) == before)
    let journal = directory.appendingPathComponent("sessions/acme-retail.journal")
    #expect(((try? Data(contentsOf: journal)) ?? Data()).isEmpty)
  }

  @Test func usageErrorsExitTwo() throws {
    try workshop()
    for (arguments, message) in [
      (["readings", "acme-retail"], "kpi-align readings takes a session and a CSV file"),
      (["readings", "acme-retail", path("missing.csv")], "missing.csv: no such file."),
      (["dashboard", "acme-retail", "--as-of", "yesterday"], "--as-of takes a day as YYYY-MM-DD"),
      (["diagnose", "acme-retail"], "kpi-align diagnose takes a session and a KPI"),
      (["diagnose", "acme-retail", "Nothing"], "No KPI called 'Nothing'."),
      (["diagnose", "acme-retail", "c1", "--format", "xml"], "Unknown diagnose format 'xml'"),
      (
        ["check", "acme-retail", "--as-of", "2026-01-05"], "--as-of goes with dashboard, diagnose and export."
      ),
    ] {
      let run = try Binary.run(["--sessions", sessions] + arguments)
      #expect(run.status == 2, "\(arguments)")
      #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
    }
  }

  @Test func aScriptStopsAtABadReadingsFileWithTheLineAndKeepsWhatCameBefore() throws {
    try workshop()
    try "kpi,date,value\nk1,2026-01-05,3x\nk1,2026-01-12,lots\n".write(
      toFile: path("bad.csv"), atomically: true, encoding: .utf8)
    try "/record k1 3.1 2026-01-05\n/readings \(path("bad.csv"))\n/record k1 3.3 2026-01-19\n".write(
      toFile: path("script.txt"), atomically: true, encoding: .utf8)
    let run = try kpiAlign("open", "acme-retail", "--script", path("script.txt"))
    #expect(run.status == 1)
    #expect(
      run.stderr.contains("script.txt:2: \(path("bad.csv")): row 3, column value: 'lots' is not a number"))
    #expect(run.stderr.contains("script.txt:2: stopped because the readings file was refused."))
    let dashboard = try kpiAlign("dashboard", "acme-retail")
    #expect(dashboard.stdout.contains("as of 2026-01-05, the latest reading ("))
    #expect(dashboard.stdout.contains(" days before today)  (1 reading)"))
  }
}

extension ReadingsEndToEndTests {
  /// On a terminal: a reading typed with Tab completing the KPI's name, the dashboard in colour
  /// within the screen's rows, and /diagnose naming whom to call.
  @Test func onATerminalReadingsAreTypedWithTabAndTheDashboardIsColoured() throws {
    try workshop()
    let recorded = try kpiAlign("readings", "acme-retail", Binary.fixture("acme-readings.csv").path)
    #expect(recorded.status == 0, "\(recorded.stderr)")
    let app = try Facilitator(["open", "acme-retail"], in: directory.appendingPathComponent("sessions"))
    try app.waitForPrompt()
    let typed = try app.type("/record \"Marketing qualif\t 410 2026-05-18 back on plan")
    #expect(
      typed.contains("Marketing qualified leads: 410 on 2026-05-18 (replaces that day's reading) — on track"))
    let mark = app.mark()
    try app.type("/dashboard")
    let dashboard = app.output(since: mark)
    #expect(dashboard.hasColourSequence)
    #expect(dashboard.contains("Executive dashboard"))
    #expect(dashboard.components(separatedBy: "\n").count <= 50)
    let diagnosis = try app.type("/diagnose Revenue growth")
    #expect(diagnosis.contains("Call Mia Chen first"))
    #expect(try app.quit() == 0)
  }
}

import Foundation
import Testing

/// The non-interactive path: `--script FILE` and piped stdin, and the subcommands, run as a
/// company's CI would run them.
@Suite("kpi-align through a pipe")
final class ScriptTests {
  let directory = Binary.scratchDirectory()

  deinit { try? FileManager.default.removeItem(at: directory) }
  var sessions: String { directory.appendingPathComponent("sessions").path }

  private func fixtureText() throws -> String {
    try String(contentsOf: Binary.fixture("acme-workshop.txt"), encoding: .utf8)
  }

  @Test func theWholeWorkshopFromAScriptFilePassesCheckAndRoundTrips() throws {
    let script = Binary.fixture("acme-workshop.txt").path
    let run = try Binary.run(["--sessions", sessions, "new", "Acme Retail", "--script", script])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.isEmpty)
    #expect(run.stdout.contains("Every step is complete."))
    #expect(!run.stdout.contains("\u{1B}["), "no colour through a pipe")
    #expect(!run.stdout.contains("acme-retail› "), "no prompts through a pipe")

    let check = try Binary.run(["--sessions", sessions, "check", "acme-retail"])
    #expect(check.status == 0)
    #expect(check.stdout.contains("check passes with 1 warning"))

    let first = directory.appendingPathComponent("first.json").path
    let second = directory.appendingPathComponent("second.json").path
    #expect(
      try Binary.run(["--sessions", sessions, "export", "acme-retail", "--format", "json", "-o", first])
        .status == 0)
    let imported = try Binary.run(["--sessions", sessions, "import", first])
    #expect(imported.status == 0)
    #expect(imported.stdout.contains("acme-retail-2.json"))
    #expect(try Binary.run(["--sessions", sessions, "export", "acme-retail-2", "-o", second]).status == 0)
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)))

    let transcriptImport = try Binary.run(["--sessions", sessions, "import", sessions + "/acme-retail.json"])
    #expect(transcriptImport.status == 0)
    let third = directory.appendingPathComponent("third.json").path
    #expect(try Binary.run(["--sessions", sessions, "export", "acme-retail-3", "-o", third]).status == 0)
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: third)))
  }

  @Test func pipedStdinRunsTheSameWorkshop() throws {
    let run = try Binary.run(["--sessions", sessions, "new", "Acme Retail"], input: try fixtureText())
    #expect(run.status == 0, "\(run.stderr)")
    let minutes = try Binary.run(["--sessions", sessions, "export", "acme-retail", "--format", "md"])
    #expect(minutes.status == 0)
    for heading in [
      "# Workshop minutes: Acme Retail", "## Company KPIs", "## Line of sight", "## Department KPIs",
      "## Conflicts", "## Governance",
    ] {
      #expect(minutes.stdout.contains(heading), "missing \(heading)")
    }
    #expect(minutes.stdout.contains("On-time delivery rate within capacity"))
  }

  @Test func noSubcommandTakesTheWorkshopNameFromTheFirstLine() throws {
    let run = try Binary.run(["--sessions", sessions], input: "Globex Ops\nRevenue growth\n")
    #expect(run.status == 0, "\(run.stderr)")
    let list = try Binary.run(["--sessions", sessions, "list"])
    #expect(list.stdout.contains("Globex Ops"))
    #expect(list.stdout.contains("globex-ops"))
    #expect(list.stdout.contains("1/6 lock"))
  }

  @Test func aBadScriptLineStopsWithItsLineNumber() throws {
    var lines = try fixtureText().components(separatedBy: "\n")
    // Line 44 of the fixture answers the first lead-time question.
    #expect(lines[43] == "45")
    lines[43] = "soon"
    let script = directory.appendingPathComponent("bad.txt")
    try lines.joined(separator: "\n").write(to: script, atomically: true, encoding: .utf8)
    let run = try Binary.run(["--sessions", sessions, "new", "Acme Retail", "--script", script.path])
    #expect(run.status == 1)
    #expect(run.stderr.contains("bad.txt:44: A lead time is a number of days"), "\(run.stderr)")
    // Everything before the bad line was kept.
    let transcript = try String(contentsOfFile: sessions + "/acme-retail.json", encoding: .utf8)
    #expect(transcript.contains("Qualified pipeline coverage"))
  }

  @Test func invalidUTF8AndHugeLinesAreRefusedByLine() throws {
    var bytes = Data("Acme KPI\n".utf8)
    bytes.append(contentsOf: [0x52, 0x65, 0x76, 0xFF, 0xFE, 0x0A])
    let invalid = try Binary.run(["--sessions", sessions, "new", "Acme"], input: bytes)
    #expect(invalid.status == 1)
    #expect(invalid.stderr.contains("stdin:2: the line is not valid UTF-8"), "\(invalid.stderr)")

    let huge = String(repeating: "x", count: 1_048_576) + "\n"
    let long = try Binary.run(["--sessions", sessions, "new", "Initech"], input: huge)
    #expect(long.status == 1)
    #expect(long.stderr.contains("stdin:1: That line is 1048576 characters long"), "\(long.stderr)")
  }

  @Test func escapeSequencesInAScriptAreRefusedAndNeverWrittenRaw() throws {
    let run = try Binary.run(
      ["--sessions", sessions, "new", "Acme"], input: "Revenue \u{1B}]0;pwned\u{07} growth\n")
    #expect(run.status == 1)
    #expect(
      run.stderr.contains("stdin:1: That line contains a control character (^[ at column 9)"), "\(run.stderr)"
    )
    #expect(!run.stdout.contains("\u{1B}]0;"))
    #expect(!run.stderr.contains("\u{1B}]0;"))
  }

  @Test func aPathAsAWorkshopNameIsRefusedAndCreatesNothing() throws {
    let run = try Binary.run(["--sessions", sessions, "new", "../../etc/x"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("looks like a path"))
    #expect(!FileManager.default.fileExists(atPath: sessions))
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("etc").path))
  }

  @Test(arguments: [
    ("truncated", #"{"format": "kpi-align-transcript", "version": 1, "sess"#, "not valid JSON"),
    ("format", #"{"format": "acme-crm", "version": 1}"#, #"format is "acme-crm""#),
    ("version", #"{"format": "kpi-align-transcript", "version": 2}"#, "version: 2 is not supported"),
    ("missing", #"{"format": "kpi-align-transcript", "version": 1}"#, "session: missing"),
    (
      "cascade-ref",
      #"{"format":"kpi-align-cascade","version":1,"workshop":"W","findings":[],"cascade":{"companyKPIs":[],"departments":[{"id":"d1","name":"Sales","kpis":[{"id":"k1","name":"X","companyKPI":"c7","contributors":[]}]}],"contributions":[],"individualKPIs":[],"conflicts":[],"governance":{},"overrides":[]}}"#,
      "departments[0].kpis[0].companyKPI: refers to company KPI 'c7', which does not exist"
    ),
    (
      "cascade-dup",
      #"{"format":"kpi-align-cascade","version":1,"workshop":"W","findings":[],"cascade":{"companyKPIs":[{"id":"c1","name":"A","changes":[]},{"id":"c1","name":"B","changes":[]}],"departments":[],"contributions":[],"individualKPIs":[],"conflicts":[],"governance":{},"overrides":[]}}"#,
      "companyKPIs[1].id: id 'c1' is used twice"
    ),
    (
      "cascade-type",
      #"{"format":"kpi-align-cascade","version":1,"workshop":"W","findings":[],"cascade":{"companyKPIs":[],"departments":[{"id":"d1","name":"Sales","kpis":[{"id":"k1","name":"X","companyKPI":"c7","owner":7,"contributors":[]}]}],"contributions":[],"individualKPIs":[],"conflicts":[],"governance":{},"overrides":[]}}"#,
      "cascade.departments[0].kpis[0].owner: expected text"
    ),
  ])
  func aBadFileIsRefusedWithExitThreeAndNothingChanges(name: String, content: String, message: String) throws
  {
    let file = directory.appendingPathComponent("\(name).json")
    try content.write(to: file, atomically: true, encoding: .utf8)
    let run = try Binary.run(["--sessions", sessions, "import", file.path])
    #expect(run.status == 3, "\(run.stderr)")
    #expect(run.stderr.contains(message), "\(run.stderr)")
    #expect(run.stderr.split(separator: "\n").count == 1, "one line")
    #expect(!FileManager.default.fileExists(atPath: sessions), "nothing written")
  }

  @Test func checkFailsWithExitOneOnAnUnfinishedCascade() throws {
    _ = try Binary.run(
      ["--sessions", sessions, "new", "Acme"], input: "Revenue growth\nincrease revenue\nDana Ruiz\n")
    let check = try Binary.run(["--sessions", sessions, "check", "acme"])
    #expect(check.status == 1)
    #expect(check.stdout.contains("target:c1"))
    #expect(check.stdout.contains("failing"))
  }

  @Test func helpVersionAndUsageErrors() throws {
    let help = try Binary.run(["--help"])
    #expect(help.status == 0)
    for word in [
      "new NAME", "open NAME|PATH", "list", "import FILE", "export SESSION", "check SESSION",
      "--sessions DIR", "--script FILE",
    ] {
      #expect(help.stdout.contains(word))
    }
    #expect(try Binary.run(["--version"]).stdout.hasPrefix("kpi-align "))
    let unknown = try Binary.run(["--frobnicate"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr == "kpi-align: Unknown option --frobnicate. kpi-align --help lists them.\n")
    let missing = try Binary.run(["--sessions", sessions, "open", "nobody"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("No session 'nobody'"))
    let format = try Binary.run(["--sessions", sessions, "export", "x", "--format", "pdf"])
    #expect(format.status == 2)
  }

  @Test func theSessionsFolderComesFromTheEnvironmentToo() throws {
    let run = try Binary.run(
      ["new", "Acme"], input: "Revenue growth\n", environment: ["KPI_ALIGN_SESSIONS": sessions])
    #expect(run.status == 0)
    #expect(FileManager.default.fileExists(atPath: sessions + "/acme.json"))
  }

  @Test func exportAndSaveCommandsWriteFilesFromTheWorkshop() throws {
    let minutes = directory.appendingPathComponent("minutes.md").path
    let copy = directory.appendingPathComponent("copy.json").path
    let run = try Binary.run(
      ["--sessions", sessions, "new", "Acme"],
      input: "Revenue growth\n>= 20% YoY\nDana Ruiz\n/export md \(minutes)\n/save \(copy)\n/quit\n")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try String(contentsOfFile: minutes, encoding: .utf8).contains("Revenue growth"))
    #expect(
      try String(contentsOfFile: copy, encoding: .utf8).contains("\"format\" : \"kpi-align-transcript\""))
  }

  @Test func aFileTheScriptCannotWriteStopsItWithExitFour() throws {
    let run = try Binary.run(
      ["--sessions", sessions, "new", "Acme"],
      input: "Revenue growth\n/export md /nonexistent/dir/minutes.md\nnever reached\n")
    #expect(run.status == 4)
    #expect(run.stderr.contains("stdin:2: stopped because a file could not be written"), "\(run.stderr)")
    let transcript = try String(contentsOfFile: sessions + "/acme.json", encoding: .utf8)
    #expect(transcript.contains("Revenue growth"))
    #expect(!transcript.contains("never reached"))
  }

  @Test func aMissingScriptCreatesNoSession() throws {
    let run = try Binary.run([
      "--sessions", sessions, "new", "Acme", "--script", directory.path + "/nope.txt",
    ])
    #expect(run.status == 2)
    #expect(run.stderr.contains("Can't read the script"))
    #expect(!FileManager.default.fileExists(atPath: sessions + "/acme.json"))
    let folder = try Binary.run(["--sessions", sessions, "new", "Acme", "--script", directory.path])
    #expect(folder.status == 2)
    #expect(folder.stderr.contains("is a folder"))
  }

  @Test func aNumberPicksASessionOnlyWhenThereIsOne() throws {
    let first = try Binary.run(["--sessions", sessions], input: "2027\n")
    #expect(first.status == 0, "\(first.stderr)")
    #expect(FileManager.default.fileExists(atPath: sessions + "/2027.json"))
    let resumed = try Binary.run(["--sessions", sessions], input: "1\nRevenue growth\n")
    #expect(resumed.status == 0)
    #expect(try String(contentsOfFile: sessions + "/2027.json", encoding: .utf8).contains("Revenue growth"))
    let missing = try Binary.run(["--sessions", sessions], input: "9\n")
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("There is no workshop 9"))
  }

  @Test func anExportToStdoutIsTheSameBytesAsTheFileAndAnImpossibleDayIsRefused() throws {
    let script = Binary.fixture("acme-workshop.txt").path
    #expect(try Binary.run(["--sessions", sessions, "new", "Acme Retail", "--script", script]).status == 0)
    for format in ["csv", "ics", "json", "md"] {
      let file = directory.appendingPathComponent("out.\(format)").path
      let written = try Binary.run([
        "--sessions", sessions, "export", "acme-retail", "--format", format, "-o", file,
      ])
      #expect(written.status == 0)
      let printed = try Binary.run(["--sessions", sessions, "export", "acme-retail", "--format", format])
      #expect(Data(printed.stdout.utf8) == (try Data(contentsOf: URL(fileURLWithPath: file))), "\(format)")
    }
    let impossible = try Binary.run([
      "--sessions", sessions, "export", "acme-retail", "--format", "ics", "--from", "2027-02-30",
    ])
    #expect(impossible.status == 2)
    #expect(impossible.stderr.contains("--from takes a day"))
  }
}

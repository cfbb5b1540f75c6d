import Foundation
import Testing

/// What users see, pinned byte for byte: three fixed sessions (the acme script fixture, the
/// default sample, a sample with 14 weeks of readings), each exported in every format and run
/// through every report by the built binary, and compared with the files in `Expected/`
/// (`Expected/<session>/<report>.<ext>`, plus `list.txt` and `help.txt`). Any change to what a
/// command prints shows up as a diff of those files; when it is meant, rewrite them all:
///
///     scripts/rewrite-expected
///     (KPI_ALIGN_REWRITE_EXPECTED=1 swift test --filter ExpectedOutputTests)
///
/// What keeps the outputs the same on every machine and every day:
/// - the clock: every run has `KPI_ALIGN_NOW` = `now`, so the acme exchanges, its lock day and
///   the dashboard's "today" are fixed (see `Clock` in Sources/kpi-align);
/// - paths: every run is in a fresh scratch folder with relative paths (`--sessions sessions`,
///   `-o sessions/sample.json`), so no pinned output holds a machine's folder. Outputs that print
///   the sessions folder's absolute path (`import`'s message, `list` of an empty folder) are not
///   pinned here rather than rewritten with a placeholder;
/// - colour: standard output is a file, never a terminal, with `TERM=xterm-256color` and no
///   `NO_COLOR`, so `check`, `score` and the rest are plain because they are piped, as a script
///   sees them.
@Suite("Expected outputs")
struct ExpectedOutputTests {
  /// The instant every run takes as now: ten days after the readings sample's last week.
  static let now = "2027-07-19T09:00:00Z"

  static let formats = ["json", "md", "csv", "mermaid", "dot", "ics", "html"]

  /// Edits a quarterly review might make to the acme session, for `diff`: one of each common kind,
  /// including one that moves the maturity score.
  static let review = """
    /retarget "Qualified pipeline coverage" >= 3.5x
    /owner "Qualified pipeline coverage" Noor Ali
    /lead "Marketing qualified leads" 6 weeks
    /rename "Average discount" "Average discount rate"
    /remove "Proposals sent" because merged into qualified opportunities
    /governance process-owner Lena Park (COO)

    """

  @Test func everyOutputMatchesItsFile() throws {
    let outputs = Outputs(directory: Binary.scratchDirectory(), now: Self.now)
    defer { try? FileManager.default.removeItem(at: outputs.directory) }

    // The sessions, each made by the command a user would type; what that printed is pinned too.
    try outputs.run(
      "acme/workshop.txt", "new", "Acme Retail", "--script", Binary.fixture("acme-workshop.txt").path)
    try outputs.file("acme/transcript.json", "sessions/acme-retail.json")
    try outputs.run("sample/sample.txt", "sample", "-o", "sessions/sample.json")
    try outputs.run(
      "sample-readings/sample.txt", "sample", "--readings", "--weeks", "14", "-o",
      "sessions/sample-readings.json")

    for (folder, slug) in [
      ("acme", "acme-retail"), ("sample", "sample"), ("sample-readings", "sample-readings"),
    ] {
      for format in Self.formats {
        try outputs.run("\(folder)/export.\(format)", "export", slug, "--format", format)
      }
      try outputs.run("\(folder)/check.txt", "check", slug)
      try outputs.run("\(folder)/check.json", "check", slug, "--format", "json")
      try outputs.run("\(folder)/score.txt", "score", slug)
      try outputs.run("\(folder)/dashboard.txt", "dashboard", slug)
    }
    // Revenue growth is the company KPI the 14-week sample's dip is planted under.
    try outputs.run("sample-readings/diagnose.txt", "diagnose", "sample-readings", "Revenue growth")
    try outputs.run(
      "sample-readings/diagnose.json", "diagnose", "sample-readings", "Revenue growth", "--format", "json")

    // A changed copy outside the sessions folder: `list` shows the three sessions only, and no
    // two of them share a last change (same-time sessions would list in the folder's order).
    let changed = outputs.directory.appendingPathComponent("changed")
    try FileManager.default.createDirectory(at: changed, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: outputs.directory.appendingPathComponent("sessions/acme-retail.json"),
      to: changed.appendingPathComponent("acme-retail.json"))
    try outputs.run(nil, "open", "changed/acme-retail.json", input: Self.review)
    try outputs.run("acme/diff.txt", "diff", "acme-retail", "changed/acme-retail.json", status: 1)
    try outputs.run(
      "acme/diff.json", "diff", "acme-retail", "changed/acme-retail.json", "--format", "json", status: 1)

    try outputs.run("list.txt", "list")
    try outputs.run("help.txt", "--help")
    try outputs.run("help-check.txt", "check", "--help")
    try outputs.run("help-export.txt", "help", "export")

    for (name, bytes) in outputs.made { ExpectedFile.match(bytes, name) }
    ExpectedFile.checkNothingElse(besides: Set(outputs.made.map(\.name)))
  }

  /// A `KPI_ALIGN_NOW` that is not an instant stops the run (a reproducible run must not quietly
  /// be today's); an empty one is the real time.
  @Test(arguments: ["tomorrow", "2027-07-19", "2027-07-19 09:00:00"])
  func aClockThatIsNotAnInstantIsAUsageError(value: String) throws {
    let directory = Binary.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try Binary.run(
      ["--sessions", directory.path, "list"], environment: ["KPI_ALIGN_NOW": value], directory: directory)
    #expect(run.status == 2)
    #expect(
      run.stderr
        == "kpi-align: KPI_ALIGN_NOW takes an instant such as 2027-07-19T09:00:00Z, not '\(value)'.\n")
    #expect(run.stdout.isEmpty)
    let unset = try Binary.run(
      ["--sessions", directory.path, "list"], environment: ["KPI_ALIGN_NOW": ""], directory: directory)
    #expect(unset.status == 0, "\(unset.stderr)")
  }

  /// The comparison can fail: one byte changed in a file is reported with the line and column,
  /// both versions of the line and the rewrite command. (A fixture, not a pinned file: a rewrite
  /// may be making those while this runs.)
  @Test func oneChangedByteIsReportedWithItsLine() throws {
    let expected = try Data(contentsOf: Binary.fixture("acme-workshop.txt"))
    var changed = expected
    let newline = try #require(expected.firstIndex(of: 0x0A))
    changed[newline + 2] ^= 0x01
    let difference = try #require(ExpectedFile.difference(expected: expected, actual: changed))
    #expect(difference.hasPrefix("first at line 2, column 2 "), "\(difference)")
    let lines = difference.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  expected: \"") || $0.hasPrefix("  output:   \"") })
    #expect(ExpectedFile.difference(expected: expected, actual: expected) == nil)
    #expect(ExpectedFile.advice.contains("scripts/rewrite-expected"))
    #expect(
      ExpectedFile.advice.contains("KPI_ALIGN_REWRITE_EXPECTED=1 swift test --filter ExpectedOutputTests"))
  }

  /// Where outputs end differently: a missing last newline, an extra line, CR before LF, an
  /// empty file.
  @Test(arguments: [
    Edge(
      "no final newline", "a\nb\n", "a\nb",
      "at the end of line 2 (expected 2 lines, 4 bytes; output 2 lines, 3 bytes):\n"
        + "  the expected file ends with a newline there, the output does not."),
    Edge(
      "one more line", "a\n", "a\nb\n",
      "first at line 2, column 1 (expected 1 lines, 2 bytes; output 2 lines, 4 bytes):\n"
        + "  expected: (end of file)\n  output:   \"b\""),
    Edge(
      "CRLF against LF", "a\r\nb\r\n", "a\nb\r\n",
      "first at line 1, column 2 (expected 2 lines, 6 bytes; output 2 lines, 5 bytes):\n"
        + "  expected: \"a\\r\"\n  output:   \"a\""),
    Edge(
      "empty against one byte", "", "x",
      "first at line 1, column 1 (expected 0 lines, 0 bytes; output 1 lines, 1 bytes):\n"
        + "  expected: (end of file)\n  output:   \"x\""),
  ])
  func differencesAtTheEdges(_ edge: Edge) {
    #expect(
      ExpectedFile.difference(expected: Data(edge.expected.utf8), actual: Data(edge.actual.utf8))
        == edge.message)
  }

  struct Edge: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let expected: String
    let actual: String
    let message: String

    init(_ testDescription: String, _ expected: String, _ actual: String, _ message: String) {
      self.testDescription = testDescription
      self.expected = expected
      self.actual = actual
      self.message = message
    }
  }

  @Test func aLongLineIsShownAroundItsDifference() throws {
    let line = String(repeating: "a", count: 500)
    let changed = String(repeating: "a", count: 300) + "b" + String(repeating: "a", count: 199)
    let difference = try #require(
      ExpectedFile.difference(expected: Data(line.utf8), actual: Data(changed.utf8)))
    #expect(difference.contains("column 301 "))
    #expect(difference.contains("…\"" + String(repeating: "a", count: 60) + "b"), "\(difference)")
  }
}

/// The runs of one test, in a scratch folder, and what each printed, by expected file.
private final class Outputs {
  let directory: URL
  let environment: [String: String]
  private(set) var made: [(name: String, bytes: Data)] = []

  init(directory: URL, now: String) {
    self.directory = directory
    environment = ["KPI_ALIGN_NOW": now, "TERM": "xterm-256color"]
  }

  /// Runs `kpi-align --sessions sessions ARGUMENTS…` in the scratch folder and keeps its
  /// standard output as `name` (none: a step that only makes something). Anything on standard
  /// error, or another exit status, fails the test here: an expected file is never made from a
  /// failed run.
  func run(
    _ name: String?, _ arguments: String..., input: String = "", status: Int32 = 0,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let result = try Binary.run(
      ["--sessions", "sessions"] + arguments, input: Data(input.utf8), environment: environment,
      directory: directory)
    let shown = "kpi-align " + arguments.joined(separator: " ")
    try #require(
      result.status == status, "\(shown) exited \(result.status): \(result.stderr)",
      sourceLocation: sourceLocation)
    try #require(
      result.stderr.isEmpty, "\(shown) wrote to stderr: \(result.stderr)", sourceLocation: sourceLocation)
    if let name { made.append((name, result.stdoutBytes)) }
  }

  /// Keeps a file a run wrote (a path in the scratch folder) as `name`.
  func file(_ name: String, _ path: String) throws {
    made.append((name, try Data(contentsOf: directory.appendingPathComponent(path))))
  }
}

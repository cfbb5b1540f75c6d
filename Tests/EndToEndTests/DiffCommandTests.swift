import Foundation
import Testing

/// `kpi-align diff` and `/diff` run as a review would run them: two sessions of the same
/// workshop, one changed by a retarget and an owner change.
@Suite("kpi-align diff")
final class DiffCommandTests {
  let directory = Binary.scratchDirectory()

  deinit { try? FileManager.default.removeItem(at: directory) }
  var sessions: String { directory.appendingPathComponent("sessions").path }

  static let changes = [
    "  Qualified pipeline coverage (Sales): target >= 3x → >= 3.5x",
    "  Qualified pipeline coverage (Sales): owner Sam Lee → Noor Ali",
  ]

  /// `acme-q1` is the fixture; `acme-q2` the fixture plus a retarget and an owner change.
  private func twoSessions() throws {
    let script = Binary.fixture("acme-workshop.txt").path
    for name in ["Acme Q1", "Acme Q2"] {
      let run = try Binary.run(["--sessions", sessions, "new", name, "--script", script])
      try #require(run.status == 0, "\(run.stderr)")
    }
    let review = try Binary.run(
      ["--sessions", sessions, "open", "acme-q2"],
      input:
        "/retarget \"Qualified pipeline coverage\" >= 3.5x\n/owner \"Qualified pipeline coverage\" Noor Ali\n"
    )
    try #require(review.status == 0, "\(review.stderr)")
  }

  @Test func reportsExactlyTheRetargetAndTheOwnerChangeAndExitsOne() throws {
    try twoSessions()
    let run = try Binary.run(["--sessions", sessions, "diff", "acme-q1", "acme-q2"])
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stderr.isEmpty)
    let lines = run.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(lines.first?.hasPrefix("2 changes (maturity ") == true)
    #expect(Array(lines.dropFirst()) == Self.changes)
    #expect(!run.stdout.contains("\u{1B}["), "no colour through a pipe")
  }

  @Test func aSessionAgainstItselfExitsZero() throws {
    try twoSessions()
    let run = try Binary.run(["--sessions", sessions, "diff", "acme-q1", "acme-q1"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("No changes (maturity "))
  }

  @Test func theJSONParsesAndCarriesTheTwoChanges() throws {
    try twoSessions()
    let run = try Binary.run(["--sessions", sessions, "diff", "acme-q1", "acme-q2", "--format", "json"])
    #expect(run.status == 1, "\(run.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(object["format"] as? String == "kpi-align-diff")
    #expect(object["version"] as? Int == 1)
    #expect(object["old"] as? String == "Acme Q1")
    #expect(object["new"] as? String == "Acme Q2")
    #expect(object["equal"] as? Bool == false)
    let changes = try #require(object["changes"] as? [[String: Any]])
    #expect(changes.map { $0["kind"] as? String } == ["retargeted", "owner-changed"])
    #expect(changes.map { $0["new"] as? String } == [">= 3.5x", "Noor Ali"])
    #expect(changes.map { "  " + ($0["sentence"] as? String ?? "") } == Self.changes)
  }

  @Test func anExportedCascadeAndATranscriptPathAreSidesToo() throws {
    try twoSessions()
    let exported = directory.appendingPathComponent("q1-cascade.json").path
    let export = try Binary.run(["--sessions", sessions, "export", "acme-q1", "-o", exported])
    try #require(export.status == 0, "\(export.stderr)")
    let run = try Binary.run(["--sessions", sessions, "diff", exported, sessions + "/acme-q2.json"])
    #expect(run.status == 1, "\(run.stderr)")
    #expect(Array(run.stdout.split(separator: "\n").map(String.init).dropFirst()) == Self.changes)
  }

  @Test(arguments: [
    ["diff", "acme-q1"],
    ["diff", "acme-q1", "acme-q2", "--format", "yaml"],
    ["diff", "acme-q1", "acme-q2", "-o", "out.txt"],
    ["diff", "acme-q1", "no-such-session"],
  ])
  func usageErrorsExitTwo(arguments: [String]) throws {
    try twoSessions()
    let run = try Binary.run(["--sessions", sessions] + arguments)
    #expect(run.status == 2, "\(run.stdout)")
    #expect(run.stderr.hasPrefix("kpi-align: "))
  }

  @Test func aFileThatIsNotASessionExitsThree() throws {
    try twoSessions()
    let bad = directory.appendingPathComponent("bad.json")
    try Data("{\"format\": \"something-else\", \"version\": 1}".utf8).write(to: bad)
    let run = try Binary.run(["--sessions", sessions, "diff", bad.path, "acme-q2"])
    #expect(run.status == 3)
    #expect(run.stderr.contains("bad.json"))
  }

  @Test func slashDiffComparesAFileWithTheSessionOnScreenAndRecordsNothing() throws {
    try twoSessions()
    let transcript = URL(fileURLWithPath: sessions + "/acme-q2.json")
    let before = try Data(contentsOf: transcript)
    let run = try Binary.run(["--sessions", sessions, "open", "acme-q2"], input: "/diff acme-q1\n")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains(Self.changes.joined(separator: "\n")))
    #expect(try Data(contentsOf: transcript) == before, "a diff changes nothing")

    let missing = try Binary.run(["--sessions", sessions, "open", "acme-q2"], input: "/diff nowhere.json\n")
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("stdin:1: nowhere.json: no such file."))
  }
}

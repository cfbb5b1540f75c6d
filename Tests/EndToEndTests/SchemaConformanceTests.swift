import Foundation
import Testing

/// What the real binary writes, checked by an independent JSON Schema validator against the
/// schemas in docs/: the session transcript and the cascade export.
@Suite("Files the binary writes match docs/ schemas")
struct SchemaConformanceTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static let validatorAvailable: Bool = {
    (try? Binary.runTool(["python3", "-c", "import jsonschema"]).status) == 0
  }()

  static let required = ProcessInfo.processInfo.environment["KPI_ALIGN_REQUIRE_CONSUMERS"] == "1"

  @Test(.enabled(if: validatorAvailable || required, "python3 jsonschema is not installed"))
  func theTranscriptAndTheExportOfACompleteWorkshopValidate() throws {
    #expect(Self.validatorAvailable, "KPI_ALIGN_REQUIRE_CONSUMERS=1 but python3 cannot import jsonschema")
    let directory = Binary.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let sessions = directory.appendingPathComponent("sessions").path
    let script = Binary.fixture("acme-workshop.txt").path
    // Undo and an accepted finding put every kind of change into the transcript.
    let extra = directory.appendingPathComponent("extra.txt")
    try "/undo\nDana Ruiz\n/accept counts:level-2 because one indicator this year\n/goto 3\n".write(
      to: extra, atomically: true, encoding: .utf8)
    #expect(try Binary.run(["--sessions", sessions, "new", "Acme Retail", "--script", script]).status == 0)
    #expect(
      try Binary.run(["--sessions", sessions, "open", "acme-retail", "--script", extra.path]).status == 0)
    let export = directory.appendingPathComponent("cascade.json").path
    #expect(try Binary.run(["--sessions", sessions, "export", "acme-retail", "-o", export]).status == 0)

    let validator = Self.root.appendingPathComponent("scripts/validate-json-schema.py").path
    let transcript = try Binary.runTool([
      "python3", validator, Self.root.appendingPathComponent("docs/transcript.schema.json").path,
      sessions + "/acme-retail.json",
    ])
    #expect(transcript.status == 0, "\(transcript.stdout)")
    let cascade = try Binary.runTool([
      "python3", validator, Self.root.appendingPathComponent("docs/cascade.schema.json").path, export,
    ])
    #expect(cascade.status == 0, "\(cascade.stdout)")

    // check --format json, the report CI reads.
    let report = directory.appendingPathComponent("check.json")
    let check = try Binary.run(["--sessions", sessions, "check", "acme-retail", "--format", "json"])
    #expect(check.status == 0)
    try check.stdout.write(to: report, atomically: true, encoding: .utf8)
    let checked = try Binary.runTool([
      "python3", validator, Self.root.appendingPathComponent("docs/check.schema.json").path, report.path,
    ])
    #expect(checked.status == 0, "\(checked.stdout)")
    let document = try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any]
    let findings = document?["findings"] as? [[String: Any]] ?? []
    #expect(findings.contains { $0["id"] as? String == "counts:level-2" && $0["accepted"] != nil })
    #expect(
      findings.contains { ($0["subjects"] as? [String])?.count == 2 && $0["test"] as? String == "conflicts" })

    // And the validator is not a rubber stamp: a transcript with a wrong type fails.
    let broken = directory.appendingPathComponent("broken.json")
    let text = try String(contentsOfFile: sessions + "/acme-retail.json", encoding: .utf8)
    try text.replacingOccurrences(of: "\"step\" : 1\n", with: "\"step\" : \"one\"\n").write(
      to: broken, atomically: true, encoding: .utf8)
    let failing = try Binary.runTool([
      "python3", validator, Self.root.appendingPathComponent("docs/transcript.schema.json").path, broken.path,
    ])
    #expect(failing.status == 1)
  }
}

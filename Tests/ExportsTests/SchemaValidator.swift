import Foundation
import Testing

/// Runs `scripts/validate-json-schema.py` (python3 + `jsonschema`) on JSON the tests produce,
/// so the schemas in `docs/` are checked against what the Swift code actually writes.
///
/// Without python3 `jsonschema` the schema tests are skipped, unless
/// `KPI_ALIGN_REQUIRE_CONSUMERS=1` says this machine must run them, in which case they fail.
enum SchemaValidator {
  /// The repository root, found from this file's path: `<root>/Tests/ExportsTests/…`.
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let script = root.appendingPathComponent("scripts/validate-json-schema.py")

  static func schema(_ name: String) -> URL {
    root.appendingPathComponent("docs").appendingPathComponent(name)
  }

  /// Whether `python3` can import `jsonschema` on this machine.
  static let isAvailable: Bool = {
    (try? run(["python3", "-c", "import jsonschema"]).status) == 0
  }()

  /// Whether the environment insists the schema tests run (CI sets this).
  static let isRequired = ProcessInfo.processInfo.environment["KPI_ALIGN_REQUIRE_CONSUMERS"] == "1"

  /// Enables a schema test when it can run, or when it must (and will then fail saying why).
  static let condition: ConditionTrait = .enabled(
    if: isAvailable || isRequired,
    "python3 with the jsonschema package is not available (pip install jsonschema); set KPI_ALIGN_REQUIRE_CONSUMERS=1 to make this a failure instead of a skip"
  )

  /// Records an issue and returns `false` when the validator cannot run.
  static func ready(sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
    guard isAvailable else {
      Issue.record(
        "KPI_ALIGN_REQUIRE_CONSUMERS=1 but python3 cannot import jsonschema (pip install jsonschema)",
        sourceLocation: sourceLocation)
      return false
    }
    return true
  }

  /// Validates `json` against `docs/<schema>`; the exit status (0 valid, 1 invalid) and output.
  static func validate(_ json: String, against schema: String) throws -> (status: Int32, output: String) {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("kpi-align-schema-\(UUID().uuidString).json")
    try json.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    return try run(["python3", script.path, Self.schema(schema).path, file.path])
  }

  /// Runs a command; its exit status and everything it printed, stdout then stderr.
  private static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let result = try ExportConsumer.run(arguments)
    return (result.status, result.output + result.errors)
  }
}

import Foundation
import Testing

/// Runs a small Python script on a file an export wrote, so a format is read back by a real,
/// independent reader (Python's `icalendar`, its standard `html.parser`) rather than ours.
///
/// Without python3 (or the module a script needs) those tests are skipped, unless
/// `KPI_ALIGN_REQUIRE_CONSUMERS=1` says this machine must run them, in which case they fail.
struct PythonConsumer: Sendable {
  /// The module the script imports, checked up front: `icalendar`, `html.parser`.
  let module: String
  /// How to install it, for the message when it is missing.
  let install: String
  /// Whether `python3` can import the module on this machine.
  let isAvailable: Bool

  init(module: String, install: String) {
    self.module = module
    self.install = install
    isAvailable = (try? ExportConsumer.run(["python3", "-c", "import \(module)"]).status) == 0
  }

  static let iCalendar = PythonConsumer(
    module: "icalendar", install: "scripts/bootstrap --tests, or pip install icalendar")
  static let htmlParser = PythonConsumer(module: "html.parser", install: "install python3")

  /// Enables a consumer test when it can run, or when it must (and will then fail saying why).
  var condition: ConditionTrait {
    .enabled(
      if: isAvailable || SchemaValidator.isRequired,
      "python3 cannot import \(module) (\(install)); set KPI_ALIGN_REQUIRE_CONSUMERS=1 to make this a failure instead of a skip"
    )
  }

  /// Records an issue and returns `false` when the consumer cannot run.
  func ready(sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
    guard isAvailable else {
      Issue.record(
        "KPI_ALIGN_REQUIRE_CONSUMERS=1 but python3 cannot import \(module) (\(install))",
        sourceLocation: sourceLocation)
      return false
    }
    return true
  }

  /// Runs `script` with the path of a file holding `contents` as its one argument; the exit
  /// status, what it printed on stdout, and on stderr.
  func read(_ contents: String, with script: String) throws -> (
    status: Int32, output: String, errors: String
  ) {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("kpi-align-consumer-\(UUID().uuidString)")
    // Bytes as they are: the script must see the export's own line endings.
    try Data(contents.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    return try ExportConsumer.run(["python3", "-c", script, file.path])
  }

  /// Decodes the JSON a script printed, or records the script's failure and throws.
  func report<Report: Decodable>(
    _ type: Report.Type, of contents: String, with script: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Report {
    let result = try read(contents, with: script)
    try #require(
      result.status == 0, "\(module) rejected the export: \(result.errors)", sourceLocation: sourceLocation)
    return try JSONDecoder().decode(Report.self, from: Data(result.output.utf8))
  }
}

import Foundation
import Testing

/// A program outside Swift that reads an export back: Graphviz `dot` for the DOT, python3's
/// `csv` module for the CSV. Our own code never checks its own output alone.
///
/// Without the program the tests are skipped, unless `KPI_ALIGN_REQUIRE_CONSUMERS=1` says this
/// machine must run them, in which case they fail saying what is missing.
struct ExportConsumer: Sendable {
  /// The command that proves the program is there (`dot -V`).
  let probe: [String]
  /// What to install, for the skip or failure message.
  let install: String

  static let graphviz = ExportConsumer(
    probe: ["dot", "-V"], install: "Graphviz `dot` (apt-get install graphviz)")
  static let python = ExportConsumer(probe: ["python3", "-c", "import csv, json"], install: "python3")
  /// Mermaid's own parser (Mermaid 11, the one GitHub and GitLab render with), as bundled for
  /// node by the PyPI package `mermaid-parser-py`; only its JavaScript is used, so
  /// `pip install --no-deps mermaid-parser-py` and Debian's `nodejs` are enough.
  static let mermaid = ExportConsumer(
    probe: ["node", "-e", "require(process.argv[1])", mermaidBundle],
    install: "node (apt-get install nodejs) with Mermaid's parser (pip install --no-deps mermaid-parser-py)")

  /// Where `mermaid-parser-py` keeps the bundled parser; `KPI_ALIGN_MERMAID_PARSER` overrides.
  static let mermaidBundle: String = {
    if let path = ProcessInfo.processInfo.environment["KPI_ALIGN_MERMAID_PARSER"] { return path }
    let find =
      "import importlib.util as u; s = u.find_spec('mermaid_parser'); "
      + "print(s.submodule_search_locations[0] + '/js/parser.bundle.js' if s else '')"
    let found = (try? run(["python3", "-c", find]).output) ?? ""
    return found.trimmingCharacters(in: .whitespacesAndNewlines)
  }()

  var isAvailable: Bool { (try? Self.run(probe).status) == 0 }

  /// Enables a suite when the consumer can run, or when it must (and will then fail).
  var condition: ConditionTrait {
    .enabled(
      if: isAvailable || SchemaValidator.isRequired,
      "\(install) is not available; set KPI_ALIGN_REQUIRE_CONSUMERS=1 to make this a failure instead of a skip"
    )
  }

  /// Records an issue and returns `false` when the consumer cannot run.
  func ready(sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
    guard isAvailable else {
      Issue.record(
        "KPI_ALIGN_REQUIRE_CONSUMERS=1 but \(install) is not available", sourceLocation: sourceLocation)
      return false
    }
    return true
  }

  /// Runs `arguments` (found on PATH) with `input` written to a temporary file whose path
  /// replaces `{}`; the exit status, standard output and standard error.
  static func run(_ arguments: [String], input: String, suffix: String) throws -> (
    status: Int32, output: String, errors: String
  ) {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("kpi-align-export-\(UUID().uuidString).\(suffix)")
    try Data(input.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    return try run(arguments.map { $0 == "{}" ? file.path : $0 })
  }

  static func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
    // Standard error goes to a file, so neither stream can fill a pipe and block the program.
    let errorFile = FileManager.default.temporaryDirectory
      .appendingPathComponent("kpi-align-consumer-\(UUID().uuidString).err")
    _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errorFile) }
    let errors = try FileHandle(forWritingTo: errorFile)
    defer { try? errors.close() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: outputData, as: UTF8.self),
      String(decoding: (try? Data(contentsOf: errorFile)) ?? Data(), as: UTF8.self)
    )
  }
}

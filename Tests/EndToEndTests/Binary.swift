import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The built `kpi-align` and a way to run it through pipes, as scripts and CI do.
enum Binary {
  /// `.build/<config>/kpi-align`, beside the test bundle SwiftPM built with it.
  static var url: URL {
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = directory.appendingPathComponent("kpi-align")
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        return candidate
      }
      directory.deleteLastPathComponent()
    }
    return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("kpi-align")
  }

  /// The repository's test fixtures.
  static func fixture(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
  }

  /// A fresh, empty folder for one test's sessions and files.
  static func scratchDirectory() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kpi-align-e2e-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
    /// Standard output as written, before decoding: what expected-output files are compared with.
    var stdoutBytes = Data()
  }

  /// Runs kpi-align with `arguments`, feeding `input` on stdin through a pipe.
  static func run(
    _ arguments: [String], input: Data = Data(), environment: [String: String] = [:],
    directory: URL? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = url
    process.arguments = arguments
    var base = ProcessInfo.processInfo.environment
    base["KPI_ALIGN_HISTORY"] = ""
    base.removeValue(forKey: "NO_COLOR")
    process.environment = base.merging(environment) { $1 }
    if let directory { process.currentDirectoryURL = directory }
    let stdin = Pipe()
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kpi-align-out-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: scratch.path + ".out", contents: nil)
    _ = FileManager.default.createFile(atPath: scratch.path + ".err", contents: nil)
    defer {
      try? FileManager.default.removeItem(atPath: scratch.path + ".out")
      try? FileManager.default.removeItem(atPath: scratch.path + ".err")
    }
    process.standardInput = stdin
    process.standardOutput = FileHandle(forWritingAtPath: scratch.path + ".out")
    process.standardError = FileHandle(forWritingAtPath: scratch.path + ".err")
    try process.run()
    let writer = stdin.fileHandleForWriting
    // kpi-align may stop reading early (a refused script line): a broken pipe is expected then.
    signal(SIGPIPE, SIG_IGN)
    let feeding = Thread {
      try? writer.write(contentsOf: input)
      try? writer.close()
    }
    feeding.start()
    process.waitUntilExit()
    let outData = FileManager.default.contents(atPath: scratch.path + ".out") ?? Data()
    let errData = FileManager.default.contents(atPath: scratch.path + ".err") ?? Data()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: outData)
  }

  static func run(_ arguments: [String], input: String, environment: [String: String] = [:]) throws -> Result
  {
    try run(arguments, input: Data(input.utf8), environment: environment)
  }

  /// Runs another program (a validator, python) with output captured.
  static func runTool(_ arguments: [String]) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self), stderr: "")
  }
}

import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Two kpi-align processes racing for the same session, started together, twenty times over:
/// exactly one gets it and the other is refused with one clear message, and the file on disk is
/// always whole (valid JSON that replays), never a mix of the two.
@Suite(.serialized) struct ConcurrencyTests {
  static let races = 20

  @Test func twoOpensOfOneSessionLetExactlyOneIn() throws {
    try withScratchDirectory { directory in
      let lines = try workshopFixtureLines()
      let created = try runScripted(["new", "Acme Retail"], in: directory, input: lines[0] + "\n")
      #expect(created.status == 0, "\(created.stderr)")
      var answers = 1
      for race in 0..<Self.races {
        let pair = try [0, 1].map { _ in try Running(["open", "acme-retail"], in: directory) }
        // The one refused ends at once; the other waits for its input, holding the session.
        let loser = try Running.firstToExit(pair)
        let winner = pair[1 - loser]
        let refused = pair[loser].result()
        #expect(refused.status == 5, "race \(race): \(refused.stderr)")
        #expect(
          refused.stderr.hasPrefix("kpi-align: Session 'acme-retail' is open in another kpi-align (pid "),
          "race \(race): \(refused.stderr)")
        #expect(refused.stderr.hasSuffix("); close it there first.\n"))
        #expect(winner.isRunning, "race \(race): both were let in")
        winner.send(lines[answers] + "\n/save\n")
        let won = winner.finish()
        #expect(won.status == 0, "race \(race): \(won.stderr)")
        answers += 1
        // Whole, replaying, and holding the winner's answer.
        let check = try runScripted(["export", "acme-retail", "--format", "json"], in: directory)
        #expect(check.status == 0, "race \(race): \(check.stderr)")
        #expect(try SavedSession(directory: directory).answers == Array(lines[..<answers]))
      }
    }
  }

  @Test func twoNewSessionsOfOneNameMakeOne() throws {
    for race in 0..<Self.races {
      try withScratchDirectory { directory in
        let pair = try [0, 1].map { _ in try Running(["new", "Acme Retail"], in: directory) }
        let loser = try Running.firstToExit(pair)
        let winner = pair[1 - loser]
        let refused = pair[loser].result()
        // Refused by the lock while the other is starting, or after it made the file.
        let byLock = refused.status == 5 && refused.stderr.contains("is open in another kpi-align")
        let byFile = refused.status == 2 && refused.stderr.contains("A session 'acme-retail' already exists")
        #expect(byLock || byFile, "race \(race): exit \(refused.status): \(refused.stderr)")
        #expect(winner.isRunning, "race \(race): both started a session")
        winner.send("Revenue growth\n")
        let won = winner.finish()
        #expect(won.status == 0, "race \(race): \(won.stderr)")
        #expect(try SavedSession(directory: directory).answers == ["Revenue growth"])
      }
    }
  }

  @Test func twoImportsOfOneFileMakeTwoWholeSessions() throws {
    try withScratchDirectory { directory in
      let source = directory.appendingPathComponent("source")
      let lines = try workshopFixtureLines()
      let made = try runScripted(
        ["new", "Acme Retail"], in: source, input: lines.joined(separator: "\n") + "\n")
      #expect(made.status == 0, "\(made.stderr)")
      let file = source.appendingPathComponent("acme-retail.json").path
      let sessions = directory.appendingPathComponent("sessions")
      var slugs = Set<String>()
      for race in 0..<Self.races {
        let pair = try [0, 1].map { _ in try Running(["import", file], in: sessions, closeInput: true) }
        let results = pair.map { $0.finish() }
        for result in results { #expect(result.status == 0, "race \(race): \(result.stderr)") }
        let paths = results.compactMap { $0.stdout.firstMatch(of: /as (\S+\.json) \(/)?.1 }.map(String.init)
        #expect(paths.count == 2 && paths[0] != paths[1], "race \(race): \(results.map(\.stdout))")
        slugs.formUnion(paths)
      }
      #expect(slugs.count == 2 * Self.races)
      for path in slugs {
        let slug = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let saved = try SavedSession(directory: sessions, slug: slug)
        #expect(saved.answers == lines)
      }
    }
  }

  /// An import reads the transcript while the workshop rewrites it, again and again: it always
  /// reads a whole version (the old or the new), never a torn one.
  @Test func importingWhileTheWorkshopSavesAlwaysReadsAWholeFile() throws {
    try withScratchDirectory { directory in
      let lines = try workshopFixtureLines()
      let sessions = directory.appendingPathComponent("sessions")
      let created = try runScripted(["new", "Acme Retail"], in: sessions)
      #expect(created.status == 0, "\(created.stderr)")
      let workshop = try Running(["open", "acme-retail"], in: sessions)
      let copies = directory.appendingPathComponent("copies")
      let transcript = sessions.appendingPathComponent("acme-retail.json").path
      for (index, line) in lines.prefix(Self.races).enumerated() {
        workshop.send(line + "\n/save\n")
        let imported = try runScripted(["import", transcript], in: copies)
        #expect(imported.status == 0, "import \(index): \(imported.stderr)")
      }
      let done = workshop.finish()
      #expect(done.status == 0, "\(done.stderr)")
      #expect(try SavedSession(directory: sessions).answers == Array(lines.prefix(Self.races)))
    }
  }
}

/// kpi-align started with a pipe on stdin that the test keeps open, so it runs until told.
final class Running {
  private let process = Process()
  private let input = Pipe()
  private let output: URL
  private var collected: Binary.Result?

  init(_ arguments: [String], in directory: URL, closeInput: Bool = false) throws {
    output = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kpi-align-race-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: output.path + ".out", contents: nil)
    _ = FileManager.default.createFile(atPath: output.path + ".err", contents: nil)
    process.executableURL = Binary.url
    process.arguments = ["--sessions", directory.path] + arguments
    var environment = ProcessInfo.processInfo.environment
    environment["KPI_ALIGN_HISTORY"] = ""
    process.environment = environment
    process.standardInput = input
    process.standardOutput = FileHandle(forWritingAtPath: output.path + ".out")
    process.standardError = FileHandle(forWritingAtPath: output.path + ".err")
    Glibc.signal(SIGPIPE, SIG_IGN)
    try process.run()
    if closeInput { try? input.fileHandleForWriting.close() }
  }

  deinit {
    if process.isRunning { process.terminate() }
    try? FileManager.default.removeItem(atPath: output.path + ".out")
    try? FileManager.default.removeItem(atPath: output.path + ".err")
  }

  var isRunning: Bool { process.isRunning }

  /// Sends `number` (SIGTERM, SIGHUP…) to the process.
  func signal(_ number: Int32) {
    kill(process.processIdentifier, number)
  }

  func send(_ text: String) {
    try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
  }

  /// Closes stdin (the end of the script) and waits for the exit.
  func finish() -> Binary.Result {
    try? input.fileHandleForWriting.close()
    return result()
  }

  /// Waits for the exit and returns what it printed.
  func result() -> Binary.Result {
    if let collected { return collected }
    process.waitUntilExit()
    let out = FileManager.default.contents(atPath: output.path + ".out") ?? Data()
    let err = FileManager.default.contents(atPath: output.path + ".err") ?? Data()
    let result = Binary.Result(
      status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
      stderr: String(decoding: err, as: UTF8.self))
    collected = result
    return result
  }

  /// The index of the first of `processes` to exit. Waits as long as it takes; a minute with
  /// none exiting means none was refused, which fails the test.
  static func firstToExit(_ processes: [Running]) throws -> Int {
    let deadline = Date().addingTimeInterval(60)
    while Date() < deadline {
      if let index = processes.firstIndex(where: { !$0.isRunning }) { return index }
      usleep(2_000)
    }
    throw RaceFailure()
  }

  struct RaceFailure: Error, CustomStringConvertible {
    var description: String { "neither process exited: both hold the session" }
  }
}

import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A scripted run stops at the next line when SIGTERM or SIGHUP arrives, however much of the
/// script is already read into memory (a whole 64 KB chunk of it, thousands of lines): every
/// answer before that line is saved, the message names the line, and no later line is run.
@Suite(.serialized) struct ScriptSignalTests {
  /// The company KPI, then `count` retargets, each an exchange of its own.
  static func script(retargets count: Int) -> [String] {
    ["Revenue growth", ">= 20% YoY"]
      + (0..<count).map { "/retarget \"Revenue growth\" >= \(21 + $0 % 50)% YoY" }
  }

  @Test(arguments: [SIGTERM, SIGHUP])
  func aSignalStopsTheScriptAtTheNextLine(_ signal: Int32) throws {
    try withScratchDirectory { directory in
      let lines = Self.script(retargets: 20_000)
      let scriptFile = directory.appendingPathComponent("script.txt")
      try (lines.joined(separator: "\n") + "\n").write(to: scriptFile, atomically: true, encoding: .utf8)
      let sessions = directory.appendingPathComponent("sessions")
      let run = try Running(
        ["new", "Acme Retail", "--script", scriptFile.path], in: sessions, closeInput: true)
      // Wait until it is well into the script: the journal has answers in it.
      let journal = sessions.appendingPathComponent("acme-retail.journal")
      let deadline = Date().addingTimeInterval(30)
      while Date() < deadline,
        (try? FileManager.default.attributesOfItem(atPath: journal.path)[.size] as? Int) ?? 0 < 20_000
      {
        usleep(5_000)
      }
      #expect(run.isRunning, "the script ended before the signal: make it longer")
      // Held still while the answers on disk are counted, so the count is the line it is at.
      run.signal(SIGSTOP)
      usleep(50_000)
      let journalLines = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n").count
      let onDisk = try SavedSession(directory: sessions).exchanges.count + journalLines
      run.signal(signal)
      run.signal(SIGCONT)
      let result = run.result()
      #expect(result.status == 1, "\(result.stderr)")
      let stop = try #require(
        result.stderr.firstMatch(
          of:
            /^kpi-align: .*script\.txt:(\d+): stopped by a signal after this line; every answer up to it is saved, and no later line was run\.\n$/
        ), "\(result.stderr)")
      let line = try #require(Int(stop.1))
      // The next line at most (one may have been in flight when it was stopped), not the rest
      // of the chunk already read: each 64 KB holds about 1,500 of these lines.
      #expect(line <= onDisk + 2, "stopped at line \(line), \(line - onDisk) lines after the signal")
      // Exactly the lines up to the one named are in the saved session, in order.
      let saved = try SavedSession(directory: sessions)
      #expect(saved.everyAnswer == Array(lines.prefix(line)))
    }
  }
}

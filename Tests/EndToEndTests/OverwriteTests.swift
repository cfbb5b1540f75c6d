import Foundation
import Testing

/// No export or copy writes over a file by accident: an existing file is left as it is unless
/// `--force` says otherwise (exit 2 and a message), and a session's transcript, journal or lock
/// is never replaced, force or not. The data loss: `export in/small.json -o
/// in/small.json` replaced a transcript with a cascade file.
@Suite("Exports never overwrite by accident")
final class OverwriteTests {
  let directory = Binary.scratchDirectory()

  deinit { try? FileManager.default.removeItem(at: directory) }
  var sessions: String { directory.appendingPathComponent("sessions").path }

  private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

  private func workshop() throws {
    let script = Binary.fixture("acme-workshop.txt").path
    try #require(
      try Binary.run(["--sessions", sessions, "new", "Acme Retail", "--script", script]).status == 0)
  }

  private func contents(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

  @Test func anExistingFileIsKeptUnlessForced() throws {
    try workshop()
    let minutes = path("minutes.md")
    try Data("notes of my own\n".utf8).write(to: URL(fileURLWithPath: minutes))
    let refused = try Binary.run([
      "--sessions", sessions, "export", "acme-retail", "--format", "md", "-o", minutes,
    ])
    #expect(refused.status == 2)
    #expect(
      refused.stderr
        == "kpi-align: \(minutes) already exists, and kpi-align writes over a file only when asked: "
        + "add --force to replace it, or choose another name.\n")
    #expect(contents(minutes) == Data("notes of my own\n".utf8))
    let forced = try Binary.run(
      ["--sessions", sessions, "export", "acme-retail", "--format", "md", "-o", minutes, "--force"])
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(
      String(decoding: contents(minutes) ?? Data(), as: UTF8.self).hasPrefix(
        "# Workshop minutes: Acme Retail"))
  }

  @Test func aTranscriptJournalOrLockIsNeverReplaced() throws {
    try workshop()
    let transcript = sessions + "/acme-retail.json"
    let before = contents(transcript)
    for arguments in [
      ["export", "acme-retail", "-o", transcript], ["export", "acme-retail", "-o", transcript, "--force"],
      ["export", transcript, "-o", transcript, "--force"],
    ] {
      let run = try Binary.run(["--sessions", sessions] + arguments)
      #expect(run.status == 2, "\(arguments)")
      #expect(
        run.stderr.contains("is a kpi-align session transcript: an export or a copy never replaces one"))
    }
    #expect(contents(transcript) == before)
    // A copy of the transcript elsewhere is a transcript too.
    let copy = path("small.json")
    try before.map { try $0.write(to: URL(fileURLWithPath: copy)) }
    let run = try Binary.run(["--sessions", sessions, "export", copy, "-o", copy, "--force"])
    #expect(run.status == 2)
    #expect(contents(copy) == before)
    // The journal and the lock of a session.
    let lock = sessions + "/acme-retail.lock"
    try Data().write(to: URL(fileURLWithPath: lock))
    let locked = try Binary.run(["--sessions", sessions, "export", "acme-retail", "-o", lock, "--force"])
    #expect(locked.status == 2)
    #expect(locked.stderr.contains("is a session's lock: kpi-align never writes an export or a copy over it"))
  }

  @Test func inTheRoomExportAndSaveAskForForceToo() throws {
    try workshop()
    let minutes = path("minutes.md")
    let copy = path("copy.json")
    try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: minutes))
    try Data("keep me too\n".utf8).write(to: URL(fileURLWithPath: copy))
    // A script stops at a file it could not write, so one line a run.
    let export = try Binary.run(
      ["--sessions", sessions, "open", "acme-retail"], input: "/export md \(minutes)\n")
    #expect(export.status == 4)
    #expect(export.stderr.contains("\(minutes) already exists"))
    let save = try Binary.run(["--sessions", sessions, "open", "acme-retail"], input: "/save \(copy)\n")
    #expect(save.stderr.contains("\(copy) already exists"))
    #expect(contents(minutes) == Data("keep me\n".utf8))
    #expect(contents(copy) == Data("keep me too\n".utf8))
    let forced = try Binary.run(
      ["--sessions", sessions, "open", "acme-retail"],
      input: "/export md \(minutes) --force\n/save \(copy) --force\n")
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(String(decoding: contents(minutes) ?? Data(), as: UTF8.self).hasPrefix("# Workshop minutes"))
    #expect(String(decoding: contents(copy) ?? Data(), as: UTF8.self).contains("kpi-align-transcript"))
  }

  @Test func forceGoesWithAnOutputFile() throws {
    let run = try Binary.run(["--sessions", sessions, "export", "acme-retail", "--force"])
    #expect(run.status == 2)
    #expect(run.stderr == "kpi-align: --force replaces the file -o names: it goes with -o FILE.\n")
  }
}

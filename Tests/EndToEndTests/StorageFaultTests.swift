import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Storage faults under a running workshop, through the real binary on a terminal: a full disk,
/// a read-only folder, the sessions folder or a session file deleted or replaced. Each time the
/// room hears what failed and where, keeps working with every answer in memory, `/save PATH`
/// writes the session elsewhere, and no file on disk is damaged or changed behind its owner.
@Suite(.serialized) struct StorageFaultTests {
  static let noHistory = ["KPI_ALIGN_HISTORY": ""]

  /// Types `/save FOLDER/copy.json` and checks the copy was written; the reply, for more checks.
  @discardableResult
  static func saveCopy(
    _ room: Facilitator, into folder: URL, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String {
    let saved = try room.type("/save \(folder.path)/copy.json")
    #expect(
      saved.contains("Wrote a copy to \(folder.path)/copy.json."), "\(saved)", sourceLocation: sourceLocation)
    return saved
  }

  /// The bytes of every file in `directory`, by name.
  static func files(in directory: URL) -> [String: Data] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    var files: [String: Data] = [:]
    for name in names {
      files[name] = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)
    }
    return files
  }

  @Test(.enabled(if: ScratchMount.isPossible, "\(ScratchMount.whyNot)"))
  func aFullDiskKeepsAnswersInMemoryUntilThereIsRoomAgain() throws {
    let disk = try ScratchMount(size: "64k")
    defer { disk.remove() }
    let sessions = disk.directory
    let lines = try workshopFixtureLines()
    let copy = Binary.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: copy) }

    let room = try Facilitator(["new", "Acme Retail"], in: sessions, environment: Self.noHistory)
    try room.waitForPrompt()
    try room.typeAll(lines[0..<4])
    try room.type("/save")  // the journal is empty now, so its next line needs a new block
    disk.fill()
    let before = Self.files(in: sessions)

    for (index, line) in lines[4..<7].enumerated() {
      let reply = try room.type(line)
      #expect(
        reply.contains(
          "kpi-align: Can't write \(sessions.path)/acme-retail.journal: No space left on device. \(index + 1) answer\(index == 0 ? " is" : "s are") kept in memory only: kpi-align tries again with every answer, and /save PATH writes a copy elsewhere now."
        ), "\(reply)")
    }
    // The room is still working: the next question is the one after the three answers.
    #expect(room.terminal.output.hasSuffix("[1/6 lock] acme-retail› "))
    let saved = try Self.saveCopy(room, into: copy)
    #expect(
      saved.contains(
        "kpi-align: Can't write \(sessions.path)/acme-retail.json: No space left on device. Every answer is in the copy at \(copy.path)/copy.json;"
      ), "\(saved)")
    #expect(try SavedSession(directory: copy, slug: "copy").answers == Array(lines[..<7]))
    // Nothing on the full disk changed, and no temporary file was left behind.
    #expect(Self.files(in: sessions) == before)

    // Room again: the next answer puts the three waiting ones on disk first, in order.
    disk.unfill()
    let recovered = try room.type(lines[7])
    #expect(
      recovered.contains(
        "kpi-align: \(sessions.path)/acme-retail.journal can be written again: the 3 earlier answers kept in memory are on disk now, with this one."
      ), "\(recovered)")

    // Full again with an answer only in memory: leaving is refused once, then allowed.
    try room.type("/save")
    disk.fill()
    try room.type(lines[8])
    room.terminal.send("/quit\r")
    try room.terminal.expect("/quit again leaves without them.", timeout: Facilitator.timeout)
    try room.waitForPrompt()
    #expect(room.terminal.output.contains("kpi-align: 1 answer is in memory only and would be lost"))
    #expect(try room.quit() == 4)

    disk.unfill()
    let reopened = try runScripted(["open", "acme-retail"], in: sessions)
    #expect(reopened.status == 0, "\(reopened.stderr)")
    #expect(reopened.stderr.isEmpty)
    #expect(try SavedSession(directory: sessions).answers == Array(lines[..<8]))
  }

  @Test(.enabled(if: Immutable.isPossible, "\(Immutable.whyNot)"))
  func aFolderTurnedReadOnlyKeepsAnswersInMemoryAndTheFilesAsTheyWere() throws {
    try withScratchDirectory { directory in
      let sessions = directory.appendingPathComponent("sessions")
      let lines = try workshopFixtureLines()
      let room = try Facilitator(["new", "Acme Retail"], in: sessions, environment: Self.noHistory)
      try room.waitForPrompt()
      try room.typeAll(lines[0..<3])
      let locked =
        [sessions] + ["json", "journal", "lock"].map { sessions.appendingPathComponent("acme-retail.\($0)") }
      for url in locked { try Immutable.set(url, true) }
      defer { for url in locked { try? Immutable.set(url, false) } }
      let before = Self.files(in: sessions)

      let reply = try room.type(lines[3])
      #expect(
        reply.contains(
          "kpi-align: Can't write \(sessions.path)/acme-retail.journal: Operation not permitted. 1 answer is kept in memory only"
        ), "\(reply)")
      try room.type(lines[4])
      try Self.saveCopy(room, into: directory)
      #expect(try SavedSession(directory: directory, slug: "copy").answers == Array(lines[..<5]))
      #expect(Self.files(in: sessions) == before)

      for url in locked { try Immutable.set(url, false) }
      let recovered = try room.type(lines[5])
      #expect(
        recovered.contains("the 2 earlier answers kept in memory are on disk now, with this one."),
        "\(recovered)")
      #expect(try room.quit() == 0)
      #expect(try SavedSession(directory: sessions).answers == Array(lines[..<6]))
    }
  }

  @Test(.enabled(if: ScratchMount.isPossible, "\(ScratchMount.whyNot)"))
  func aReadOnlyFolderIsRefusedToAScriptAndOpenedInMemoryForARoom() throws {
    let disk = try ScratchMount(size: "1m")
    defer { disk.remove() }
    let sessions = disk.directory
    let lines = try workshopFixtureLines()
    let created = try runScripted(
      ["new", "Acme Retail"], in: sessions, input: lines[0..<3].joined(separator: "\n") + "\n")
    #expect(created.status == 0, "\(created.stderr)")
    try disk.makeReadOnly()
    let before = Self.files(in: sessions)

    let scripted = try runScripted(["open", "acme-retail"], in: sessions, input: lines[3] + "\n")
    #expect(scripted.status == 4)
    #expect(
      scripted.stderr
        == "kpi-align: Can't open acme-retail: the folder \(sessions.path) can't be written (Read-only file system).\n"
    )
    let started = try runScripted(["new", "Other"], in: sessions)
    #expect(started.status == 4)
    #expect(started.stderr.contains("Can't start 'Other': the folder \(sessions.path) can't be written"))

    let copy = Binary.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: copy) }
    let room = try Facilitator(["open", "acme-retail"], in: sessions, environment: Self.noHistory)
    let opening = try room.waitForPrompt()
    #expect(
      opening.contains(
        "kpi-align: The folder \(sessions.path) can't be written (Read-only file system), so this workshop runs in memory only and writes nothing there. /save PATH writes the session elsewhere."
      ), "\(opening)")
    #expect(opening.contains("(3 answers so far"))
    let reply = try room.type(lines[3])
    #expect(
      reply.contains("1 answer is kept in memory only: /save PATH writes the session elsewhere."), "\(reply)")
    try Self.saveCopy(room, into: copy)
    #expect(try SavedSession(directory: copy, slug: "copy").answers == Array(lines[..<4]))
    // Everything is in the copy, so leaving needs no second /quit; the exit code says a file failed.
    #expect(try room.quit() == 4)
    #expect(Self.files(in: sessions) == before)
  }

  @Test func theSessionsFolderDeletedUnderTheWorkshopIsWrittenAgainOnceItIsBack() throws {
    try withScratchDirectory { directory in
      let sessions = directory.appendingPathComponent("sessions")
      let lines = try workshopFixtureLines()
      let room = try Facilitator(["new", "Acme Retail"], in: sessions, environment: Self.noHistory)
      try room.waitForPrompt()
      try room.typeAll(lines[0..<3])
      try FileManager.default.removeItem(at: sessions)

      let reply = try room.type(lines[3])
      #expect(
        reply.contains(
          "kpi-align: The sessions folder \(sessions.path) is gone (deleted, moved or unmounted?), so acme-retail.json can't be written. 1 answer is kept in memory only: kpi-align tries again with every answer"
        ), "\(reply)")
      #expect(
        !FileManager.default.fileExists(atPath: sessions.path), "kpi-align must not make the folder again")
      try Self.saveCopy(room, into: directory)

      try FileManager.default.createDirectory(at: sessions, withIntermediateDirectories: true)
      let back = try room.type(lines[4])
      #expect(
        back.contains(
          "kpi-align: \(sessions.path)/acme-retail.json was deleted while the workshop was open; it is written again from memory, with every answer."
        ), "\(back)")
      #expect(try SavedSession(directory: sessions).answers == Array(lines[..<5]))
      #expect(try room.quit() == 0)
      let reopened = try runScripted(["open", "acme-retail"], in: sessions)
      #expect(reopened.status == 0 && reopened.stderr.isEmpty, "\(reopened.stderr)")
      #expect(try SavedSession(directory: sessions).answers == Array(lines[..<5]))
    }
  }

  @Test func aTranscriptReplacedByAnotherProgramIsLeftAsItIs() throws {
    try withScratchDirectory { directory in
      let sessions = directory.appendingPathComponent("sessions")
      let lines = try workshopFixtureLines()
      let room = try Facilitator(["new", "Acme Retail"], in: sessions, environment: Self.noHistory)
      try room.waitForPrompt()
      try room.typeAll(lines[0..<3])
      // Someone restores another version over it (here: a valid transcript of one answer).
      let other = directory.appendingPathComponent("other")
      let older = try runScripted(["new", "Acme Retail"], in: other, input: lines[0] + "\n")
      #expect(older.status == 0)
      let transcript = sessions.appendingPathComponent("acme-retail.json")
      try FileManager.default.removeItem(at: transcript)
      try FileManager.default.copyItem(at: other.appendingPathComponent("acme-retail.json"), to: transcript)
      let before = Self.files(in: sessions)

      let reply = try room.type(lines[3])
      #expect(
        reply.contains(
          "kpi-align: \(transcript.path) was changed by another program while the workshop was open; kpi-align leaves it as it is and writes nothing more there. 1 answer is kept in memory only: /save PATH writes the session elsewhere."
        ), "\(reply)")
      try room.type(lines[4])
      let saved = try Self.saveCopy(room, into: directory)
      #expect(saved.contains("Every answer is in the copy at \(directory.path)/copy.json"), "\(saved)")
      try room.type(lines[5])
      room.terminal.send("/quit\r")
      try room.terminal.expect("/quit again leaves without them.", timeout: Facilitator.timeout)
      try room.waitForPrompt()
      #expect(try room.quit() == 4)
      #expect(Self.files(in: sessions) == before)
      #expect(try SavedSession(directory: directory, slug: "copy").answers == Array(lines[..<5]))
    }
  }

  @Test func aDeletedTranscriptOrJournalIsWrittenAgainFromMemory() throws {
    try withScratchDirectory { directory in
      let lines = try workshopFixtureLines()
      let room = try Facilitator(["new", "Acme Retail"], in: directory, environment: Self.noHistory)
      try room.waitForPrompt()
      try room.typeAll(lines[0..<3])
      let transcript = directory.appendingPathComponent("acme-retail.json")
      let journal = directory.appendingPathComponent("acme-retail.journal")

      try FileManager.default.removeItem(at: transcript)
      let rewritten = try room.type(lines[3])
      #expect(
        rewritten.contains(
          "kpi-align: \(transcript.path) was deleted while the workshop was open; it is written again from memory, with every answer."
        ), "\(rewritten)")
      #expect(try SavedSession(directory: directory).answers == Array(lines[..<4]))

      try room.type(lines[4])
      try FileManager.default.removeItem(at: journal)
      let restarted = try room.type(lines[5])
      #expect(
        restarted.contains(
          "kpi-align: \(journal.path) was deleted while the workshop was open; every answer is in \(transcript.path) now, and the journal starts again."
        ), "\(restarted)")
      try room.type(lines[6])
      // Killed now, the session still has everything: the transcript plus the new journal.
      room.terminal.signal(SIGKILL)
      _ = try room.terminal.waitForExit(timeout: Facilitator.timeout)
      let reopened = try runScripted(["open", "acme-retail"], in: directory)
      #expect(reopened.status == 0 && reopened.stderr.isEmpty, "\(reopened.stderr)")
      #expect(try SavedSession(directory: directory).answers == Array(lines[..<7]))
    }
  }
}

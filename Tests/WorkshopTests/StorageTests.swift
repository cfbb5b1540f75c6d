import Exports
import Foundation
import KPICascade
import Testing

@testable import Workshop

@Suite("Sessions on disk", .serialized)
struct StorageTests {
  let directory: URL
  let store: SessionStore

  init() {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kpi-align-store-\(UUID().uuidString)")
    store = SessionStore(directory: directory)
  }

  /// Types lines into an open session the way the shell does: journal each accepted exchange.
  private func type(_ lines: [String], into open: OpenSession) throws {
    var workshop = Workshop(session: open.session)
    var clock = Date(timeIntervalSince1970: 1_795_687_200)
    for line in lines {
      clock += 5
      let reply = workshop.handle(line, at: clock)
      if let exchange = reply.exchange { try open.record(exchange, in: workshop.session) }
    }
  }

  private func files() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
  }

  @Test func answersJournaledBeforeACrashAreRecoveredOnOpen() throws {
    let open = try store.create(name: "Acme Retail", at: Date())
    try type(["Revenue growth", ">= 20% YoY", "Dana Ruiz"], into: open)
    // No save and no close: the transcript still holds nothing, the journal holds three answers.
    let journal = try String(
      contentsOf: directory.appendingPathComponent("acme-retail.journal"), encoding: .utf8)
    #expect(journal.split(separator: "\n").count == 3)
    open.close()
    let reopened = try store.open("acme-retail")
    defer { reopened.close() }
    #expect(
      reopened.session.cascade.companyKPIs == [
        CompanyKPI(id: "c1", name: "Revenue growth", target: ">= 20% YoY", owner: "Dana Ruiz")
      ])
    // Opening folds the journal into the transcript and empties it.
    let folded = try String(
      contentsOf: directory.appendingPathComponent("acme-retail.journal"), encoding: .utf8)
    #expect(folded.isEmpty)
  }

  /// A save with nothing new (`/quit` right after opening) leaves the transcript file as it is;
  /// one after an answer writes it again, with the answer in it.
  @Test func aSaveWithNothingNewWritesNothing() throws {
    let created = try store.create(name: "Acme", at: Date())
    try type(["Revenue growth", ">= 20% YoY"], into: created)
    try created.save()
    created.close()
    let transcript = directory.appendingPathComponent("acme.json")
    let written = try #require(FileIdentity.of(path: transcript.path))

    let reopened = try store.open("acme")
    try reopened.save()
    #expect(FileIdentity.of(path: transcript.path) == written)
    try type(["Dana Ruiz"], into: reopened)
    try reopened.save()
    reopened.close()
    #expect(FileIdentity.of(path: transcript.path)?.inode != written.inode)
    #expect(try store.read("acme").cascade.companyKPIs.first?.owner == "Dana Ruiz")
  }

  @Test func aTornLastJournalLineIsDropped() throws {
    let open = try store.create(name: "Acme", at: Date())
    try type(["Revenue growth", ">= 20% YoY"], into: open)
    open.close()
    let handle = try FileHandle(forWritingTo: directory.appendingPathComponent("acme.journal"))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(#"{"answer":"Dana R"#.utf8))
    try handle.close()
    let session = try store.read("acme")
    #expect(session.cascade.companyKPIs.first?.target == ">= 20% YoY")
    #expect(session.cascade.companyKPIs.first?.owner == nil)
  }

  @Test func aSecondOpenIsRefusedUntilTheFirstCloses() throws {
    let first = try store.create(name: "Acme", at: Date())
    #expect(
      throws: ExitError(
        .sessionInUse, "Session 'acme' is open in another kpi-align (pid \(getpid())); close it there first.")
    ) {
      _ = try store.open("acme")
    }
    first.close()
    let second = try store.open("acme")
    second.close()
  }

  @Test func savingIsAtomicAndLeavesNoTemporaryFiles() throws {
    let open = try store.create(name: "Acme", at: Date())
    try type(["Revenue growth", ">= 20% YoY", "Dana Ruiz"], into: open)
    try open.save()
    open.close()
    #expect(files() == ["acme.journal", "acme.json", "acme.lock"])
    let data = try Data(contentsOf: directory.appendingPathComponent("acme.json"))
    guard case .transcript(let session) = try TranscriptCodec.decode(data, file: "acme.json") else {
      Issue.record("not read back as a transcript")
      return
    }
    #expect(session.exchanges.count == 3)
  }

  @Test func creatingAnExistingSessionIsRefused() throws {
    try store.create(name: "Acme", at: Date()).close()
    #expect(throws: ExitError(.usage, "A session 'acme' already exists; reopen it with: kpi-align open acme"))
    {
      try store.create(name: "ACME", at: Date())
    }
  }

  @Test func sessionsChangedAtTheSameSecondAreListedBySlugNewestFirstOtherwise() throws {
    let day = Date(timeIntervalSince1970: 1_795_687_200)
    for name in ["Zeta", "Alpha", "Mid"] { try store.create(name: name, at: day).close() }
    try store.create(name: "Later", at: day + 60).close()
    try "{".write(to: directory.appendingPathComponent("broken.json"), atomically: true, encoding: .utf8)
    let listed = store.summaries(at: day)
    #expect(listed.map(\.slug) == ["later", "alpha", "mid", "zeta", "broken"])
    #expect(listed.map { $0.damage != nil } == [false, false, false, false, true])
  }

  @Test func importCopiesUnderAFreeSlugAndNeverOverwrites() throws {
    let open = try store.create(name: "Acme", at: Date())
    try type(["Revenue growth", ">= 20% YoY", "Dana Ruiz"], into: open)
    try open.save()
    open.close()
    let copy = try store.importFile(directory.appendingPathComponent("acme.json").path, at: Date())
    #expect(copy.url.lastPathComponent == "acme-2.json")
    #expect(copy.session.cascade == (try store.read("acme")).cascade)
  }
}

@Suite("Reading files refuses bad input with the place named")
struct TranscriptValidationTests {
  /// A valid transcript of a short session, as JSON text to break in different ways.
  static func validTranscript() -> String {
    var room = Room()
    room.say(
      "Revenue growth", ">= 20% YoY", "Dana Ruiz", "", "yes", "Sales", "Sam Lee", "", "", "Closes deals")
    return String(decoding: TranscriptCodec.encode(room.session), as: UTF8.self)
  }

  static func problem(_ text: String) -> ExitError? {
    do {
      _ = try TranscriptCodec.decode(Data(text.utf8), file: "in.json")
      return nil
    } catch {
      return error
    }
  }

  @Test func theValidTranscriptReadsBack() {
    #expect(Self.problem(Self.validTranscript()) == nil)
  }

  @Test func truncatedJSON() throws {
    let text = Self.validTranscript()
    let error = try #require(Self.problem(String(text.prefix(text.count / 2))))
    // Where it ends: the path in the file, then the line and column.
    #expect(error.code == .badInput)
    #expect(error.message.hasPrefix("in.json: exchanges["), "\(error.message)")
    #expect(error.message.contains(": not valid JSON: the file ends inside"), "\(error.message)")
    #expect(error.message.contains("(truncated?) (line "), "\(error.message)")
  }

  @Test func wrongFormatTag() {
    let text = Self.validTranscript().replacingOccurrences(
      of: "\"kpi-align-transcript\"", with: "\"something-else\"")
    #expect(
      Self.problem(text)?.message.hasPrefix(#"in.json: format is "something-else", not a kpi-align"#) == true)
  }

  @Test func unsupportedVersion() {
    let text = Self.validTranscript().replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : 7")
    #expect(
      Self.problem(text)
        == ExitError(.badInput, "in.json: version: 7 is not supported; this kpi-align reads version 1."))
  }

  @Test func wrongTypeNamesThePath() {
    let text = Self.validTranscript().replacingOccurrences(
      of: "\"owner\" : \"Sam Lee\"", with: "\"owner\" : 42"
    )
    .replacingOccurrences(of: "\"head\" : \"Sam Lee\"", with: "\"head\" : 42")
    let message = Self.problem(text)?.message ?? ""
    #expect(message == "in.json: cascade.departments[0].head: expected text.")
  }

  @Test func aReferenceToAKPIThatDoesNotExist() {
    let text = Self.validTranscript().replacingOccurrences(of: "\"kpi\" : \"c1\"", with: "\"kpi\" : \"c9\"")
    let message = Self.problem(text)?.message ?? ""
    #expect(message == "in.json: exchanges[1].changes[0]: refers to KPI 'c9', which does not exist.")
  }

  @Test func duplicateIDs() {
    let text = Self.validTranscript().replacingOccurrences(of: "\"id\" : \"d1\"", with: "\"id\" : \"c1\"")
    let message = Self.problem(text)?.message ?? ""
    #expect(message.contains("id 'c1' is used twice"))
  }

  @Test func aSnapshotThatDisagreesWithTheReplay() {
    var text = Self.validTranscript()
    let last = text.range(of: "\"target\" : \">= 20% YoY\"", options: .backwards)!
    text.replaceSubrange(last, with: "\"target\" : \">= 30% YoY\"")
    let message = Self.problem(text)?.message ?? ""
    #expect(
      message
        == "in.json: cascade.companyKPIs[0].target: the snapshot does not match what the exchanges add up to."
    )
  }

  @Test func escapeSequencesInNames() {
    let text = Self.validTranscript().replacingOccurrences(of: "Sam Lee", with: "Sam \\u001b[2J Lee")
    let message = Self.problem(text)?.message ?? ""
    #expect(message.contains("contains a control character"))
  }

  @Test func notUTF8() {
    var data = Data(Self.validTranscript().utf8)
    data[10] = 0xFF
    #expect(throws: ExitError(.badInput, "in.json: not UTF-8 text, so not a kpi-align session file.")) {
      try TranscriptCodec.decode(data, file: "in.json")
    }
  }
}

@Suite("Replay refuses exchanges that could not have happened")
struct ReplayRulesTests {
  static let info = SessionInfo(name: "Acme", slug: "acme", created: Date(timeIntervalSince1970: 0))

  static func exchange(_ seq: Int, step: Int = 1, _ changes: [WorkshopEvent]) -> Exchange {
    Exchange(
      seq: seq, at: Date(timeIntervalSince1970: 0), step: step, question: "q", answer: "a", changes: changes)
  }

  static func problem(_ exchanges: [Exchange]) -> ReplayError? {
    do {
      _ = try Session(info: info, exchanges: exchanges)
      return nil
    } catch {
      return error
    }
  }

  @Test func anUndoOfAnExchangeThatDoesNotExist() {
    let added = Self.exchange(1, [.cascade(.companyKPIAdded(id: "c1", name: "Revenue"))])
    #expect(
      Self.problem([added, Self.exchange(2, [.undone(seq: 9)])])
        == ReplayError(
          path: "exchanges[1].changes[0]", problem: "undoes exchange 9, which is not an earlier answer"))
    #expect(Self.problem([added, Self.exchange(2, [.undone(seq: 1)])]) == nil)
  }

  @Test func sequenceNumbersAreOneTwoThree() {
    let first = Self.exchange(1, [.stepEntered(2)])
    #expect(
      Self.problem([first, Self.exchange(3, [.stepEntered(1)])])
        == ReplayError(
          path: "exchanges[1].seq", problem: "is 3; exchanges are numbered 1, 2, 3… so it must be 2"))
    #expect(Self.problem([first, Self.exchange(1, [])])?.path == "exchanges[1].seq")
    #expect(Self.problem([Self.exchange(Int.max, [])])?.path == "exchanges[0].seq")
    #expect(Self.problem([first, Self.exchange(2, [])]) == nil)
  }

  @Test func stepsAreOneToSix() {
    #expect(Self.problem([Self.exchange(1, step: 9, [])])?.path == "exchanges[0].step")
    #expect(
      Self.problem([Self.exchange(1, [.stepEntered(0)])])
        == ReplayError(path: "exchanges[0].changes[0]", problem: "step 0 is not 1–6"))
  }
}

@Suite("An imported cascade starts a session at step 6", .serialized)
struct CascadeImportTests {
  @Test func listsAreClosedTheImportCannotBeUndoneAndStatusSaysDone() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kpi-align-import-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let room = Room.complete()
    let document = CascadeJSON.render(
      workshop: "Acme Retail", cascade: room.cascade,
      findings: AlignmentReport(cascade: room.cascade).findings)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let file = directory.appendingPathComponent("export.json")
    try document.write(to: file, atomically: true, encoding: .utf8)
    let store = SessionStore(directory: directory.appendingPathComponent("sessions"))
    let imported = try store.importFile(file.path, at: Date())
    #expect(imported.session.cascade == room.cascade)
    var workshop = Workshop(session: imported.session)
    let agenda = workshop.agenda(at: Date())
    #expect(agenda.firstIncompleteStep == nil)
    #expect(workshop.step == .govern)
    #expect(workshop.handle("/undo", at: Date()).refusal == "Nothing to undo.")
    #expect(workshop.handle("/goto 1", at: Date()).refusal == nil)
    #expect(workshop.currentQuestion() == nil)
  }
}

@Suite("Opening a bad file changes nothing", .serialized)
struct OpenRefusalTests {
  @Test func aRefusedFileLeavesNoLockBehindAndAnIntactSessionIsNotRewritten() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kpi-align-open-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let bad = directory.appendingPathComponent("bad.json")
    try #"{"format": "kpi-align-transcript", "version": 1}"#.write(to: bad, atomically: true, encoding: .utf8)
    let store = SessionStore(directory: directory)
    #expect(throws: ExitError.self) { try store.open(bad.path) }
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("bad.lock").path))

    let open = try store.create(name: "Acme", at: Date())
    open.close()
    let file = directory.appendingPathComponent("acme.json")
    let before = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
    Thread.sleep(forTimeInterval: 1.1)
    try store.open("acme").close()
    let after = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
    #expect(before == after)
  }
}

import Foundation
import Testing

@testable import Workshop

#if canImport(Glibc)
  import Glibc
#endif

/// What `OpenSession` does when the disk fails it or another program changes its files: the
/// session in memory keeps every answer, answers that could not be written are written later in
/// order (so the journal never has a gap a reopen would refuse), and files another program put
/// there are never written over.
@Suite("Storage faults", .serialized)
struct StorageFaultEngineTests {
  let directory: URL
  let store: SessionStore

  init() {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kpi-align-faults-\(UUID().uuidString)")
    store = SessionStore(directory: directory)
  }

  static let answers = ["Revenue growth", ">= 20% YoY", "Dana Ruiz", "Gross margin", "42%", "Omar Haddad"]

  /// Types `lines`, journaling each accepted exchange; returns what each `record` said or threw.
  private func type(
    _ lines: ArraySlice<String>, into open: OpenSession, workshop: inout Workshop
  ) -> [Result<String?, ExitError>] {
    var results: [Result<String?, ExitError>] = []
    for line in lines {
      let reply = workshop.handle(line, at: Date(timeIntervalSince1970: 1_795_687_200))
      guard let exchange = reply.exchange else { continue }
      do {
        results.append(.success(try open.record(exchange, in: workshop.session)))
      } catch {
        results.append(.failure(error))
      }
    }
    return results
  }

  private func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

  @Test func answersThatCouldNotBeWrittenAreWrittenLaterInOrder() throws {
    let open = try store.create(name: "Acme", at: Date())
    var workshop = Workshop(session: open.session)
    _ = type(Self.answers[0..<2], into: open, workshop: &workshop)
    // The folder goes away (an unmounted stick): two answers can only be kept in memory.
    let aside = directory.deletingLastPathComponent().appendingPathComponent("aside-\(UUID().uuidString)")
    try FileManager.default.moveItem(at: directory, to: aside)
    let failed = type(Self.answers[2..<4], into: open, workshop: &workshop)
    #expect(
      failed.map { (try? $0.get()) == nil } == [true, true],
      "\(failed)")
    #expect(open.answersOnlyInMemory == 2)
    #expect(open.session.exchanges.count == 4)
    #expect(throws: ExitError.self) { try open.save() }

    // Back again: the next answer writes the two waiting ones first.
    try FileManager.default.moveItem(at: aside, to: directory)
    let back = type(Self.answers[4..<5], into: open, workshop: &workshop)
    #expect(
      try back.first?.get()
        == "\(url("acme.journal").path) can be written again: the 2 earlier answers kept in memory are on disk now, with this one."
    )
    #expect(open.answersOnlyInMemory == 0)
    open.close()
    let reopened = try store.read("acme")
    #expect(reopened.exchanges.map(\.answer) == Array(Self.answers[0..<5]))
    #expect(reopened.exchanges.map(\.seq) == [1, 2, 3, 4, 5])
  }

  @Test func aTranscriptReplacedByAnotherProgramIsNeverWrittenOver() throws {
    let open = try store.create(name: "Acme", at: Date())
    var workshop = Workshop(session: open.session)
    _ = type(Self.answers[0..<2], into: open, workshop: &workshop)
    let replacement = Data("{\"not\": \"ours\"}\n".utf8)
    try replacement.write(to: url("acme.json"))
    let journal = try Data(contentsOf: url("acme.journal"))

    let results = type(Self.answers[2..<4], into: open, workshop: &workshop)
    #expect(
      results.map { (try? $0.get()) == nil } == [true, true])
    #expect(open.detachment?.hasPrefix("\(url("acme.json").path) was changed by another program") == true)
    #expect(!open.retriesWrites)
    #expect(throws: ExitError.self) { try open.save() }
    #expect(try Data(contentsOf: url("acme.json")) == replacement)
    #expect(try Data(contentsOf: url("acme.journal")) == journal)

    let copy = directory.appendingPathComponent("copy.json")
    try open.saveCopy(to: copy.path)
    #expect(open.answersOnlyInMemory == 0)
    #expect(open.copyPath == copy.path)
    guard case .transcript(let saved) = try TranscriptCodec.read(copy.path) else {
      Issue.record("the copy is not a transcript")
      return
    }
    #expect(saved.exchanges.map(\.answer) == Array(Self.answers[0..<4]))
    open.close()
  }

  @Test func aDeletedJournalStartsAgainAfterTheTranscriptTakesEverything() throws {
    let open = try store.create(name: "Acme", at: Date())
    var workshop = Workshop(session: open.session)
    _ = type(Self.answers[0..<2], into: open, workshop: &workshop)
    try FileManager.default.removeItem(at: url("acme.journal"))
    let results = type(Self.answers[2..<3], into: open, workshop: &workshop)
    #expect(
      try results.first?.get()?.contains("acme.journal was deleted while the workshop was open") == true)
    _ = type(Self.answers[3..<4], into: open, workshop: &workshop)
    // No save since: the transcript has three answers and the new journal the fourth.
    let journal = try String(contentsOf: url("acme.journal"), encoding: .utf8)
    #expect(journal.split(separator: "\n").count == 1)
    open.close()
    #expect(try store.read("acme").exchanges.map(\.answer) == Array(Self.answers[0..<4]))
  }

  @Test func aHalfWrittenJournalLineIsCutBeforeTheNextAppend() throws {
    let open = try store.create(name: "Acme", at: Date())
    var workshop = Workshop(session: open.session)
    _ = type(Self.answers[0..<2], into: open, workshop: &workshop)
    // What a write cut short by a full disk leaves when cutting it back failed too.
    let handle = try FileHandle(forWritingTo: url("acme.journal"))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(#"{"answer":"Dana R"#.utf8))
    try handle.close()
    _ = type(Self.answers[2..<4], into: open, workshop: &workshop)
    open.close()
    #expect(try store.read("acme").exchanges.map(\.answer) == Array(Self.answers[0..<4]))
  }

  @Test func creatingNeverWritesOverASessionThatAppearedMeanwhile() throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let existing = Data("someone else's\n".utf8)
    #expect(try AtomicFile.create(url("acme.json"), with: Data("mine\n".utf8)))
    #expect(try !AtomicFile.create(url("acme.json"), with: existing))
    #expect(try Data(contentsOf: url("acme.json")) == Data("mine\n".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["acme.json"])
  }

  @Test func aReadOnlyFolderOpensInMemoryOnlyWhenAskedTo() throws {
    let open = try store.create(name: "Acme", at: Date())
    var workshop = Workshop(session: open.session)
    _ = type(Self.answers[0..<2], into: open, workshop: &workshop)
    try open.save()
    open.close()
    let memoryOnly = OpenSession(
      url: url("acme.json"), session: try store.read("acme"), memoryOnlyBecause: "The folder is read-only.")
    var again = Workshop(session: memoryOnly.session)
    let before = try Data(contentsOf: url("acme.json"))
    let results = type(Self.answers[2..<3], into: memoryOnly, workshop: &again)
    #expect(results.map { (try? $0.get()) == nil } == [true])
    #expect(memoryOnly.answersOnlyInMemory == 1)
    #expect(memoryOnly.session.exchanges.count == 3)
    #expect(try Data(contentsOf: url("acme.json")) == before)
    memoryOnly.close()
  }
}

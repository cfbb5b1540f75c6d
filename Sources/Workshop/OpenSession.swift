import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A session open for the workshop: locked against other processes, journaling every
/// accepted exchange to disk before the next prompt.
///
/// A storage fault never costs the room an answer: the session in memory is always the one on
/// screen. When the disk refuses a write (full, read-only, the folder gone) the answers wait in
/// memory and every later answer tries again, oldest first, so the journal never has a gap. When
/// another program replaced the session's files, they are left exactly as they are and the
/// session lives in memory only from then on; `/save PATH` writes it elsewhere either way.
public final class OpenSession {
  public let url: URL
  public private(set) var session: Session
  private let lock: SessionLock?
  private var journal: Journal?
  /// The transcript as this process last read or wrote it.
  private var transcript: FileIdentity?
  /// The last exchange that is on disk where the session lives, in the transcript or journal.
  private var storedSeq: Int
  /// The last exchange in a copy written by `/save PATH`.
  private var copiedSeq = 0
  /// Why the session's own files are no longer written, once that is so for good.
  public private(set) var detachment: String?
  /// The exchange count of the session the transcript holds whole, with the journal beside it
  /// empty; `nil` when that is not known. A save of that same session writes nothing (`/quit`
  /// after reading: encoding and three `fsync`s were a quarter of opening a small session).
  private var transcriptHolds: Int?

  init(url: URL, session: Session, lock: SessionLock) throws(ExitError) {
    self.url = url
    self.session = session
    self.lock = lock
    storedSeq = session.exchanges.last?.seq ?? 0
    transcript = FileIdentity.of(path: url.path)
    let journalPath = sidecar(url, "journal")
    if FileIdentity.of(path: journalPath)?.size ?? 0 == 0 { transcriptHolds = session.exchanges.count }
    journal = try Journal(path: journalPath)
  }

  convenience init(url: URL, session: Session, lockName: String) throws(ExitError) {
    let lock = try SessionLock(path: sidecar(url, "lock"), sessionName: lockName)
    try self.init(url: url, session: session, lock: lock)
  }

  /// A session that can't be written where it lives (a read-only folder): the room works in
  /// memory and `/save PATH` keeps the result.
  init(url: URL, session: Session, memoryOnlyBecause reason: String) {
    self.url = url
    self.session = session
    lock = nil
    journal = nil
    storedSeq = session.exchanges.last?.seq ?? 0
    transcript = FileIdentity.of(path: url.path)
    detachment = reason
  }

  /// How many accepted answers are nowhere on disk: neither where the session lives nor in a
  /// copy written by `/save PATH`.
  public var answersOnlyInMemory: Int {
    max(0, (session.exchanges.last?.seq ?? 0) - max(storedSeq, copiedSeq))
  }

  /// How many accepted answers are not yet where the session lives (they may be in a copy).
  public var answersNotStored: Int { max(0, lastSeq - storedSeq) }

  /// Where `/save PATH` last wrote a copy, if it did.
  public private(set) var copyPath: String?

  /// Where the answers are now, for the words after a failed write and before leaving.
  public var safety: AnswerSafety {
    AnswerSafety(
      onlyInMemory: answersOnlyInMemory, notStored: answersNotStored, copyPath: copyPath,
      retriesWrites: retriesWrites)
  }

  /// Whether a failed write is tried again with the next answer (not once the files were
  /// replaced by another program, or the folder was read-only from the start).
  public var retriesWrites: Bool { detachment == nil }

  /// Keeps `session` (which ends with `exchange`) and journals every answer not yet on disk;
  /// returns only once they are there. Throws when they could not be written: the session in
  /// memory holds them all the same. Returns a notice for the room when something on disk had
  /// changed or a fault has cleared.
  @discardableResult
  public func record(_ exchange: Exchange, in session: Session) throws(ExitError) -> String? {
    self.session = session
    return try store()
  }

  /// Keeps the latest session in memory without writing (for changes already journaled).
  public func update(_ session: Session) {
    self.session = session
  }

  /// Rewrites the transcript atomically and empties the journal it now contains; writes
  /// nothing when the transcript, unchanged on disk, already holds the whole session.
  public func save() throws(ExitError) {
    if let detachment { throw .io(detachment) }
    let state = try checkTranscript()
    if state == .replaced, let detachment { throw .io(detachment) }
    if state == .intact, transcriptHolds == session.exchanges.count, storedSeq == lastSeq,
      journal?.isStillAtItsPath == true
    {
      return
    }
    try rewrite()
  }

  /// Writes a copy of the transcript elsewhere (`/save PATH`).
  public func saveCopy(to path: String, replacing: Bool = false) throws(ExitError) {
    try OutputFile.write(TranscriptCodec.encode(session), to: path, replacing: replacing)
    copiedSeq = session.exchanges.last?.seq ?? 0
    copyPath = path
  }

  /// Releases the lock; the session can be opened elsewhere afterwards.
  public func close() {
    journal?.close()
    lock?.release()
  }

  /// Writes the first transcript of a new session, never over a file that is already there.
  func createTranscript() throws(ExitError) {
    let data = TranscriptCodec.encode(session)
    guard try AtomicFile.create(url, with: data) else {
      let slug = url.deletingPathExtension().lastPathComponent
      throw .usage("A session '\(slug)' already exists; reopen it with: kpi-align open \(slug)")
    }
    transcript = FileIdentity.of(path: url.path)
    storedSeq = session.exchanges.last?.seq ?? 0
  }

  // MARK: - Writing

  private var lastSeq: Int { session.exchanges.last?.seq ?? 0 }

  /// Puts every answer after `storedSeq` on disk, journaling them, or rewriting the transcript
  /// when one of the session's files was deleted.
  private func store() throws(ExitError) -> String? {
    let waiting = lastSeq - storedSeq
    guard waiting > 0 else { return nil }
    if let detachment { throw .io(detachment) }
    var notice: String?
    switch try checkTranscript() {
    case .replaced:
      throw .io(detachment ?? "")
    case .deleted:
      try rewrite()
      return
        "\(url.path) was deleted while the workshop was open; it is written again from memory, with every answer."
    case .intact:
      break
    }
    guard let journal, journal.isStillAtItsPath else {
      let path = sidecar(url, "journal")
      if FileIdentity.of(path: path) != nil, journal != nil {
        detachment =
          "\(path) was replaced by another program while the workshop was open; kpi-align leaves it, and \(url.lastPathComponent) beside it, as they are."
        throw .io(detachment ?? "")
      }
      try rewrite()
      return
        "\(path) was deleted while the workshop was open; every answer is in \(url.path) now, and the journal starts again."
    }
    transcriptHolds = nil
    try journal.append(session.exchanges[storedSeq...])
    storedSeq = lastSeq
    if waiting > 1 {
      notice =
        "\(journal.path) can be written again: the \(waiting - 1) earlier answer\(waiting == 2 ? "" : "s") kept in memory \(waiting == 2 ? "is" : "are") on disk now, with this one."
    }
    return notice
  }

  /// Writes the whole session over the transcript and starts an empty journal beside it.
  private func rewrite() throws(ExitError) {
    transcriptHolds = nil
    transcript = try AtomicFile.replace(url, with: TranscriptCodec.encode(session))
    storedSeq = lastSeq
    if journal == nil || journal?.isStillAtItsPath == false {
      journal?.close()
      journal = nil
      journal = try Journal(path: sidecar(url, "journal"))
    }
    // A journal that can't be emptied is harmless: the transcript now holds every answer in it.
    guard (try? journal?.clear()) != nil else { return }
    transcriptHolds = session.exchanges.count
  }

  private enum TranscriptState { case intact, deleted, replaced }

  /// Whether the transcript is still the file this process last read or wrote. A replaced one
  /// detaches the session; a missing folder is a fault that may clear (a remount).
  private func checkTranscript() throws(ExitError) -> TranscriptState {
    guard let now = FileIdentity.of(path: url.path) else {
      let code = errno
      let reason = AtomicFile.lastError()
      let folder = url.deletingLastPathComponent().path
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue
      else {
        throw .io(
          "The sessions folder \(folder) is gone (deleted, moved or unmounted?), so \(url.lastPathComponent) can't be written."
        )
      }
      if code == ENOENT { return .deleted }
      throw .io("Can't check \(url.path): \(reason)")
    }
    if let transcript, now != transcript {
      detachment =
        "\(url.path) was changed by another program while the workshop was open; kpi-align leaves it as it is and writes nothing more there."
      return .replaced
    }
    return .intact
  }
}

import Exports
import Foundation
import KPICascade

#if canImport(Glibc)
  import Glibc
#endif

/// The sessions folder: `<slug>.json` transcripts, with a journal and a lock beside each
/// open one.
public struct SessionStore: Sendable {
  public let directory: URL

  public init(directory: URL) {
    self.directory = directory
  }

  /// One line of `kpi-align list`.
  public struct Summary: Sendable {
    public var name: String
    public var slug: String
    /// The step reached: the first with an open question.
    public var step: Int
    /// Whether every step is complete.
    public var isComplete: Bool
    public var updated: Date?
    public var openFindings: Int
    /// Why the session can't be read (a damaged file, a link in a session file's place), or
    /// `nil` when it can; a damaged session is listed, not hidden.
    public var damage: String?
  }

  func transcriptURL(slug: String) -> URL { directory.appendingPathComponent("\(slug).json") }

  /// Every session in the folder: the readable ones newest change first, then the damaged ones
  /// by slug, each with the reason it can't be read. `date` is today for each session's agenda.
  public func summaries(at date: Date = Date()) -> [Summary] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    var result: [Summary] = []
    var damaged: [Summary] = []
    for file in names where file.hasSuffix(".json") && !file.hasPrefix(".") {
      let slug = String(file.dropLast(5))
      guard Slug.isValid(slug) else { continue }
      let session: Session
      do { session = try read(slug: slug) } catch {
        damaged.append(
          Summary(
            name: "", slug: slug, step: 0, isComplete: false, updated: nil, openFindings: 0,
            damage: error.message))
        continue
      }
      let agenda = Agenda(cascade: session.cascade, progress: session.progress, today: date)
      result.append(
        Summary(
          name: session.info.name, slug: slug, step: agenda.reachedStep.rawValue,
          isComplete: agenda.firstIncompleteStep == nil,
          updated: session.exchanges.last?.at ?? session.info.created,
          openFindings: AlignmentReport(cascade: session.cascade).open.count, damage: nil))
    }
    // Newest first; sessions changed at the same second by slug, so the order never depends on
    // the order the file system lists them in.
    return result.sorted {
      ($0.updated ?? .distantPast, $1.slug) > ($1.updated ?? .distantPast, $0.slug)
    } + damaged.sorted { $0.slug < $1.slug }
  }

  /// Starts a new session named `name`. In a folder kpi-align can't write, `memoryOnly`
  /// (a person at the keyboard) runs it in memory, to be kept with `/save PATH`; otherwise the
  /// folder is refused.
  public func create(name: String, at date: Date, memoryOnly: Bool = false) throws(ExitError) -> OpenSession {
    let slug = try Slug.make(from: name)
    let url = transcriptURL(slug: slug)
    // Before anything is made: a link left in the place of one of the session's files is
    // refused, not followed to create the file it points to.
    try ConfinedFile.checkSession(at: url)
    if FileManager.default.fileExists(atPath: url.path) {
      throw .usage("A session '\(slug)' already exists; reopen it with: kpi-align open \(slug)")
    }
    let info = SessionInfo(name: name.trimmed, slug: slug, created: date.wholeSeconds)
    if let reason = unwritableFolder(creating: true) {
      guard memoryOnly else { throw .io("Can't start '\(DisplayText.safe(name.trimmed))': \(reason)") }
      return OpenSession(url: url, session: Session(info: info), memoryOnlyBecause: Self.memoryOnly(reason))
    }
    let open = try OpenSession(url: url, session: Session(info: info), lockName: name.trimmed)
    do {
      // Under the lock, and never over a file: a session created or imported meanwhile stays.
      try open.createTranscript()
    } catch {
      open.close()
      throw error
    }
    return open
  }

  /// Opens a session by name, slug or path, recovering answers journaled before a crash. In a
  /// folder kpi-align can't write, `memoryOnly` opens it in memory; otherwise it is refused.
  public func open(_ nameOrPath: String, memoryOnly: Bool = false) throws(ExitError) -> OpenSession {
    let url = try locate(nameOrPath)
    let slug = url.deletingPathExtension().lastPathComponent
    // One lock per session: a transcript reached through a link, or with a second name, would
    // be locked beside that other name as well, and two rooms would write two histories.
    try ConfinedFile.checkSession(at: url)
    let folder = SessionStore(directory: url.deletingLastPathComponent())
    if let reason = folder.unwritableFolder(creating: false) {
      guard memoryOnly else { throw .io("Can't open \(slug): \(reason)") }
      return OpenSession(
        url: url, session: try readRecovering(url: url).session, memoryOnlyBecause: Self.memoryOnly(reason))
    }
    let lockPath = sidecar(url, "lock")
    let hadLockFile = FileManager.default.fileExists(atPath: lockPath)
    let lock = try SessionLock(path: lockPath, sessionName: slug)
    let session: Session
    let recovered: Int
    do {
      (session, recovered) = try readRecovering(url: url)
    } catch {
      // A refused file leaves nothing behind, not even the lock made to read it.
      lock.release()
      if !hadLockFile { unlink(lockPath) }
      throw error
    }
    let open = try OpenSession(url: url, session: session, lock: lock)
    // Fold recovered answers into the transcript now; an intact session is not rewritten. On a
    // full disk they stay in the journal, where the next open finds them again.
    if recovered > 0 { try? open.save() }
    return open
  }

  /// Why kpi-align can't write in the folder (read-only, not allowed), or nil when it can.
  /// `creating` makes a missing folder first.
  func unwritableFolder(creating: Bool) -> String? {
    if creating {
      do throws(ExitError) { try ensureDirectory() } catch { return error.message }
    }
    guard access(directory.path, W_OK) != 0 else { return nil }
    let code = errno
    guard code == EROFS || code == EACCES || code == EPERM else { return nil }
    return "the folder \(directory.path) can't be written (\(String(cString: strerror(code))))."
  }

  private static func memoryOnly(_ reason: String) -> String {
    let sentence = reason.hasSuffix(".") ? reason.dropLast() : Substring(reason)
    let folder = sentence.prefix(1).uppercased() + sentence.dropFirst()
    return "\(folder), so this workshop runs in memory only and writes nothing there."
  }

  /// Reads a session (transcript plus journal) without locking or changing anything.
  public func read(_ nameOrPath: String) throws(ExitError) -> Session {
    try read(url: try locate(nameOrPath))
  }

  func read(slug: String) throws(ExitError) -> Session {
    try read(url: transcriptURL(slug: slug))
  }

  func read(url: URL) throws(ExitError) -> Session {
    try readRecovering(url: url).session
  }

  /// The session, and how many answers came from the journal (a crash's leftovers).
  private func readRecovering(url: URL) throws(ExitError) -> (session: Session, recovered: Int) {
    guard case .transcript(var session) = try TranscriptCodec.read(url.path) else {
      throw .badInput(
        "\(url.path): an exported cascade, not a session; bring it in with: kpi-align import \(url.path)")
    }
    let journalPath = sidecar(url, "journal")
    let last = session.exchanges.last?.seq ?? 0
    var recovered = 0
    for exchange in try Journal.read(path: journalPath, decoder: TranscriptCodec.decoder)
    where exchange.seq > last {
      if let problem = CascadeAudit.unsafeText(in: exchange) {
        throw .badInput("\(journalPath): answer \(exchange.seq): \(problem)")
      }
      do {
        try session.record(exchange)
        recovered += 1
      } catch {
        throw .badInput("\(journalPath): answer \(exchange.seq): \(error.problem)")
      }
    }
    if recovered > 0, let problem = CascadeAudit.unsafeText(in: session.cascade, prefix: "cascade") {
      throw .badInput("\(journalPath): the answers in it leave \(problem)")
    }
    return (session, recovered)
  }

  /// Copies a transcript or exported cascade into the folder under a free slug.
  public func importFile(_ path: String, at date: Date) throws(ExitError) -> (session: Session, url: URL) {
    let session = try Self.session(importing: TranscriptCodec.read(path), from: path, at: date)
    try ensureDirectory()
    // Claim the first free slug with a file that can't replace another: two imports at once
    // get two sessions, and a session created meanwhile is never overwritten.
    var slug = session.info.slug
    var suffix = 2
    while true {
      var info = session.info
      info.slug = slug
      let renamed = Session(info: info, sameAs: session)
      let url = transcriptURL(slug: slug)
      if !FileManager.default.fileExists(atPath: url.path),
        try AtomicFile.create(url, with: TranscriptCodec.encode(renamed))
      {
        return (renamed, url)
      }
      slug = "\(session.info.slug.prefix(Slug.maximumLength - 4))-\(suffix)"
      suffix += 1
    }
  }

  /// The session a file read by `TranscriptCodec` becomes when imported: a transcript as it
  /// is; an exported cascade as one exchange that restores it, with its lists closed, at step 6.
  /// No files are touched, so the fuzz target runs the importer's own code on every input.
  static func session(
    importing contents: TranscriptCodec.Contents, from path: String, at date: Date
  ) throws(ExitError) -> Session {
    switch contents {
    case .transcript(let session):
      return session
    case .cascade(let document):
      let slug = try Slug.make(from: document.workshop)
      var fresh = Session(info: SessionInfo(name: document.workshop, slug: slug, created: date.wholeSeconds))
      // The exported cascade was agreed: its lists are complete, and the room resumes at step 6.
      let cascade = document.cascade
      let kpiLists =
        cascade.contributions.filter { $0.text != nil }.map {
          WorkshopEvent.listClosed(Agenda.kpiList(companyKPI: $0.companyKPI, department: $0.department))
        }
        + cascade.departmentKPIs.map { WorkshopEvent.listClosed(Agenda.individualList(parent: $0.id)) }
      let exchange = Exchange(
        seq: 1, at: date.wholeSeconds, step: 6, question: "(import)",
        answer: "import \(URL(fileURLWithPath: path).lastPathComponent)",
        changes: [
          .cascade(.restored(cascade: cascade)), .listClosed(Agenda.companyKPIList),
          .listClosed(Agenda.departmentList),
        ]
          + kpiLists + [.stepEntered(6)])
      do { try fresh.record(exchange) } catch { throw .badInput("\(path): \(error.problem)") }
      return fresh
    }
  }

  /// Where a name, slug or path points.
  func locate(_ nameOrPath: String) throws(ExitError) -> URL {
    if nameOrPath.contains("/") || nameOrPath.hasSuffix(".json") {
      let url = URL(fileURLWithPath: nameOrPath)
      guard FileManager.default.fileExists(atPath: url.path) else {
        throw .usage("\(nameOrPath): no such file.")
      }
      return url
    }
    let slug = try Slug.make(from: nameOrPath)
    let url = transcriptURL(slug: slug)
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw .usage(
        "No session '\(DisplayText.safe(nameOrPath))' in \(directory.path). kpi-align list shows them; kpi-align new NAME starts one."
      )
    }
    return url
  }

  private func ensureDirectory() throws(ExitError) {
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw .io("Can't create the sessions folder \(directory.path): \(error.localizedDescription)")
    }
  }
}

/// `<dir>/<slug>.json` → `<dir>/<slug>.<kind>`.
func sidecar(_ url: URL, _ kind: String) -> String {
  url.deletingPathExtension().appendingPathExtension(kind).path
}

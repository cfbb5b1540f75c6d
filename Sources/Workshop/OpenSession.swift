import Foundation

/// A session open for the workshop: locked against other processes, journaling every
/// accepted exchange to disk before the next prompt.
public final class OpenSession {
  public let url: URL
  public private(set) var session: Session
  private let lock: SessionLock
  private let journal: Journal

  init(url: URL, session: Session, lock: SessionLock) throws(ExitError) {
    self.url = url
    self.session = session
    self.lock = lock
    journal = try Journal(path: sidecar(url, "journal"))
  }

  convenience init(url: URL, session: Session, lockName: String) throws(ExitError) {
    let lock = try SessionLock(path: sidecar(url, "lock"), sessionName: lockName)
    try self.init(url: url, session: session, lock: lock)
  }

  /// Journals an accepted exchange; returns only once it is on disk.
  public func record(_ exchange: Exchange, in session: Session) throws(ExitError) {
    try journal.append(exchange)
    self.session = session
  }

  /// Keeps the latest session in memory without writing (for changes already journaled).
  public func update(_ session: Session) {
    self.session = session
  }

  /// Rewrites the transcript atomically and empties the journal it now contains.
  public func save() throws(ExitError) {
    try AtomicFile.write(TranscriptCodec.encode(session), to: url)
    try journal.clear()
  }

  /// Writes a copy of the transcript elsewhere (`/save PATH`).
  public func saveCopy(to path: String) throws(ExitError) {
    try AtomicFile.write(TranscriptCodec.encode(session), to: URL(fileURLWithPath: path))
  }

  /// Releases the lock; the session can be opened elsewhere afterwards.
  public func close() {
    journal.close()
    lock.release()
  }
}

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Opens the files kpi-align keeps beside a transcript (the lock, the journal, the transcript
/// it is about to write) so that none of them can lead outside their folder.
///
/// A sessions folder may be shared (a team drive, a synced folder): whoever can write there could
/// leave `acme.lock` as a link to someone's file, and a plain `open` would truncate that file.
/// So the last part of the path is never followed (`O_NOFOLLOW`), the file must be a plain file,
/// and it must have no second name (a hard link elsewhere would be written through too). Each
/// refusal names the file and says what to do; nothing is created or truncated before the
/// checks pass, since `O_CREAT` with `O_NOFOLLOW` refuses even a dangling link.
enum ConfinedFile {
  /// A descriptor for `path` opened with `flags` (`O_NOFOLLOW` and `O_CLOEXEC` are added).
  /// `role` names the file in messages ("the session's journal").
  static func open(_ path: String, _ flags: Int32, role: String) throws(ExitError) -> Int32 {
    guard let fd = try openIfPresent(path, flags, role: role) else {
      throw .io("Can't open \(role) \(path): \(String(cString: strerror(ENOENT)))")
    }
    return fd
  }

  /// `open`, or `nil` when there is no file at `path` (and `flags` do not create one).
  static func openIfPresent(_ path: String, _ flags: Int32, role: String) throws(ExitError) -> Int32? {
    // O_NONBLOCK: a FIFO left in the file's place must not hang the workshop in `open`.
    let fd = Glibc.open(path, flags | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0o644)
    guard fd >= 0 else {
      let code = errno
      if code == ENOENT { return nil }
      if code == ELOOP || code == EMLINK { throw refusal(path, role: role, because: .link) }
      throw .io("Can't open \(role) \(path): \(String(cString: strerror(code)))")
    }
    var status = stat()
    guard fstat(fd, &status) == 0 else {
      let reason = AtomicFile.lastError()
      close(fd)
      throw .io("Can't open \(role) \(path): \(reason)")
    }
    if let problem = problem(with: status) {
      close(fd)
      throw refusal(path, role: role, because: problem)
    }
    // Back to blocking writes and reads, now that it is known to be a plain file.
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    return fd
  }

  /// Why the file `status` describes must not be written in place, or `nil` when it may.
  enum Problem: Equatable {
    case link
    case notPlain
    case otherNames(Int)
  }

  static func problem(with status: stat) -> Problem? {
    if status.st_mode & S_IFMT != S_IFREG { return .notPlain }
    if status.st_nlink > 1 { return .otherNames(Int(status.st_nlink)) }
    return nil
  }

  /// What is at `path` itself (a link is not followed), when it is something kpi-align must not
  /// write through: a link, something other than a plain file, or a file with other names.
  static func problem(at path: String) -> Problem? {
    var status = stat()
    guard lstat(path, &status) == 0 else { return nil }
    if status.st_mode & S_IFMT == S_IFLNK { return .link }
    return problem(with: status)
  }

  /// The message for a file kpi-align refuses to use, exit 4.
  static func refusal(_ path: String, role: String, because problem: Problem) -> ExitError {
    let shown = DisplayText.safe(path)
    switch problem {
    case .link:
      let target = destination(of: path).map { " (to \(DisplayText.safe($0)))" } ?? ""
      return .io(
        "\(shown), \(role), is a symbolic link\(target); kpi-align does not use a session's files through a link, and leaves it as it is. Remove the link, or open the session where its files really are."
      )
    case .notPlain:
      return .io(
        "\(shown), \(role), is not a plain file; kpi-align leaves it as it is. Remove it or move it away.")
    case .otherNames(let count):
      return .io(
        "\(shown), \(role), has \(count) names (hard links), so the session could be opened and written under another name at the same time; kpi-align leaves it as it is. Remove the other names, or put a copy (cp) in its place."
      )
    }
  }

  /// Refuses a session whose transcript, journal or lock is a link, not a plain file, or a file
  /// with other names: checked before anything is created, locked or read, so a refused
  /// session leaves every file as it was. A missing file is fine (it will be made here).
  static func checkSession(at url: URL) throws(ExitError) {
    for (path, role) in [
      (url.path, "the session's transcript"), (sidecar(url, "journal"), "the session's journal"),
      (sidecar(url, "lock"), "the session's lock"),
    ] {
      if let problem = problem(at: path) { throw refusal(path, role: role, because: problem) }
    }
  }

  /// Where a symbolic link points, as written in it.
  private static func destination(of path: String) -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = readlink(path, &buffer, buffer.count - 1)
    guard count >= 0 else { return nil }
    return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Every byte of a file open as `fd`, read through the descriptor, so what is read is the
  /// file that was checked; a file that grows past `limit` while it is read is refused too.
  static func readAll(
    _ fd: Int32, path: String, limit: Int, tooLarge: (Int) -> String
  ) throws(ExitError) -> Data {
    var status = stat()
    let expected = fstat(fd, &status) == 0 ? max(0, Int(status.st_size)) : 0
    // Read straight into the buffer that is returned: room for the size the file has, and one
    // byte more to see that it ended there (a file still growing gets more room).
    var data = Data(count: min(expected, limit) + 1)
    var filled = 0
    while true {
      if filled == data.count { data.count = min(max(2 * data.count, 1 << 16), limit + 1) }
      let count = data.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
      if count < 0 {
        if errno == EINTR { continue }
        throw .io("\(DisplayText.safe(path)): can't read it (\(AtomicFile.lastError())).")
      }
      if count == 0 { break }
      filled += count
      guard filled <= limit else { throw .badInput(tooLarge(filled)) }
    }
    data.count = filled
    return data
  }

}

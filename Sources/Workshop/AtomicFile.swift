import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a whole file so that readers see the old bytes or the new ones, never a mix:
/// a temporary file beside the target, flushed, then renamed over it.
public enum AtomicFile {
  public static func write(_ data: Data, to url: URL) throws(ExitError) {
    _ = try replace(url, with: data)
  }

  /// Writes `data` over `url` atomically; returns the identity of the file now there, so a later
  /// save can tell whether another program replaced it meanwhile.
  @discardableResult
  static func replace(_ url: URL, with data: Data) throws(ExitError) -> FileIdentity? {
    let (temporary, identity) = try writeTemporary(data, beside: url)
    guard rename(temporary.path, url.path) == 0 else {
      let reason = lastError()
      unlink(temporary.path)
      throw .io("Can't write \(url.path): \(reason)")
    }
    syncDirectory(of: url)
    return identity
  }

  /// Writes `data` to `url` only if nothing is there yet, atomically: of two processes creating
  /// the same file at once, exactly one succeeds and the other gets `false`, and no reader ever
  /// sees a partly written file.
  static func create(_ url: URL, with data: Data) throws(ExitError) -> Bool {
    let (temporary, _) = try writeTemporary(data, beside: url)
    defer { unlink(temporary.path) }
    // Renamed into place only where nothing is: the new file never has a second name, even
    // for a moment (a session with two names is refused as a hard link). Where the file system
    // can't rename that way, `link` does the same with the temporary name beside it until the
    // `unlink` above.
    var placed = renameWithoutReplacing(temporary.path, url.path)
    if placed != 0, errno == EINVAL || errno == ENOSYS { placed = link(temporary.path, url.path) }
    guard placed == 0 else {
      if errno == EEXIST { return false }
      throw .io("Can't write \(url.path): \(lastError())")
    }
    syncDirectory(of: url)
    return true
  }

  private typealias RenameAt2 =
    @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

  /// glibc's `renameat2`, which Swift's Glibc module does not declare; `nil` without it.
  private static let renameAt2: RenameAt2? = dlsym(dlopen(nil, RTLD_NOW), "renameat2").map {
    unsafeBitCast($0, to: RenameAt2.self)
  }

  /// `rename(from, to)` that fails with `EEXIST` instead of replacing a file at `to`
  /// (`RENAME_NOREPLACE`); `ENOSYS` where the C library has no `renameat2`.
  private static func renameWithoutReplacing(_ from: String, _ to: String) -> Int32 {
    guard let renameAt2 else {
      errno = ENOSYS
      return -1
    }
    let noReplace: UInt32 = 1
    return renameAt2(AT_FDCWD, from, AT_FDCWD, to, noReplace)
  }

  /// A flushed temporary file beside `url`, new and under a name nobody can guess: made with
  /// `O_EXCL`, it is never a file (or a link to one) that someone put there beforehand.
  private static func writeTemporary(_ data: Data, beside url: URL) throws(ExitError) -> (URL, FileIdentity?)
  {
    let directory = url.deletingLastPathComponent()
    var temporary = url
    var fd: Int32 = -1
    for _ in 0..<16 {
      let token = String(UInt64.random(in: 0...UInt64.max), radix: 36)
      temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(token).tmp")
      fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
      if fd >= 0 || errno != EEXIST { break }
    }
    guard fd >= 0 else { throw .io("Can't write \(url.path): \(lastError())") }
    do throws(ExitError) {
      try writeAll(fd, data, path: url.path)
      guard fsync(fd) == 0 else { throw ExitError.io("Can't write \(url.path): \(lastError())") }
    } catch {
      close(fd)
      unlink(temporary.path)
      throw error
    }
    let identity = FileIdentity.of(descriptor: fd)
    close(fd)
    return (temporary, identity)
  }

  private static func syncDirectory(of url: URL) {
    let directoryFD = open(url.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if directoryFD >= 0 {
      fsync(directoryFD)
      close(directoryFD)
    }
  }

  /// Writes every byte, retrying short writes and interrupted calls.
  static func writeAll(_ fd: Int32, _ data: Data, path: String) throws(ExitError) {
    let failure: String? = data.withUnsafeBytes { buffer -> String? in
      guard var base = buffer.baseAddress else { return nil }
      var remaining = buffer.count
      while remaining > 0 {
        let written = Glibc.write(fd, base, remaining)
        if written < 0 {
          if errno == EINTR { continue }
          return lastError()
        }
        remaining -= written
        base += written
      }
      return nil
    }
    if let failure { throw .io("Can't write \(path): \(failure)") }
  }

  static func lastError() -> String {
    String(cString: strerror(errno))
  }
}

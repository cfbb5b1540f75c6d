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
    guard link(temporary.path, url.path) == 0 else {
      if errno == EEXIST { return false }
      throw .io("Can't write \(url.path): \(lastError())")
    }
    syncDirectory(of: url)
    return true
  }

  /// A flushed temporary file beside `url`, named for this process so two never share one.
  private static func writeTemporary(_ data: Data, beside url: URL) throws(ExitError) -> (URL, FileIdentity?)
  {
    let directory = url.deletingLastPathComponent()
    let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
    let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
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

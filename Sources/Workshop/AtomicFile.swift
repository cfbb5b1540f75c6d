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
    close(fd)
    guard rename(temporary.path, url.path) == 0 else {
      let reason = lastError()
      unlink(temporary.path)
      throw .io("Can't write \(url.path): \(reason)")
    }
    let directoryFD = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
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

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Keeps a second kpi-align from opening a session that is already open.
///
/// An advisory `flock` on `<slug>.lock`: the kernel drops it when the process dies, even by
/// `kill -9`, so a crash never leaves a session stuck. The lock file is opened as a
/// `ConfinedFile`: a link or a second name in its place is refused before anything is written.
final class SessionLock {
  private var fd: Int32

  init(path: String, sessionName: String) throws(ExitError) {
    fd = try ConfinedFile.open(path, O_RDWR | O_CREAT, role: "the session's lock")
    if flock(fd, LOCK_EX | LOCK_NB) != 0 {
      var buffer = [UInt8](repeating: 0, count: 32)
      let count = pread(fd, &buffer, 31, 0)
      close(fd)
      let pid = count > 0 ? String(decoding: buffer.prefix(count), as: UTF8.self).trimmed : "?"
      throw ExitError(
        .sessionInUse,
        "Session '\(DisplayText.safe(sessionName))' is open in another kpi-align (pid \(pid)); close it there first."
      )
    }
    let pid = Array("\(getpid())\n".utf8)
    ftruncate(fd, 0)
    _ = pwrite(fd, pid, pid.count, 0)
  }

  func release() {
    guard fd >= 0 else { return }
    flock(fd, LOCK_UN)
    close(fd)
    fd = -1
  }

  deinit { release() }
}

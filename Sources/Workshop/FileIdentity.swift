import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Which file a path named when kpi-align last read or wrote it: device, inode, size and
/// modification time. A different identity at the same path means another program replaced or
/// rewrote the file, so kpi-align must not write over it.
struct FileIdentity: Equatable, Sendable {
  var device: UInt64
  var inode: UInt64
  var size: Int64
  var modified: timespec

  init(_ status: stat) {
    device = UInt64(status.st_dev)
    inode = UInt64(status.st_ino)
    size = Int64(status.st_size)
    modified = status.st_mtim
  }

  /// The file at `path` now, a symbolic link itself rather than what it leads to (a link put in
  /// a session file's place is never the file kpi-align wrote); `nil` when there is none
  /// (`errno` says why).
  static func of(path: String) -> FileIdentity? {
    var status = stat()
    guard lstat(path, &status) == 0 else { return nil }
    return FileIdentity(status)
  }

  /// The file open as `fd`.
  static func of(descriptor fd: Int32) -> FileIdentity? {
    var status = stat()
    guard fstat(fd, &status) == 0 else { return nil }
    return FileIdentity(status)
  }

  /// Whether both name the same file, whatever its contents.
  func isSameFile(as other: FileIdentity) -> Bool {
    device == other.device && inode == other.inode
  }

  static func == (lhs: FileIdentity, rhs: FileIdentity) -> Bool {
    lhs.isSameFile(as: rhs) && lhs.size == rhs.size && lhs.modified.tv_sec == rhs.modified.tv_sec
      && lhs.modified.tv_nsec == rhs.modified.tv_nsec
  }
}

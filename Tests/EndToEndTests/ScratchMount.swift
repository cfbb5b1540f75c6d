import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A tiny tmpfs mounted on a scratch folder, for storage faults a real disk won't produce on
/// demand: full (`size=64k`), or read-only (remounted `ro`). Root ignores permission bits, so a
/// read-only mount is how a read-only folder is made here. Needs root (CI runs as root); the
/// tests that use it are skipped, with that reason, only when not running as root.
final class ScratchMount {
  let directory: URL
  private var mounted = false

  /// Whether mounting can work at all: only root may mount.
  static var isPossible: Bool { getuid() == 0 }
  static let whyNot = "mounting a tmpfs needs root (this test process runs as uid \(getuid()))"

  init(size: String = "64k") throws {
    directory = Binary.scratchDirectory()
    try Self.tool(["mount", "-t", "tmpfs", "-o", "size=\(size),mode=0755", "tmpfs", directory.path])
    mounted = true
  }

  /// Remounts read-only (only possible while no file on it is open for writing).
  func makeReadOnly() throws {
    try Self.tool(["mount", "-o", "remount,ro", directory.path])
  }

  /// Fills every free byte with a file named `filler`, so the next write fails with ENOSPC.
  func fill() {
    let fd = open(directory.appendingPathComponent("filler").path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
    guard fd >= 0 else { return }
    let block = [UInt8](repeating: 0x78, count: 512)
    while block.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
    var byte: UInt8 = 0x78
    while write(fd, &byte, 1) > 0 {}
    close(fd)
  }

  /// Frees what `fill` took.
  func unfill() {
    unlink(directory.appendingPathComponent("filler").path)
  }

  /// Unmounts (lazily if a process still holds a file there) and removes the folder.
  func remove() {
    if mounted {
      if (try? Self.tool(["umount", directory.path])) == nil {
        _ = try? Self.tool(["umount", "-l", directory.path])
      }
      mounted = false
    }
    try? FileManager.default.removeItem(at: directory)
  }

  deinit { remove() }

  @discardableResult
  static func tool(_ arguments: [String]) throws -> String {
    let result = try Binary.runTool(arguments)
    guard result.status == 0 else {
      throw MountFailure(description: "\(arguments.joined(separator: " ")): \(result.stdout)")
    }
    return result.stdout
  }

  struct MountFailure: Error, CustomStringConvertible {
    var description: String
  }
}

/// `chattr +i`: the kernel refuses every change to the file or folder, root's included, even
/// through a descriptor opened before. How a folder turns read-only under a running kpi-align
/// (a read-only remount is refused while kpi-align holds its journal open for writing).
enum Immutable {
  /// Whether `chattr +i` works in the scratch folders' file system (ext4 does, tmpfs doesn't
  /// stop writes through open descriptors), as root.
  static let isPossible: Bool = {
    guard getuid() == 0 else { return false }
    let probe = Binary.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: probe) }
    let file = probe.appendingPathComponent("probe")
    let fd = open(file.path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    guard (try? set(file, true)) != nil else { return false }
    let refused = write(fd, "x", 1) < 0
    try? set(file, false)
    return refused
  }()

  static let whyNot =
    "chattr +i needs root and a file system that enforces it on open files (ext4 does); uid \(getuid()), \(FileManager.default.temporaryDirectory.path)"

  static func set(_ url: URL, _ immutable: Bool) throws {
    try ScratchMount.tool(["chattr", immutable ? "+i" : "-i", url.path])
  }
}

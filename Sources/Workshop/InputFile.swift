import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Reads a file the user named (a transcript, a cascade, a spreadsheet): its size checked before
/// a byte is read, then read through the one descriptor that was checked, so the file measured
/// is the file read. A FIFO or a device in its place is refused rather than waited on.
enum InputFile {
  /// The file's bytes. `kind` says what was expected ("a session file", "a CSV file") in
  /// the messages for a folder or something that is not a file; `tooLarge` words the refusal
  /// of a file over `limit` bytes, given its size.
  static func read(
    _ path: String, kind: String, limit: Int, tooLarge: (Int) -> String
  ) throws(ExitError) -> Data {
    let file = DisplayText.safe(path)
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else {
      if errno == ENOENT || errno == ENOTDIR { throw .usage("\(file): no such file.") }
      throw .io("\(file): can't read it (\(AtomicFile.lastError())).")
    }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0 else { throw .io("\(file): can't read it (\(AtomicFile.lastError())).") }
    switch status.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw .usage("\(file) is a folder, not \(kind).")
    default: throw .usage("\(file) is not a file (a pipe or a device?), so not \(kind).")
    }
    let size = Int(status.st_size)
    guard size <= limit else { throw .badInput(tooLarge(size)) }
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    return try ConfinedFile.readAll(fd, path: path, limit: limit, tooLarge: tooLarge)
  }
}

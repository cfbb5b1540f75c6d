import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file a person asked kpi-align to write (an export, a copy of the session): never over a
/// file already there unless they said so (`--force`), and never over a session's own files
/// (a transcript, its journal or its lock), whatever they said.
public enum OutputFile {
  /// Writes `data` to `path` atomically. Without `replacing`, a file (or link) already at
  /// `path` is left as it is and the write is refused (exit 2); a session's files always are.
  public static func write(_ data: Data, to path: String, replacing: Bool) throws(ExitError) {
    let url = URL(fileURLWithPath: path)
    if let problem = sessionFileProblem(url) { throw .usage(problem) }
    if replacing {
      try AtomicFile.write(data, to: url)
      return
    }
    guard try AtomicFile.create(url, with: data) else {
      throw .usage(
        "\(DisplayText.safe(path)) already exists, and kpi-align writes over a file only when asked: "
          + "add --force to replace it, or choose another name.")
    }
  }

  /// Why `url` is one of a session's own files, or `nil`: a kpi-align transcript (wherever it
  /// is), or the journal or lock beside one.
  static func sessionFileProblem(_ url: URL) -> String? {
    let name = url.lastPathComponent
    for suffix in [".journal", ".lock"] where name.hasSuffix(suffix) {
      let transcript = url.deletingPathExtension().appendingPathExtension("json")
      if FileManager.default.fileExists(atPath: transcript.path) {
        return "\(DisplayText.safe(url.path)) is a session's \(suffix.dropFirst()): kpi-align never writes "
          + "an export or a copy over it. Choose another name."
      }
    }
    guard isTranscript(url) else { return nil }
    return
      "\(DisplayText.safe(url.path)) is a kpi-align session transcript: an export or a copy never replaces "
      + "one, even with --force. Choose another name."
  }

  /// Whether the file at `url` (not followed through a link) is tagged as a transcript.
  private static func isTranscript(_ url: URL) -> Bool {
    let fd = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return false }
    // The format tag is written after the exchanges (keys are sorted): it is near the end.
    let size = Int(status.st_size)
    let window = 16_384
    for offset in Set([0, max(0, size - window)]) {
      var bytes = [UInt8](repeating: 0, count: window)
      let count = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(offset)) }
      guard count > 0 else { continue }
      if String(decoding: bytes.prefix(count), as: UTF8.self).contains("\"kpi-align-transcript\"") {
        return true
      }
    }
    return false
  }
}

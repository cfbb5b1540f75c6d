import Foundation
import Workshop

#if canImport(Glibc)
  import Glibc
#endif

/// Standard output and error, flushed at once: a prompt must never wait behind buffered text.
enum Console {
  static func out(_ text: String) {
    guard !text.isEmpty else { return }
    write(1, text.unicodeScalars.last == "\n" ? text : text + "\n")
  }

  /// Writes bytes exactly as given (an export to stdout must equal the file `-o` writes).
  static func raw(_ text: String) {
    write(1, text)
  }

  /// Errors often quote a path or a name the user gave: each line is made safe to show.
  static func error(_ text: String) {
    let safe = text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { DisplayText.safe(String($0)) }.joined(separator: "\n")
    write(2, safe.unicodeScalars.last == "\n" ? safe : safe + "\n")
  }

  private static func write(_ fd: Int32, _ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { buffer in
        Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        return
      }
      offset += written
    }
  }

  /// Whether both ends are a terminal: the interactive, line-edited path.
  static var isInteractive: Bool { isatty(0) == 1 && isatty(1) == 1 }

  /// Colour and marks only on a terminal, and never with NO_COLOR or TERM=dumb.
  static var wantsColour: Bool {
    let environment = ProcessInfo.processInfo.environment
    if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
    if environment["TERM"] == "dumb" { return false }
    return isatty(1) == 1
  }
}

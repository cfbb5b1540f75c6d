#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads lines from a file descriptor without a terminal: piped stdin or `--script FILE`.
///
/// Raw bytes are split on `\n` (a trailing `\r` is stripped, so Windows-edited scripts work) and
/// each line is decoded strictly as UTF-8: a line that is not valid UTF-8 gives `.invalidUTF8`, and
/// reading can continue with the next one. A final line without a newline is still returned, then
/// `.end`. No prompt, no echo, no history: scripted input gets no terminal noise.
///
/// SIGTERM and SIGHUP give `.terminated`; so does SIGINT, because a script has no half-typed line
/// to drop: Ctrl-C on a running script means "stop", and the caller should save as it would on
/// SIGTERM. Lines of any length (a megabyte is fine) and arbitrary bytes are handled.
public final class ScriptReader {
  /// The number of the line last returned (1-based), for "line N: …" messages. Counts lines that
  /// came back as `.invalidUTF8` too; 0 before the first read.
  public private(set) var lineNumber: Int = 0

  private let fileDescriptor: Int32
  private var buffer: [UInt8] = []
  /// Where the unread part of `buffer` starts; consumed bytes are compacted away in bulk.
  private var start = 0
  /// Where to resume looking for a newline, so a long line is scanned once, not once per chunk.
  private var scanned = 0
  private var reachedEnd = false

  /// Reads from `fileDescriptor`, which the caller owns and closes.
  public init(fileDescriptor: Int32) {
    Signals.install()
    self.fileDescriptor = fileDescriptor
  }

  /// The next line, `.end` once the input is exhausted, or `.terminated` after a signal.
  public func readLine() -> LineInput {
    // Before every line, not only when more must be read: a script already in the buffer
    // (a whole file arrives in one read) stops at the next line, not at its end.
    if Signals.terminationRequested || Signals.interruptRequested { return .terminated }
    while true {
      if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
        return take(upTo: newline, skipping: 1)
      }
      scanned = buffer.count
      if reachedEnd {
        return start < buffer.count ? take(upTo: buffer.count, skipping: 0) : .end
      }
      if let signalled = fill() { return signalled }
    }
  }

  // MARK: - Private

  private func take(upTo end: Int, skipping separator: Int) -> LineInput {
    var lineEnd = end
    if lineEnd > start && buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
    let decoded = String(validating: buffer[start..<lineEnd], as: UTF8.self)
    start = end + separator
    scanned = start
    lineNumber += 1
    return decoded.map(LineInput.line) ?? .invalidUTF8
  }

  /// Reads one more chunk; returns `.terminated` if a signal arrived instead.
  private func fill() -> LineInput? {
    if start > 0 && start * 2 >= buffer.count {
      buffer.removeSubrange(0..<start)
      scanned -= start
      start = 0
    }
    let chunkSize = 64 * 1024
    while true {
      if Signals.terminationRequested || Signals.interruptRequested { return .terminated }
      var fds = [
        pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0),
        pollfd(fd: Signals.wakeDescriptor, events: Int16(POLLIN), revents: 0),
      ]
      if poll(&fds, nfds_t(fds.count), -1) < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        reachedEnd = true
        return nil
      }
      if fds[1].revents != 0 { Signals.drainWakePipe() }
      guard fds[0].revents != 0 else { continue }

      let oldCount = buffer.count
      buffer.append(contentsOf: repeatElement(0, count: chunkSize))
      let got = buffer.withUnsafeMutableBytes {
        read(fileDescriptor, $0.baseAddress! + oldCount, chunkSize)
      }
      buffer.removeLast(chunkSize - max(got, 0))
      if got > 0 { return nil }
      if got < 0 && (errno == EINTR || errno == EAGAIN) { continue }
      reachedEnd = true  // end of file, or an error that reading again would only repeat
      return nil
    }
  }
}

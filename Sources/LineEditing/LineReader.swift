import CEditLine
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Interactive line editor over libedit: emacs keys, history, Tab completion, Ctrl-C that drops
/// the half-typed line, and SIGTERM/SIGHUP that end the read so the caller can save.
///
/// The reader knows nothing of the workshop: its owner supplies prompts and completion candidates
/// and decides which lines are worth remembering. Use it only when stdin is a terminal; scripted
/// input goes through `ScriptReader`.
///
/// Prompts may carry ANSI colour escapes (`ESC [ … letter`): the reader marks each one for
/// libedit's `EL_PROMPT_ESC` with the ignore character `\u{1}`, so they take no columns and the
/// cursor stays where it belongs. A prompt must therefore not contain `\u{1}` itself.
public final class LineReader {
  private var editLine: OpaquePointer?
  private var history: OpaquePointer?
  private let historyPath: String?
  private let complete: (String) -> CompletionCandidates
  /// libedit calls the prompt function during every redraw: it must get a pointer that stays
  /// valid, so the reader owns this buffer and only replaces it between reads.
  private var promptBuffer: UnsafeMutablePointer<CChar>
  private var promptCapacity: Int
  /// Bytes of a multi-byte character read so far by `nextCharacter`.
  private var pendingBytes: [CChar] = []
  /// Recognises escape sequences as they arrive, to tell editing keys from pasted control codes.
  private var escapes = EscapeSequenceFilter()

  /// Interactive line editor over libedit. `historyPath` nil = no history.
  ///
  /// The history file's parent directory is created when missing; a missing or unreadable file
  /// starts an empty history. `complete` receives the text before the cursor.
  public init(
    programName: String, historyPath: String?,
    complete: @escaping (String) -> CompletionCandidates
  ) {
    Self.selectUTF8Locale()
    Signals.install()
    self.historyPath = historyPath
    self.complete = complete
    promptCapacity = 256
    promptBuffer = .allocate(capacity: promptCapacity)
    promptBuffer.initialize(to: 0)

    editLine = kpi_el_init(programName)
    history = kpi_history_init(800)
    guard let editLine else { return }
    kpi_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
    kpi_el_set_editor(editLine, "emacs")
    kpi_el_set_signal(editLine, 0)
    kpi_el_set_prompt_esc(editLine, promptCallback, CChar(Self.promptIgnore))
    kpi_el_set_getc(editLine, characterCallback)
    if let history {
      kpi_el_set_history(editLine, history)
      if let historyPath { Self.load(history, from: historyPath) }
    }
    kpi_el_add_function(editLine, "kpi-complete", "Complete the word before the cursor", completionCallback)
    kpi_el_bind(editLine, "^I", "kpi-complete")
    kpi_el_bind(editLine, "^R", "em-inc-search-prev")
    kpi_el_bind(editLine, "^W", "ed-delete-prev-word")
  }

  deinit {
    close()
    promptBuffer.deallocate()
  }

  /// Shows `prompt` and edits one line.
  ///
  /// After `.interrupted`, `.end` and `.terminated` the reader has already moved to a fresh line,
  /// so whatever the caller prints next starts at column 0. A Ctrl-C pressed while no line was
  /// being read is forgotten; a termination is not.
  public func readLine(prompt: String) -> LineInput {
    guard let editLine else { return .end }
    if Signals.terminationRequested { return .terminated }
    Signals.clearInterrupt()
    setPrompt(prompt)
    pendingBytes.removeAll()
    escapes = EscapeSequenceFilter()

    var count: Int32 = 0
    Signals.catchSuspend(true)
    // libedit would switch to raw mode only at its first read, after drawing the prompt: keys
    // typed in between would be echoed twice. el_gets leaves the terminal in its normal mode.
    kpi_el_prepare_terminal(editLine, 1)
    let text = el_gets(editLine, &count)
    Signals.catchSuspend(false)
    if let text, count > 0 {
      if escapes.sawForeignSequence { return .controlSequence }
      var bytes = Array(UnsafeBufferPointer(start: text, count: Int(count)))
      while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
      return .line(String(decoding: bytes.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
    // Decide on the count and the flags the handler set, never on errno (it can be stale).
    if count == -1 {
      if Signals.terminationRequested {
        writeToTerminal("\n")
        return .terminated
      }
      if Signals.interruptRequested {
        Signals.clearInterrupt()
        // Shown like a shell does, so the room sees the half-typed line was dropped.
        writeToTerminal("^C\n")
        return .interrupted
      }
    }
    writeToTerminal("\n")
    return .end
  }

  /// Adds a line to history (the caller decides which lines are worth keeping). Empty lines are
  /// ignored; a line equal to the previous entry is not added twice.
  public func remember(_ line: String) {
    guard let history, !line.isEmpty, line.utf8.count <= Self.longestRemembered else { return }
    kpi_history_enter(history, line)
    // Written at once, so a killed terminal keeps the history typed before it.
    if let historyPath { _ = kpi_history_save(history, historyPath) }
  }

  /// Lines longer than this (a pasted document) are not worth recalling with Up.
  public static let longestRemembered = 4096

  /// Saves history and releases libedit; later reads return `.end`. Call it explicitly before
  /// exit: globals are never deinitialised, so `deinit` cannot be relied on to save.
  public func close() {
    if let history {
      if let historyPath { _ = kpi_history_save(history, historyPath) }
      history_end(history)
      self.history = nil
    }
    if let editLine {
      el_end(editLine)
      self.editLine = nil
    }
  }

  // MARK: - Callbacks from libedit

  fileprivate static func reader(of editLine: OpaquePointer?) -> LineReader? {
    guard let editLine, let data = kpi_el_get_clientdata(editLine) else { return nil }
    return Unmanaged<LineReader>.fromOpaque(data).takeUnretainedValue()
  }

  fileprivate var prompt: UnsafeMutablePointer<CChar> { promptBuffer }

  /// Reads one character for libedit from stdin, waiting on the wake pipe as well, so a signal ends
  /// the read at once (libedit's own reader retries one interrupted `read` before giving up).
  /// Returns 1 with a character, 0 at end of input, -1 on a signal or error.
  fileprivate func nextCharacter(_ character: UnsafeMutablePointer<wchar_t>) -> Int32 {
    while true {
      if Signals.terminationRequested || Signals.interruptRequested {
        errno = EINTR
        return -1
      }
      if Signals.takeResize(), let editLine {
        el_resize(editLine)  // the next redraw uses the new width; redrawing now would repeat the line
      }
      if Signals.takeSuspend(), let editLine {
        kpi_el_prepare_terminal(editLine, 0)  // hand the shell a terminal in its normal mode
        Signals.suspendNow()
        kpi_el_prepare_terminal(editLine, 1)
        kpi_el_refresh(editLine)  // after `fg`: prompt and line again, on the shell's fresh line
      }
      var fds = [
        pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
        pollfd(fd: Signals.wakeDescriptor, events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(&fds, nfds_t(fds.count), -1)
      if ready < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        return -1
      }
      if fds[1].revents != 0 { Signals.drainWakePipe() }
      guard fds[0].revents != 0 else { continue }

      var byte: CChar = 0
      let got = read(STDIN_FILENO, &byte, 1)
      if got == 0 { return 0 }
      if got < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        return -1
      }
      pendingBytes.append(byte)
      var state = mbstate_t()
      var decoded: wchar_t = 0
      let used = pendingBytes.withUnsafeBufferPointer {
        mbrtowc(&decoded, $0.baseAddress, $0.count, &state)
      }
      switch used {
      case -2 where pendingBytes.count < 16:
        continue  // an incomplete multi-byte character: read its next byte
      case ..<0:
        pendingBytes.removeAll()  // not a character in this locale: drop it, as libedit does
        continue
      default:
        pendingBytes.removeAll()
        // A control the terminal would obey is shown as U+FFFD while typing, and refused.
        character.pointee = escapes.accept(UInt32(decoded)) ? decoded : 0xFFFD
        return 1
      }
    }
  }

  /// Tab: asks the owner for candidates for the text before the cursor, then completes a unique
  /// candidate, extends to the longest common prefix, or lists the candidates below the line.
  fileprivate func completeWord() -> UInt8 {
    guard let editLine, let info = el_line(editLine)?.pointee else { return UInt8(CC_ERROR) }
    let beforeCursor = Self.text(from: info.buffer, to: info.cursor)
    let offer = complete(beforeCursor)
    let stem =
      beforeCursor.unicodeScalars.reversed().starts(with: offer.stem.unicodeScalars.reversed())
      ? offer.stem : ""
    let prefix = String(beforeCursor.unicodeScalars.dropLast(stem.unicodeScalars.count))

    switch offer.candidates.count {
    case 0:
      return UInt8(CC_REFRESH_BEEP)
    case 1:
      let candidate = offer.candidates[0]
      let closesWord = !candidate.hasSuffix("/") && !Self.hasOpenQuote(prefix + candidate)
      replace(stem, with: closesWord ? candidate + " " : candidate)
      return UInt8(CC_REFRESH)
    default:
      let common = Self.commonPrefix(of: offer.candidates)
      if common.count > stem.count {
        replace(stem, with: common)
        return UInt8(CC_REFRESH)
      }
      list(offer.candidates)
      return UInt8(CC_REDISPLAY)
    }
  }

  // MARK: - Private

  /// The character that brackets invisible parts of a prompt for `EL_PROMPT_ESC`.
  private static let promptIgnore: UInt8 = 1

  private func setPrompt(_ prompt: String) {
    let bytes = Array(Self.markingEscapes(in: prompt).utf8)
    if bytes.count + 1 > promptCapacity {
      promptBuffer.deallocate()
      promptCapacity = bytes.count + 1
      promptBuffer = .allocate(capacity: promptCapacity)
    }
    for (index, byte) in bytes.enumerated() { promptBuffer[index] = CChar(bitPattern: byte) }
    promptBuffer[bytes.count] = 0
  }

  /// Wraps each `ESC [ … final-byte` sequence in the ignore character so libedit counts no width.
  private static func markingEscapes(in prompt: String) -> String {
    let ignore = Unicode.Scalar(promptIgnore)
    var marked = String.UnicodeScalarView()
    var inEscape = false
    for scalar in prompt.unicodeScalars {
      if scalar == "\u{1B}" && !inEscape {
        inEscape = true
        marked.append(ignore)
      }
      marked.append(scalar)
      if inEscape && scalar != "\u{1B}" && scalar != "[" && (0x40...0x7E).contains(scalar.value) {
        inEscape = false
        marked.append(ignore)
      }
    }
    if inEscape { marked.append(ignore) }
    return String(marked)
  }

  private func replace(_ stem: String, with replacement: String) {
    guard let editLine else { return }
    // el_deletestr counts characters as libedit stores them: wide characters, i.e. scalars.
    let count = Int32(stem.unicodeScalars.count)
    if count > 0 { el_deletestr(editLine, count) }
    if !replacement.isEmpty { _ = el_insertstr(editLine, replacement) }
  }

  /// Prints the candidates in columns below the line; libedit then redraws prompt and line.
  private func list(_ candidates: [String]) {
    let columns = max(Int(editLine.map(kpi_el_columns) ?? 0), 20)
    let width = (candidates.map(\.count).max() ?? 0) + 2
    let perRow = max(1, columns / width)
    let rows = (candidates.count + perRow - 1) / perRow
    var text = "\n"
    for row in 0..<rows {
      var line = ""
      for column in 0..<perRow {
        let index = column * rows + row
        guard index < candidates.count else { break }
        let name = candidates[index]
        let isLast = column == perRow - 1 || index + rows >= candidates.count
        line += isLast ? name : name + String(repeating: " ", count: width - name.count)
      }
      text += line + "\n"
    }
    writeToTerminal(text)
  }

  /// Writes straight to the terminal: libedit has flushed its own output before it reads a key,
  /// and in its raw mode a newline needs a carriage return too.
  private func writeToTerminal(_ text: String) {
    let bytes = Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { return }
      offset += written
    }
  }

  private static func text(from start: UnsafePointer<CChar>?, to end: UnsafePointer<CChar>?) -> String {
    guard let start, let end, end > start else { return "" }
    let bytes = UnsafeRawBufferPointer(start: start, count: end - start)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// An odd number of double quotes means a quoted name is still open: no space after it yet.
  private static func hasOpenQuote(_ text: String) -> Bool {
    text.filter { $0 == "\"" }.count % 2 == 1
  }

  /// The longest prefix all candidates share, compared case-insensitively (the completer may have
  /// matched that way) and spelled as in the first candidate.
  private static func commonPrefix(of candidates: [String]) -> String {
    guard var common = candidates.first.map(Array.init) else { return "" }
    for candidate in candidates.dropFirst() {
      let other = Array(candidate)
      var length = 0
      while length < min(common.count, other.count),
        common[length].lowercased() == other[length].lowercased()
      {
        length += 1
      }
      common.removeSubrange(length...)
    }
    return String(common)
  }

  /// libedit decodes keys with the C library's multi-byte functions: with the default "C" locale
  /// `café` would come back as `caf`. Take the user's locale, and a UTF-8 one if that is not UTF-8.
  private static func selectUTF8Locale() {
    setlocale(LC_CTYPE, "")
    let codeset = String(cString: kpi_locale_codeset())
    if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
      setlocale(LC_CTYPE, "C.UTF-8")
    }
  }

  private static func load(_ history: OpaquePointer, from path: String) {
    let directory = (path as NSString).deletingLastPathComponent
    if !directory.isEmpty {
      try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }
    _ = kpi_history_load(history, path)  // a missing file just means no history yet
  }
}

// `@convention(c)` callbacks capture nothing: they find the reader through EL_CLIENTDATA.

private let promptCallback: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>? = {
  LineReader.reader(of: $0)?.prompt
}

private let characterCallback: @convention(c) (OpaquePointer?, UnsafeMutablePointer<wchar_t>?) -> Int32 = {
  guard let reader = LineReader.reader(of: $0), let character = $1 else { return -1 }
  return reader.nextCharacter(character)
}

private let completionCallback: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editLine, _ in
  LineReader.reader(of: editLine)?.completeWord() ?? UInt8(CC_ERROR)
}

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program on a new pseudo-terminal, as a person at a terminal would: the terminal is the
/// program's controlling terminal and its stdin, stdout and stderr, so `isatty` is true, libedit
/// edits lines, and Ctrl-C typed into it reaches the program as SIGINT through the line discipline.
///
/// The program is started with `posix_spawn`, never `fork`: after a fork in this multithreaded
/// test process only async-signal-safe calls are allowed. `POSIX_SPAWN_SETSID` gives the child a
/// session of its own, and the file action that then opens the slave by path (without
/// `O_NOCTTY`) makes that terminal the session's controlling terminal, with the child's process
/// group in the foreground. Signal dispositions and the mask are reset to their defaults.
///
/// Output is read only while a caller waits in `expect` or `waitForExit`; a program that writes
/// more than the terminal buffers in between simply blocks until then.
final class PseudoTerminal {
  /// The process id of the program.
  let processIdentifier: pid_t

  private let controller: Int32
  private var received: [UInt8] = []
  /// Where the next `expect` starts looking, just after the previous match.
  private var searchStart = 0
  private var terminalClosed = false
  private var exitStatus: Int32?

  /// Starts `executable` on a new `columns`×`rows` terminal. `environment` nil inherits this
  /// process's environment; either way `TERM` is `xterm-256color` unless the environment sets it.
  init(
    executable: URL, arguments: [String] = [], environment: [String: String]? = nil,
    columns: UInt16 = 100, rows: UInt16 = 30
  ) throws {
    let library = try PseudoTerminalLibrary()
    let controller = library.openController(O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard controller >= 0 else { throw PseudoTerminalFailure("posix_openpt failed: \(Self.lastError)") }
    var started = false
    defer { if !started { Glibc.close(controller) } }
    guard library.grant(controller) == 0, library.unlock(controller) == 0 else {
      throw PseudoTerminalFailure("grantpt/unlockpt failed: \(Self.lastError)")
    }
    var nameBuffer = [CChar](repeating: 0, count: 128)
    guard library.name(controller, &nameBuffer, nameBuffer.count) == 0 else {
      throw PseudoTerminalFailure("ptsname_r failed: \(Self.lastError)")
    }
    let terminalPath = String(
      decoding: nameBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    guard ioctl(controller, UInt(TIOCSWINSZ), &size) == 0 else {
      throw PseudoTerminalFailure("setting the window size failed: \(Self.lastError)")
    }
    _ = fcntl(controller, F_SETFL, fcntl(controller, F_GETFL) | O_NONBLOCK)

    // Hold the terminal open until the child has it, so its end never reads as hung up before.
    let parentSide = open(terminalPath, O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard parentSide >= 0 else {
      throw PseudoTerminalFailure("opening \(terminalPath) failed: \(Self.lastError)")
    }
    defer { Glibc.close(parentSide) }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, terminalPath, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigfillset(&defaults)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var mask = sigset_t()
    sigemptyset(&mask)
    posix_spawnattr_setsigmask(&attributes, &mask)
    let setSession: Int32 = 0x80  // POSIX_SPAWN_SETSID (glibc ≥ 2.26); the macro is not imported
    posix_spawnattr_setflags(
      &attributes, Int16(setSession | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

    var variables = environment ?? ProcessInfo.processInfo.environment
    if variables["TERM"] == nil { variables["TERM"] = "xterm-256color" }
    let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
    let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }

    var child: pid_t = 0
    // A spawn was seen to fail once with ENOENT under heavy parallel load (binary and terminal both
    // present): try again briefly before calling it a failure of the program under test.
    var spawned = posix_spawn(&child, executable.path, &actions, &attributes, argv, envp)
    for _ in 0..<3 where spawned == ENOENT || spawned == EAGAIN {
      usleep(50_000)
      spawned = posix_spawn(&child, executable.path, &actions, &attributes, argv, envp)
    }
    guard spawned == 0 else {
      throw PseudoTerminalFailure(
        "posix_spawn \(executable.path) failed: \(String(cString: strerror(spawned)))")
    }
    processIdentifier = child
    self.controller = controller
    started = true
  }

  deinit {
    if exitStatus == nil {
      kill(processIdentifier, SIGKILL)
      var status: Int32 = 0
      _ = waitpid(processIdentifier, &status, 0)
    }
    Glibc.close(controller)
  }

  /// Everything the program wrote so far (terminal line endings are `\r\n`).
  var output: String {
    drain()
    return String(decoding: received, as: UTF8.self)
  }

  /// Types `text` as raw bytes: "\t" Tab, "\u{1B}[A" Up, "\u{03}" Ctrl-C, "\u{04}" Ctrl-D,
  /// "\r" Enter (what a terminal sends for Return).
  func send(_ text: String) {
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { write(controller, $0.baseAddress, $0.count) }
      if written > 0 {
        offset += written
      } else if written < 0 && (errno == EAGAIN || errno == EINTR) {
        drain()  // the program is not reading yet: make room by reading what it wrote
        var descriptor = pollfd(fd: controller, events: Int16(POLLOUT), revents: 0)
        _ = poll(&descriptor, 1, 50)
      } else {
        return
      }
    }
  }

  /// Reads until the output after the previous match contains `substring`, and returns all output
  /// so far. Expecting the same prompt twice therefore waits for its second appearance. Throws,
  /// with the transcript, on timeout or when the program closes the terminal first.
  @discardableResult
  func expect(_ substring: String, timeout: Double = 10) throws -> String {
    let wanted = Array(substring.utf8)
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      if let range = find(wanted) {
        searchStart = range.upperBound
        return String(decoding: received, as: UTF8.self)
      }
      let remaining = deadline.timeIntervalSinceNow
      if terminalClosed || remaining <= 0 {
        let reason = terminalClosed ? "the program closed the terminal" : "timed out after \(timeout)s"
        throw PseudoTerminalFailure("expected \(substring.debugDescription): \(reason)", transcript: output)
      }
      wait(milliseconds: Int32(min(remaining, 0.1) * 1000))
    }
  }

  /// Waits for the program to end, reading its output meanwhile so it cannot block on a full
  /// terminal. Returns the exit status, or 128 + the signal number if a signal ended it (as a
  /// shell reports it).
  @discardableResult
  func waitForExit(timeout: Double = 10) throws -> Int32 {
    let deadline = Date().addingTimeInterval(timeout)
    while exitStatus == nil {
      var status: Int32 = 0
      let reaped = waitpid(processIdentifier, &status, WNOHANG)
      if reaped == processIdentifier {
        let signal = status & 0x7F
        exitStatus = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
      } else if reaped < 0 && errno != EINTR {
        throw PseudoTerminalFailure("waitpid failed: \(Self.lastError)", transcript: output)
      } else if deadline.timeIntervalSinceNow <= 0 {
        throw PseudoTerminalFailure("the program did not exit within \(timeout)s", transcript: output)
      } else {
        wait(milliseconds: 20)
      }
    }
    drain()
    return exitStatus ?? -1
  }

  /// Sends `signal` to the program (not through the terminal: for Ctrl-C, `send("\u{03}")`).
  func signal(_ signal: Int32) {
    kill(processIdentifier, signal)
  }

  // MARK: - Private

  private static var lastError: String { String(cString: strerror(errno)) }

  private func find(_ wanted: [UInt8]) -> Range<Int>? {
    guard !wanted.isEmpty else { return searchStart..<searchStart }
    guard received.count - searchStart >= wanted.count else { return nil }
    for start in searchStart...(received.count - wanted.count)
    where received[start..<start + wanted.count].elementsEqual(wanted) {
      return start..<start + wanted.count
    }
    return nil
  }

  /// Waits up to `milliseconds` for output, then reads whatever is there.
  private func wait(milliseconds: Int32) {
    guard !terminalClosed else {
      usleep(useconds_t(milliseconds) * 1000)
      return
    }
    var descriptor = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
    _ = poll(&descriptor, 1, milliseconds)
    drain()
  }

  /// Reads everything available without blocking. EIO means every holder of the terminal's other
  /// end has closed it: the program (and its children) are gone or detached.
  private func drain() {
    var chunk = [UInt8](repeating: 0, count: 4096)
    while !terminalClosed {
      let got = chunk.withUnsafeMutableBytes { read(controller, $0.baseAddress, $0.count) }
      if got > 0 {
        received.append(contentsOf: chunk[0..<got])
      } else if got < 0 && errno == EINTR {
        continue
      } else {
        if got == 0 || errno != EAGAIN { terminalClosed = true }
        return
      }
    }
  }
}

/// The C library's pseudo-terminal functions, looked up at run time: Swift's Glibc module is built
/// without `_XOPEN_SOURCE`, so `posix_openpt`, `grantpt`, `unlockpt` and `ptsname_r` are not
/// imported, although every glibc has them.
private struct PseudoTerminalLibrary {
  let openController: @convention(c) (Int32) -> Int32
  let grant: @convention(c) (Int32) -> Int32
  let unlock: @convention(c) (Int32) -> Int32
  let name: @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32

  init() throws {
    func function<F>(_ symbol: String, as type: F.Type) throws -> F {
      guard let address = dlsym(dlopen(nil, RTLD_NOW), symbol) else {
        throw PseudoTerminalFailure("\(symbol) is missing from the C library")
      }
      return unsafeBitCast(address, to: type)
    }
    openController = try function("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
    grant = try function("grantpt", as: (@convention(c) (Int32) -> Int32).self)
    unlock = try function("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
    name = try function(
      "ptsname_r", as: (@convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32).self)
  }
}

/// A pseudo-terminal session did not go as expected; `transcript` is what the program wrote.
struct PseudoTerminalFailure: Error, CustomStringConvertible {
  let message: String
  let transcript: String

  init(_ message: String, transcript: String = "") {
    self.message = message
    self.transcript = transcript
  }

  var description: String {
    transcript.isEmpty ? message : "\(message)\n--- transcript ---\n\(transcript)\n--- end ---"
  }
}

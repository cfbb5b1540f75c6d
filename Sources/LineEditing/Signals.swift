import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Signal wiring shared by both readers.
///
/// SIGINT, SIGTERM and SIGHUP get a handler installed with `sigaction` *without* `SA_RESTART`, so
/// a blocking read is interrupted rather than silently resumed. The handler only stores into
/// lock-free atomics and writes one byte to a non-blocking "wake" pipe, all async-signal-safe.
/// The readers wait on the terminal (or file) *and* that pipe, so a signal that lands on another
/// thread of this multithreaded process, or just before the read starts, still wakes them.
///
/// SIGWINCH is installed too (with `SA_RESTART`): the interactive reader adopts the new width. While
/// a line is being edited SIGTSTP (Ctrl-Z) is caught as well, so the reader can give the terminal
/// back in its normal mode before stopping and take it again on `fg`.
/// libedit's own signal handling (`EL_SIGNAL`) stays off on purpose: its handler re-sends every
/// signal with `kill(0, …)`, i.e. to the whole process group, which would also hit a `tee` or a
/// parent script sharing the group.
public enum Signals {
  /// Installs the handlers; safe to call more than once. `LineReader` and `ScriptReader` call it
  /// themselves, so calling it early in `main` only narrows the window in which a signal would
  /// still have its default effect.
  public static func install() {
    guard
      installed.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
    else { return }
    createWakePipe()
    // Touch every flag before a handler can run, so no lazy global initialisation happens inside one.
    _ = interruptFlag.load(ordering: .relaxed)
    _ = terminationFlag.load(ordering: .relaxed)
    _ = resizeFlag.load(ordering: .relaxed)
    _ = suspendFlag.load(ordering: .relaxed)
    setHandler(for: SIGINT, restart: false)
    setHandler(for: SIGTERM, restart: false)
    setHandler(for: SIGHUP, restart: false)
    setHandler(for: SIGWINCH, restart: true)
    // A blocked mask is inherited through exec: a parent that blocks these (a test runner's
    // thread, some job runners) would otherwise leave SIGTERM pending until the script's end.
    var handled = sigset_t()
    sigemptyset(&handled)
    for signal in [SIGINT, SIGTERM, SIGHUP, SIGWINCH] { sigaddset(&handled, signal) }
    _ = pthread_sigmask(SIG_UNBLOCK, &handled, nil)
  }

  /// True once SIGTERM or SIGHUP has arrived: the caller should save and quit. It never resets.
  public static var terminationRequested: Bool {
    terminationFlag.load(ordering: .acquiring)
  }

  // MARK: - Internal to the readers

  /// True when SIGINT arrived since the last `clearInterrupt()`.
  static var interruptRequested: Bool { interruptFlag.load(ordering: .acquiring) }

  /// Forgets a Ctrl-C pressed while no line was being read, so it cannot cancel the next line.
  static func clearInterrupt() {
    interruptFlag.store(false, ordering: .releasing)
    drainWakePipe()
  }

  /// Returns true, once, after the terminal was resized.
  static func takeResize() -> Bool {
    resizeFlag.exchange(false, ordering: .acquiringAndReleasing)
  }

  /// Returns true, once, after Ctrl-Z was pressed while a line was being edited.
  static func takeSuspend() -> Bool {
    suspendFlag.exchange(false, ordering: .acquiringAndReleasing)
  }

  /// Catches SIGTSTP while libedit has the terminal in raw mode; outside a read it keeps its
  /// default effect (the terminal is in its normal mode then, so stopping at once is right).
  static func catchSuspend(_ catching: Bool) {
    if catching {
      setHandler(for: SIGTSTP, restart: true)
    } else {
      var action = sigaction()
      #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = SIG_DFL
      #else
        action.__sigaction_u.__sa_handler = SIG_DFL
      #endif
      sigemptyset(&action.sa_mask)
      _ = sigaction(SIGTSTP, &action, nil)
    }
  }

  /// Stops the process the way Ctrl-Z would have (so the shell reports a stopped job) and returns
  /// once it is continued.
  static func suspendNow() {
    catchSuspend(false)
    raise(SIGTSTP)
    catchSuspend(true)
  }

  /// The read end of the wake pipe, or -1 before `install()` (poll ignores negative descriptors).
  static var wakeDescriptor: Int32 { wakeReadEnd.load(ordering: .acquiring) }

  /// Empties the wake pipe; the flags, not the bytes, say what happened.
  static func drainWakePipe() {
    let fd = wakeDescriptor
    guard fd >= 0 else { return }
    var scratch = [UInt8](repeating: 0, count: 64)
    while scratch.withUnsafeMutableBytes({ read(fd, $0.baseAddress, $0.count) }) > 0 {}
  }

  // MARK: - Private

  private static func createWakePipe() {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { return }
    for fd in ends {
      _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
      _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }
    wakeReadEnd.store(ends[0], ordering: .releasing)
    wakeWriteEnd.store(ends[1], ordering: .releasing)
  }

  private static func setHandler(for signal: Int32, restart: Bool) {
    var action = sigaction()
    #if canImport(Glibc)
      action.__sigaction_handler.sa_handler = recordSignal
    #else
      action.__sigaction_u.__sa_handler = recordSignal
    #endif
    sigemptyset(&action.sa_mask)
    action.sa_flags = restart ? Int32(SA_RESTART) : 0
    _ = sigaction(signal, &action, nil)
  }
}

private let installed = Atomic<Bool>(false)
private let interruptFlag = Atomic<Bool>(false)
private let terminationFlag = Atomic<Bool>(false)
private let resizeFlag = Atomic<Bool>(false)
private let suspendFlag = Atomic<Bool>(false)
private let wakeReadEnd = Atomic<Int32>(-1)
private let wakeWriteEnd = Atomic<Int32>(-1)

/// The handler itself: atomics, `write(2)` and `errno` only, nothing that allocates or locks.
private func recordSignal(_ signal: Int32) {
  let savedErrno = errno
  switch signal {
  case SIGINT: interruptFlag.store(true, ordering: .releasing)
  case SIGWINCH: resizeFlag.store(true, ordering: .releasing)
  case SIGTSTP: suspendFlag.store(true, ordering: .releasing)
  default: terminationFlag.store(true, ordering: .releasing)
  }
  let fd = wakeWriteEnd.load(ordering: .acquiring)
  if fd >= 0 {
    var byte: UInt8 = 0
    _ = write(fd, &byte, 1)
  }
  errno = savedErrno
}

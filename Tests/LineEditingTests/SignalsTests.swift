import Dispatch
import Testing

@testable import LineEditing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Signal handling, each case in a child process of its own (a Swift Testing exit test).
///
/// `Signals.terminationRequested` is process-wide and never resets, and once it is set every
/// `ScriptReader` in the process answers `.terminated` as soon as it needs more input. Raising
/// SIGTERM in the test process itself would therefore break the `ScriptReader` tests running in
/// parallel with it (a `.serialized` suite only orders the tests *inside* that suite), and SIGINT
/// would be just as sticky for readers. In a child the signal touches nothing else, and a
/// handler that is missing shows up plainly: the child dies of the signal instead of exiting 0.
///
/// Every child arms `alarm` first, so a reader that never wakes up fails the test (the child
/// dies of SIGALRM) instead of hanging it.
///
/// The threads Swift Testing (and libdispatch) run test code on have SIGINT, SIGTERM and SIGHUP
/// *blocked*, in the child too: `raise` there would leave the signal pending and never run the
/// handler. So each child first unblocks the signal on the thread that raises it, as it is in
/// the real program's main thread.
@Suite("Signals")
struct SignalsTests {
  @Test("after install(), SIGTERM sets terminationRequested and does not kill the process")
  func sigtermIsRecorded() async {
    await #expect(processExitsWith: .success) {
      alarm(20)
      unblock(SIGTERM)
      Signals.install()
      guard !Signals.terminationRequested else { exit(3) }
      guard raise(SIGTERM) == 0 else { exit(4) }
      guard Signals.terminationRequested else { exit(5) }
      guard !Signals.interruptRequested else { exit(6) }
    }
  }

  @Test("install() twice is harmless, and SIGHUP counts as a termination too")
  func sighupIsRecorded() async {
    await #expect(processExitsWith: .success) {
      alarm(20)
      unblock(SIGHUP)
      Signals.install()
      Signals.install()
      guard raise(SIGHUP) == 0 else { exit(4) }
      guard Signals.terminationRequested else { exit(5) }
    }
  }

  @Test("SIGINT is no termination for the process, but it stops a ScriptReader")
  func sigintStopsAScript() async {
    await #expect(processExitsWith: .success) {
      alarm(20)
      var ends: [Int32] = [-1, -1]
      guard pipe(&ends) == 0 else { exit(2) }
      let reader = ScriptReader(fileDescriptor: ends[0])  // installs the handlers itself
      unblock(SIGINT)
      guard raise(SIGINT) == 0 else { exit(4) }
      guard Signals.interruptRequested, !Signals.terminationRequested else { exit(5) }
      // The pipe is empty and its write end open: without the signal the read would block.
      guard reader.readLine() == .terminated else { exit(7) }
    }
  }

  @Test("a ScriptReader waiting for input wakes with .terminated when SIGTERM hits another thread")
  func sigtermWakesABlockedReader() async {
    await #expect(processExitsWith: .success) {
      alarm(20)
      var ends: [Int32] = [-1, -1]
      guard pipe(&ends) == 0 else { exit(2) }
      let reader = ScriptReader(fileDescriptor: ends[0])
      // raise() delivers to the calling thread, so this thread, not the blocked reader's, runs
      // the handler (the reader's thread keeps SIGTERM blocked, so its poll is not even
      // interrupted): only the wake pipe can end the reader's wait.
      DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(200)) {
        unblock(SIGTERM)
        _ = raise(SIGTERM)
      }
      guard reader.readLine() == .terminated else { exit(5) }
      guard Signals.terminationRequested else { exit(6) }
    }
  }
}

/// Lets `signal` through on the calling thread.
private func unblock(_ signal: Int32) {
  var set = sigset_t()
  sigemptyset(&set)
  sigaddset(&set, signal)
  guard pthread_sigmask(SIG_UNBLOCK, &set, nil) == 0 else { exit(9) }
}

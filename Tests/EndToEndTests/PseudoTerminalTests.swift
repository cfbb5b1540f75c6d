import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The harness itself, checked against /bin/sh: the interactive end-to-end tests are only as
/// trustworthy as the terminal they run on.
@Suite struct PseudoTerminalTests {
  private let shell = URL(fileURLWithPath: "/bin/sh")

  private func run(_ script: String, environment: [String: String]? = nil) throws -> PseudoTerminal {
    try PseudoTerminal(executable: shell, arguments: ["-c", script], environment: environment)
  }

  @Test func programSeesATerminalOnStdinStdoutAndStderr() throws {
    let terminal = try run(#"for fd in 0 1 2; do if [ -t $fd ]; then echo "fd$fd=tty"; fi; done"#)
    #expect(try terminal.waitForExit() == 0)
    for fd in 0...2 { #expect(terminal.output.contains("fd\(fd)=tty")) }
  }

  @Test func terminalIsTheControllingTerminal() throws {
    // /dev/tty opens only for a process that has a controlling terminal.
    let terminal = try run(#"if (exec </dev/tty) 2>/dev/null; then echo has-ctty; else echo no-ctty; fi"#)
    try terminal.expect("has-ctty")
    #expect(try terminal.waitForExit() == 0)
  }

  @Test func windowSizeAndTermAreSet() throws {
    let terminal = try run(#"echo "size=$(stty size) term=$TERM""#, environment: ["PATH": "/usr/bin:/bin"])
    try terminal.expect("size=30 100 term=xterm-256color")
    #expect(try terminal.waitForExit() == 0)
  }

  @Test func environmentCanOverrideTerm() throws {
    let terminal = try run(#"echo "term=$TERM""#, environment: ["TERM": "dumb"])
    try terminal.expect("term=dumb")
  }

  @Test func ctrlCReachesTheProgramAsSIGINT() throws {
    let terminal = try run(#"trap 'echo caught-INT; exit 42' INT; echo ready; while :; do sleep 1; done"#)
    try terminal.expect("ready")
    terminal.send("\u{03}")
    try terminal.expect("caught-INT")
    #expect(try terminal.waitForExit() == 42)
  }

  @Test func typedLineReachesTheProgram() throws {
    let terminal = try run(#"read line; echo "got:$line""#)
    terminal.send("café au lait\r")
    try terminal.expect("got:café au lait")
    #expect(try terminal.waitForExit() == 0)
  }

  @Test func expectingTheSameTextTwiceWaitsForTheSecond() throws {
    let terminal = try run(#"echo tick; read line; echo tick; echo done"#)
    try terminal.expect("tick")
    terminal.send("\r")
    let all = try terminal.expect("tick")
    #expect(all.components(separatedBy: "tick").count == 3)
  }

  @Test func exitStatusAndSignals() throws {
    let exiting = try run("exit 3")
    #expect(try exiting.waitForExit() == 3)

    let waiting = try run("echo waiting; read line")
    try waiting.expect("waiting")
    waiting.signal(SIGTERM)
    #expect(try waiting.waitForExit() == 128 + SIGTERM)
  }

  @Test func timeoutThrowsWithTheTranscript() throws {
    let terminal = try run("echo something-else; sleep 5")
    #expect {
      try terminal.expect("never printed", timeout: 0.5)
    } throws: { error in
      (error as? PseudoTerminalFailure)?.transcript.contains("something-else") == true
    }
  }
}

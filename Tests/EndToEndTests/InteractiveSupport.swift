import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// kpi-align on a pseudo-terminal, driven the way a facilitator types: one line, then wait for
/// the next prompt before typing again (Ctrl-C flushes keys typed ahead, and a person reads the
/// question first anyway).
///
/// Assertions go on the program's own printed lines (`reply`) and on the saved session, never on
/// libedit's echo of edited text, which is redrawn only where it changed.
final class Facilitator {
  let terminal: PseudoTerminal
  let directory: URL
  let slug: String

  /// The longest any single wait may take.
  static let timeout: Double = 20

  /// Starts `kpi-align --sessions DIRECTORY ARGUMENTS…` on a terminal, with the history file in
  /// `directory` and the colour settings of a plain xterm unless `environment` says otherwise.
  init(
    _ arguments: [String], in directory: URL, slug: String = "acme-retail",
    environment extra: [String: String] = [:]
  ) throws {
    var environment = ProcessInfo.processInfo.environment
    environment.removeValue(forKey: "NO_COLOR")
    environment.removeValue(forKey: "KPI_ALIGN_SESSIONS")
    environment["TERM"] = "xterm-256color"
    environment["KPI_ALIGN_HISTORY"] = directory.appendingPathComponent("history").path
    environment.merge(extra) { $1 }
    self.directory = directory
    self.slug = slug
    terminal = try PseudoTerminal(
      executable: Binary.url, arguments: ["--sessions", directory.path] + arguments,
      environment: environment, columns: 200, rows: 50)
  }

  /// The end of every workshop prompt, e.g. `[3/6 select] acme-retail› `.
  var prompt: String { "\(slug)› " }

  /// Where the output stands now: `reply(since:)` returns what came after it.
  func mark() -> Int { terminal.output.utf8.count }

  func output(since mark: Int) -> String {
    String(decoding: Array(terminal.output.utf8).dropFirst(mark), as: UTF8.self)
  }

  /// Waits for the next prompt and returns everything printed since `mark`.
  @discardableResult
  func waitForPrompt(since mark: Int = 0) throws -> String {
    try terminal.expect(prompt, timeout: Self.timeout)
    return output(since: mark)
  }

  /// Types `keys` and Enter, waits for the next prompt, and returns what appeared in between
  /// (libedit's echo of the line included, then the program's reply and the prompt).
  @discardableResult
  func type(_ keys: String) throws -> String {
    let start = mark()
    terminal.send(keys + "\r")
    return try waitForPrompt(since: start)
  }

  /// Types every line in turn.
  func typeAll<S: Sequence>(_ lines: S) throws where S.Element == String {
    for line in lines { try type(line) }
  }

  /// Types `keys` without Enter and waits until libedit has echoed `echo`, so the keys are in
  /// the line being edited (and not still in the terminal's buffer) before whatever comes next.
  func typeWithoutEnter(_ keys: String, echo: String) throws {
    terminal.send(keys)
    try terminal.expect(echo, timeout: Self.timeout)
  }

  /// Ctrl-C: drops the line being edited; returns what appeared until the next prompt.
  @discardableResult
  func interrupt() throws -> String {
    let start = mark()
    terminal.send("\u{03}")
    return try waitForPrompt(since: start)
  }

  /// Ctrl-D on an empty line: save and leave. Returns the exit status.
  func endOfInput() throws -> Int32 {
    terminal.send("\u{04}")
    return try terminal.waitForExit(timeout: Self.timeout)
  }

  /// `/quit`. Returns the exit status.
  func quit() throws -> Int32 {
    terminal.send("/quit\r")
    return try terminal.waitForExit(timeout: Self.timeout)
  }
}

/// Up arrow, as an xterm sends it.
let upArrow = "\u{1B}[A"

/// The saved transcript, `<dir>/<slug>.json`, decoded without the product's own types.
struct SavedSession {
  let json: [String: Any]

  init(directory: URL, slug: String = "acme-retail") throws {
    let url = directory.appendingPathComponent("\(slug).json")
    let data = try Data(contentsOf: url)
    json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  var cascade: [String: Any] { json["cascade"] as? [String: Any] ?? [:] }
  var exchanges: [[String: Any]] { json["exchanges"] as? [[String: Any]] ?? [] }
  var companyKPIs: [[String: Any]] { cascade["companyKPIs"] as? [[String: Any]] ?? [] }
  var departments: [[String: Any]] { cascade["departments"] as? [[String: Any]] ?? [] }
  var departmentKPIs: [[String: Any]] { departments.flatMap { $0["kpis"] as? [[String: Any]] ?? [] } }

  func companyKPI(_ name: String) -> [String: Any]? {
    companyKPIs.first { $0["name"] as? String == name }
  }

  func departmentKPI(_ name: String) -> [String: Any]? {
    departmentKPIs.first { $0["name"] as? String == name }
  }

  /// Department KPI name → its accountable person.
  var owners: [String: String] {
    var owners: [String: String] = [:]
    for kpi in departmentKPIs {
      if let name = kpi["name"] as? String { owners[name] = kpi["owner"] as? String ?? "(none)" }
    }
    return owners
  }

  /// The sequence numbers that a later `/undo` took back.
  var undone: Set<Int> {
    var seqs = Set<Int>()
    for exchange in exchanges {
      for change in exchange["changes"] as? [[String: Any]] ?? [] {
        if let undone = change["undone"] as? [String: Any], let seq = undone["seq"] as? Int {
          seqs.insert(seq)
        }
      }
    }
    return seqs
  }

  /// Every answer still standing, in order, as typed: not commands, not undone ones.
  var answers: [String] {
    let undone = self.undone
    return exchanges.filter { exchange in
      exchange["question"] as? String != "(command)" && !undone.contains(exchange["seq"] as? Int ?? -1)
    }.compactMap { $0["answer"] as? String }
  }

  /// Every answer ever recorded, commands and undone ones included.
  var everyAnswer: [String] { exchanges.compactMap { $0["answer"] as? String } }
}

/// The complete five-department workshop, one answer a line, exactly as the fixture has it.
func workshopFixtureLines() throws -> [String] {
  let text = try String(contentsOf: Binary.fixture("acme-workshop.txt"), encoding: .utf8)
  var lines = text.components(separatedBy: "\n")
  if lines.last == "" { lines.removeLast() }
  return lines
}

/// A fresh scratch folder that is removed when `body` returns.
func withScratchDirectory<T>(_ body: (URL) throws -> T) throws -> T {
  let directory = Binary.scratchDirectory()
  defer { try? FileManager.default.removeItem(at: directory) }
  return try body(directory)
}

/// `kpi-align --sessions DIRECTORY ARGUMENTS…` through pipes.
func runScripted(_ arguments: [String], in directory: URL, input: String = "") throws -> Binary.Result {
  try Binary.run(["--sessions", directory.path] + arguments, input: input)
}

extension String {
  /// Whether the text holds an SGR colour sequence such as `ESC[32m`.
  var hasColourSequence: Bool {
    range(of: "\u{1B}\\[[0-9;]*m", options: .regularExpression) != nil
  }
}

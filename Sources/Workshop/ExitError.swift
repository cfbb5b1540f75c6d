/// The process's exit codes, documented in the README; scripts and CI read them.
public enum ExitCode: Int32, Sendable, CaseIterable {
  case success = 0
  /// `check` found a failing test, a script line was refused, or `diff` found changes.
  case failed = 1
  /// The command line was wrong.
  case usage = 2
  /// A file given to kpi-align is not a valid transcript or cascade.
  case badInput = 3
  /// Reading or writing a file failed.
  case io = 4
  /// The session is open in another kpi-align.
  case sessionInUse = 5
}

/// An error that ends a command: one line a person understands, and the code a script reads.
public struct ExitError: Error, Equatable, Sendable, CustomStringConvertible {
  public var code: ExitCode
  public var message: String

  public init(_ code: ExitCode, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }

  static func usage(_ message: String) -> ExitError { ExitError(.usage, message) }
  static func badInput(_ message: String) -> ExitError { ExitError(.badInput, message) }
  static func io(_ message: String) -> ExitError { ExitError(.io, message) }
}

import Exports

/// What the engine says back to one line: text to show, the exchange to journal (if the
/// line was accepted), a refusal (for scripts, a failed line), and any effect for the shell.
public struct Reply: Equatable, Sendable {
  public var text: String
  /// The accepted exchange; the shell must journal it before showing the next prompt.
  public var exchange: Exchange?
  /// Why the line was refused; `nil` when it was accepted or only informative.
  public var refusal: String?
  public var effect: Effect?

  public init(text: String, exchange: Exchange? = nil, refusal: String? = nil, effect: Effect? = nil) {
    self.text = text
    self.exchange = exchange
    self.refusal = refusal
    self.effect = effect
  }
}

/// Work the shell does on the engine's behalf: files and leaving.
public enum Effect: Equatable, Sendable {
  /// Rewrite the transcript; with a path, also write a copy there (over a file already there
  /// only when `replacing`).
  case save(path: String?, replacing: Bool = false)
  case export(ExportFormat, path: String, options: ExportOptions, replacing: Bool = false)
  /// Compare the session on screen with the one in a file (a path, or a slug in the same
  /// folder): the shell reads it, the engine never touches files.
  case diff(path: String)
  /// Read a readings file (`/readings FILE`) and hand it to `Workshop.recordReadings`.
  case readings(path: String)
  case quit
}

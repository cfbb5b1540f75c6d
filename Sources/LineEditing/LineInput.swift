/// What one read gave.
///
/// Both readers answer with this one type so the session loop handles the interactive and the
/// scripted path alike.
public enum LineInput: Equatable, Sendable {
  /// A line, without its newline.
  case line(String)
  /// Ctrl-C: the half-typed line is dropped; the caller just prompts again.
  case interrupted
  /// Ctrl-D on an empty line, or end of input.
  case end
  /// SIGTERM or SIGHUP arrived (for a script, also SIGINT): the caller saves and quits.
  case terminated
  /// (Non-interactive only.) The line's bytes are not valid UTF-8; reading can continue.
  case invalidUTF8
  /// (Interactive only.) The line held a terminal control sequence that is not an editing key
  /// (pasted escape codes, a C1 control, a direction override). libedit would silently drop
  /// part of it and keep the rest, so the whole line is refused instead.
  case controlSequence
}

/// Candidates for Tab.
///
/// `stem` is the tail of the text before the cursor being completed; each candidate replaces that
/// stem entirely, so the completer decides what a "word" is (it may include an opening quote, or
/// span spaces inside a quoted name) and may match case-insensitively: the reader inserts the
/// candidate's own spelling.
public struct CompletionCandidates: Sendable {
  /// The tail of the text before the cursor that the candidates replace.
  public var stem: String
  /// Full replacements for `stem`, inserted exactly as given (spaces and quotes included).
  public var candidates: [String]

  /// `stem` must be a suffix of the text the completer was given; otherwise nothing is replaced
  /// and the candidate is inserted at the cursor.
  public init(stem: String, candidates: [String]) {
    self.stem = stem
    self.candidates = candidates
  }
}

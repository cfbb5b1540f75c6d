/// Where the room's answers are after a write to the session's files failed, and whether
/// leaving now would lose any: the words the facilitator reads when the disk says no.
///
/// A value of the session's storage state, so every branch is a unit test rather than a fault
/// staged on a real disk; `OpenSession.safety` gives the current one.
public struct AnswerSafety: Equatable, Sendable {
  /// Accepted answers in no file at all: neither where the session lives nor in a copy.
  public var onlyInMemory: Int
  /// Accepted answers not yet where the session lives (they may be in a copy).
  public var notStored: Int
  /// Where `/save PATH` last wrote a copy.
  public var copyPath: String?
  /// Whether the next answer tries the failed write again (not once another program replaced
  /// the session's files, nor in a folder read-only from the start).
  public var retriesWrites: Bool

  public init(onlyInMemory: Int, notStored: Int, copyPath: String?, retriesWrites: Bool) {
    self.onlyInMemory = onlyInMemory
    self.notStored = notStored
    self.copyPath = copyPath
    self.retriesWrites = retriesWrites
  }

  /// The sentence after a failed write's reason: where the answers are and what to do.
  public var whereTheAnswersAre: String {
    guard onlyInMemory > 0 else {
      if notStored > 0, let copyPath {
        return
          "Every answer is in the copy at \(DisplayText.safe(copyPath)); /save PATH writes it again there or elsewhere."
      }
      return
        "Every answer is on disk in the journal beside it, so none is lost; /save PATH also writes a copy elsewhere."
    }
    return retriesWrites
      ? "\(held) kept in memory only: kpi-align tries again with every answer, and /save PATH writes a copy elsewhere now."
      : "\(held) kept in memory only: /save PATH writes the session elsewhere."
  }

  /// The warning that keeps a person from leaving with answers in memory only, or `nil` when
  /// they may leave: a script always may (nobody is there to answer), and so may a person
  /// who was warned once already and asked to leave again.
  public func leavingWarning(interactive: Bool, warnedBefore: Bool) -> String? {
    guard interactive, onlyInMemory > 0, !warnedBefore else { return nil }
    return "\(held) in memory only and would be lost: /save PATH keeps them; /quit again leaves without them."
  }

  private var held: String { onlyInMemory == 1 ? "1 answer is" : "\(onlyInMemory) answers are" }
}

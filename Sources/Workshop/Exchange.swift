import Foundation

/// One question and its accepted answer (or one command that changed something), with what it
/// changed. The transcript is the list of these; replaying them rebuilds the session.
public struct Exchange: Codable, Equatable, Sendable {
  /// 1, 2, 3… in the order they were accepted; `/undo` names an exchange by it.
  public var seq: Int
  public var at: Date
  /// The step the room was in when it answered (1–6).
  public var step: Int
  public var question: String
  public var answer: String
  public var changes: [WorkshopEvent]

  public init(
    seq: Int, at: Date, step: Int, question: String, answer: String, changes: [WorkshopEvent]
  ) {
    self.seq = seq
    self.at = at
    self.step = step
    self.question = question
    self.answer = answer
    self.changes = changes
  }

  /// Whether the exchange recorded an answer (not only a move between steps or an undo):
  /// what `/undo` takes back. An import is the session's starting point, not an answer:
  /// a restored cascade, or a spreadsheet's rows (`importQuestion`), which are many events.
  public var isUndoable: Bool {
    if question == Self.importQuestion { return false }
    var answered = false
    for change in changes {
      switch change {
      case .cascade(.restored): return false
      case .stepEntered, .undone: continue
      default: answered = true
      }
    }
    return answered
  }

  /// Whether the exchange moved the room to another step (the shell saves then).
  public var movesStep: Bool {
    changes.contains { if case .stepEntered = $0 { true } else { false } }
  }

  /// Whether the exchange takes back an earlier one.
  var undoes: Bool {
    changes.contains { if case .undone = $0 { true } else { false } }
  }
}

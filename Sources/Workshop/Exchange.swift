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
  /// what `/undo` takes back.
  public var isUndoable: Bool {
    changes.contains {
      switch $0 {
      case .stepEntered, .undone: false
      default: true
      }
    }
  }
}

/// A verdict on one answer (is this one named person?): what is wrong and what to do, kept
/// apart so a finding can show them on their own, and joined as sentences for the room.
public struct Assessment: Equatable, Sendable {
  public var verdict: Verdict
  /// What is wrong, or for a pass what was found: one clause, no full stop ("'Sales team' is a
  /// group: a team can't be accountable"). A finding's `reason`.
  public var problem: String
  /// What to do about it, no full stop; `nil` for a pass. A finding's `remedy`.
  public var remedy: String?

  public init(verdict: Verdict, problem: String, remedy: String? = nil) {
    self.verdict = verdict
    self.problem = problem
    self.remedy = remedy
  }

  /// The problem and the remedy as sentences, for refusing or noting an answer in the room:
  /// "'Sales team' is a group: a team can't be accountable. Name one person, e.g. '…'."
  public var reason: String {
    ([problem] + (remedy.map { [$0] } ?? [])).map { Self.sentence($0) }.joined(separator: " ")
  }

  private static func sentence(_ clause: String) -> String {
    guard let first = clause.first else { return clause }
    return first.uppercased() + clause.dropFirst() + "."
  }
}

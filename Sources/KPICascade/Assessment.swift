/// A verdict on one answer (is this one named person?) with the reason, in words that say
/// what to do, for the room and for the accountability test.
public struct Assessment: Equatable, Sendable {
  public var verdict: Verdict
  public var reason: String

  public init(verdict: Verdict, reason: String) {
    self.verdict = verdict
    self.reason = reason
  }
}

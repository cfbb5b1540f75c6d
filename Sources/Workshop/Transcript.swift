import Foundation
import KPICascade

/// The session file: `sessions/<slug>.json`. Documented in `docs/transcript.md`, with a JSON
/// Schema beside it, so other tools can read the cascade without replaying.
public struct Transcript: Codable, Equatable, Sendable {
  public static let formatTag = "kpi-align-transcript"
  public static let currentVersion = 1

  public var format: String
  public var version: Int
  public var session: SessionInfo
  public var exchanges: [Exchange]
  /// The cascade the exchanges add up to, for readers that do not replay.
  public var cascade: Cascade

  public init(session: Session) {
    format = Self.formatTag
    version = Self.currentVersion
    self.session = session.info
    exchanges = session.exchanges
    cascade = session.cascade
  }
}

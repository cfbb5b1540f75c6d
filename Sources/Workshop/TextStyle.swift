import KPICascade

/// How the engine's text looks: colour and marks on a terminal, plain words everywhere else.
///
/// The engine writes through this so a pipe, `NO_COLOR` or `TERM=dumb` get text a script can
/// read, and the projector gets ✓ ⚠ ✗ in colour.
public struct TextStyle: Sendable {
  public var isFancy: Bool

  public init(isFancy: Bool) { self.isFancy = isFancy }

  public static let plain = TextStyle(isFancy: false)
  public static let fancy = TextStyle(isFancy: true)

  public func mark(_ verdict: Verdict) -> String {
    guard isFancy else {
      switch verdict {
      case .pass: return "[pass]"
      case .warn: return "[warn]"
      case .fail: return "[FAIL]"
      }
    }
    switch verdict {
    case .pass: return paint("✓", code: "32")
    case .warn: return paint("!", code: "33")
    case .fail: return paint("✗", code: "31")
    }
  }

  public func heading(_ text: String) -> String { paint(text, code: "1") }
  public func dim(_ text: String) -> String { paint(text, code: "2") }
  public func problem(_ text: String) -> String { paint(text, code: "31") }
  public func good(_ text: String) -> String { paint(text, code: "32") }

  private func paint(_ text: String, code: String) -> String {
    isFancy ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}

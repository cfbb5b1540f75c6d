/// Follows the characters of one typed line and notices anything that is not text or an
/// editing key: a pasted escape sequence (`ESC [ 2 J`, `ESC ] 0 ; …`), a C1 control, or an
/// invisible mark that reorders text on screen.
///
/// libedit treats an unknown sequence as unbound keys, drops part of it and inserts the rest,
/// so `Revenue ESC[2J growth` would silently become `Revenue J growth`. The reader refuses such
/// a line instead, and shows the offending character as U+FFFD while it is being typed.
struct EscapeSequenceFilter {
  /// Whether this line held something that is neither text nor an editing key.
  private(set) var sawForeignSequence = false
  /// The characters of an escape sequence in progress, after ESC.
  private var sequence: [UInt32]?

  /// Looks at one typed character; `false` when it must not reach the screen as typed.
  mutating func accept(_ scalar: UInt32) -> Bool {
    if var open = sequence {
      open.append(scalar)
      sequence = open
      switch Self.classify(open) {
      case .incomplete: return true
      case .editingKey: sequence = nil
      case .foreign:
        sequence = nil
        sawForeignSequence = true
      }
      if Self.isHiddenControl(scalar) {
        sawForeignSequence = true
        return false
      }
      return true
    }
    if scalar == 0x1B {
      sequence = []
      return true
    }
    if Self.isHiddenControl(scalar) {
      sawForeignSequence = true
      return false
    }
    return true
  }

  private enum Kind { case incomplete, editingKey, foreign }

  /// ESC + letter (meta keys), ESC O x (keypad), ESC [ digits ; final where the final byte is
  /// an arrow, Home, End or `~` (Insert, Delete, Page Up/Down…): keys libedit edits with.
  private static func classify(_ after: [UInt32]) -> Kind {
    guard let first = after.first else { return .incomplete }
    switch first {
    case 0x5B:  // [
      let body = after.dropFirst()
      guard let last = body.last else { return .incomplete }
      if (0x30...0x3F).contains(last) {
        return body.count > 12 ? .foreign : .incomplete
      }
      let final = UnicodeScalar(last).map(Character.init)
      let parametersAreDigits = body.dropLast().allSatisfy { (0x30...0x39).contains($0) || $0 == 0x3B }
      if parametersAreDigits, let final, "ABCDHF~".contains(final) { return .editingKey }
      return .foreign
    case 0x4F:  // O
      return after.count < 2 ? .incomplete : .editingKey
    case 0x41...0x5A, 0x61...0x7A, 0x7F, 0x08, 0x30...0x39:  // meta + letter, digit, DEL
      return .editingKey
    default:
      return .foreign
    }
  }

  /// C1 controls and the invisible direction marks: never typed on purpose, never harmless.
  private static func isHiddenControl(_ scalar: UInt32) -> Bool {
    switch scalar {
    case 0x80...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C, 0x2028, 0x2029: true
    default: false
    }
  }
}

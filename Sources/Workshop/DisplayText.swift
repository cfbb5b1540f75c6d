/// Makes user text safe to write to a terminal: control characters and escape sequences are
/// shown as visible codes (`^[`, `<U+202E>`) instead of being obeyed by the terminal.
public enum DisplayText {
  public static func safe(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
      if scalar.value < 0x20 {
        result += "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40)))
      } else if scalar.value == 0x7F {
        result += "^?"
      } else if isUnsafe(scalar) {
        result += "<U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4) + ">"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// `safe(text)`, cut to `limit` characters with `…`: user text quoted in a message, so a
  /// pasted page can't flood the projector.
  public static func excerpt(_ text: String, limit: Int = 60) -> String {
    let shown = safe(text)
    return shown.count > limit ? String(shown.prefix(limit - 1)) + "…" : shown
  }

  /// C0 and C1 controls, DEL, and the invisible marks that reorder text on screen.
  public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: true
    case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: true
    case 0x2028, 0x2029, 0xFEFF: true
    default: false
    }
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}

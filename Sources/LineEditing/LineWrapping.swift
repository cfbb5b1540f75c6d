#if canImport(Glibc)
  import Glibc
#endif

/// Wraps the engine's text at the terminal's width, between words, keeping each line's
/// indentation: on a projector a question broken mid-word is hard to read.
public enum LineWrapping {
  /// The terminal's columns, or `nil` when stdout is not a terminal.
  public static var terminalWidth: Int? {
    var size = winsize()
    guard isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 else { return nil }
    return Int(size.ws_col)
  }

  /// The terminal's rows, or `nil` when stdout is not a terminal.
  public static var terminalHeight: Int? {
    var size = winsize()
    guard isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 5 else { return nil }
    return Int(size.ws_row)
  }

  public static func wrap(_ text: String, width: Int) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { wrapLine(String($0), width: width) }
      .joined(separator: "\n")
  }

  private static func wrapLine(_ line: String, width: Int) -> String {
    guard visibleWidth(line) > width else { return line }
    let leading = String(line.prefix { $0 == " " })
    // A table row continues under its last column, a numbered item under its text, and a line
    // that starts at the margin a little in from it, so no continuation reads as a new item.
    let indent =
      hangingIndent(line, leading: leading.count, width: width) ?? (leading.isEmpty ? "  " : leading)
    let words = line.dropFirst(leading.count).split(separator: " ", omittingEmptySubsequences: false)
    var lines: [String] = []
    // The first line keeps the line's own indentation; the lines it wraps onto take `indent`.
    var current = leading
    var currentWidth = leading.count
    var hasWord = false
    for word in words {
      let wordWidth = visibleWidth(String(word))
      if hasWord, currentWidth + 1 + wordWidth > width {
        lines.append(current)
        current = indent + word
        currentWidth = indent.count + wordWidth
      } else {
        if hasWord {
          current += " "
          currentWidth += 1
        }
        current += word
        currentWidth += wordWidth
      }
      hasWord = true
    }
    lines.append(current)
    return lines.joined(separator: "\n")
  }

  /// Where wrapped text continues: under the text of a numbered item (`1. …`), or after the
  /// last gap of two or more spaces that starts within the width (the last column of a table
  /// row such as `  ✓  8  title      detail`), when that leaves room to wrap into.
  private static func hangingIndent(_ line: String, leading: Int, width: Int) -> String? {
    let plain = Array(withoutColour(line).unicodeScalars)
    var digits = leading
    while digits < plain.count, ("0"..."9").contains(plain[digits]) { digits += 1 }
    if digits > leading, digits + 1 < plain.count, plain[digits] == ".", plain[digits + 1] == " " {
      return String(repeating: " ", count: digits + 2)
    }
    var column: Int?
    var index = leading
    while index + 1 < min(plain.count, width) {
      if plain[index] == " ", plain[index + 1] == " " {
        var end = index
        while end < plain.count, plain[end] == " " { end += 1 }
        column = end
        index = end
      } else {
        index += 1
      }
    }
    guard let column, column <= width - 20 else { return nil }
    return String(repeating: " ", count: column)
  }

  /// Columns a string takes: characters outside colour sequences, combining marks excluded.
  public static func visibleWidth(_ text: String) -> Int {
    withoutColour(text).unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }.count
  }

  /// The text without its `ESC [ … letter` colour sequences.
  private static func withoutColour(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    var inEscape = false
    for scalar in text.unicodeScalars {
      if inEscape {
        if (0x40...0x7E).contains(scalar.value), scalar != "[" { inEscape = false }
      } else if scalar == "\u{1B}" {
        inEscape = true
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }
}

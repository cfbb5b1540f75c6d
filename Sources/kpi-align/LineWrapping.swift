#if canImport(Glibc)
  import Glibc
#endif

/// Wraps the engine's text at the terminal's width, between words, keeping each line's
/// indentation: on a projector a question broken mid-word is hard to read.
enum LineWrapping {
  /// The terminal's columns, or `nil` when stdout is not a terminal.
  static var terminalWidth: Int? {
    var size = winsize()
    guard isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 else { return nil }
    return Int(size.ws_col)
  }

  static func wrap(_ text: String, width: Int) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { wrapLine(String($0), width: width) }
      .joined(separator: "\n")
  }

  private static func wrapLine(_ line: String, width: Int) -> String {
    guard visibleWidth(line) > width else { return line }
    let indent = String(line.prefix { $0 == " " })
    let words = line.dropFirst(indent.count).split(separator: " ", omittingEmptySubsequences: false)
    var lines: [String] = []
    var current = indent
    var currentWidth = indent.count
    for word in words {
      let wordWidth = visibleWidth(String(word))
      if currentWidth > indent.count, currentWidth + 1 + wordWidth > width {
        lines.append(current)
        current = indent + word
        currentWidth = indent.count + wordWidth
      } else {
        if currentWidth > indent.count {
          current += " "
          currentWidth += 1
        }
        current += word
        currentWidth += wordWidth
      }
    }
    lines.append(current)
    return lines.joined(separator: "\n")
  }

  /// Columns a string takes: characters outside `ESC [ … letter` colour sequences.
  static func visibleWidth(_ text: String) -> Int {
    var width = 0
    var inEscape = false
    for scalar in text.unicodeScalars {
      if inEscape {
        if (0x40...0x7E).contains(scalar.value), scalar != "[" { inEscape = false }
      } else if scalar == "\u{1B}" {
        inEscape = true
      } else if scalar.properties.generalCategory != .nonspacingMark {
        width += 1
      }
    }
    return width
  }
}

/// Makes text the room typed safe to place inside Markdown: in a paragraph, a list item, a
/// heading or a table cell.
///
/// Names come from a live room and may contain anything: `|` would split a table cell, `*`,
/// `_`, `` ` `` or `#` would restyle the minutes, and `<script>` would run in any renderer
/// that passes HTML through. Escaping every character that means something to Markdown or
/// HTML, and folding line breaks into spaces, keeps each value inside its cell and inert.
enum MarkdownText {
  /// `text` escaped for inline use: Markdown punctuation gets a backslash, a `<` that could open a
  /// tag becomes `&lt;` (no tag can open), `&` becomes `&amp;` only where it would start an entity (`&copy;`), and
  /// line breaks and other control characters become one space. `>` and a plain `&` stay as
  /// typed (`>= 20%`, `R&D`, `Warehouse & Logistics`): minutes are read as text in e-mail too.
  static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.count)
    var lastWasBreak = false
    let characters = Array(text)
    for (index, character) in characters.enumerated() {
      if isBreak(character) {
        if !lastWasBreak { result.append(" ") }
        lastWasBreak = true
        continue
      }
      lastWasBreak = false
      switch character {
      case "&": result += startsEntity(characters[(index + 1)...]) ? "&amp;" : "&"
      // Only where a renderer could read a tag, a comment or an autolink: "<= 10%" and "< 3 days"
      // stay as typed, "<script>" and "</b>" do not.
      case "<": result += opensTag(characters[(index + 1)...]) ? "&lt;" : "<"
      case "\\", "`", "*", "_", "#", "|", "[", "]", "~":
        result.append("\\")
        result.append(character)
      default: result.append(character)
      }
    }
    return result
  }

  /// A value for a table cell or a list item: escaped, or an italic placeholder when absent,
  /// so a missing answer reads as missing rather than as an empty cell.
  static func value(_ text: String?, missing: String = "not set") -> String {
    guard let text, !text.isEmpty else { return "_\(missing)_" }
    return escape(text)
  }

  /// Whether the text after an `&` would make an HTML entity: `#123;`, `#x1F;`, `copy;`.
  /// Whether what follows a `<` could make it the start of HTML: a letter, `/`, `!` or `?`.
  private static func opensTag(_ rest: ArraySlice<Character>) -> Bool {
    guard let next = rest.first else { return false }
    return next.isLetter || next == "/" || next == "!" || next == "?"
  }

  private static func startsEntity(_ rest: ArraySlice<Character>) -> Bool {
    var body = rest.prefix(33)
    if body.first == "#" { body = body.dropFirst() }
    guard let end = body.firstIndex(of: ";"), end > body.startIndex else { return false }
    return body[body.startIndex..<end].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
  }

  /// Line breaks (`\n`, `\r\n`, U+2028…) and control characters such as ESC.
  private static func isBreak(_ character: Character) -> Bool {
    character.isNewline
      || character.unicodeScalars.contains { $0.properties.generalCategory == .control }
  }
}

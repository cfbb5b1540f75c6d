/// A `/command` line split into words the way a shell user expects: spaces separate words,
/// double or single quotes keep spaces inside a name, and `because` starts a reason.
struct CommandLineText: Equatable {
  /// The command word without its slash, lowercased: `rename`.
  var name: String
  /// The words after the command, quotes removed, up to `because`.
  var arguments: [String]
  /// Everything after an unquoted `because`, as typed.
  var reason: String?
  /// Whether a quote was left open (Tab completion still inside a name).
  var hasOpenQuote: Bool

  init(_ line: String) {
    var words: [String] = []
    var current = ""
    var inWord = false
    var quote: Character?
    var reasonStart: String.Index?
    var index = line.startIndex
    if line.hasPrefix("/") { index = line.index(after: index) }
    var wordStart = index
    while index < line.endIndex {
      let character = line[index]
      if let open = quote {
        if character == open { quote = nil } else { current.append(character) }
      } else if character == "\"" || character == "'" {
        if !inWord { wordStart = index }
        quote = character
        inWord = true
      } else if character == " " {
        if inWord {
          if line[wordStart] != "\"", line[wordStart] != "'", current.lowercased() == "because",
            !words.isEmpty
          {
            reasonStart = line.index(after: index)
            break
          }
          words.append(current)
          current = ""
          inWord = false
        }
      } else {
        if !inWord { wordStart = index }
        current.append(character)
        inWord = true
      }
      index = line.index(after: index)
    }
    if reasonStart == nil, inWord { words.append(current) }
    name = (words.first ?? "").lowercased()
    arguments = Array(words.dropFirst())
    reason = reasonStart.map { String(line[$0...]).trimmed }
    hasOpenQuote = quote != nil
  }

  /// The arguments from `index` on, joined with spaces: the free text at the end of a command.
  func rest(from index: Int) -> String {
    index < arguments.count ? arguments[index...].joined(separator: " ") : ""
  }
}

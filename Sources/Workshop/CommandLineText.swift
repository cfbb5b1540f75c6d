/// A `/command` line split into words the way a person expects: spaces separate words, a quote
/// at the start of a word keeps spaces inside a name until the matching quote that ends a word,
/// `\"` is a literal quote inside double quotes, an apostrophe inside a word (`O'Reilly`,
/// `Bob's`) is just a letter, and `because` starts a reason.
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
    let characters = Array(line.hasPrefix("/") ? line.dropFirst() : Substring(line))
    var words: [String] = []
    var current = ""
    var inWord = false
    var wasQuoted = false
    var quote: Character?
    var reason: String?
    var index = 0
    func endsWord(_ position: Int) -> Bool {
      position + 1 >= characters.count || characters[position + 1] == " "
    }
    while index < characters.count {
      let character = characters[index]
      if let open = quote {
        if character == "\\", open == "\"", index + 1 < characters.count,
          characters[index + 1] == "\"" || characters[index + 1] == "\\"
        {
          current.append(characters[index + 1])
          index += 1
        } else if character == open, endsWord(index) {
          quote = nil
        } else {
          current.append(character)
        }
      } else if character == " " {
        if inWord {
          if !wasQuoted, current.lowercased() == "because", !words.isEmpty {
            reason = String(characters[(index + 1)...]).trimmed
            break
          }
          words.append(current)
          current = ""
          inWord = false
          wasQuoted = false
        }
      } else if !inWord, character == "\"" || character == "'" {
        quote = character
        inWord = true
        wasQuoted = true
      } else {
        current.append(character)
        inWord = true
      }
      index += 1
    }
    if reason == nil, inWord { words.append(current) }
    name = (words.first ?? "").lowercased()
    arguments = Array(words.dropFirst())
    self.reason = reason
    hasOpenQuote = quote != nil
  }

  /// The arguments from `index` on, joined with spaces: the free text at the end of a command.
  func rest(from index: Int) -> String {
    index < arguments.count ? arguments[index...].joined(separator: " ") : ""
  }
}

/// An answer cut once into words, numbers and symbols, each lowercased once, so that every
/// reader (target, lead time, owner, KPI name) matches tables of phrases over tokens instead of
/// patterns over text.
///
/// A word is a run of letters in any script (`María José`, `Nguyễn Văn An`, `"Zoë"`), a number a
/// run of ASCII digits with its thousands groups and decimals (`1,200.50`, `.5`), and every
/// other character that is not whitespace a symbol of its own (`$`, `%`, `≥`, `-`). Whether
/// whitespace came before a token is kept (`spaced`), because "5m" (five million) and "5 m"
/// differ, and so do "p95" (a name) and "p 95".
struct AnswerTokens: Sendable {
  /// What a token is made of.
  enum Kind: Sendable, Equatable {
    case word, number, symbol
  }

  /// One token: its kind, its text lowercased, and where it stands in the answer as typed.
  struct Token: Sendable, Equatable {
    var kind: Kind
    /// The token lowercased (a number as typed, commas and all).
    var text: String
    /// Where the token is in the answer as typed.
    var range: Range<String.Index>
    /// Whether whitespace (or the start of the answer) comes right before it: a token that is
    /// not spaced is glued to the one before.
    var spaced: Bool

    var isWord: Bool { kind == .word }
    var isNumber: Bool { kind == .number }

    /// Whether this is the symbol `symbol`.
    func `is`(_ symbol: Character) -> Bool {
      kind == .symbol && text.first == symbol && text.count == 1
    }

    /// The number's value, thousands separators dropped; `nil` for words and symbols.
    var value: Double? {
      guard kind == .number else { return nil }
      return Double(text.contains(",") ? text.filter { $0 != "," } : text)
    }

    /// Whether this is a number written as plain digits with at most a decimal part, no
    /// thousands separators and `digits` digits before the point, when given.
    func isPlainNumber(digits: ClosedRange<Int>? = nil) -> Bool {
      guard kind == .number, !text.contains(",") else { return false }
      guard let digits else { return true }
      guard !text.contains(".") else { return false }
      return digits.contains(text.count)
    }
  }

  /// The answer as typed.
  let typed: String
  var tokens: [Token]

  init(_ typed: String) {
    self.typed = typed
    tokens = Self.cut(typed)
  }

  var count: Int { tokens.count }
  var isEmpty: Bool { tokens.isEmpty }
  subscript(index: Int) -> Token { tokens[index] }

  /// The token at `index`, or `nil` past either end.
  func at(_ index: Int) -> Token? {
    tokens.indices.contains(index) ? tokens[index] : nil
  }

  /// Whether the token at `index` is the word `word` (or one of `words`).
  func word(at index: Int, _ words: String...) -> Bool {
    guard let token = at(index), token.isWord else { return false }
    return words.contains(token.text)
  }

  /// Whether the token at `index` is a word in `words`.
  func word(at index: Int, in words: Set<String>) -> Bool {
    guard let token = at(index), token.isWord else { return false }
    return words.contains(token.text)
  }

  /// Whether the token at `index` is glued to a letter or digit before it: a word or number
  /// starting there is part of a longer name ("p95", "5over").
  func isGlued(_ index: Int) -> Bool {
    guard let token = at(index), !token.spaced, let before = at(index - 1) else { return false }
    return before.kind != .symbol
  }

  /// Whether a word or number glued to the end of `index ..< end` continues it: a phrase ends
  /// only where a word does ("over" is not in "over5").
  func continues(at end: Int) -> Bool {
    guard let next = at(end), !next.spaced else { return false }
    return next.kind != .symbol
  }

  /// The end of `phrase` (words, lowercased, separated by whitespace) when it starts at
  /// `index` as whole words; `nil` otherwise.
  func phrase(_ phrase: [String], at index: Int) -> Int? {
    guard !isGlued(index) else { return nil }
    for (offset, word) in phrase.enumerated() {
      guard let token = at(index + offset), token.isWord, token.text == word,
        offset == 0 || token.spaced
      else { return nil }
    }
    let end = index + phrase.count
    return continues(at: end) ? nil : end
  }

  /// Where `phrase` first starts as whole words, or `nil`.
  func firstIndex(ofPhrase phrase: [String]) -> Int? {
    guard let first = phrase.first else { return nil }
    return tokens.indices.first { tokens[$0].text == first && self.phrase(phrase, at: $0) != nil }
  }

  /// Removes `range`, as if it had been cut out and a space left in its place.
  mutating func remove(_ range: Range<Int>) {
    tokens.removeSubrange(range)
    if range.lowerBound < tokens.count { tokens[range.lowerBound].spaced = true }
  }

  /// The answer as typed from the start of the token at `range.lowerBound` to the end of the
  /// last one, whitespace inside kept as typed.
  func typedText(_ range: Range<Int>) -> String {
    guard !range.isEmpty else { return "" }
    return String(
      typed[tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound])
  }

  /// The tokens of `range` lowercased, joined by one space wherever whitespace stood.
  func lowercasedText(_ range: Range<Int>) -> String {
    var text = ""
    for index in range {
      if index > range.lowerBound && tokens[index].spaced { text += " " }
      text += tokens[index].text
    }
    return text
  }

  // MARK: - Cutting

  private static func cut(_ typed: String) -> [Token] {
    typed.utf8.allSatisfy({ $0 < 0x80 }) ? cutASCII(typed) : cutByCharacters(typed)
  }

  /// `cut` through `Character`: any text (and, in a test, the ASCII path's reference).
  static func cutByCharacters(_ typed: String) -> [Token] {
    var tokens: [Token] = []
    var index = typed.startIndex
    var spaced = true
    while index < typed.endIndex {
      let character = typed[index]
      if character.isWhitespace {
        spaced = true
        index = typed.index(after: index)
        continue
      }
      let start = index
      let kind: Kind
      if character.isLetter {
        kind = .word
        repeat { index = typed.index(after: index) } while index < typed.endIndex && typed[index].isLetter
      } else if isDigit(character)
        || (character == "." && startsFraction(typed, at: index, after: tokens.last))
      {
        kind = .number
        index = endOfNumber(typed, from: index)
      } else {
        kind = .symbol
        index = typed.index(after: index)
      }
      let text = typed[start..<index]
      tokens.append(
        Token(
          kind: kind, text: kind == .word ? text.lowercased() : String(text), range: start..<index,
          spaced: spaced))
      spaced = false
    }
    return tokens
  }

  /// `cut` for text that is all ASCII (nearly every answer), byte by byte: the same tokens,
  /// without a Unicode property look-up per character.
  static func cutASCII(_ typed: String) -> [Token] {
    let utf8 = typed.utf8
    var tokens: [Token] = []
    var index = utf8.startIndex
    var spaced = true
    func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    func isDigitByte(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    while index < utf8.endIndex {
      let byte = utf8[index]
      if byte == 0x20 || (0x09...0x0D).contains(byte) {
        spaced = true
        index = utf8.index(after: index)
        continue
      }
      let start = index
      let kind: Kind
      var text: String
      if isLetter(byte) {
        kind = .word
        var lower: [UInt8] = []
        repeat {
          let letter = utf8[index]
          lower.append(letter >= 0x41 && letter <= 0x5A ? letter | 0x20 : letter)
          index = utf8.index(after: index)
        } while index < utf8.endIndex && isLetter(utf8[index])
        text = String(decoding: lower, as: UTF8.self)
      } else if isDigitByte(byte) || (byte == 0x2E && startsFraction(typed, at: index, after: tokens.last)) {
        kind = .number
        index = endOfNumber(typed, from: index)
        text = String(typed[start..<index])
      } else {
        kind = .symbol
        index = utf8.index(after: index)
        text = String(typed[start..<index])
      }
      tokens.append(Token(kind: kind, text: text, range: start..<index, spaced: spaced))
      spaced = false
    }
    return tokens
  }

  private static func isDigit(_ character: Character) -> Bool {
    character.isASCII && character.isWholeNumber
  }

  /// A "." starts a number (".5") when a digit follows and nothing that could own it is glued
  /// before it: "1.2.3" is 1.2, then a full stop and 3.
  private static func startsFraction(_ typed: String, at index: String.Index, after previous: Token?) -> Bool
  {
    let next = typed.index(after: index)
    guard next < typed.endIndex, isDigit(typed[next]) else { return false }
    guard let previous, previous.range.upperBound == index else { return true }
    return previous.kind == .symbol && previous.text != "," && previous.text != "."
  }

  /// Digits, then thousands groups (",200": a comma and exactly three digits), then a decimal
  /// part (".50"); a number starting with "." is its decimals alone.
  private static func endOfNumber(_ typed: String, from start: String.Index) -> String.Index {
    func digits(from index: String.Index) -> String.Index {
      var end = index
      while end < typed.endIndex && isDigit(typed[end]) { end = typed.index(after: end) }
      return end
    }
    func fraction(from index: String.Index) -> String.Index {
      guard index < typed.endIndex, typed[index] == "." else { return index }
      let after = typed.index(after: index)
      let end = digits(from: after)
      return end > after ? end : index
    }
    if typed[start] == "." { return digits(from: typed.index(after: start)) }
    var end = digits(from: start)
    if typed.distance(from: start, to: end) <= 3 {
      while end < typed.endIndex, typed[end] == "," {
        let group = typed.index(after: end)
        let groupEnd = digits(from: group)
        guard typed.distance(from: group, to: groupEnd) == 3 else { break }
        end = groupEnd
      }
    }
    return fraction(from: end)
  }
}

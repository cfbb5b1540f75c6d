/// The patterns of this module run by a small backtracking matcher of its own, for text in
/// which it is known to agree with `NSRegularExpression`.
///
/// Every target, owner and KPI name in `/check` goes through dozens of case-insensitive
/// patterns; through `NSRegularExpression` each call bridges the text to `NSString` and sets up
/// an ICU matcher, and compiling the hundred-odd patterns alone cost a fresh process tens of
/// milliseconds. This reads the same pattern text, so the pattern stays the one statement of
/// each rule, and matches it the way ICU does (leftmost start, alternatives in order, greedy
/// quantifiers backtracking, lookarounds atomic, anchors and lookbehind bounded by the searched
/// range). It takes only the constructs the module's patterns use (`compile` answers `nil`
/// for anything else) and only text made of ASCII and a few symbols that have no case and are
/// neither letters, digits nor spaces (`accepts`): there, case-insensitivity is ASCII's and
/// `\p{L}`, `\p{N}`, `\s`, `\d` have their ASCII meanings. Other text, with the letters whose
/// case folds onto ASCII ones ("ſ", the Kelvin sign), goes to ICU. A test runs both over every
/// pattern and many texts.
final class PatternProgram: Sendable {
  private let instructions: [Instruction]
  /// The classes `instructions` name by number, for scalars outside ASCII.
  private let classes: [ScalarClass]
  /// Capture groups, not counting the whole match.
  let groupCount: Int
  /// The pattern begins with `^`: only the start of the range can match.
  private let anchored: Bool
  /// Scalars that can begin a match, when the pattern cannot match empty and begins with no
  /// assertion: other start positions are skipped.
  private let first: ScalarClass?

  /// One match: `2 × (groupCount + 1)` scalar offsets, `-1` for a group that did not take part.
  typealias Slots = [Int]

  private init(
    instructions: [Instruction], classes: [ScalarClass], groupCount: Int, anchored: Bool, first: ScalarClass?,
    required: ScalarClass?
  ) {
    self.instructions = instructions
    self.classes = classes
    self.groupCount = groupCount
    self.anchored = anchored
    self.first = first
    self.firstASCII = first.map(ASCIISet.init)
    self.required = required.map(ASCIISet.init)
  }

  /// The ASCII part of `first`.
  private let firstASCII: ASCIISet?

  @inline(__always)
  private func startsMatch(_ scalar: UInt32, _ set: ASCIISet) -> Bool {
    scalar < 128 ? set.contains(scalar) : first?.contains(scalar) ?? true
  }

  /// ASCII scalars one of which every match contains (the first of some part every match
  /// consumes), when the pattern has such a part: text without any of them cannot match.
  private let required: ASCIISet?

  /// Whether `text` from `start` certainly has no match: it is text the matcher reads (as
  /// `accepts` says, without "\r\n" anywhere) and lacks every `required` scalar. `false` when
  /// unsure. Costs one pass over the text and no allocation.
  func cannotMatch(_ text: String, from start: String.Index) -> Bool {
    guard let required else { return false }
    var previous: UInt32 = 0
    for scalar in text.unicodeScalars[start...] {
      let value = scalar.value
      if value < 0x80 {
        if required.contains(value) { return false }
        if previous == 0x0D && value == 0x0A { return false }
      } else if !Self.symbols.contains(value) {
        return false
      }
      previous = value
    }
    return true
  }

  static func compile(_ pattern: String) -> PatternProgram? {
    var parser = PatternParser(Array(pattern.unicodeScalars))
    guard let node = parser.parseAll() else { return nil }
    var compiler = PatternCompiler()
    guard compiler.emit(.group(node, index: 0)) else { return nil }
    compiler.instructions.append(.match)
    let start = node.firstSet
    return PatternProgram(
      instructions: compiler.instructions, classes: compiler.classes, groupCount: parser.groupCount,
      anchored: node.isAnchored, first: start.nullable ? nil : start.set, required: node.required)
  }

  /// Symbols outside ASCII that the matcher may see: no case, not letters, digits or spaces.
  private static let symbols: Set<UInt32> = Set(
    "≥≤⩾⩽−€£¥×–—‘’“”…•·°".unicodeScalars.map(\.value))

  /// Whether the matcher agrees with ICU on these scalars.
  ///
  /// Not with "\r\n": one `Character`, so a match that ends between the two has no
  /// `String` range, and `AnswerPattern` has always read such a match as none.
  static func accepts(_ scalars: [UInt32]) -> Bool {
    var previous: UInt32 = 0
    for scalar in scalars {
      guard scalar < 0x80 || symbols.contains(scalar) else { return false }
      if previous == 0x0D && scalar == 0x0A { return false }
      previous = scalar
    }
    return true
  }

  /// The first match starting at or after `from`, with `base` as the start of the searched
  /// range (where `^` matches and lookbehind stops).
  func firstMatch(in text: [UInt32], base: Int, from: Int) -> Slots? {
    var slots = Slots(repeating: -1, count: 2 * (groupCount + 1))
    var stack: [Entry] = []
    var start = from
    while start <= text.count {
      if anchored && start != base { return nil }
      if let firstASCII, start < text.count ? !startsMatch(text[start], firstASCII) : true {
        start += 1
        continue
      }
      if run(0, at: start, in: text, base: base, slots: &slots, stack: &stack) { return slots }
      start += 1
    }
    return nil
  }

  private enum Entry {
    case branch(pc: Int, position: Int)
    case restore(slot: Int, value: Int)
  }

  /// Runs from `pc` at `position` until `.match` (true, `slots` filled) or every choice fails.
  private func run(
    _ pc: Int, at position: Int, in text: [UInt32], base: Int, slots: inout Slots, stack: inout [Entry]
  ) -> Bool {
    var pc = pc
    var position = position
    let bottom = stack.count
    defer { stack.removeSubrange(bottom...) }
    while true {
      var ok = true
      switch instructions[pc] {
      case .scalar(let set, let table):
        if position < text.count && contains(text[position], set, table) {
          position += 1
          pc += 1
        } else {
          ok = false
        }
      case .split(let preferred, let other):
        stack.append(.branch(pc: other, position: position))
        pc = preferred
      case .jump(let target):
        pc = target
      case .save(let slot):
        if slot < slots.count {
          stack.append(.restore(slot: slot, value: slots[slot]))
          slots[slot] = position
        }
        pc += 1
      case .start:
        if position == base { pc += 1 } else { ok = false }
      case .end:
        if Self.endsInput(text, at: position) { pc += 1 } else { ok = false }
      case .behind(let set, let table, let negated):
        let found = position > base && contains(text[position - 1], set, table)
        if found != negated { pc += 1 } else { ok = false }
      case .ahead(let body, let negated, let next):
        var scratch: Slots = []
        let found = run(body, at: position, in: text, base: base, slots: &scratch, stack: &stack)
        if found != negated { pc = next } else { ok = false }
      case .match:
        return true
      }
      if ok { continue }
      var resumed = false
      while stack.count > bottom, let entry = stack.popLast() {
        switch entry {
        case .restore(let slot, let value):
          slots[slot] = value
        case .branch(let next, let at):
          pc = next
          position = at
          resumed = true
        }
        if resumed { break }
      }
      if !resumed { return false }
    }
  }

  /// Whether a scalar is in a class: ASCII from the instruction's bitmap, the rest from the table.
  @inline(__always)
  private func contains(_ scalar: UInt32, _ set: ASCIISet, _ table: Int) -> Bool {
    scalar < 128 ? set.contains(scalar) : classes[table].contains(scalar)
  }

  /// ICU's `$` without multi-line: the end, or before a line break that ends the text.
  private static func endsInput(_ text: [UInt32], at position: Int) -> Bool {
    if position == text.count { return true }
    let rest = text.count - position
    if rest == 2 { return text[position] == 0x0D && text[position + 1] == 0x0A }
    if rest == 1 {
      let scalar = text[position]
      return (0x0A...0x0D).contains(scalar) || scalar == 0x85 || scalar == 0x2028 || scalar == 0x2029
    }
    return false
  }
}

/// A set of scalars: ASCII as a bitmap, the rest by property or listed.
struct ScalarClass: Sendable {
  var low: UInt64 = 0
  var high: UInt64 = 0
  var others: [UInt32] = []
  var letters = false
  var numbers = false
  var spaces = false
  var negated = false

  func contains(_ scalar: UInt32) -> Bool {
    let found: Bool
    if scalar < 64 {
      found = low & (1 << UInt64(scalar)) != 0
    } else if scalar < 128 {
      found = high & (1 << UInt64(scalar - 64)) != 0
    } else if others.contains(scalar) {
      found = true
    } else if let unicode = Unicode.Scalar(scalar) {
      let properties = unicode.properties
      found =
        (letters && Self.isLetter(properties)) || (numbers && Self.isNumber(properties))
        || (spaces && properties.isWhitespace)
    } else {
      found = false
    }
    return found != negated
  }

  mutating func insert(_ scalar: UInt32) {
    if scalar < 64 {
      low |= 1 << UInt64(scalar)
    } else if scalar < 128 {
      high |= 1 << UInt64(scalar - 64)
    } else if !others.contains(scalar) {
      others.append(scalar)
    }
  }

  /// Adds a scalar and, for an ASCII letter, its other case.
  mutating func insertIgnoringCase(_ scalar: UInt32) {
    insert(scalar)
    if (0x41...0x5A).contains(scalar) { insert(scalar | 0x20) }
    if (0x61...0x7A).contains(scalar) { insert(scalar & ~0x20) }
  }

  /// Adds another set; both must not be negated.
  mutating func formUnion(_ other: ScalarClass) {
    low |= other.low
    high |= other.high
    for scalar in other.others { insert(scalar) }
    letters = letters || other.letters
    numbers = numbers || other.numbers
    spaces = spaces || other.spaces
  }

  static let letter: ScalarClass = {
    var set = ScalarClass()
    for scalar in UInt32(0x41)...0x5A { set.insert(scalar) }
    for scalar in UInt32(0x61)...0x7A { set.insert(scalar) }
    set.letters = true
    return set
  }()

  static let number: ScalarClass = {
    var set = ScalarClass()
    for scalar in UInt32(0x30)...0x39 { set.insert(scalar) }
    set.numbers = true
    return set
  }()

  /// `\d`: decimal digits, which outside ASCII only ICU is asked about.
  static let digit: ScalarClass = {
    var set = ScalarClass()
    for scalar in UInt32(0x30)...0x39 { set.insert(scalar) }
    return set
  }()

  static let space: ScalarClass = {
    var set = ScalarClass()
    for scalar in UInt32(0x09)...0x0D { set.insert(scalar) }
    set.insert(0x20)
    set.spaces = true
    return set
  }()

  private static func isLetter(_ properties: Unicode.Scalar.Properties) -> Bool {
    switch properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
    default: false
    }
  }

  private static func isNumber(_ properties: Unicode.Scalar.Properties) -> Bool {
    switch properties.generalCategory {
    case .decimalNumber, .letterNumber, .otherNumber: true
    default: false
    }
  }
}

/// The ASCII part of a class as a bitmap, negation applied: no reference to count on the way.
private struct ASCIISet {
  var low: UInt64
  var high: UInt64

  init(_ set: ScalarClass) {
    low = set.negated ? ~set.low : set.low
    high = set.negated ? ~set.high : set.high
  }

  @inline(__always)
  func contains(_ scalar: UInt32) -> Bool {
    scalar < 64 ? low & (1 << UInt64(scalar)) != 0 : high & (1 << UInt64(scalar &- 64)) != 0
  }
}

private enum Instruction: Sendable {
  /// One scalar in a class: its ASCII bitmap and its number in `classes`.
  case scalar(ASCIISet, Int)
  case split(Int, Int)
  case jump(Int)
  case save(Int)
  case start
  case end
  case behind(ASCIISet, Int, negated: Bool)
  /// A lookahead whose body starts at the first index and ends with `.match`; `next` follows it.
  case ahead(body: Int, negated: Bool, next: Int)
  case match
}

/// A parsed pattern.
private indirect enum PatternNode {
  case scalar(ScalarClass)
  case sequence([PatternNode])
  case choice([PatternNode])
  case group(PatternNode, index: Int)
  case repeated(PatternNode, min: Int, max: Int?)
  case start
  case end
  case behind(ScalarClass, negated: Bool)
  case ahead(PatternNode, negated: Bool)

  /// Whether the node can match without consuming anything.
  var nullable: Bool {
    switch self {
    case .scalar: false
    case .sequence(let nodes): nodes.allSatisfy(\.nullable)
    case .choice(let nodes): nodes.contains(where: \.nullable)
    case .group(let node, _): node.nullable
    case .repeated(let node, let min, _): min == 0 || node.nullable
    case .start, .end, .behind, .ahead: true
    }
  }

  /// Scalars that can begin a match (`nil`: any scalar might), and whether the node can match
  /// without consuming anything (then what follows it can begin the match too).
  var firstSet: (set: ScalarClass?, nullable: Bool) {
    switch self {
    case .scalar(let set):
      return (set.negated || set.letters || set.numbers || set.spaces ? nil : set, false)
    case .sequence(let nodes):
      var union = ScalarClass()
      for node in nodes {
        switch node {
        case .start, .end, .behind, .ahead:
          // Zero-width: what follows consumes the first scalar.
          continue
        default:
          break
        }
        let (set, nullable) = node.firstSet
        guard let set else { return (nil, nullable) }
        union.formUnion(set)
        if !nullable { return (union, false) }
      }
      return (union, true)
    case .choice(let nodes):
      var union: ScalarClass? = ScalarClass()
      var nullable = false
      for node in nodes {
        let (set, empty) = node.firstSet
        if let set { union?.formUnion(set) } else { union = nil }
        nullable = nullable || empty
      }
      return (union, nullable)
    case .group(let node, _):
      return node.firstSet
    case .repeated(let node, let min, _):
      let (set, nullable) = node.firstSet
      return (set, nullable || min == 0)
    case .start, .end, .behind, .ahead:
      return (ScalarClass(), true)
    }
  }

  /// ASCII scalars one of which every match of this node consumes, if known: the start of the
  /// narrowest part of a sequence that cannot be skipped, or of every option of a choice.
  var required: ScalarClass? {
    func plain(_ set: ScalarClass?) -> ScalarClass? {
      guard let set, set.others.isEmpty, !set.negated, !set.letters, !set.numbers, !set.spaces else {
        return nil
      }
      return set
    }
    switch self {
    case .sequence(let nodes):
      var best: ScalarClass?
      for node in nodes where !node.nullable {
        let candidate = plain(node.firstSet.set) ?? node.required
        guard let candidate else { continue }
        let size = candidate.low.nonzeroBitCount + candidate.high.nonzeroBitCount
        if let current = best, current.low.nonzeroBitCount + current.high.nonzeroBitCount <= size { continue }
        best = candidate
      }
      return best
    case .choice(let nodes):
      var union = ScalarClass()
      for node in nodes {
        guard let set = node.required else { return nil }
        union.formUnion(set)
      }
      return union
    case .group(let node, _):
      return node.required
    case .repeated(let node, let min, _):
      return min > 0 ? node.required : nil
    case .scalar(let set):
      return plain(set)
    case .start, .end, .behind, .ahead:
      return nil
    }
  }

  /// Whether every match must begin where the range begins (`^` first, outside any choice).
  var isAnchored: Bool {
    switch self {
    case .start: true
    case .sequence(let nodes): nodes.first?.isAnchored ?? false
    case .group(let node, _): node.isAnchored
    default: false
    }
  }
}

/// Reads the subset of ICU's syntax the module's patterns use, always ignoring case.
private struct PatternParser {
  private let scalars: [Unicode.Scalar]
  private var index = 0
  private(set) var groupCount = 0
  private var insideLookaround = false

  init(_ scalars: [Unicode.Scalar]) {
    self.scalars = scalars
  }

  mutating func parseAll() -> PatternNode? {
    guard let node = parseChoice(), index == scalars.count else { return nil }
    return node
  }

  private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

  private mutating func parseChoice() -> PatternNode? {
    var options: [PatternNode] = []
    while true {
      guard let sequence = parseSequence() else { return nil }
      options.append(sequence)
      guard current == "|" else { break }
      index += 1
    }
    return options.count == 1 ? options[0] : .choice(options)
  }

  private mutating func parseSequence() -> PatternNode? {
    var items: [PatternNode] = []
    while let scalar = current, scalar != "|", scalar != ")" {
      guard var atom = parseAtom() else { return nil }
      guard let quantified = parseQuantifier(atom) else { return nil }
      atom = quantified
      items.append(atom)
    }
    return .sequence(items)
  }

  private mutating func parseQuantifier(_ atom: PatternNode) -> PatternNode? {
    guard let scalar = current else { return atom }
    var bounds: (Int, Int?)
    switch scalar {
    case "?": bounds = (0, 1)
    case "*": bounds = (0, nil)
    case "+": bounds = (1, nil)
    case "{":
      guard let counted = parseCount() else { return nil }
      bounds = counted
      index -= 1
    default: return atom
    }
    index += 1
    // Lazy and possessive quantifiers are not used here.
    if current == "?" || current == "+" { return nil }
    switch atom {
    case .start, .end, .behind, .ahead: return nil
    default: break
    }
    // A loop over something that can match empty needs ICU's guard against looping forever.
    if bounds.1 == nil && atom.nullable { return nil }
    return .repeated(atom, min: bounds.0, max: bounds.1)
  }

  /// `{n}`, `{n,}`, `{n,m}`, leaving `index` on the closing brace.
  private mutating func parseCount() -> (Int, Int?)? {
    index += 1
    func number() -> Int? {
      var value: Int?
      while let scalar = current, let digit = Int(String(scalar)), scalar.isASCII {
        value = (value ?? 0) * 10 + digit
        index += 1
      }
      return value
    }
    guard let low = number() else { return nil }
    var high: Int? = low
    if current == "," {
      index += 1
      high = number()
    }
    guard current == "}" else { return nil }
    index += 1
    if let high, high < low { return nil }
    return (low, high)
  }

  private mutating func parseAtom() -> PatternNode? {
    guard let scalar = current else { return nil }
    index += 1
    switch scalar {
    case "(": return parseGroup()
    case "[": return parseClass().map { .scalar($0) }
    case "^": return .start
    case "$": return .end
    case "\\": return parseEscape().map { .scalar($0) }
    case ".", "*", "+", "?", "{", "}", "]": return nil
    default:
      var set = ScalarClass()
      set.insertIgnoringCase(scalar.value)
      return .scalar(set)
    }
  }

  private mutating func parseGroup() -> PatternNode? {
    if current == "?" {
      index += 1
      let kind = current
      index += 1
      var lookbehind = false
      var negated = false
      switch kind {
      case ":":
        guard let body = parseChoice(), current == ")" else { return nil }
        index += 1
        return body
      case "=", "!":
        negated = kind == "!"
      case "<":
        lookbehind = true
        guard current == "=" || current == "!" else { return nil }
        negated = current == "!"
        index += 1
      default:
        return nil
      }
      let outer = insideLookaround
      insideLookaround = true
      guard let body = parseChoice(), current == ")" else { return nil }
      insideLookaround = outer
      index += 1
      if lookbehind {
        // Only one character looked behind: that is all the module's patterns do.
        guard case .sequence(let items) = body, items.count == 1, case .scalar(let set) = items[0] else {
          return nil
        }
        return .behind(set, negated: negated)
      }
      return .ahead(body, negated: negated)
    }
    guard !insideLookaround else { return nil }
    groupCount += 1
    let number = groupCount
    guard let body = parseChoice(), current == ")" else { return nil }
    index += 1
    return .group(body, index: number)
  }

  /// After a backslash: a class escape or a literal.
  private mutating func parseEscape() -> ScalarClass? {
    guard let scalar = current else { return nil }
    index += 1
    switch scalar {
    case "s": return .space
    case "d": return .digit
    case "t", "n", "r":
      var set = ScalarClass()
      set.insert(scalar == "t" ? 0x09 : scalar == "n" ? 0x0A : 0x0D)
      return set
    case "p":
      guard current == "{" else { return nil }
      var name = ""
      index += 1
      while let next = current, next != "}" {
        name.unicodeScalars.append(next)
        index += 1
      }
      guard current == "}" else { return nil }
      index += 1
      switch name {
      case "L": return .letter
      case "N": return .number
      default: return nil
      }
    default:
      // An escaped symbol is itself; an escaped letter or digit means something not used here.
      guard !scalar.properties.isAlphabetic, !("0"..."9").contains(scalar) else { return nil }
      var set = ScalarClass()
      set.insert(scalar.value)
      return set
    }
  }

  /// After `[`: members, ranges, escapes, up to `]`.
  private mutating func parseClass() -> ScalarClass? {
    var set = ScalarClass()
    var negated = false
    if current == "^" {
      negated = true
      index += 1
    }
    guard current != "]" else { return nil }
    while let scalar = current, scalar != "]" {
      index += 1
      var member: ScalarClass
      var single: UInt32?
      switch scalar {
      case "\\":
        guard let escaped = parseEscape() else { return nil }
        member = escaped
        if escaped.others.isEmpty && !escaped.letters && !escaped.numbers && !escaped.spaces,
          escaped.low.nonzeroBitCount + escaped.high.nonzeroBitCount == 1
        {
          single = UInt32(
            escaped.low != 0 ? escaped.low.trailingZeroBitCount : 64 + escaped.high.trailingZeroBitCount)
        }
      case "[":
        return nil
      case "&" where current == "&" || current == "[":
        // Set operations are not used here.
        return nil
      default:
        member = ScalarClass()
        member.insertIgnoringCase(scalar.value)
        single = scalar.value
      }
      if let low = single, current == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
        index += 1
        var high = scalars[index].value
        index += 1
        if high == 0x5C {  // An escaped upper bound.
          guard let next = current, !next.properties.isAlphabetic else { return nil }
          high = next.value
          index += 1
        }
        guard low <= high, high < 0x80 else { return nil }
        for value in low...high { member.insertIgnoringCase(value) }
      }
      set.formUnion(member)
    }
    guard current == "]" else { return nil }
    index += 1
    set.negated = negated
    return set
  }
}

/// Lays a parsed pattern out as instructions.
private struct PatternCompiler {
  var instructions: [Instruction] = []
  var classes: [ScalarClass] = []

  mutating func emit(_ node: PatternNode) -> Bool {
    switch node {
    case .scalar(let set):
      classes.append(set)
      instructions.append(.scalar(ASCIISet(set), classes.count - 1))
    case .sequence(let nodes):
      for node in nodes where !emit(node) { return false }
    case .choice(let options):
      // split L1, next; L1: option; jump end; next: split …; last option.
      var jumps: [Int] = []
      for (number, option) in options.enumerated() {
        if number < options.count - 1 {
          let split = instructions.count
          instructions.append(.split(split + 1, -1))
          guard emit(option) else { return false }
          jumps.append(instructions.count)
          instructions.append(.jump(-1))
          instructions[split] = .split(split + 1, instructions.count)
        } else {
          guard emit(option) else { return false }
        }
      }
      for jump in jumps { instructions[jump] = .jump(instructions.count) }
    case .group(let body, let number):
      instructions.append(.save(2 * number))
      guard emit(body) else { return false }
      instructions.append(.save(2 * number + 1))
    case .repeated(let body, let min, let max):
      for _ in 0..<min where !emit(body) { return false }
      if let max {
        // Greedy optional copies, nested: (?:x(?:x)?)? tries the most first.
        var splits: [Int] = []
        for _ in min..<max {
          splits.append(instructions.count)
          instructions.append(.split(instructions.count + 1, -1))
          guard emit(body) else { return false }
        }
        for split in splits { instructions[split] = .split(split + 1, instructions.count) }
      } else {
        let loop = instructions.count
        instructions.append(.split(loop + 1, -1))
        guard emit(body) else { return false }
        instructions.append(.jump(loop))
        instructions[loop] = .split(loop + 1, instructions.count)
      }
    case .start:
      instructions.append(.start)
    case .end:
      instructions.append(.end)
    case .behind(let set, let negated):
      classes.append(set)
      instructions.append(.behind(ASCIISet(set), classes.count - 1, negated: negated))
    case .ahead(let body, let negated):
      let at = instructions.count
      instructions.append(.ahead(body: at + 1, negated: negated, next: -1))
      guard emit(body) else { return false }
      instructions.append(.match)
      instructions[at] = .ahead(body: at + 1, negated: negated, next: instructions.count)
    }
    return true
  }
}

#if canImport(Glibc)
  import Glibc
#endif

/// Thrown by `JSONPullReader` for anything outside the one shape a kpi-align file is written in:
/// bad JSON, a missing or unknown key, a key given twice, a type other than expected, an escape
/// in a key, an odd number or date.
///
/// It carries no message on purpose: whoever reads with a `JSONPullReader` reads the same bytes
/// again with `Codable` when it is thrown, and that reading's error is the one a person sees.
/// So the fast reader only has to be right about what it accepts, never about why it refuses.
public struct JSONBail: Error, Equatable, Sendable {
  public init() {}
}

/// A key of the object being read: bytes of the file, compared with a literal in a `switch`
/// (`case "name":`) without making a `String`.
public struct JSONKey {
  let bytes: UnsafeBufferPointer<UInt8>

  public static func ~= (pattern: StaticString, key: JSONKey) -> Bool {
    pattern.utf8CodeUnitCount == key.bytes.count
      && memcmp(pattern.utf8Start, key.bytes.baseAddress!, key.bytes.count) == 0
  }
}

/// The values `JSONPullReader.stringFields(_:)` read, by position.
public struct StringFields {
  let values: [String?]

  public subscript(index: Int) -> String? { values[index] }

  /// The value at `index`, which the type being read cannot do without.
  public func required(_ index: Int) throws(JSONBail) -> String {
    guard let value = values[index] else { throw JSONBail() }
    return value
  }
}

/// A reader of JSON text that hands values straight to the types being read, with no tree and no
/// `Decoder` in between: a 21 MB session is read in a fraction of what `JSONDecoder` takes.
///
/// It is strict by design (see `JSONBail`): every value must be the type the caller asks for,
/// every object's keys known to the caller and given once, every string valid UTF-8. Callers
/// fall back to `Codable` when it bails, so a file it accepts reads exactly as `JSONDecoder`
/// would read it, and a file it refuses gets `JSONDecoder`'s message.
public struct JSONPullReader {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var position = 0
  /// The keys of the objects being read (offset and length into `bytes`), innermost last, to
  /// refuse a key given twice.
  private var keys: [(start: Int, count: Int)] = []
  /// Bytes of a string with escapes, reused from one string to the next.
  private var scratch: [UInt8] = []

  public init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// The value `bytes` hold, which must be the whole of them; nil where the reader bails.
  @inlinable
  public static func read<Value: JSONTextCodable>(_: Value.Type, from bytes: UnsafeRawBufferPointer) -> Value?
  {
    var reader = JSONPullReader(bytes.bindMemory(to: UInt8.self))
    guard let value = try? Value(json: &reader), (try? reader.end()) != nil else { return nil }
    return value
  }

  // MARK: Structure

  /// Reads an object, calling `field` once per key with the reader at the key's value; `field`
  /// must read the value (or bail on a key it does not know).
  public mutating func object(
    _ field: (inout JSONPullReader, JSONKey) throws(JSONBail) -> Void
  ) throws(JSONBail) {
    try expect(UInt8(ascii: "{"))
    let frame = keys.count
    defer { keys.removeLast(keys.count - frame) }
    if try peek() == UInt8(ascii: "}") {
      position += 1
      return
    }
    while true {
      let key = try readKey()
      for earlier in keys[frame...]
      where earlier.count == key.count
        && memcmp(bytes.baseAddress! + earlier.start, bytes.baseAddress! + key.start, key.count) == 0
      {
        throw JSONBail()
      }
      keys.append(key)
      try expect(UInt8(ascii: ":"))
      try field(
        &self, JSONKey(bytes: UnsafeBufferPointer(rebasing: bytes[key.start..<key.start + key.count])))
      switch try next() {
      case UInt8(ascii: ","): continue
      case UInt8(ascii: "}"): return
      default: throw JSONBail()
      }
    }
  }

  /// Reads an array, calling `element` with the reader at each element in turn.
  public mutating func array(_ element: (inout JSONPullReader) throws(JSONBail) -> Void) throws(JSONBail) {
    try expect(UInt8(ascii: "["))
    if try peek() == UInt8(ascii: "]") {
      position += 1
      return
    }
    while true {
      try element(&self)
      switch try next() {
      case UInt8(ascii: ","): continue
      case UInt8(ascii: "]"): return
      default: throw JSONBail()
      }
    }
  }

  /// Reads an array whose elements read themselves.
  @inlinable
  public mutating func array<Element: JSONTextCodable>(of _: Element.Type) throws(JSONBail) -> [Element] {
    var elements: [Element] = []
    try array { reader throws(JSONBail) in elements.append(try Element(json: &reader)) }
    return elements
  }

  /// Reads an object with exactly one key, the way an enum case with its values is written
  /// (`{"targetSet": {"kpi": …}}`): `body` gets the key and reads its value.
  public mutating func singleKeyObject(
    _ body: (inout JSONPullReader, JSONKey) throws(JSONBail) -> Void
  ) throws(JSONBail) {
    var count = 0
    try object { reader, key throws(JSONBail) in
      count += 1
      guard count == 1 else { throw JSONBail() }
      try body(&reader, key)
    }
    guard count == 1 else { throw JSONBail() }
  }

  /// Reads `{}`: an enum case without values.
  public mutating func emptyObject() throws(JSONBail) {
    try object { _, _ throws(JSONBail) in throw JSONBail() }
  }

  /// Checks that nothing but white space follows the value read.
  public mutating func end() throws(JSONBail) {
    skipWhiteSpace()
    guard position == bytes.count else { throw JSONBail() }
  }

  // MARK: Values

  /// Whether the next value is `null`, consumed if so: an absent optional reads as nil, as
  /// `decodeIfPresent` reads it.
  public mutating func null() throws(JSONBail) -> Bool {
    guard try peek() == UInt8(ascii: "n") else { return false }
    try literal("null")
    return true
  }

  public mutating func bool() throws(JSONBail) -> Bool {
    switch try peek() {
    case UInt8(ascii: "t"):
      try literal("true")
      return true
    case UInt8(ascii: "f"):
      try literal("false")
      return false
    default: throw JSONBail()
    }
  }

  /// A plain integer (`-12`, `0`): a fraction, an exponent or a leading zero bails.
  public mutating func int() throws(JSONBail) -> Int {
    skipWhiteSpace()
    var negative = false
    if position < bytes.count, bytes[position] == UInt8(ascii: "-") {
      negative = true
      position += 1
    }
    let start = position
    var value = 0
    while position < bytes.count, bytes[position] &- 0x30 < 10 {
      let (times, overflowA) = value.multipliedReportingOverflow(by: 10)
      let (sum, overflowB) = times.addingReportingOverflow(Int(bytes[position] &- 0x30))
      guard !overflowA, !overflowB else { throw JSONBail() }
      value = sum
      position += 1
    }
    let digits = position - start
    guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0") else { throw JSONBail() }
    if position < bytes.count {
      switch bytes[position] {
      case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): throw JSONBail()
      default: break
      }
    }
    return negative ? -value : value
  }

  /// A JSON number as a `Double`, read by the standard library's correctly rounded parser.
  public mutating func double() throws(JSONBail) -> Double {
    skipWhiteSpace()
    let start = position
    if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
    let integer = skipDigits()
    guard integer > 0, integer == 1 || bytes[position - integer] != UInt8(ascii: "0") else {
      throw JSONBail()
    }
    if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
      position += 1
      guard skipDigits() > 0 else { throw JSONBail() }
    }
    if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
      position += 1
      if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
      {
        position += 1
      }
      guard skipDigits() > 0 else { throw JSONBail() }
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    guard let value = Double(text), value.isFinite else { throw JSONBail() }
    return value
  }

  /// A string; invalid UTF-8, a raw control character or a lone surrogate escape bails.
  public mutating func string() throws(JSONBail) -> String {
    try expect(UInt8(ascii: "\""))
    let start = position
    // Eight bytes at a time while none of them ends the string, escapes or is a control.
    var allWords: UInt64 = 0
    while position + 8 <= bytes.count {
      let word = UnsafeRawPointer(bytes.baseAddress! + position).loadUnaligned(as: UInt64.self)
      guard Self.isPlainStringText(word) else { break }
      allWords |= word
      position += 8
    }
    var allBytes: UInt8 = allWords & 0x8080_8080_8080_8080 == 0 ? 0 : 0x80
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        let text = UnsafeBufferPointer(rebasing: bytes[start..<position])
        position += 1
        // Plain ASCII needs no validating (and `String(validating:)` is the slow, generic way).
        if allBytes < 0x80 { return String(decoding: text, as: UTF8.self) }
        guard let string = String(validating: text, as: UTF8.self) else { throw JSONBail() }
        return string
      }
      allBytes |= byte
      if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
      guard byte >= 0x20 else { throw JSONBail() }
      position += 1
    }
    throw JSONBail()
  }

  public mutating func optionalString() throws(JSONBail) -> String? {
    try null() ? nil : try string()
  }

  public mutating func strings() throws(JSONBail) -> [String] {
    var strings: [String] = []
    try array { reader throws(JSONBail) in strings.append(try reader.string()) }
    return strings
  }

  /// An object whose values are all strings (or null), by the keys it may have: the values in
  /// the order of `names`, nil where absent. Another key bails.
  public mutating func stringFields(_ names: [StaticString]) throws(JSONBail) -> StringFields {
    var values = [String?](repeating: nil, count: names.count)
    try object { reader, key throws(JSONBail) in
      guard let index = names.firstIndex(where: { $0 ~= key }) else { throw JSONBail() }
      values[index] = try reader.optionalString()
    }
    return StringFields(values: values)
  }

  /// A string naming a case of `T` by its raw value.
  @inlinable
  public mutating func rawValue<T: RawRepresentable<String>>(_: T.Type) throws(JSONBail) -> T {
    guard let value = T(rawValue: try string()) else { throw JSONBail() }
    return value
  }

  // MARK: Bytes

  private mutating func escapedString(from start: Int) throws(JSONBail) -> String {
    scratch.removeAll(keepingCapacity: true)
    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
    while position < bytes.count {
      let byte = bytes[position]
      position += 1
      switch byte {
      case UInt8(ascii: "\""):
        guard let string = String(validating: scratch, as: UTF8.self) else { throw JSONBail() }
        return string
      case UInt8(ascii: "\\"):
        guard position < bytes.count else { throw JSONBail() }
        let escape = bytes[position]
        position += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escape)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"): try appendUnicodeEscape()
        default: throw JSONBail()
        }
      default:
        guard byte >= 0x20 else { throw JSONBail() }
        scratch.append(byte)
      }
    }
    throw JSONBail()
  }

  /// `\uXXXX` (the `\u` read), with a following `\uXXXX` for a surrogate pair.
  private mutating func appendUnicodeEscape() throws(JSONBail) {
    var value = try hexQuad()
    if (0xD800..<0xDC00).contains(value) {
      guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
        bytes[position + 1] == UInt8(ascii: "u")
      else { throw JSONBail() }
      position += 2
      let low = try hexQuad()
      guard (0xDC00..<0xE000).contains(low) else { throw JSONBail() }
      value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
    }
    guard let scalar = Unicode.Scalar(value) else { throw JSONBail() }
    scratch.append(contentsOf: UTF8.encode(scalar)!)
  }

  private mutating func hexQuad() throws(JSONBail) -> UInt32 {
    guard position + 4 <= bytes.count else { throw JSONBail() }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[position]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw JSONBail()
      }
      value = value << 4 | UInt32(digit)
      position += 1
    }
    return value
  }

  /// A key without escapes (every key this reader knows is plain ASCII), as a byte range.
  private mutating func readKey() throws(JSONBail) -> (start: Int, count: Int) {
    try expect(UInt8(ascii: "\""))
    let start = position
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        position += 1
        return (start, position - 1 - start)
      }
      guard byte != UInt8(ascii: "\\"), byte >= 0x20 else { throw JSONBail() }
      position += 1
    }
    throw JSONBail()
  }

  private mutating func skipDigits() -> Int {
    let start = position
    while position < bytes.count, bytes[position] &- 0x30 < 10 { position += 1 }
    return position - start
  }

  private mutating func literal(_ word: StaticString) throws(JSONBail) {
    let count = word.utf8CodeUnitCount
    guard position + count <= bytes.count,
      memcmp(word.utf8Start, bytes.baseAddress! + position, count) == 0
    else { throw JSONBail() }
    position += count
    // `nullx` or `true1` is not a literal.
    if position < bytes.count, bytes[position] | 0x20 >= UInt8(ascii: "a"),
      bytes[position] | 0x20 <= UInt8(ascii: "z")
    {
      throw JSONBail()
    }
  }

  private mutating func skipWhiteSpace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20:
        // Indentation: eight spaces at a time where there are eight.
        let eight =
          position + 8 <= bytes.count
          && UnsafeRawPointer(bytes.baseAddress! + position).loadUnaligned(as: UInt64.self)
            == 0x2020_2020_2020_2020
        position += eight ? 8 : 1
      case 0x0A, 0x0D, 0x09: position += 1
      default: return
      }
    }
  }

  /// Whether none of the eight bytes in `word` is `"`, `\` or below 0x20 (the classic
  /// "has a zero byte" test, `(v - 0x01…) & ~v & 0x80…`, which is exact for whether one exists).
  @inline(__always)
  private static func isPlainStringText(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
    let below20 = (word &- ones &* 0x20) & ~word & highs != 0
    return !below20 && !hasZeroByte(word ^ (ones &* 0x22)) && !hasZeroByte(word ^ (ones &* 0x5C))
  }

  private mutating func peek() throws(JSONBail) -> UInt8 {
    skipWhiteSpace()
    guard position < bytes.count else { throw JSONBail() }
    return bytes[position]
  }

  private mutating func next() throws(JSONBail) -> UInt8 {
    let byte = try peek()
    position += 1
    return byte
  }

  private mutating func expect(_ byte: UInt8) throws(JSONBail) {
    guard try next() == byte else { throw JSONBail() }
  }
}

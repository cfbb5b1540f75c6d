/// Writes JSON exactly as `JSONEncoder` does with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]` — two-space indent, `"key" : value`, empty containers as `[\n\n]`,
/// only `"`, `\` and control characters escaped — without building `JSONEncoder`'s tree of
/// values first: a session file keeps its exact bytes while saving a large one gets fast.
///
/// Callers write keys in sorted (byte) order and leave out absent optionals, as the encoder
/// does; tests hold every type's output against `JSONEncoder`'s.
public struct PrettyJSONWriter {
  private let buffer = ByteBuffer()
  /// A value `JSONEncoder` would write another way or refuse (a non-finite number, a date
  /// outside years 1–9999) was met: the caller must use `JSONEncoder` instead.
  public private(set) var failed = false
  /// Whether a string written holds a scalar `noting` picks out, or more UTF-8 bytes than
  /// `notingLongerThan`: a walk of every text in a value as a side effect of writing it, so a
  /// field added later is covered without anyone remembering.
  public private(set) var noted = false
  private let noting: ((Unicode.Scalar) -> Bool)?
  private let notingLongerThan: Int
  private var indent = 0
  /// Members written so far in the innermost open object or array.
  private var members = 0

  public init(noting: ((Unicode.Scalar) -> Bool)? = nil, notingLongerThan: Int = .max) {
    self.noting = noting
    self.notingLongerThan = notingLongerThan
  }

  // MARK: Containers

  public mutating func object(_ body: (inout PrettyJSONWriter) -> Void) {
    container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), body)
  }

  /// Writes `"name" : ` (after a separator and the indent); the value comes next.
  public mutating func key(_ name: StaticString) {
    startMember()
    buffer.append(UInt8(ascii: "\""))
    buffer.append(name)
    buffer.append("\" : ")
  }

  @inlinable
  public mutating func array<Element>(
    _ elements: some Sequence<Element>, _ write: (inout PrettyJSONWriter, Element) -> Void
  ) {
    container(open: UInt8(ascii: "["), close: UInt8(ascii: "]")) { writer in
      for element in elements {
        writer.startMember()
        write(&writer, element)
      }
    }
  }

  @inlinable
  public mutating func array(_ elements: some Sequence<some JSONTextCodable>) {
    array(elements) { writer, element in element.write(json: &writer) }
  }

  @inlinable
  public mutating func array(_ strings: some Sequence<String>) {
    array(strings) { writer, string in writer.string(string) }
  }

  /// `{ "name" : { … } }`: an enum case with its values, the way `Codable` writes one.
  public mutating func singleKeyObject(_ name: StaticString, _ body: (inout PrettyJSONWriter) -> Void) {
    object { writer in
      writer.key(name)
      writer.object(body)
    }
  }

  // MARK: Fields (key and value; an absent optional writes nothing, like `encodeIfPresent`)

  public mutating func field(_ name: StaticString, _ value: String) {
    key(name)
    string(value)
  }

  public mutating func field(_ name: StaticString, _ value: String?) {
    guard let value else { return }
    field(name, value)
  }

  public mutating func field(_ name: StaticString, _ value: Int) {
    key(name)
    int(value)
  }

  public mutating func field(_ name: StaticString, _ value: Int?) {
    guard let value else { return }
    field(name, value)
  }

  public mutating func field(_ name: StaticString, _ value: Bool?) {
    guard let value else { return }
    key(name)
    buffer.append(value ? "true" : "false")
  }

  public mutating func field(_ name: StaticString, _ value: Double) {
    key(name)
    double(value)
  }

  @inlinable
  public mutating func field(_ name: StaticString, _ value: some JSONTextCodable) {
    key(name)
    value.write(json: &self)
  }

  @inlinable
  public mutating func field(_ name: StaticString, _ value: (some JSONTextCodable)?) {
    guard let value else { return }
    field(name, value)
  }

  @inlinable
  public mutating func field<T: RawRepresentable<String>>(_ name: StaticString, rawValue value: T?) {
    guard let value else { return }
    field(name, value.rawValue)
  }

  // MARK: Values

  public mutating func int(_ value: Int) {
    if value >= 0, value < 10 {
      buffer.append(UInt8(ascii: "0") + UInt8(value))
    } else {
      buffer.append(String(value))
    }
  }

  /// As `JSONEncoder` writes a `Double`: its shortest round-trip form, without a trailing `.0`.
  public mutating func double(_ value: Double) {
    guard value.isFinite else {
      failed = true
      return
    }
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    buffer.append(text)
  }

  public mutating func string(_ value: String) {
    buffer.append(UInt8(ascii: "\""))
    if !noted, value.utf8.count > notingLongerThan { noted = true }
    if let noting, !noted, value.utf8.contains(where: { $0 < 0x20 || $0 >= 0x7F }) {
      noted = value.unicodeScalars.contains(where: noting)
    }
    var value = value
    value.withUTF8 { utf8 in
      var plainFrom = 0
      for index in utf8.indices {
        let byte = utf8[index]
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
        buffer.append(UnsafeBufferPointer(rebasing: utf8[plainFrom..<index]))
        plainFrom = index + 1
        buffer.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): buffer.append(byte)
        case 0x08: buffer.append(UInt8(ascii: "b"))
        case 0x09: buffer.append(UInt8(ascii: "t"))
        case 0x0A: buffer.append(UInt8(ascii: "n"))
        case 0x0C: buffer.append(UInt8(ascii: "f"))
        case 0x0D: buffer.append(UInt8(ascii: "r"))
        default:
          let hex: StaticString = "0123456789abcdef"
          buffer.append("u00")
          buffer.append(hex.utf8Start[Int(byte >> 4)])
          buffer.append(hex.utf8Start[Int(byte & 15)])
        }
      }
      buffer.append(UnsafeBufferPointer(rebasing: utf8[plainFrom...]))
    }
    buffer.append(UInt8(ascii: "\""))
  }

  /// What was written so far (a copy).
  public var bytes: [UInt8] {
    Array(UnsafeBufferPointer(start: buffer.base, count: buffer.count))
  }

  /// Ends the text with a line feed, as a file's last line ends.
  public mutating func endLine() {
    buffer.append(0x0A)
  }

  /// What was written, handed over without a copy: the caller owns the memory and frees it with
  /// `free` (a `Data` made with `deallocator: .free`). The writer is empty afterwards.
  public mutating func takeBytes() -> UnsafeMutableRawBufferPointer {
    buffer.take()
  }

  /// Marks the output as not what `JSONEncoder` would write (see `failed`).
  public mutating func fail() {
    failed = true
  }

  // MARK: Layout

  @usableFromInline
  mutating func container(open: UInt8, close: UInt8, _ body: (inout PrettyJSONWriter) -> Void) {
    buffer.append(open)
    let outer = members
    members = 0
    indent += 2
    body(&self)
    indent -= 2
    if members == 0 { buffer.append(0x0A) }
    newLine()
    buffer.append(close)
    members = outer
  }

  @usableFromInline
  mutating func startMember() {
    if members > 0 { buffer.append(UInt8(ascii: ",")) }
    members += 1
    newLine()
  }

  private mutating func newLine() {
    buffer.append(0x0A)
    buffer.append(repeating: 0x20, count: indent)
  }
}

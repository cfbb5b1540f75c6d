/// Writes JSON exactly as `JSONEncoder` does with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]` — two-space indent, `"key" : value`, empty containers as `[\n\n]`,
/// only `"`, `\` and control characters escaped — without building `JSONEncoder`'s tree of
/// values first: a session file keeps its exact bytes while saving a large one gets fast.
///
/// Callers write keys in sorted (byte) order and leave out absent optionals, as the encoder
/// does; tests hold every type's output against `JSONEncoder`'s.
public struct PrettyJSONWriter {
  public private(set) var bytes: [UInt8] = []
  /// A value `JSONEncoder` would write another way or refuse (a non-finite number, a date
  /// outside years 1–9999) was met: the caller must use `JSONEncoder` instead.
  public private(set) var failed = false
  /// Whether a string written holds a scalar `noting` picks out: a walk of every text in a value
  /// as a side effect of writing it, so a field added later is covered without anyone remembering.
  public private(set) var noted = false
  private let noting: ((Unicode.Scalar) -> Bool)?
  private var indent = 0
  /// Members written so far in the innermost open object or array.
  private var members = 0

  public init(noting: ((Unicode.Scalar) -> Bool)? = nil) {
    self.noting = noting
  }

  // MARK: Containers

  public mutating func object(_ body: (inout PrettyJSONWriter) -> Void) {
    container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), body)
  }

  /// Writes `"name" : ` (after a separator and the indent); the value comes next.
  public mutating func key(_ name: StaticString) {
    startMember()
    bytes.append(UInt8(ascii: "\""))
    bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    bytes.append(contentsOf: [UInt8(ascii: "\""), 0x20, UInt8(ascii: ":"), 0x20])
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
    bytes.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8))
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
      bytes.append(UInt8(ascii: "0") + UInt8(value))
    } else {
      bytes.append(contentsOf: String(value).utf8)
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
    bytes.append(contentsOf: text.utf8)
  }

  public mutating func string(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    if let noting, !noted, value.utf8.contains(where: { $0 < 0x20 || $0 >= 0x7F }) {
      noted = value.unicodeScalars.contains(where: noting)
    }
    var value = value
    value.withUTF8 { utf8 in
      var plainFrom = 0
      for index in utf8.indices {
        let byte = utf8[index]
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainFrom..<index]))
        plainFrom = index + 1
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        default:
          let hex = Array("0123456789abcdef".utf8)
          bytes.append(contentsOf: [
            UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 15)],
          ])
        }
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainFrom...]))
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// Marks the output as not what `JSONEncoder` would write (see `failed`).
  public mutating func fail() {
    failed = true
  }

  // MARK: Layout

  @usableFromInline
  mutating func container(open: UInt8, close: UInt8, _ body: (inout PrettyJSONWriter) -> Void) {
    bytes.append(open)
    let outer = members
    members = 0
    indent += 2
    body(&self)
    indent -= 2
    if members == 0 { bytes.append(0x0A) }
    newLine()
    bytes.append(close)
    members = outer
  }

  @usableFromInline
  mutating func startMember() {
    if members > 0 { bytes.append(UInt8(ascii: ",")) }
    members += 1
    newLine()
  }

  private mutating func newLine() {
    bytes.append(0x0A)
    bytes.append(contentsOf: repeatElement(0x20, count: indent))
  }
}

import Foundation

/// Where a JSON text goes wrong, for a file `JSONDecoder` refused without saying where ("The
/// given data was not valid JSON"): a syntax error, a number too large for any field of a
/// kpi-align file, or nesting deeper than a decoder follows, each with its path in the file and
/// its line and column, so a person can open the file at that place.
///
/// A scan of the bytes with an explicit stack (no recursion, so no nesting can overflow it),
/// run only after a decode failed.
enum JSONFault {
  /// As deep as `JSONDecoder` reads; deeper input is refused as a whole.
  static let maximumDepth = 512

  /// `path: what (line L, column C)`, or `nil` when the text is valid JSON whose numbers all fit.
  static func locate(_ data: Data) -> String? {
    data.withUnsafeBytes { raw in
      var scanner = Scanner(bytes: raw.bindMemory(to: UInt8.self))
      return scanner.firstFault()
    }
  }

  private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset = 0
    /// The open containers, outermost first: an object's current key, an array's current index.
    var frames: [Frame] = []

    enum Frame {
      /// `nil` while its next key is read, so a fault in the key is the object's own.
      case object(key: String?)
      case array(index: Int)
    }

    init(bytes: UnsafeBufferPointer<UInt8>) {
      self.bytes = bytes
    }

    mutating func firstFault() -> String? {
      // Each turn reads one value, then whatever closes containers or separates members after it.
      nextValue: while true {
        switch value() {
        case .fault(let fault): return fault
        case .opened: continue nextValue
        case .read: break
        }
        while true {
          skipSpace()
          guard let last = frames.last else {
            return offset == bytes.count ? nil : fault("more text after the end of the JSON")
          }
          guard offset < bytes.count else { return fault("the file ends inside the JSON (truncated?)") }
          switch (last, bytes[offset]) {
          case (.object, UInt8(ascii: "}")), (.array, UInt8(ascii: "]")):
            offset += 1
            frames.removeLast()
          case (.object, UInt8(ascii: ",")):
            offset += 1
            if let fault = key(first: false) { return fault }
            continue nextValue
          case (.array(let index), UInt8(ascii: ",")):
            offset += 1
            frames[frames.count - 1] = .array(index: index + 1)
            continue nextValue
          case (.object, _):
            return fault("expected , or } after a member")
          case (.array, _):
            return fault("expected , or ] after an element")
          }
        }
      }
    }

    private enum Step {
      /// A whole value was read (a scalar, or an empty container).
      case read
      /// A container was opened; its first value comes next.
      case opened
      case fault(String)
    }

    private mutating func value() -> Step {
      skipSpace()
      guard offset < bytes.count else {
        return .fault(fault("the file ends where a value should be (truncated?)"))
      }
      let byte = bytes[offset]
      if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
        guard frames.count < maximumDepth else {
          return .fault(fault("nested more than \(maximumDepth) deep", syntax: false))
        }
        offset += 1
        skipSpace()
        let isObject = byte == UInt8(ascii: "{")
        if offset < bytes.count, bytes[offset] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
          offset += 1
          return .read
        }
        frames.append(isObject ? .object(key: nil) : .array(index: 0))
        if isObject, let fault = key(first: true) { return .fault(fault) }
        return .opened
      }
      let fault: String?
      switch byte {
      case UInt8(ascii: "\""): fault = string().fault
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): fault = number()
      case UInt8(ascii: "t"): fault = literal("true")
      case UInt8(ascii: "f"): fault = literal("false")
      case UInt8(ascii: "n"): fault = literal("null")
      default: fault = self.fault("expected a value")
      }
      return fault.map(Step.fault) ?? .read
    }

    /// Reads `"key" :` into the innermost object; its value comes next.
    private mutating func key(first: Bool) -> String? {
      skipSpace()
      guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
        return fault(first ? "expected a key or }" : "expected a key after ,")
      }
      frames[frames.count - 1] = .object(key: nil)
      let (text, fault) = string()
      if let fault { return fault }
      frames[frames.count - 1] = .object(key: text)
      skipSpace()
      guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else {
        return self.fault("expected : after the key")
      }
      offset += 1
      return nil
    }

    /// Reads a string from its opening quote; its text is the raw bytes between the quotes.
    private mutating func string() -> (text: String, fault: String?) {
      let start = offset
      offset += 1
      while offset < bytes.count {
        let byte = bytes[offset]
        switch byte {
        case UInt8(ascii: "\""):
          offset += 1
          let text = String(
            decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<(offset - 1)]), as: UTF8.self)
          return (text, nil)
        case UInt8(ascii: "\\"):
          offset += 2
        case 0..<0x20:
          return ("", fault("a control character inside a string; JSON writes it as an escape"))
        default:
          offset += 1
        }
      }
      return ("", fault("the file ends inside a string (truncated?)"))
    }

    private mutating func number() -> String? {
      let start = offset
      if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
      let integerDigits = digits()
      var whole = true
      guard integerDigits > 0 else { return fault("expected a digit") }
      if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
        offset += 1
        whole = false
        guard digits() > 0 else { return fault("expected a digit after the decimal point") }
      }
      if offset < bytes.count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
        offset += 1
        whole = false
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
          offset += 1
        }
        guard digits() > 0 else { return fault("expected a digit in the exponent") }
      }
      let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
      // Whole numbers are counts, days and ids: they must fit 64 bits however written (1e30
      // days is no more a lead time than 10^30 is); any other number must be finite.
      let fits: Bool
      if whole {
        fits = Int64(text) != nil
      } else if let number = Double(text), number.isFinite {
        fits = number.rounded() != number || abs(number) < 0x1p63
      } else {
        fits = false
      }
      guard fits else {
        offset = start
        let shown = text.count > 40 ? String(text.prefix(39)) + "…" : text
        return fault("\(shown) is a larger number than a kpi-align file holds", syntax: false)
      }
      return nil
    }

    private mutating func digits() -> Int {
      let start = offset
      while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) {
        offset += 1
      }
      return offset - start
    }

    private mutating func literal(_ word: StaticString) -> String? {
      let count = word.utf8CodeUnitCount
      guard offset + count <= bytes.count,
        memcmp(bytes.baseAddress! + offset, word.utf8Start, count) == 0
      else { return fault("expected a value") }
      offset += count
      return nil
    }

    private mutating func skipSpace() {
      while offset < bytes.count {
        switch bytes[offset] {
        case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): offset += 1
        default: return
        }
      }
    }

    /// `path: not valid JSON: what (line L, column C)` for the current offset (without "not
    /// valid JSON" for valid JSON kpi-align can't hold).
    private func fault(_ what: String, syntax: Bool = true) -> String {
      var path = ""
      for frame in frames {
        switch frame {
        case .object(let key?): path += (path.isEmpty ? "" : ".") + key
        case .object(nil): break
        case .array(let index): path += "[\(index)]"
        }
      }
      let before = UnsafeBufferPointer(rebasing: bytes[..<min(offset, bytes.count)])
      let line = before.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
      let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
      let column =
        String(
          decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<min(offset, bytes.count)]), as: UTF8.self
        ).count + 1
      if path.count > 120 { path = path.prefix(60) + "…" + path.suffix(40) }
      return
        "\(path.isEmpty ? "(top level)" : path): \(syntax ? "not valid JSON: " : "")\(what) (line \(line), column \(column))"
    }
  }
}

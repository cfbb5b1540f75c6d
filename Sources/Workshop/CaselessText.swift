/// Case-insensitive comparisons of names with what a person typed, without lowercasing every
/// name first: Tab and name lookups compare the typed text with thousands of names per key
/// press, and a lowercased copy of each was most of that time.
///
/// The answers are exactly those of `name.lowercased() == typed` and
/// `name.lowercased().hasPrefix(typed)`: plain ASCII on both sides (no carriage return, which
/// joins a following line feed into one character) is compared byte by byte, anything else
/// the original way.
enum CaselessText {
  /// `name.lowercased() == wanted`, for `wanted` already lowercased.
  static func equals(_ name: String, lowercased wanted: String) -> Bool {
    compare(name, wanted, prefix: false) ?? (name.lowercased() == wanted)
  }

  /// `name.lowercased().hasPrefix(wanted)`, for `wanted` already lowercased.
  static func hasPrefix(_ name: String, lowercased wanted: String) -> Bool {
    compare(name, wanted, prefix: true) ?? name.lowercased().hasPrefix(wanted)
  }

  /// One typed prefix tested against many names (Tab): its bytes are read once, not per name.
  struct Prefix {
    let wanted: String
    /// `wanted`'s bytes when they are all plain ASCII; otherwise every name goes the long way.
    private let bytes: [UInt8]?

    init(lowercased wanted: String) {
      self.wanted = wanted
      let bytes = Array(wanted.utf8)
      self.bytes = bytes.allSatisfy(CaselessText.isPlain) ? bytes : nil
    }

    /// `name.lowercased().hasPrefix(wanted)`.
    func matches(_ name: String) -> Bool {
      guard let bytes else { return name.lowercased().hasPrefix(wanted) }
      let answer = name.utf8.withContiguousStorageIfAvailable { n -> Bool? in
        let shared = min(n.count, bytes.count)
        for i in 0..<shared {
          let byte = n[i]
          guard CaselessText.isPlain(byte) else { return nil }
          let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
          if lower != bytes[i] { return false }
        }
        if n.count < bytes.count { return false }
        return n.count == bytes.count || CaselessText.isPlain(n[shared]) ? true : nil
      }
      guard case .some(.some(let result)) = answer else { return name.lowercased().hasPrefix(wanted) }
      return result
    }
  }

  /// The byte-wise answer, or `nil` when the bytes alone cannot tell.
  ///
  /// Up to the first differing byte both sides are plain ASCII, so every byte so far is one
  /// character in both; a plain byte that differs starts a different character, so neither
  /// answer can be yes, whatever follows it. Most names differ from what was typed in their
  /// first byte, so most are answered after one comparison.
  private static func compare(_ name: String, _ wanted: String, prefix: Bool) -> Bool? {
    let answer = name.utf8.withContiguousStorageIfAvailable { n in
      wanted.utf8.withContiguousStorageIfAvailable { w -> Bool? in
        let shared = min(n.count, w.count)
        for i in 0..<shared {
          let byte = n[i]
          guard isPlain(byte), isPlain(w[i]) else { return nil }
          let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
          if lower != w[i] { return false }
        }
        if n.count < w.count {
          // All of the name was plain and matched: it is shorter than what was typed.
          return w[shared...].allSatisfy(isPlain) ? false : nil
        }
        if prefix {
          // The prefix ends between two characters only if the name's next byte is plain
          // (a combining mark after it would join the last typed letter).
          return n.count == w.count || isPlain(n[shared]) ? true : nil
        }
        if n.count == w.count { return true }
        return n[shared...].allSatisfy(isPlain) ? false : nil
      }
    }
    // No contiguous UTF-8 (a bridged string): the original way.
    guard case .some(.some(let result)) = answer else { return nil }
    return result
  }

  static func isPlain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x0D }
}

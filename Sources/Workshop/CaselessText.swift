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

  /// The byte-wise answer, or `nil` when either side is not plain ASCII.
  private static func compare(_ name: String, _ wanted: String, prefix: Bool) -> Bool? {
    let answer = name.utf8.withContiguousStorageIfAvailable { n in
      wanted.utf8.withContiguousStorageIfAvailable { w -> Bool? in
        guard w.allSatisfy(isPlain) else { return nil }
        if n.count < w.count || (!prefix && n.count != w.count) {
          return n.allSatisfy(isPlain) ? false : nil
        }
        for i in 0..<w.count {
          let byte = n[i]
          guard isPlain(byte) else { return nil }
          let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
          if lower != w[i] { return n[i...].allSatisfy(isPlain) ? false : nil }
        }
        return n[w.count...].allSatisfy(isPlain) ? true : nil
      }
    }
    // No contiguous UTF-8 (a bridged string): the original way.
    guard case .some(.some(let result)) = answer else { return nil }
    return result
  }

  private static func isPlain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x0D }
}

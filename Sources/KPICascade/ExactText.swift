import Foundation

/// A text as a key that is equal only to the same Unicode scalars, for remembering what a
/// reader made of an answer during one pass.
///
/// `String`'s own equality is canonical equivalence ("é" precomposed equals "e" and a
/// combining accent), but the readers quote the text as typed and look at its scalars, so two
/// canonically equal answers may still be judged or shown differently.
struct ExactText: Hashable {
  let text: String

  init(_ text: String) {
    self.text = text
  }

  static func == (a: ExactText, b: ExactText) -> Bool {
    let fast = a.text.utf8.withContiguousStorageIfAvailable { left in
      b.text.utf8.withContiguousStorageIfAvailable { right in
        left.count == right.count
          && (left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
      }
    }
    return (fast ?? nil) ?? a.text.utf8.elementsEqual(b.text.utf8)
  }

  func hash(into hasher: inout Hasher) {
    let hashed: Void? = text.utf8.withContiguousStorageIfAvailable {
      hasher.combine(bytes: UnsafeRawBufferPointer($0))
    }
    if hashed == nil {
      Array(text.utf8).withUnsafeBytes { hasher.combine(bytes: $0) }
    }
  }
}

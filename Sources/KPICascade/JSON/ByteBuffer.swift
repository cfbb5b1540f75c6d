#if canImport(Glibc)
  import Glibc
#endif

/// Growable bytes for `PrettyJSONWriter`: appends without the per-call checks of `Array`, grown
/// with `realloc` (which moves a large block by remapping its pages rather than copying them),
/// and handed over whole without a copy.
@usableFromInline
final class ByteBuffer {
  private(set) var base: UnsafeMutablePointer<UInt8>?
  private(set) var count = 0
  private var capacity = 0

  deinit { free(base) }

  @inline(__always)
  func append(_ byte: UInt8) {
    if count == capacity { grow(by: 1) }
    base![count] = byte
    count += 1
  }

  func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard !bytes.isEmpty else { return }
    if count + bytes.count > capacity { grow(by: bytes.count) }
    (base! + count).update(from: bytes.baseAddress!, count: bytes.count)
    count += bytes.count
  }

  func append(_ text: StaticString) {
    append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  func append(_ text: String) {
    var text = text
    text.withUTF8 { append($0) }
  }

  func append(repeating byte: UInt8, count repeats: Int) {
    guard repeats > 0 else { return }
    if count + repeats > capacity { grow(by: repeats) }
    (base! + count).update(repeating: byte, count: repeats)
    count += repeats
  }

  /// The bytes, now the caller's to `free`; the buffer starts empty again.
  func take() -> UnsafeMutableRawBufferPointer {
    if base == nil { grow(by: 1) }
    let taken = UnsafeMutableRawBufferPointer(start: base, count: count)
    base = nil
    count = 0
    capacity = 0
    return taken
  }

  private func grow(by needed: Int) {
    capacity = max(capacity * 2, count + needed, 4_096)
    guard let grown = realloc(base, capacity) else { fatalError("Out of memory writing JSON.") }
    base = grown.assumingMemoryBound(to: UInt8.self)
  }
}

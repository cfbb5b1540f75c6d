import Synchronization

/// A number for one state of some part of a cascade (its names, what its conflict candidates
/// are made of, its stored conflicts): every new one is different from every other in the
/// process, so a copy of a cascade that changed that part never carries the number of the copy
/// that did not. What is derived from that part can be kept while the number stays.
///
/// Derived data, like `CascadeIndex`: never encoded, and every revision equals every other,
/// so two cascades with the same content are equal whatever their revisions hold. Compare
/// `number`s instead.
struct Revision: Equatable, Sendable {
  let number: UInt64

  init() {
    number = Self.counter.add(1, ordering: .relaxed).newValue
  }

  private static let counter = Atomic<UInt64>(0)

  /// Derived data: two cascades with the same content are equal whatever their revisions hold.
  static func == (_: Revision, _: Revision) -> Bool { true }
}

import Synchronization

/// A number for one set of department and KPI names: every new one is different from every
/// other in the process, so a copy of a cascade that changed a name never carries the number
/// of the copy that did not.
///
/// Derived data, like `CascadeIndex`: never encoded, and every revision equals every other,
/// so two cascades with the same content are equal whatever their revisions hold. Compare
/// `number`s instead.
struct NameRevision: Equatable, Sendable {
  let number: UInt64

  init() {
    number = Self.counter.add(1, ordering: .relaxed).newValue
  }

  private static let counter = Atomic<UInt64>(0)

  /// Derived data: two cascades with the same content are equal whatever their revisions hold.
  static func == (_: NameRevision, _: NameRevision) -> Bool { true }
}

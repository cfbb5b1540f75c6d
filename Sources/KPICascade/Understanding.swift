import Foundation
import Synchronization

/// The one place an answer becomes a typed value: the KPI types ask here (through
/// `KPIReadings` for department and Level 3 KPIs), and nothing reads the text again.
///
/// Each reading is kept per distinct text for the life of the process (up to `capacity` texts a
/// kind, then started again): a session's answers repeat (one person owns many KPIs, rooms reuse
/// "≥ 95%"). docs/performance.md has the figure that keeps this memo. A memo of pure functions,
/// never state: the same text always reads the same.
enum Understanding {
  static let capacity = 20_000

  static func target(_ text: String?) -> Target? {
    guard let text else { return nil }
    return targets.value(text, Target.parse)
  }

  static func assessment(_ person: String?) -> Assessment? {
    guard let person = person.answered else { return nil }
    return people.value(person, AccountablePerson.assess)
  }

  static func measuresActivity(_ name: String) -> Bool {
    activities.value(name, ActivityCheck.looksLikeActivity)
  }

  static func roleSubject(_ role: String?) -> String {
    guard let role else { return CountCheck.unassignedRole }
    return roles.value(role, CountCheck.roleSubject)
  }

  /// The words a group or department is known by (`AccountablePerson.groupKey`).
  static func groupKey(_ text: String) -> String {
    groupKeys.value(text, AccountablePerson.groupKey)
  }

  private static let groupKeys = TextMemo<String>()
  private static let targets = TextMemo<Target?>()
  private static let people = TextMemo<Assessment>()
  private static let activities = TextMemo<Bool>()
  private static let roles = TextMemo<String>()
}

/// Readings of one kind by their exact text.
private final class TextMemo<Value: Sendable>: Sendable {
  private let storage = Mutex<[ExactText: Value]>([:])

  func value(_ text: String, _ read: (String) -> Value) -> Value {
    let key = ExactText(text)
    if let known = storage.withLock({ $0[key] }) { return known }
    let value = read(text)
    storage.withLock { storage in
      if storage.count >= Understanding.capacity { storage.removeAll(keepingCapacity: true) }
      storage[key] = value
    }
    return value
  }
}

/// A text as a key equal only to the same Unicode scalars: `String`'s own equality is canonical
/// equivalence ("é" precomposed equals "e" and a combining accent), but a reading quotes the text
/// as typed, so two canonically equal answers are two texts here.
private struct ExactText: Hashable, Sendable {
  let text: String

  init(_ text: String) {
    self.text = text
  }

  static func == (a: ExactText, b: ExactText) -> Bool {
    a.text.utf8.elementsEqual(b.text.utf8)
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

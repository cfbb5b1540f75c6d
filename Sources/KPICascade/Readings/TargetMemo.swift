import Foundation

/// Parsed targets by their text, kept for the life of the process: the dashboard and diagnosis
/// judge thousands of KPIs on every call, `Target.parse` costs about 0.2 ms a text, and a large
/// company has a few hundred distinct targets that do not change between calls.
///
/// A memo of a pure function, not state: the same text always parses to the same target, so
/// what is remembered can never be stale.
enum TargetMemo {
  /// Beyond this many texts the memo starts again, so a long session cannot grow it without end.
  static let capacity = 20_000

  private final class Storage: @unchecked Sendable {
    let lock = NSLock()
    var targets: [String: Target?] = [:]
  }

  private static let storage = Storage()

  /// `Target.parse(text)`, parsed once per distinct text.
  static func target(_ text: String) -> Target? {
    storage.lock.lock()
    let known = storage.targets[text]
    storage.lock.unlock()
    if let known { return known }
    let parsed = Target.parse(text)
    storage.lock.lock()
    if storage.targets.count >= capacity { storage.targets.removeAll(keepingCapacity: true) }
    storage.targets[text] = parsed
    storage.lock.unlock()
    return parsed
  }
}

extension Target {
  /// `parse(_:)`, remembered per distinct text for the life of the process: for the views
  /// (dashboard, readings files, reviews, diagnosis) that judge thousands of KPIs per call.
  public static func parseCached(_ text: String) -> Target? {
    TargetMemo.target(text)
  }
}

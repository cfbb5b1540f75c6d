import Foundation

/// What the room typed, with blank answers treated as no answer.
extension Optional where Wrapped == String {
  /// The trimmed text, or `nil` when nothing but whitespace was given.
  var answered: String? {
    guard let text = self?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
      return nil
    }
    return text
  }
}

import Foundation

/// Turns decoding failures into one line naming the place in the file:
/// `departments[2].kpis[0].owner: expected text, found a number`.
enum JSONLocation {
  static func path(_ codingPath: [any CodingKey]) -> String {
    var result = ""
    for key in codingPath {
      if let index = key.intValue {
        result += "[\(index)]"
      } else {
        result += (result.isEmpty ? "" : ".") + key.stringValue
      }
    }
    return result.isEmpty ? "(top level)" : result
  }

  /// One line for a decoding failure of `data`. Where the decoder names no place (a syntax
  /// error, a number too large, nesting too deep), `JSONFault` finds it in the bytes.
  static func describe(_ error: any Error, in data: Data) -> String {
    if case DecodingError.dataCorrupted(let context) = error, context.codingPath.isEmpty,
      let fault = JSONFault.locate(data)
    {
      return fault
    }
    return describe(error)
  }

  static func describe(_ error: any Error) -> String {
    guard let error = error as? DecodingError else { return "\(error)" }
    switch error {
    case .typeMismatch(let type, let context):
      return "\(path(context.codingPath)): expected \(typeName(type))"
    case .valueNotFound(let type, let context):
      return "\(path(context.codingPath)): expected \(typeName(type)), found null"
    case .keyNotFound(let key, let context):
      return "\(path(context.codingPath + [key])): missing"
    case .dataCorrupted(let context):
      if context.codingPath.isEmpty {
        return "not valid JSON (truncated or damaged)"
      }
      return "\(path(context.codingPath)): \(context.debugDescription)"
    @unknown default:
      return "\(error)"
    }
  }

  private static func typeName(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "text"
    case is Int.Type: "a whole number"
    case is Double.Type: "a number"
    case is Bool.Type: "true or false"
    case is Date.Type: "a date"
    default:
      if String(describing: type).hasPrefix("Array") { "a list" } else { "an object" }
    }
  }
}

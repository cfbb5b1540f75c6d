import Foundation
import KPICascade

/// Checks on a cascade read from a file, reported with the path a person can find.
enum CascadeAudit {
  /// The first text anywhere in the cascade holding a control character or escape sequence,
  /// as `cascade.departments[2].kpis[0].owner: contains a control character`. Walks the
  /// cascade's own JSON, so a field added later is checked without anyone remembering to.
  static func unsafeText(in cascade: Cascade, prefix: String) -> String? {
    // Writing the cascade notes whether any text is unsafe, at a fraction of the cost of the
    // walk below, which only has to find where.
    var writer = PrettyJSONWriter(noting: DisplayText.isUnsafe)
    cascade.write(json: &writer)
    guard writer.noted || writer.failed else { return nil }
    guard let data = try? JSONEncoder().encode(cascade),
      let json = try? JSONSerialization.jsonObject(with: data)
    else { return nil }
    return firstUnsafeString(json, path: prefix).map { "\($0): contains a control character" }
  }

  private static func firstUnsafeString(_ value: Any, path: String) -> String? {
    switch value {
    case let text as String:
      return text.unicodeScalars.contains(where: DisplayText.isUnsafe) ? path : nil
    case let object as [String: Any]:
      for key in object.keys.sorted() {
        if let found = firstUnsafeString(object[key]!, path: "\(path).\(key)") { return found }
      }
      return nil
    case let array as [Any]:
      for (index, element) in array.enumerated() {
        if let found = firstUnsafeString(element, path: "\(path)[\(index)]") { return found }
      }
      return nil
    default:
      return nil
    }
  }

  /// The first path where two cascades' JSON differs, e.g. `cascade.departments[1].kpis[0].target`.
  static func firstDifference(_ a: Cascade, _ b: Cascade) -> String? {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard let left = try? JSONSerialization.jsonObject(with: encoder.encode(a)),
      let right = try? JSONSerialization.jsonObject(with: encoder.encode(b))
    else { return nil }
    return difference(left, right, path: "cascade")
  }

  private static func difference(_ a: Any, _ b: Any, path: String) -> String? {
    switch (a, b) {
    case let (x as [String: Any], y as [String: Any]):
      for key in Set(x.keys).union(y.keys).sorted() {
        guard let left = x[key], let right = y[key] else { return "\(path).\(key)" }
        if let found = difference(left, right, path: "\(path).\(key)") { return found }
      }
      return nil
    case let (x as [Any], y as [Any]):
      for index in 0..<max(x.count, y.count) {
        guard index < x.count, index < y.count else { return "\(path)[\(index)]" }
        if let found = difference(x[index], y[index], path: "\(path)[\(index)]") { return found }
      }
      return nil
    default:
      return (a as? NSObject) == (b as? NSObject) ? nil : path
    }
  }
}

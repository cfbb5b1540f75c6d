import Foundation
import KPICascade

/// Checks on a cascade read from a file, reported with the path a person can find.
enum CascadeAudit {
  /// The first text field holding a control character or escape sequence, as
  /// `cascade.departments[2].kpis[0].owner: contains a control character`.
  static func unsafeText(in cascade: Cascade, prefix: String) -> String? {
    func bad(_ text: String?) -> Bool {
      text?.unicodeScalars.contains(where: DisplayText.isUnsafe) ?? false
    }
    for (c, kpi) in cascade.companyKPIs.enumerated() {
      for (field, value) in [("name", kpi.name), ("target", kpi.target), ("owner", kpi.owner)]
      where bad(value) {
        return "\(prefix).companyKPIs[\(c)].\(field): contains a control character"
      }
    }
    for (d, department) in cascade.departments.enumerated() {
      for (field, value) in [("name", department.name), ("head", department.head)] where bad(value) {
        return "\(prefix).departments[\(d)].\(field): contains a control character"
      }
      for (k, kpi) in department.kpis.enumerated() {
        let fields = [
          ("name", kpi.name), ("target", kpi.target), ("owner", kpi.owner),
          ("linkSentence", kpi.linkSentence),
        ]
        for (field, value) in fields where bad(value) {
          return "\(prefix).departments[\(d)].kpis[\(k)].\(field): contains a control character"
        }
      }
    }
    for (i, contribution) in cascade.contributions.enumerated() where bad(contribution.text) {
      return "\(prefix).contributions[\(i)].text: contains a control character"
    }
    let governance = cascade.governance
    let fields = [
      ("processOwner", governance.processOwner), ("disputeResolver", governance.disputeResolver),
      ("changeProcess", governance.changeProcess), ("missPolicy", governance.missPolicy),
    ]
    for (field, value) in fields where bad(value) {
      return "\(prefix).governance.\(field): contains a control character"
    }
    for (i, override) in cascade.overrides.enumerated() where bad(override.reason) {
      return "\(prefix).overrides[\(i)].reason: contains a control character"
    }
    return nil
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

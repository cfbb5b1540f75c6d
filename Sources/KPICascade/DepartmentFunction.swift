import Foundation

/// What a department does, whatever it is called; the classic conflicts are defined on these.
public enum DepartmentFunction: String, Codable, CaseIterable, Sendable {
  case sales
  case marketing
  case operations
  case finance
  case hr
  case product
  case customerSuccess = "customer-success"
  case other

  /// A reasonable first guess from a department's name, for the facilitator to confirm.
  public static func guess(from name: String) -> DepartmentFunction {
    let words = Set(
      name.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
    let table: [(DepartmentFunction, Set<String>)] = [
      (.customerSuccess, ["success", "support", "service", "services", "cx", "cs", "care", "helpdesk"]),
      (.marketing, ["marketing", "growth", "brand", "demand", "communications", "pr"]),
      (.sales, ["sales", "revenue", "commercial", "business", "accounts", "bd"]),
      (
        .operations,
        [
          "operations", "ops", "logistics", "fulfilment", "fulfillment", "supply", "warehouse",
          "manufacturing", "production", "delivery",
        ]
      ),
      (.finance, ["finance", "accounting", "financial", "treasury", "fp"]),
      (.hr, ["hr", "people", "talent", "human", "recruiting", "culture"]),
      (.product, ["product", "engineering", "technology", "tech", "r", "rd", "development", "it"]),
    ]
    for (function, keys) in table where !words.isDisjoint(with: keys) {
      return function
    }
    return .other
  }

  /// The words a facilitator reads and types.
  public var label: String {
    switch self {
    case .customerSuccess: "customer success"
    case .hr: "HR"
    default: rawValue
    }
  }

  /// Accepts the label, the raw value, or a common short form.
  public init?(answer: String) {
    let text = answer.trimmingCharacters(in: .whitespaces).lowercased()
    let aliases: [String: DepartmentFunction] = [
      "customer success": .customerSuccess, "customer service": .customerSuccess,
      "cs": .customerSuccess, "success": .customerSuccess, "support": .customerSuccess,
      "ops": .operations, "people": .hr, "human resources": .hr,
    ]
    if let function = DepartmentFunction(rawValue: text) ?? aliases[text] {
      self = function
    } else {
      return nil
    }
  }
}

/// How far a company's KPI alignment has come: DESIGN §2's five levels, read off the maturity
/// score's percent.
///
/// The bands are half-open so every percent has exactly one level: [0, 25) Fragmented,
/// [25, 50) Basic, [50, 75) Structured, [75, 90) Aligned, [90, 100] Optimized. A percent that
/// lands on a boundary belongs to the level that starts there (25 % is Basic, not Fragmented).
public enum MaturityLevel: String, Codable, CaseIterable, Comparable, Sendable {
  case fragmented
  case basic
  case structured
  case aligned
  case optimized

  /// The level a percent falls in; below 0 counts as 0 and above 100 as 100.
  public init(percent: Int) {
    self = Self.allCases.last { $0.lowerBound <= percent } ?? .fragmented
  }

  /// The lowest percent at this level: the one table the bands are read from.
  public var lowerBound: Int {
    switch self {
    case .fragmented: 0
    case .basic: 25
    case .structured: 50
    case .aligned: 75
    case .optimized: 90
    }
  }

  /// Every percent at this level: from `lowerBound` up to the next level's, or to 100.
  public var percents: ClosedRange<Int> {
    guard let next else { return lowerBound...100 }
    return lowerBound...(next.lowerBound - 1)
  }

  /// The level above, or `nil` at the top.
  public var next: MaturityLevel? {
    let all = Self.allCases
    let index = all.firstIndex(of: self)!
    return index + 1 < all.count ? all[index + 1] : nil
  }

  /// The level's name as DESIGN §2 writes it.
  public var title: String {
    switch self {
    case .fragmented: "Fragmented"
    case .basic: "Basic"
    case .structured: "Structured"
    case .aligned: "Aligned"
    case .optimized: "Optimized"
    }
  }

  public static func < (a: MaturityLevel, b: MaturityLevel) -> Bool {
    a.lowerBound < b.lowerBound
  }
}

/// The three levels of the cascade (DESIGN §2): company outcomes, department leading
/// indicators, individual and team KPIs.
///
/// The raw values are persisted (the diff's JSON names a KPI's level by them): renaming a case
/// breaks the files tools have read.
public enum KPILevel: String, Codable, CaseIterable, Comparable, Sendable {
  case company
  case department
  case individual

  /// 1, 2 or 3, as the method numbers them.
  public var number: Int {
    switch self {
    case .company: 1
    case .department: 2
    case .individual: 3
    }
  }

  /// What the room calls a KPI at this level (`department KPI`).
  public var title: String { "\(rawValue) KPI" }

  public static func < (a: KPILevel, b: KPILevel) -> Bool { a.number < b.number }
}

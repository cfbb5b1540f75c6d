/// A pair of department KPIs that might both hit target while a company KPI gets worse.
///
/// Answered "yes", it is a structural conflict and stays open until one KPI is adjusted.
public struct Conflict: Codable, Equatable, Sendable {
  public var first: String
  public var second: String
  public var companyKPI: String
  public var origin: ConflictOrigin
  /// `true`: both can hit target while the company KPI gets worse. `nil`: not yet asked.
  public var structural: Bool?
  public var resolution: Resolution?

  public init(
    first: String, second: String, companyKPI: String, origin: ConflictOrigin,
    structural: Bool? = nil, resolution: Resolution? = nil
  ) {
    self.first = first
    self.second = second
    self.companyKPI = companyKPI
    self.origin = origin
    self.structural = structural
    self.resolution = resolution
  }

  /// The pair's key, the same whichever KPI is named first.
  public var key: String { ConflictKey.make(first, second) }

  /// Open when asked-and-yes without a resolution, or not yet asked.
  public var isOpen: Bool {
    switch structural {
    case nil: true
    case false?: false
    case true?: resolution == nil
    }
  }
}

/// Why a pair was put to the room.
public enum ConflictOrigin: String, Codable, Sendable {
  /// One of the four pairs of functions that pull against each other in most companies.
  case classic
  /// Declared in step 3 ("pushing this could make theirs worse").
  case declared
  /// Raised by the facilitator with a command.
  case raised
}

/// How a structural conflict was removed: one KPI adjusted, old → new.
public struct Resolution: Codable, Equatable, Sendable {
  public var kpi: String
  public var oldName: String
  public var newName: String
  public var oldTarget: String?
  public var newTarget: String?

  public init(kpi: String, oldName: String, newName: String, oldTarget: String?, newTarget: String?) {
    self.kpi = kpi
    self.oldName = oldName
    self.newName = newName
    self.oldTarget = oldTarget
    self.newTarget = newTarget
  }
}

/// Order-independent keys for KPI pairs.
public enum ConflictKey {
  public static func make(_ a: String, _ b: String) -> String {
    a < b ? "\(a)~\(b)" : "\(b)~\(a)"
  }
}

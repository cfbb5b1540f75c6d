/// The six steps of the method, in order; the REPL's spine.
public enum WorkshopStep: Int, CaseIterable, Sendable {
  case lock = 1
  case map
  case select
  case resolve
  case assign
  case govern

  /// The short word in the prompt: `[3/6 select]`.
  public var keyword: String {
    switch self {
    case .lock: "lock"
    case .map: "map"
    case .select: "select"
    case .resolve: "resolve"
    case .assign: "assign"
    case .govern: "govern"
    }
  }

  public var title: String {
    switch self {
    case .lock: "Lock company KPIs"
    case .map: "Map contributions"
    case .select: "Select department KPIs"
    case .resolve: "Resolve cross-functional conflicts"
    case .assign: "Assign accountability"
    case .govern: "Build governance"
    }
  }
}

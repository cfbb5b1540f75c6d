import KPICascade

/// An exchange that cannot be replayed, located the way a person would look for it in the file.
public struct ReplayError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A path inside the transcript, e.g. `exchanges[12].changes[0]`.
  public var path: String
  public var problem: String

  public init(path: String, problem: String) {
    self.path = path
    self.problem = problem
  }

  public var description: String { "\(path): \(problem)" }
}

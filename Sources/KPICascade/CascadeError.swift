/// Why an event cannot be applied: what an importer reports when a file's exchanges are wrong.
public enum CascadeError: Error, Equatable, Sendable, CustomStringConvertible {
  case unknownReference(kind: String, id: String)
  case duplicateID(String)
  case duplicateName(String)
  case lockedWithoutReason(kpi: String)
  case invalid(String)

  public var description: String {
    switch self {
    case .unknownReference(let kind, let id): "refers to \(kind) '\(id)', which does not exist"
    case .duplicateID(let id): "id '\(id)' is used twice"
    case .duplicateName(let name): "the name '\(name)' is used twice"
    case .lockedWithoutReason(let kpi):
      "changes locked company KPI '\(kpi)' without a recorded reason"
    case .invalid(let text): text
    }
  }
}

import KPICascade

/// Where the workshop stands, apart from the cascade: the step on screen and the lists closed.
public struct Progress: Equatable, Sendable {
  /// 1–6.
  public var step: Int = 1
  public var closedLists: Set<String> = []
  /// The highest number issued so far for each id prefix (`c`, `d`, `k`), so an id is never
  /// given twice even after its KPI was removed.
  public var highestIDs: [String: Int] = [:]
  /// Step 4 adjustments under way, by conflict key.
  public var adjustments: [String: PendingAdjustment] = [:]
  /// At a review, the explanation given for an off-track KPI whose plan is asked next.
  public var explanations: [String: String?] = [:]

  public init() {}

  mutating func apply(_ event: WorkshopEvent) {
    switch event {
    case .stepEntered(let step): self.step = min(max(step, 1), WorkshopStep.allCases.count)
    case .listClosed(let list): closedLists.insert(list)
    case .listReopened(let list): closedLists.remove(list)
    case .adjustmentChosen(let conflict, let kpi):
      adjustments[conflict] = PendingAdjustment(kpi: kpi)
    case .adjustmentNamed(let conflict, let name):
      adjustments[conflict, default: PendingAdjustment(kpi: "")].newName = name
    case .varianceExplained(let kpi, let explanation):
      explanations[kpi] = .some(explanation)
    case .cascade, .undone: break
    }
  }
}

extension Progress {
  /// Follows a cascade event: notes the ids it brings into use; a new review starts with no
  /// explanations pending.
  mutating func follow(_ event: CascadeEvent) {
    switch event {
    case .reviewHeld:
      explanations = [:]
    case .companyKPIAdded(let id, _), .departmentAdded(let id, _), .departmentKPIAdded(let id, _, _, _),
      .individualKPIAdded(let id, _, _):
      note(id)
    case .restored(let cascade):
      let ids =
        cascade.companyKPIs.map(\.id) + cascade.departments.map(\.id) + cascade.departmentKPIs.map(\.id)
        + cascade.individualKPIs.map(\.id)
      for id in ids {
        note(id)
      }
    default:
      break
    }
  }

  private mutating func note(_ id: String) {
    let prefix = String(id.prefix { $0.isLetter })
    guard let number = Int(id.dropFirst(prefix.count)) else { return }
    highestIDs[prefix] = max(highestIDs[prefix] ?? 0, number)
  }
}

/// A conflict adjustment the room has started: which KPI, and its new name once given.
public struct PendingAdjustment: Equatable, Sendable {
  public var kpi: String
  public var newName: String?
}

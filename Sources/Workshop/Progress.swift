/// Where the workshop stands, apart from the cascade: the step on screen and the lists closed.
public struct Progress: Equatable, Sendable {
  /// 1–6.
  public var step: Int = 1
  public var closedLists: Set<String> = []
  /// Step 4 adjustments under way, by conflict key.
  public var adjustments: [String: PendingAdjustment] = [:]

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
    case .cascade, .undone: break
    }
  }
}

/// A conflict adjustment the room has started: which KPI, and its new name once given.
public struct PendingAdjustment: Equatable, Sendable {
  public var kpi: String
  public var newName: String?
}

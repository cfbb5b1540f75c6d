import KPICascade

/// What an exchange changed: the cascade, or where the workshop stands.
///
/// Cascade events are stored exactly as `CascadeEvent` encodes them (one key naming the
/// change), so a transcript's `changes` read the same to outside tools whichever kind they are.
public enum WorkshopEvent: Equatable, Sendable {
  case cascade(CascadeEvent)
  /// The room moved to a step (by finishing one, or with `/next`, `/back`, `/goto`).
  case stepEntered(Int)
  /// A list the room was filling (`companyKPIs`, `departments`, `kpis:c1:d2`…) is complete.
  case listClosed(String)
  /// A closed list is open again (`/add department`, `/add kpi …`): the room adds to it.
  case listReopened(String)
  /// The exchange with this sequence number no longer counts (`/undo`).
  case undone(seq: Int)
  /// Step 4: the room chose which KPI of a structural conflict it will adjust.
  case adjustmentChosen(conflict: String, kpi: String)
  /// Step 4: the adjusted KPI's new name, before its new target is asked.
  case adjustmentNamed(conflict: String, name: String)
  /// A review: an off-track KPI's owner explained the variance (`nil`: skipped); the plan is
  /// asked next, and both are recorded on the review together.
  case varianceExplained(kpi: String, explanation: String?)
}

extension WorkshopEvent: Codable {
  private enum Key: String, CodingKey {
    case stepEntered, listClosed, listReopened, undone, adjustmentChosen, adjustmentNamed
    case varianceExplained
  }
  private enum VarianceKey: String, CodingKey { case kpi, explanation }
  private enum AdjustmentKey: String, CodingKey { case conflict, kpi, name }
  private enum StepKey: String, CodingKey { case step }
  private enum ListKey: String, CodingKey { case list }
  private enum SeqKey: String, CodingKey { case seq }

  /// Any key, to count them: a change is an object with exactly one.
  private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  public init(from decoder: any Decoder) throws {
    let keys = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue)
    guard keys.count == 1 else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: decoder.codingPath,
          debugDescription:
            "a change has exactly one key naming it; found \(keys.count) (\(keys.sorted().joined(separator: ", ")))"
        ))
    }
    let container = try decoder.container(keyedBy: Key.self)
    if container.contains(.stepEntered) {
      let inner = try container.nestedContainer(keyedBy: StepKey.self, forKey: .stepEntered)
      self = .stepEntered(try inner.decode(Int.self, forKey: .step))
    } else if container.contains(.listClosed) {
      let inner = try container.nestedContainer(keyedBy: ListKey.self, forKey: .listClosed)
      self = .listClosed(try inner.decode(String.self, forKey: .list))
    } else if container.contains(.listReopened) {
      let inner = try container.nestedContainer(keyedBy: ListKey.self, forKey: .listReopened)
      self = .listReopened(try inner.decode(String.self, forKey: .list))
    } else if container.contains(.undone) {
      let inner = try container.nestedContainer(keyedBy: SeqKey.self, forKey: .undone)
      self = .undone(seq: try inner.decode(Int.self, forKey: .seq))
    } else if container.contains(.adjustmentChosen) {
      let inner = try container.nestedContainer(keyedBy: AdjustmentKey.self, forKey: .adjustmentChosen)
      self = .adjustmentChosen(
        conflict: try inner.decode(String.self, forKey: .conflict),
        kpi: try inner.decode(String.self, forKey: .kpi))
    } else if container.contains(.adjustmentNamed) {
      let inner = try container.nestedContainer(keyedBy: AdjustmentKey.self, forKey: .adjustmentNamed)
      self = .adjustmentNamed(
        conflict: try inner.decode(String.self, forKey: .conflict),
        name: try inner.decode(String.self, forKey: .name))
    } else if container.contains(.varianceExplained) {
      let inner = try container.nestedContainer(keyedBy: VarianceKey.self, forKey: .varianceExplained)
      self = .varianceExplained(
        kpi: try inner.decode(String.self, forKey: .kpi),
        explanation: try inner.decodeIfPresent(String.self, forKey: .explanation))
    } else {
      self = .cascade(try CascadeEvent(from: decoder))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    switch self {
    case .cascade(let event):
      try event.encode(to: encoder)
    case .stepEntered(let step):
      var inner = container.nestedContainer(keyedBy: StepKey.self, forKey: .stepEntered)
      try inner.encode(step, forKey: .step)
    case .listClosed(let list):
      var inner = container.nestedContainer(keyedBy: ListKey.self, forKey: .listClosed)
      try inner.encode(list, forKey: .list)
    case .listReopened(let list):
      var inner = container.nestedContainer(keyedBy: ListKey.self, forKey: .listReopened)
      try inner.encode(list, forKey: .list)
    case .undone(let seq):
      var inner = container.nestedContainer(keyedBy: SeqKey.self, forKey: .undone)
      try inner.encode(seq, forKey: .seq)
    case .adjustmentChosen(let conflict, let kpi):
      var inner = container.nestedContainer(keyedBy: AdjustmentKey.self, forKey: .adjustmentChosen)
      try inner.encode(conflict, forKey: .conflict)
      try inner.encode(kpi, forKey: .kpi)
    case .adjustmentNamed(let conflict, let name):
      var inner = container.nestedContainer(keyedBy: AdjustmentKey.self, forKey: .adjustmentNamed)
      try inner.encode(conflict, forKey: .conflict)
      try inner.encode(name, forKey: .name)
    case .varianceExplained(let kpi, let explanation):
      var inner = container.nestedContainer(keyedBy: VarianceKey.self, forKey: .varianceExplained)
      try inner.encode(kpi, forKey: .kpi)
      try inner.encodeIfPresent(explanation, forKey: .explanation)
    }
  }
}

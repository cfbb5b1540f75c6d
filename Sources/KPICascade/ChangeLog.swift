/// What the room changed after an answer was given, with its reason: renames, removals,
/// retargets and new owners or heads, in the order they were made. The minutes keep them, so a
/// reader who was not there sees what moved and why, not only where it ended.
///
/// Read from the events the cascade is folded from: each change is described against the
/// cascade as it stood just before it.
public struct ChangeLog: Equatable, Sendable {
  /// One change, as the minutes say it.
  public struct Entry: Equatable, Sendable {
    /// What was changed, by its name at the time ("Win rate").
    public var subject: String
    /// What happened: "renamed to 'Win rate on qualified deals'", "removed",
    /// "target ≥ 3x → ≥ 3.5x", "owner Dana Ruiz → Bo Li".
    public var change: String
    /// The reason the room gave, if any.
    public var reason: String?
  }

  public private(set) var entries: [Entry] = []

  /// The changes among `events`, applied in order from an empty cascade; an event that cannot
  /// apply ends the log there (a session's events always apply).
  public init(events: some Sequence<CascadeEvent>) {
    var cascade = Cascade()
    for event in events {
      if let entry = Self.entry(for: event, before: cascade) { entries.append(entry) }
      do { try cascade.apply(event) } catch { break }
    }
  }

  private static func entry(for event: CascadeEvent, before cascade: Cascade) -> Entry? {
    switch event {
    case .renamed(let id, let name, let reason):
      return Entry(subject: cascade.name(of: id), change: "renamed to '\(name)'", reason: reason)
    case .removed(let id, let reason):
      return Entry(subject: cascade.name(of: id), change: "removed", reason: reason)
    case .targetSet(let kpi, let target, let reason):
      guard let old = Self.target(of: kpi, in: cascade), old != target else { return nil }
      return Entry(subject: cascade.name(of: kpi), change: "target \(old) → \(target)", reason: reason)
    case .ownerSet(let kpi, let person, let reason):
      guard let old = owner(of: kpi, in: cascade), old != person else { return nil }
      return Entry(subject: cascade.name(of: kpi), change: "owner \(old) → \(person)", reason: reason)
    case .headSet(let department, let person):
      guard let old = cascade.department(department)?.head, old != person else { return nil }
      return Entry(subject: cascade.name(of: department), change: "head \(old) → \(person)", reason: nil)
    default:
      return nil
    }
  }

  private static func target(of kpi: String, in cascade: Cascade) -> String? {
    cascade.companyKPI(kpi)?.target ?? cascade.departmentKPI(kpi)?.target
      ?? cascade.individualKPI(kpi)?.target
  }

  private static func owner(of kpi: String, in cascade: Cascade) -> String? {
    cascade.companyKPI(kpi)?.owner ?? cascade.departmentKPI(kpi)?.owner ?? cascade.individualKPI(kpi)?.owner
  }
}

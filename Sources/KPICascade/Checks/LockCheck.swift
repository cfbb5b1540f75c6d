/// Company KPIs locked: once the room agrees on them they stay fixed for twelve months, so the
/// departments aim at something that does not move under them.
public struct LockCheck: AlignmentCheck {
  public let kind = CheckKind.lock

  public init() {}

  /// One finding about `cascade`.
  public func findings(in cascade: Cascade) -> [Finding] {
    if let day = cascade.lockedOn {
      return [
        Finding(
          check: kind, verdict: .pass, subject: "cascade",
          reason: "company KPIs locked on \(day) for twelve months")
      ]
    }
    let count = cascade.companyKPIs.count
    return [
      Finding(
        check: kind, verdict: .fail, subject: "cascade",
        reason: count == 0
          ? "no company KPIs agreed yet"
          : "the \(count) company KPI\(count == 1 ? " is" : "s are") not locked",
        remedy: count == 0
          ? "agree 3–5 company KPIs, then lock them for twelve months"
          : "confirm the lock: they stay fixed for twelve months and changes need a recorded reason")
    ]
  }
}

/// Company KPIs locked: once the room agrees on them they stay fixed for twelve months, so the
/// departments aim at something that does not move under them.
public struct LockCheck: AlignmentCheck {
  public let kind = CheckKind.lock

  public init() {}

  /// One finding about `cascade`.
  public func findings(in cascade: Cascade) -> [Finding] {
    if let day = cascade.lockedOn {
      return [Finding(check: kind, verdict: .pass, subject: "cascade", .lockedOn(day))]
    }
    let count = cascade.companyKPIs.count
    return [
      Finding(
        check: kind, verdict: .fail, subject: "cascade", count == 0 ? .nothingToLock : .notLocked(count))
    ]
  }
}

extension Finding.Message {
  static func lockedOn(_ day: String) -> Self { Self("company KPIs locked on \(day) for twelve months") }
  static let nothingToLock = Self(
    "no company KPIs agreed yet", remedy: "agree 3–5 company KPIs, then lock them for twelve months")
  static func notLocked(_ count: Int) -> Self {
    Self(
      "the \(count) company KPI\(count == 1 ? " is" : "s are") not locked",
      remedy: "confirm the lock: they stay fixed for twelve months and changes need a recorded reason")
  }
}

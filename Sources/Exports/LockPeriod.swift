/// The twelve months company KPIs stay locked (DESIGN §2), as calendar days.
///
/// Computed on the `YYYY-MM-DD` text itself rather than through a `Calendar`, so the minutes
/// never depend on the machine's time zone or locale.
enum LockPeriod {
  /// The last day of the lock: the same day one year later (29 February → 28 February), or
  /// `nil` when `lockedOn` is not a `YYYY-MM-DD` date.
  static func lockedUntil(_ lockedOn: String) -> String? {
    let parts = lockedOn.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
    else { return nil }
    let next = year + 1
    return format(year: next, month: month, day: min(day, daysIn(month: month, year: next)))
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  private static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  private static func format(year: Int, month: Int, day: Int) -> String {
    func pad(_ n: Int, _ width: Int) -> String {
      let digits = String(n)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }
}

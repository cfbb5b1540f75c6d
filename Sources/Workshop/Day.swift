import Foundation
import KPICascade

/// Calendar days as `YYYY-MM-DD` in UTC: what the lock, reviews and realignment are dated by.
enum Day {
  private static let calendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar
  }()

  static func string(_ date: Date) -> String {
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
  }

  /// Parses `YYYY-MM-DD`, rejecting impossible days such as 2026-02-30.
  static func date(_ text: String) -> Date? {
    let pieces = text.split(separator: "-", omittingEmptySubsequences: false)
    guard pieces.count == 3, pieces[0].count == 4, pieces[1].count == 2, pieces[2].count == 2,
      let year = Int(pieces[0]), let month = Int(pieces[1]), let day = Int(pieces[2])
    else { return nil }
    let components = DateComponents(year: year, month: month, day: day)
    guard let date = calendar.date(from: components),
      calendar.component(.day, from: date) == day, calendar.component(.month, from: date) == month
    else { return nil }
    return date
  }

  static func adding(months: Int, to date: Date) -> Date {
    calendar.date(byAdding: .month, value: months, to: date) ?? date
  }
}

extension CalendarDay {
  /// The UTC calendar day of an instant: what "today" is for readings and reviews.
  public static func of(_ date: Date) -> CalendarDay {
    CalendarDay(Day.string(date))
      ?? CalendarDay(ordinal: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
  }
}

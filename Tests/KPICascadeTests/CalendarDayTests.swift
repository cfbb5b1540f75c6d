import Foundation
import Testing

@testable import KPICascade

@Suite("CalendarDay")
struct CalendarDayTests {
  /// Ordinals checked against an independent calendar (Python's `datetime.date`).
  @Test(arguments: [
    ("1970-01-01", 0), ("1969-12-31", -1), ("2000-02-29", 11016), ("2000-03-01", 11017),
    ("1900-02-28", -25509), ("1900-03-01", -25508), ("2100-03-01", 47541), ("2026-01-05", 20458),
    ("1600-01-01", -135_140), ("2400-12-31", 157_419), ("0001-01-01", -719_162), ("9999-12-31", 2_932_896),
  ])
  func ordinals(_ text: String, _ ordinal: Int) throws {
    let day = try #require(CalendarDay(text))
    #expect(day.ordinal == ordinal)
    #expect(CalendarDay(ordinal: ordinal).description == text)
  }

  /// Every day from 1599 to 2401 follows the one before it: the same month a day later, or the
  /// first of the next month after the last day of a month as long as the leap rule says.
  @Test func consecutiveDaysAcrossLeapYearsAndCenturies() throws {
    let first = try #require(CalendarDay("1599-12-31")).ordinal
    let last = try #require(CalendarDay("2401-01-01")).ordinal
    var previous = CalendarDay(ordinal: first).components
    var februaryLengths: [Int: Int] = [:]
    for ordinal in (first + 1)...last {
      let current = CalendarDay(ordinal: ordinal).components
      if current.day == 1 {
        let expectedMonth = previous.month == 12 ? 1 : previous.month + 1
        let expectedYear = previous.month == 12 ? previous.year + 1 : previous.year
        #expect(current.month == expectedMonth && current.year == expectedYear, "after \(previous)")
        if previous.month == 2 { februaryLengths[previous.year] = previous.day }
      } else {
        #expect(
          current.day == previous.day + 1 && current.month == previous.month && current.year == previous.year,
          "after \(previous)")
      }
      previous = current
    }
    #expect(februaryLengths[1600] == 29)
    #expect(februaryLengths[1700] == 28)
    #expect(februaryLengths[1900] == 28)
    #expect(februaryLengths[2000] == 29)
    #expect(februaryLengths[2024] == 29)
    #expect(februaryLengths[2026] == 28)
    #expect(februaryLengths[2100] == 28)
    #expect(februaryLengths[2400] == 29)
    #expect(februaryLengths.count == 801)
  }

  /// Text → day → text is the identity around every century turn, leap or not.
  @Test(arguments: [1599, 1699, 1899, 1999, 2099, 2399])
  func roundTripAroundACenturyTurn(_ year: Int) throws {
    let start = try #require(CalendarDay("\(year)-01-01"))
    for offset in 0..<(3 * 366) {
      let day = start.adding(days: offset)
      #expect(CalendarDay(day.description) == day)
    }
  }

  @Test(arguments: [
    "2027-02-29", "1900-02-29", "2100-02-29", "2027-04-31", "2027-06-31", "2027-13-01", "2027-00-10",
    "2027-01-00", "2027-01-32", "2027-1-04", "27-01-04", "2027/01/04", " 2027-01-04", "2027-01-04 ",
    "2027-01-0x", "+027-01-04", "2027-01-04T00:00", "", "garbage",
  ])
  func impossibleOrMalformedDaysAreRefused(_ text: String) {
    #expect(CalendarDay(text) == nil)
  }

  @Test(arguments: ["2000-02-29", "2024-02-29", "2400-02-29", "2027-12-31", "2027-04-30"])
  func realDaysAreRead(_ text: String) {
    #expect(CalendarDay(text)?.description == text)
  }

  @Test func arithmeticAndOrder() throws {
    let start = try #require(CalendarDay("2028-02-27"))
    #expect(start.adding(days: 2).description == "2028-02-29")
    #expect(start.adding(days: 3).description == "2028-03-01")
    #expect(start.adding(days: -58).description == "2027-12-31")
    #expect(start.days(to: try #require(CalendarDay("2029-02-27"))) == 366)
    #expect(start.days(to: try #require(CalendarDay("2028-01-01"))) == -57)
    #expect(start < start.adding(days: 1))
    #expect(!(start < start))
  }

  @Test func codableAsItsText() throws {
    let day = try #require(CalendarDay("2026-03-16"))
    let data = try JSONEncoder().encode([day])
    #expect(String(decoding: data, as: UTF8.self) == #"["2026-03-16"]"#)
    #expect(try JSONDecoder().decode([CalendarDay].self, from: data) == [day])
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode([CalendarDay].self, from: Data(#"["2026-02-30"]"#.utf8))
    }
  }
}

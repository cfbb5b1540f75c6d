import Testing

@testable import KPICascade

@Suite("Days in files")
struct DayTests {
  @Test(arguments: [
    ("2027-01-04", true), ("2028-02-29", true), ("2000-02-29", true), ("2027-12-31", true),
    ("2027-02-30", false), ("2027-02-29", false), ("1900-02-29", false), ("2027-04-31", false),
    ("2027-13-01", false), ("2027-00-10", false), ("2027-1-04", false), ("27-01-04", false),
    ("garbage", false), ("2027-01-0x", false), ("", false),
  ])
  func isDay(_ text: String, _ expected: Bool) {
    #expect(Cascade.isDay(text) == expected)
  }
}

import Testing

@testable import KPICascade

@Suite("MaturityLevel")
struct MaturityLevelTests {
  /// DESIGN §2's bands, half-open: a boundary belongs to the level that starts there.
  @Test(arguments: [
    (0, MaturityLevel.fragmented), (24, .fragmented), (25, .basic), (49, .basic), (50, .structured),
    (74, .structured), (75, .aligned), (89, .aligned), (90, .optimized), (100, .optimized),
  ])
  func percentMapsToLevel(_ percent: Int, _ level: MaturityLevel) {
    #expect(MaturityLevel(percent: percent) == level)
  }

  @Test func outOfRangePercentsClamp() {
    #expect(MaturityLevel(percent: -5) == .fragmented)
    #expect(MaturityLevel(percent: 130) == .optimized)
  }

  /// Every percent 0–100 is in exactly one level, in order.
  @Test func bandsCoverZeroToHundredWithoutGaps() {
    let bands = MaturityLevel.allCases.map(\.percents)
    #expect(bands.map(\.lowerBound) == [0, 25, 50, 75, 90])
    #expect(bands.map(\.upperBound) == [24, 49, 74, 89, 100])
    for percent in 0...100 {
      #expect(
        MaturityLevel.allCases.filter { $0.percents.contains(percent) } == [MaturityLevel(percent: percent)])
    }
  }

  @Test func levelsAreOrderedAndNamedAsDesignSays() {
    #expect(MaturityLevel.allCases == MaturityLevel.allCases.sorted())
    #expect(
      MaturityLevel.allCases.map(\.title) == ["Fragmented", "Basic", "Structured", "Aligned", "Optimized"])
    #expect(MaturityLevel.fragmented.next == .basic)
    #expect(MaturityLevel.optimized.next == nil)
  }
}

import Testing

@testable import KPICascade

/// Deterioration onset on hand-made weekly series starting Monday 2026-01-05: week n is
/// 2026-01-05 + 7n days.
@Suite("Episodes: when a KPI turned")
struct EpisodeTests {
  static func episodes(_ values: [Double], target: String? = ">= 50") -> [Episode] {
    Episode.all(
      in: ScorecardRoom.weekly("k1", from: "2026-01-05", values),
      threshold: target.map(ScorecardRoom.threshold))
  }

  static func week(_ n: Int) -> CalendarDay {
    ScorecardRoom.day("2026-01-05").adding(days: 7 * n)
  }

  @Test func crossingTheTargetAndComingBack() throws {
    let episodes = Self.episodes([95, 95, 95, 95, 89, 88, 95, 95], target: ">= 90")
    #expect(episodes.count == 1)
    let episode = try #require(episodes.first)
    #expect(episode.onset == Self.week(4))
    #expect(episode.onset.description == "2026-02-02")
    #expect(episode.missedTarget)
    #expect(episode.baseline == 95)  // the readings before the one before it
    #expect(episode.onsetValue == 89)
    #expect(episode.worst == 88)
    #expect(episode.lastDay == Self.week(5))
    #expect(episode.recovery == Self.week(6))
    #expect(!episode.isOngoing)
  }

  /// A fall of more than 10% below the baseline turns a KPI still on target; exactly 10% does not.
  @Test(arguments: [(89.9, true), (90.0, false), (89.0, true), (91.0, false)])
  func fallBeyondAShareOfTheBaseline(_ low: Double, _ turns: Bool) throws {
    let episodes = Self.episodes([100, 100, 100, 100, 100, low, low, low])
    #expect(episodes.map(\.onset) == (turns ? [Self.week(5)] : []))
    if turns {
      let episode = try #require(episodes.first)
      #expect(!episode.missedTarget)
      #expect(episode.baseline == 100)
      #expect(episode.isOngoing)
      #expect(episode.recovery == nil)
      #expect(episode.lastDay == Self.week(7))
      #expect(abs(episode.severity(ScorecardRoom.threshold(">= 50")) - (100 - low) / 100) < 1e-12)
    }
  }

  @Test(arguments: [
    [100.0, 100, 100, 100, 100, 80, 100, 100, 100],  // one week 20% down
    [100, 100, 100, 100, 100, 40, 100, 100],  // one week below target
    [100, 100, 100, 100, 100, 85, 100, 85, 100, 85, 100],  // every other week
  ])
  func aSingleNoisyWeekIsNotATurn(_ values: [Double]) {
    #expect(Self.episodes(values).isEmpty)
  }

  /// The latest reading has no next one to confirm it: it counts, so a fresh drop shows at once.
  @Test func theLatestReadingNeedsNoConfirmation() {
    let episodes = Self.episodes([100, 100, 100, 100, 100, 80])
    #expect(episodes.map(\.onset) == [Self.week(5)])
    #expect(episodes.first?.isOngoing == true)
    // One more reading back at the level, and it was noise.
    #expect(Self.episodes([100, 100, 100, 100, 100, 80, 100]).isEmpty)
  }

  /// The next reading confirms against the same baseline, not against one the drop has
  /// already pulled down: 89 is 11% under 100, but only 9.6% under the mean of the four readings
  /// before the one before it (100, 100, 100, 94).
  @Test func confirmationIsAgainstTheSameBaseline() {
    let episodes = Self.episodes([100, 100, 100, 100, 100, 94, 88, 89, 89])
    #expect(episodes.map(\.onset) == [Self.week(6)])
  }

  /// The baseline skips the reading just before, so a drop spread over two weeks is measured
  /// from where it started: 89 is 11% under the level, though only 9.9% under a mean that
  /// already holds the first step (100, 100, 100, 95).
  @Test func aDropOverTwoWeeksTurnsOnItsSecondWeek() throws {
    let episode = try #require(Self.episodes([100, 100, 100, 100, 100, 95, 89, 89, 89]).first)
    #expect(episode.onset == Self.week(6))
    #expect(episode.baseline == 100)
  }

  /// It lasts while readings stay worse than the baseline by more than 5% (half the share).
  @Test(arguments: [
    ([100.0, 100, 100, 100, 100, 85, 85, 96, 100], 6, 7), ([100, 100, 100, 100, 100, 85, 85, 94, 96], 7, 8),
    ([100, 100, 100, 100, 100, 85, 85, 95.1, 95], 6, 7),
  ])
  func theEpisodeEndsWhenTheKPIComesBack(_ values: [Double], _ lastWeek: Int, _ recoveryWeek: Int) throws {
    let episodes = Self.episodes(values)
    #expect(episodes.count == 1)
    let episode = try #require(episodes.first)
    #expect(episode.onset == Self.week(5))
    #expect(episode.lastDay == Self.week(lastWeek))
    #expect(episode.recovery == Self.week(recoveryWeek))
    #expect(episode.isUnderway(on: Self.week(lastWeek)))
    #expect(!episode.isUnderway(on: Self.week(recoveryWeek)))
    #expect(!episode.isUnderway(on: Self.week(4)))
  }

  @Test func twoDropsAreTwoEpisodes() {
    let values: [Double] = [100, 100, 100, 100, 100, 80, 80, 100, 100, 100, 100, 100, 70, 70]
    #expect(Self.episodes(values).map(\.onset) == [Self.week(5), Self.week(12)])
    #expect(Self.episodes(values).map(\.worst) == [80, 70])
  }

  /// 1% a week for half a year never turns; 3% a week is a fall by week 5.
  @Test func aSlowDriftIsHarmlessButASteadySlideIsNot() {
    let drift = (0..<26).map { 100 - Double($0) }
    #expect(Self.episodes(drift).isEmpty)
    let slide = (0..<12).map { 100 - 3 * Double($0) }
    #expect(Self.episodes(slide).map(\.onset) == [Self.week(5)])
  }

  @Test func belowTargetFromTheStart() throws {
    let episodes = Self.episodes([80, 81, 80, 82, 79, 80], target: ">= 90")
    #expect(episodes.count == 1)
    let episode = try #require(episodes.first)
    #expect(episode.onset == Self.week(0))
    #expect(episode.baseline == 80)
    #expect(episode.missedTarget)
    #expect(episode.isOngoing)
    #expect(episode.severity(ScorecardRoom.threshold(">= 90")) == 1.0 / 80)
  }

  /// Grazing the target (at risk) and then falling hard: dated from the fall. Missing it by more
  /// than the margin first: dated from the miss.
  @Test func aFallInsideAGrazingMissRedatesIt() throws {
    let grazing = Self.episodes([95, 95, 95, 95, 91.5, 91.8, 91.6, 80, 79, 80], target: ">= 92")
    #expect(grazing.count == 1)
    let episode = try #require(grazing.first)
    #expect(episode.onset == Self.week(7))
    #expect(episode.baseline == (95 + 95 + 91.5 + 91.8) / 4)
    #expect(episode.onsetValue == 80)
    #expect(episode.worst == 79)
    let missing = Self.episodes([95, 95, 95, 95, 87, 87, 87, 76, 75], target: ">= 92")
    #expect(missing.map(\.onset) == [Self.week(4)])
    #expect(missing.first?.worst == 75)
  }

  /// For a lower-is-better KPI, worse is higher.
  @Test func lowerIsBetter() throws {
    let episode = try #require(Self.episodes([3, 3, 3, 3, 3, 3.5, 3.6, 3.4], target: "<= 4 hours").first)
    #expect(episode.onset == Self.week(5))
    #expect(!episode.missedTarget)
    #expect(episode.worst == 3.6)
    #expect(abs(episode.severity(ScorecardRoom.threshold("<= 4 hours")) - 0.2) < 1e-12)
    #expect(Self.episodes([3, 3, 3, 3, 3, 2, 2, 2], target: "<= 4 hours").isEmpty)
  }

  @Test func withoutATargetLowerIsWorse() {
    #expect(Self.episodes([10, 10, 10, 10, 10, 8, 8], target: nil).map(\.onset) == [Self.week(5)])
    #expect(Self.episodes([10, 10, 10, 10, 10, 12, 12], target: nil).isEmpty)
    #expect(Self.episodes([], target: nil).isEmpty)
  }
}

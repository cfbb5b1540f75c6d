import Testing

@testable import KPICascade

/// The situation diagnosis exists for: half a year of weekly readings in a five-department
/// company, one company KPI falling below target some weeks after one leading indicator in one
/// department dropped, every other indicator drifting harmlessly with noise.
@Suite("Diagnosis on a noisy half year")
struct DiagnosisScenarioTests {
  /// One generated company: what was planted, and the cascade that carries it.
  struct Scenario {
    var cascade: Cascade
    var culprit: String
    var culpritOwner: String
    /// Days from the culprit's drop to the first week the company KPI is below target.
    var plantedLag: Int
    /// The first week the company KPI is below target.
    var companyTurned: CalendarDay
    var asOf: CalendarDay

    /// The leading indicators of c1, one per department: typical level, target, which way is
    /// better.
    static let indicators: [(id: String, level: Double, target: String, higherIsBetter: Bool)] = [
      ("k1", 34, ">= 30%", true),  // Sales: win rate
      ("k2", 14, ">= 12%", true),  // Marketing: returning-customer response rate
      ("k3", 95, ">= 92%", true),  // Operations: on-time delivery
      ("k4", 3.2, "<= 4 hours", false),  // Customer success: time to first response
      ("k5", 66, ">= 60%", true),  // Product: weekly active share
    ]

    init(seed: UInt64, noiseShare: Double = 0.025, driftShare: Double = 0.004, perDepartment: Int = 1) throws
    {
      var random = SeededGenerator(seed: seed)
      let weeks = 26
      let start = "2026-01-05"
      let leads = [21, 28, 35, 42, 49, 60]
      let culpritIndex = Int.random(in: 0..<5, using: &random)
      let dropWeek = Int.random(in: 7...11, using: &random)
      let lagWeeks = Int.random(in: 4...6, using: &random)
      let dropShare = Double.random(in: 0.15...0.30, using: &random)
      let rampWeeks = Int.random(in: 1...2, using: &random)
      // One harmless indicator sits close to its target, so noise alone makes it miss now and then.
      let nearTarget = (culpritIndex + Int.random(in: 1...4, using: &random)) % 5

      var room = ScorecardRoom()
      room.company("c1", target: ">= 85%", owner: "Ava Stone")
      room.company("c2", target: ">= 12%", owner: "Ben Ortiz")
      for d in 1...5 {
        room.department("d\(d)", head: "Head \(d)")
      }
      var culpritOwner = ""
      let all = (0..<perDepartment).flatMap { copy in
        Self.indicators.map {
          (
            id: $0.id + (copy == 0 ? "" : "\(copy)0"), level: $0.level, target: $0.target,
            higherIsBetter: $0.higherIsBetter
          )
        }
      }
      for (index, indicator) in all.enumerated() {
        let owner = "Owner \(indicator.id)"
        let lead = leads[Int.random(in: 0..<leads.count, using: &random)]
        var target = indicator.target
        if index == nearTarget {
          let close = indicator.level * (indicator.higherIsBetter ? 0.975 : 1.025)
          target = (indicator.higherIsBetter ? ">= " : "<= ") + String(close)
        }
        room.indicator(
          indicator.id, in: "d\(index % 5 + 1)", moves: "c1", target: target, lead: lead, owner: owner)
        let drift = Double.random(in: -driftShare...driftShare, using: &random) * indicator.level
        var values: [Double] = []
        for week in 0..<weeks {
          var value = indicator.level + drift * Double(week) + random.noise(noiseShare * indicator.level)
          if index == culpritIndex, week >= dropWeek {
            let progress = min(1, Double(week - dropWeek + 1) / Double(rampWeeks))
            let fall = dropShare * progress * indicator.level
            value += indicator.higherIsBetter ? -fall : fall
          }
          values.append(value)
        }
        room.weekly(indicator.id, from: start, values)
        if index == culpritIndex { culpritOwner = owner }
      }
      // Other company KPI and its indicators: noise only.
      for d in 1...5 {
        room.indicator("k\(5 + d)", in: "d\(d)", moves: "c2", target: ">= 40", lead: 30)
        room.weekly("k\(5 + d)", from: start, (0..<weeks).map { _ in 50 + random.noise(1.5) })
      }
      room.weekly("c2", from: start, (0..<weeks).map { _ in 14 + random.noise(0.3) })

      let crossWeek = dropWeek + lagWeeks
      let company = (0..<weeks).map { week -> Double in
        week < crossWeek
          ? 89 + random.noise(0.6)
          : 83 - 0.3 * Double(week - crossWeek) + random.noise(0.6)
      }
      room.weekly("c1", from: start, company)

      cascade = try room.cascade()
      culprit = Self.indicators[culpritIndex].id
      self.culpritOwner = culpritOwner
      plantedLag = 7 * lagWeeks
      companyTurned = ScorecardRoom.day(start).adding(days: 7 * crossWeek)
      asOf = ScorecardRoom.day(start).adding(days: 7 * (weeks - 1))
    }
  }

  @Test(arguments: 1...60 as ClosedRange<UInt64>)
  func namesThePlantedIndicatorFirst(seed: UInt64) throws {
    try expectTraced(try Scenario(seed: seed))
  }

  /// Two indicators per department under the company KPI, more noise and more drift.
  @Test(arguments: 61...90 as ClosedRange<UInt64>)
  func namesThePlantedIndicatorFirstAmongTen(seed: UInt64) throws {
    try expectTraced(try Scenario(seed: seed, noiseShare: 0.03, driftShare: 0.006, perDepartment: 2))
  }

  func expectTraced(_ scenario: Scenario) throws {
    let diagnosis = Diagnosis(of: "c1", in: scenario.cascade, asOf: scenario.asOf)
    let summary = diagnosis.indicators.map {
      "\($0.kpi) lag \($0.lagDays ?? -1) stated \($0.statedLeadDays ?? -1) score \($0.score)"
    }
    #expect(diagnosis.finding == .traced, "\(summary)")
    #expect(diagnosis.episode?.onset == scenario.companyTurned)
    let first = try #require(diagnosis.indicators.first, "\(summary)")
    #expect(first.kpi == scenario.culprit, "planted \(scenario.culprit): \(summary)")
    #expect(first.owner == scenario.culpritOwner)
    let lag = try #require(first.lagDays)
    #expect(abs(lag - scenario.plantedLag) <= 7, "planted lag \(scenario.plantedLag): \(summary)")
  }
}

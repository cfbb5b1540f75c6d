import Testing

@testable import KPICascade

@Suite("Dashboard")
struct DashboardTests {
  /// Eight weeks from Monday 2026-01-05; the dashboard is as of the last, 2026-02-23.
  static func cascade() throws -> Cascade {
    var room = ScorecardRoom()
    room.company("c1", target: ">= 85%", owner: "Ava Stone")
    room.company("c2", target: ">= 10%", owner: "Ben Ortiz")
    room.department("d1", head: "Hana Ito")
    room.department("d2", head: "Omar Said")
    room.indicator("k1", in: "d1", moves: "c1", target: ">= 30%", lead: 28, owner: "Kim Cho")
    room.indicator("k2", in: "d2", moves: "c1", target: ">= 30%", lead: 28)
    room.indicator("k3", in: "d1", moves: "c2", target: ">= 30%", lead: 28)
    room.individual("i1", under: "k1", target: ">= 10")
    let start = "2026-01-05"
    room.weekly("c1", from: start, [90, 90, 90, 90, 80, 80, 80, 80])
    room.weekly("c2", from: start, [12, 12, 12, 12, 12, 12, 12, 12])
    room.weekly("k1", from: start, [35, 35, 20, 20, 20, 20, 20, 20])
    room.weekly("k2", from: start, [35, 35, 35, 35, 35, 20])  // last read 2026-02-09
    room.weekly("k3", from: start, [35, 35, 35, 35, 35, 35, 35, 29])
    room.weekly("i1", from: start, [12, 12, 12, 12, 12, 12, 5, 5])
    return try room.cascade()
  }

  @Test func companyOnTopIndicatorsGroupedVariancesWorstFirst() throws {
    let cascade = try Self.cascade()
    let day = try #require(Dashboard.defaultDay(of: cascade))
    #expect(day.description == "2026-02-23")
    let dashboard = Dashboard(cascade: cascade, asOf: day)

    #expect(dashboard.company.map(\.kpi) == ["c1", "c2"])
    #expect(dashboard.company.map(\.status) == [.offTrack, .onTrack])
    #expect(dashboard.company.map(\.cadence) == [.monthly, .monthly])
    #expect(dashboard.groups.map(\.companyKPI) == ["c1", "c2"])
    #expect(dashboard.groups.map { $0.indicators.map(\.kpi) } == [["k1", "k2"], ["k3"]])
    #expect(dashboard.groups.map { $0.indicators.map(\.status) } == [[.offTrack, .stale], [.atRisk]])

    // Off track before stale; then longest first.
    #expect(dashboard.variances.map(\.kpi) == ["k1", "c1", "i1", "k2"])
    #expect(dashboard.variances.map(\.status) == [.offTrack, .offTrack, .offTrack, .stale])
    #expect(dashboard.variances.map(\.level) == [.department, .company, .individual, .department])
    #expect(
      dashboard.variances.map { $0.since?.description } == [
        "2026-01-19", "2026-02-02", "2026-02-16", "2026-02-09",
      ])
    #expect(dashboard.variances.map(\.days) == [35, 21, 7, 14])
    // Its owner; else, for a department KPI, its department's head; for Level 3, its parent's.
    #expect(dashboard.variances.map(\.owner) == ["Kim Cho", "Ava Stone", "Kim Cho", "Omar Said"])
  }

  /// As of an earlier day the dashboard sees only the readings up to it.
  @Test func asOfAnEarlierDay() throws {
    let dashboard = Dashboard(cascade: try Self.cascade(), asOf: ScorecardRoom.day("2026-01-26"))
    #expect(dashboard.company.map(\.status) == [.onTrack, .onTrack])
    #expect(dashboard.variances.map(\.kpi) == ["k1"])
    #expect(dashboard.variances.first?.days == 7)
    #expect(dashboard.company.first?.latest?.day.description == "2026-01-26")
  }
}

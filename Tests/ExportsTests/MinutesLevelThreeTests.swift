import Testing

@testable import Exports
@testable import KPICascade

@Suite("Minutes: Level 3 and the maturity score")
struct MinutesLevelThreeTests {
  static func cascade() throws -> Cascade {
    try Cascade(events: [
      .companyKPIAdded(id: "c1", name: "Revenue growth"),
      .targetSet(kpi: "c1", target: ">= 20% YoY", reason: nil),
      .departmentAdded(id: "d1", name: "Sales"),
      .departmentKPIAdded(id: "k1", department: "d1", companyKPI: "c1", name: "Pipeline coverage"),
      .individualKPIAdded(id: "i1", parent: "k1", name: "Calls | made"),
      .roleSet(kpi: "i1", role: "Account <executives>"),
      .targetSet(kpi: "i1", target: ">= 40 per week", reason: nil),
      .ownerSet(kpi: "i1", person: "Ava Stone"),
    ])
  }

  @Test func levelThreeKPIsAreListedUnderTheirDepartmentKPI() throws {
    let minutes = WorkshopMinutes.render(workshop: "Acme", cascade: try Self.cascade(), findings: [])
    #expect(minutes.contains("#### Pipeline coverage"))
    #expect(minutes.contains("Level 3 KPIs that drive it:"))
    #expect(minutes.contains("| Calls \\| made | Account &lt;executives> | >= 40 per week | Ava Stone |"))
  }

  @Test func theScoreAndItsNextStepsAreInTheMinutes() throws {
    let cascade = try Self.cascade()
    let score = MaturityScore(cascade: cascade)
    let minutes = WorkshopMinutes.render(workshop: "Acme", cascade: cascade, findings: [])
    #expect(minutes.contains("## Maturity score\n\n**\(score.percent)% — \(score.level.title)**"))
    #expect(
      minutes.contains("1. \(MarkdownText.escape(score.nextSteps[0].title)) (+\(score.nextSteps[0].weight))"))
  }
}

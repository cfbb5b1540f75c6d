import Testing

@testable import KPICascade

/// The minutes keep every change made after an answer, with its reason, named as it was then.
@Suite("ChangeLog")
struct ChangeLogTests {
  @Test func renamesRemovalsRetargetsAndNewOwnersInOrder() {
    let events =
      Room.companyKPIs + Room.department("d1", "Sales", kpis: ["k1", "k2"]) + [
        .headSet(department: "d1", person: "Priya Shah"),
        .targetSet(kpi: "k1", target: ">= 3x", reason: nil),
        .ownerSet(kpi: "k1", person: "Dana Ruiz"),
        .targetSet(kpi: "k1", target: ">= 3.5x", reason: "the board raised the plan"),
        .ownerSet(kpi: "k1", person: "Bo Li", reason: "Dana moved to Finance"),
        .ownerSet(kpi: "k1", person: "Bo Li", reason: nil),
        .renamed(id: "k1", name: "Qualified pipeline", reason: "clearer"),
        .removed(id: "k2", reason: nil),
        .headSet(department: "d1", person: "Sam Lee"),
      ]
    let log = ChangeLog(events: events)
    #expect(
      log.entries == [
        .init(subject: "Sales KPI 1", change: "target >= 3x → >= 3.5x", reason: "the board raised the plan"),
        .init(subject: "Sales KPI 1", change: "owner Dana Ruiz → Bo Li", reason: "Dana moved to Finance"),
        .init(subject: "Sales KPI 1", change: "renamed to 'Qualified pipeline'", reason: "clearer"),
        .init(subject: "Sales KPI 2", change: "removed", reason: nil),
        .init(subject: "Sales", change: "head Priya Shah → Sam Lee", reason: nil),
      ])
  }

  @Test func firstAnswersAreNotChanges() {
    let events =
      Room.companyKPIs + Room.department("d1", "Sales", kpis: ["k1"]) + [
        .targetSet(kpi: "k1", target: ">= 3x", reason: nil), .ownerSet(kpi: "k1", person: "Dana Ruiz"),
      ]
    #expect(ChangeLog(events: events).entries.isEmpty)
  }
}

import Testing

@testable import KPICascade

/// The seed's first mistake, caught when the name is typed: a goal is not a KPI.
@Suite("GoalShapedName")
struct GoalShapedNameTests {
  @Test(arguments: [
    ("Increase customer satisfaction", "Customer satisfaction score"),
    ("Improve employee engagement", "Employee engagement score"),
    ("Reduce churn", "Churn rate"),
    ("Reduce our churn", "Churn rate"),
    ("Grow revenue", "Revenue growth"),
    ("Better onboarding", "Onboarding"),
    ("Speed up delivery times", "Delivery times"),
    ("Reduce time to first response", "Time to first response"),
    ("Lower cost per order", "Cost per order"),
    ("Maximise repeat customers", "Repeat customers growth"),
  ])
  func aGoalGetsAMeasurableWording(_ name: String, _ proposal: String) throws {
    let goal = try #require(GoalShapedName(name))
    #expect(goal.proposal == proposal)
  }

  @Test(arguments: [
    "Customer satisfaction score", "Churn rate", "Revenue growth", "Increase in MRR per rep",
    "Time to first response", "Net Promoter Score", "Qualified pipeline coverage", "Increase",
    "Drivers per route", "Growth rate", "Cost reduction",
  ])
  func aMeasureIsNoGoal(_ name: String) {
    #expect(GoalShapedName(name) == nil)
  }
}

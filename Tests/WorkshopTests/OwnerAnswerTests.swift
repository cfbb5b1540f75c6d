import Testing

@testable import Workshop

/// How the room's answer to "who is accountable?" is taken: a person with any role is accepted,
/// and a department of this session is refused when it is typed, with the reason.
@Suite("Owner answers in the room")
struct OwnerAnswerTests {
  @Test func aDepartmentOfThisSessionIsRefusedWhenTyped() {
    var room = Room()
    room.say("Revenue growth", ">= 20% YoY", "Dana Ruiz", "", "yes", "Store Ops")
    let reply = room.say("the Store Ops team")
    #expect(
      reply.refusal
        == "'the Store Ops team' is one of this session's departments: a department can't be accountable. "
        + "Name one person, e.g. 'Dana Ruiz (Head of Sales)'.")
    #expect(room.cascade.departments.first?.head == nil)
    #expect(room.say("Sam Patel (Regional store manager)").refusal == nil)
    #expect(room.cascade.departments.first?.head == "Sam Patel (Regional store manager)")
  }
}

/// A KPI name typed as a goal is refused once with a measurable wording: Enter takes it, another
/// name replaces it, the same name again keeps it.
@Suite("Goal-shaped KPI names in the room")
struct GoalShapedNameAnswerTests {
  @Test func enterTakesTheProposedWording() {
    var room = Room()
    let reply = room.say("Increase customer satisfaction")
    #expect(
      reply.refusal
        == "'Increase customer satisfaction' says which way to go, not what is measured: a goal, not a KPI. "
        + "Press Enter to name it 'Customer satisfaction score', type another name, or type it again to keep it."
    )
    #expect(room.cascade.companyKPIs.isEmpty)
    #expect(room.say("").refusal == nil)
    #expect(room.cascade.companyKPIs.map(\.name) == ["Customer satisfaction score"])
  }

  @Test func theSameNameAgainKeepsItAndAnotherReplacesIt() {
    var room = Room()
    room.say("Grow revenue")
    room.say("Grow revenue")
    #expect(room.cascade.companyKPIs.map(\.name) == ["Grow revenue"])
    room.say(">= 20% YoY", "Dana Ruiz (CEO)")
    room.say("Reduce churn")
    room.say("Logo churn")
    #expect(room.cascade.companyKPIs.map(\.name) == ["Grow revenue", "Logo churn"])
  }
}

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

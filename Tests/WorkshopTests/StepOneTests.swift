import Foundation
import KPICascade
import Testing

@testable import Workshop

@Suite("Step 1: company KPIs and departments")
struct StepOneTests {
  @Test func promptNamesTheStepAndTheSession() {
    let room = Room()
    #expect(room.workshop.prompt == "[1/6 lock] acme-retail› ")
  }

  @Test func eachCompanyKPIAsksNameTargetAndExecutiveInTurn() {
    var room = Room()
    #expect(room.question?.key == .companyKPIName)
    room.say("Revenue growth")
    #expect(room.question?.key == .companyKPITarget(kpi: "c1"))
    room.say(">= 20% YoY")
    #expect(room.question?.key == .companyKPIOwner(kpi: "c1"))
    room.say("Dana Ruiz (CEO)")
    #expect(room.question?.key == .companyKPIName)
    #expect(
      room.cascade.companyKPIs == [
        CompanyKPI(id: "c1", name: "Revenue growth", target: ">= 20% YoY", owner: "Dana Ruiz (CEO)")
      ])
  }

  @Test func aBlankLineEndsTheListButNotBeforeTheFirstKPI() {
    var room = Room()
    let refused = room.say("")
    #expect(refused.refusal == "Name at least one company KPI.")
    room.say("Revenue growth", ">= 20% YoY", "Dana Ruiz", "")
    #expect(room.question?.key == .lock)
  }

  @Test func aSixthCompanyKPIIsRefused() {
    var room = Room()
    for n in 1...5 { room.say("KPI \(n)", ">= \(n)0%", "Dana Ruiz") }
    let reply = room.say("KPI 6")
    #expect(reply.refusal?.contains("Five is the limit") == true)
    #expect(room.cascade.companyKPIs.count == 5)
  }

  @Test func lockingRecordsTheDayAndLaterChangesNeedAReason() {
    var room = Room()
    room.say("Revenue growth", ">= 20% YoY", "Dana Ruiz", "", "yes")
    #expect(room.cascade.lockedOn == "2026-11-26")
    let refused = room.say("/retarget Revenue >= 25% YoY")
    #expect(refused.refusal?.contains("locked") == true)
    #expect(room.cascade.companyKPIs[0].target == ">= 20% YoY")
    room.say("/retarget Revenue >= 25% YoY because the board raised the plan")
    #expect(room.cascade.companyKPIs[0].target == ">= 25% YoY")
    #expect(
      room.cascade.companyKPIs[0].changes == [
        LockedChange(what: "target: >= 20% YoY → >= 25% YoY", reason: "the board raised the plan")
      ])
  }

  @Test func answeringNoToTheLockKeepsAsking() {
    var room = Room()
    room.say("Revenue growth", ">= 20% YoY", "Dana Ruiz", "")
    let reply = room.say("no")
    #expect(reply.refusal != nil)
    #expect(room.question?.key == .lock)
    #expect(room.cascade.lockedOn == nil)
  }

  @Test func departmentsGetAHeadAndAGuessedFunction() {
    var room = Room()
    room.say("Revenue growth", ">= 20% YoY", "Dana Ruiz", "", "yes", "Sales floor", "Sam Lee")
    #expect(room.question?.text.contains("Enter for sales") == true)
    room.say("")
    #expect(room.cascade.departments[0].function == .sales)
    room.say("People & Culture", "Pat Kim", "")
    #expect(room.cascade.departments[1].function == .hr)
    room.say("Legal", "Lee Wong", "finance")
    #expect(room.cascade.departments[2].function == .finance)
  }

  @Test(arguments: ["Sales team", "Ana and Bo", "Head of Sales", "TBD"])
  func aTeamRoleOrPairIsRefusedAsHead(answer: String) {
    var room = Room()
    room.say("Revenue growth", ">= 20% YoY", "Dana Ruiz", "", "yes", "Sales")
    let reply = room.say(answer)
    #expect(reply.refusal != nil)
    #expect(reply.exchange == nil)
    #expect(room.cascade.departments[0].head == nil)
  }

  @Test func completingStepOneMovesToStepTwoInTheSameExchange() {
    var room = Room()
    room.say("Revenue growth", ">= 20% YoY", "Dana Ruiz", "", "yes", "Sales", "Sam Lee", "")
    let reply = room.say("")
    #expect(room.workshop.step == .map)
    #expect(reply.exchange?.changes == [.listClosed("departments"), .stepEntered(2)])
    #expect(reply.text.contains("Step 2/6 — Map contributions"))
    #expect(room.workshop.prompt == "[2/6 map] acme-retail› ")
  }
}

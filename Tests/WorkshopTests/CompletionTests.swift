import Exports
import Foundation
import KPICascade
import Testing

@testable import Workshop

@Suite("Tab completion")
struct CompletionTests {
  @Test func commandsCompleteFromTheirPrefix() {
    let room = Room()
    #expect(
      room.workshop.completions(for: "/re").candidates == [
        "/rename", "/remove", "/retarget", "/record", "/readings", "/review",
      ])
    #expect(room.workshop.completions(for: "/dia").candidates == ["/diagnose"])
    let complete = Room.complete()
    #expect(
      complete.workshop.completions(for: "/record Discovery").candidates == ["\"Discovery calls held\""])
    #expect(complete.workshop.completions(for: "/diagnose Rev").candidates == ["\"Revenue growth\""])
    #expect(complete.workshop.completions(for: "/record k1 3 --").candidates == ["--confidence", "--by"])
    #expect(complete.workshop.completions(for: "/review s").candidates == ["strategic"])
    #expect(room.workshop.completions(for: "/und").candidates == ["/undo"])
  }

  @Test func namesInCommandsCompleteQuotedWhenTheyHaveSpaces() {
    let room = Room.throughSelection()
    let completion = room.workshop.completions(for: "/owner \"Qual")
    #expect(completion.stem == "\"Qual")
    #expect(completion.candidates == ["\"Qualified pipeline coverage\""])
    let unquoted = room.workshop.completions(for: "/show Sal")
    #expect(unquoted.stem == "Sal")
    #expect(unquoted.candidates == ["Sales"])
  }

  @Test func peopleCompleteInAnOwnerCommandAndAtAnOwnerQuestion() {
    let room = Room.throughSelection()
    #expect(room.workshop.completions(for: "/owner Qualified Da").candidates == ["\"Dana Ruiz (CEO)\""])
    var assigning = room
    assigning.say("/goto 5")
    let completion = assigning.workshop.completions(for: "Sa")
    #expect(completion.candidates == ["Sam Lee"])
  }

  @Test func exportFormatsAndFindingIdsComplete() {
    let room = Room.throughSelection()
    #expect(room.workshop.completions(for: "/export ").candidates == ExportFormat.allCases.map(\.rawValue))
    let ids = room.workshop.completions(for: "/accept counts").candidates
    #expect(!ids.isEmpty)
    #expect(ids.allSatisfy { $0.hasPrefix("counts:") })
  }
}

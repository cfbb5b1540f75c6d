import Foundation
import KPICascade
import Testing

@testable import Workshop

/// A workshop driven by typed lines, as the room would: the engine without a terminal.
struct Room {
  var workshop: Workshop
  var replies: [Reply] = []
  var clock = Date(timeIntervalSince1970: 1_795_687_200)  // 2026-11-26 10:00 UTC

  init(name: String = "Acme Retail") {
    let info = SessionInfo(name: name, slug: try! Slug.make(from: name), created: clock)
    workshop = Workshop(session: Session(info: info))
  }

  var cascade: Cascade { workshop.cascade }
  var session: Session { workshop.session }
  var question: Question? { workshop.currentQuestion(at: clock) }

  /// Types each line, one after another; returns the last reply.
  @discardableResult
  mutating func say(_ lines: String...) -> Reply {
    for line in lines {
      clock += 7
      replies.append(workshop.handle(line, at: clock))
    }
    return replies.last!
  }

  @discardableResult
  mutating func say(lines: [String]) -> Reply {
    for line in lines {
      clock += 7
      replies.append(workshop.handle(line, at: clock))
    }
    return replies.last ?? Reply(text: "")
  }

  /// The lines of the five-department fixture shared with the end-to-end tests.
  static func fixtureLines(_ name: String = "acme-workshop.txt") -> [String] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("EndToEndTests/Fixtures/\(name)")
    let text = try! String(contentsOf: url, encoding: .utf8)
    var lines = text.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// Steps 1–3 of the fixture typed in, up to the first conflict question.
  static func throughSelection() -> Room {
    var room = Room()
    for line in fixtureLines() where room.workshop.step.rawValue < WorkshopStep.resolve.rawValue {
      room.say(line)
    }
    return room
  }

  /// The whole fixture: a complete five-department workshop.
  static func complete() -> Room {
    var room = Room()
    room.say(lines: fixtureLines())
    return room
  }
}

import Exports
import Foundation
import Testing

@testable import KPICascade
@testable import Workshop

/// Issue 3's check on the engine: a complete workshop, then one `/retarget` and one `/owner`,
/// and the diff reports exactly those two changes. The score line appears only when the score
/// moved; these two edits move no criterion, so it does not.
@Suite("Diff")
struct DiffTests {
  static func reviewed() -> (before: Room, after: Room) {
    let before = Room.complete()
    var after = before
    after.say(
      "/retarget \"Qualified pipeline coverage\" >= 3.5x", "/owner \"Qualified pipeline coverage\" Noor Ali")
    #expect(after.replies.suffix(2).allSatisfy { $0.refusal == nil && $0.exchange != nil })
    return (before, after)
  }

  static let pipeline = CascadeDiff.KPIReference(
    level: .department, id: "k1", name: "Qualified pipeline coverage", department: "Sales")

  @Test func aRetargetAndAnOwnerChangeAreExactlyTheTwoChanges() {
    let (before, after) = Self.reviewed()
    let diff = CascadeDiff(old: before.cascade, new: after.cascade)
    #expect(
      diff.changes == [
        .retargeted(Self.pipeline, old: ">= 3x", new: ">= 3.5x"),
        .ownerChanged(Self.pipeline, old: "Sam Lee", new: "Noor Ali"),
      ])
    #expect(diff.scoreBefore == diff.scoreAfter)
    #expect(CascadeDiff(old: after.cascade, new: after.cascade).isEmpty)
  }

  @Test func theTextIsAHeaderAndOneLinePerChange() {
    let (before, after) = Self.reviewed()
    let diff = CascadeDiff(old: before.cascade, new: after.cascade)
    let score = "\(diff.scoreAfter.percent)% \(diff.scoreAfter.level.title)"
    let text = DiffReport(old: "Acme Retail", new: "Acme Retail", diff: diff).text(style: .plain)
    #expect(
      text == """
        2 changes (maturity \(score), unchanged)
          Qualified pipeline coverage (Sales): target >= 3x → >= 3.5x
          Qualified pipeline coverage (Sales): owner Sam Lee → Noor Ali
        """)
    let same = DiffReport(old: "A", new: "A", diff: CascadeDiff(old: after.cascade, new: after.cascade))
    #expect(same.text(style: .plain) == "No changes (maturity \(score))")
  }

  @Test func aMovedScoreIsTheLastLine() throws {
    var old = Cascade()
    old.companyKPIs = [CompanyKPI(id: "c1", name: "Revenue growth")]
    var new = old
    new.companyKPIs[0].target = "+20% YoY"
    new.companyKPIs[0].owner = "Dana Ruiz"
    let diff = CascadeDiff(old: old, new: new)
    try #require(diff.scoreBefore.percent != diff.scoreAfter.percent)
    let lines = DiffReport(old: "A", new: "A", diff: diff).text(style: .plain).split(separator: "\n")
    #expect(lines.first == "3 changes")
    #expect(lines.last == "  Maturity \(diff.scoreBefore.percent)% → \(diff.scoreAfter.percent)%")
  }

  @Test func theJSONIsTheDocumentedObject() throws {
    let (before, after) = Self.reviewed()
    let diff = CascadeDiff(old: before.cascade, new: after.cascade)
    let json = DiffReport(old: "Acme Q1", new: "Acme Q2", diff: diff).json()
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["format"] as? String == "kpi-align-diff")
    #expect(object["version"] as? Int == 1)
    #expect(object["old"] as? String == "Acme Q1")
    #expect(object["new"] as? String == "Acme Q2")
    #expect(object["equal"] as? Bool == false)
    let score = try #require(object["score"] as? [String: [String: Any]])
    #expect(score["before"]?["percent"] as? Int == diff.scoreBefore.percent)
    #expect(score["after"]?["level"] as? String == diff.scoreAfter.level.rawValue)
    let changes = try #require(object["changes"] as? [[String: Any]])
    #expect(changes.map { $0["kind"] as? String } == ["retargeted", "owner-changed"])
    #expect(changes[0]["old"] as? String == ">= 3x")
    #expect(changes[0]["new"] as? String == ">= 3.5x")
    #expect((changes[1]["kpi"] as? [String: Any])?["id"] as? String == "k1")
  }

  @Test func aControlCharacterInANameIsNeverPrintedRaw() {
    var old = Cascade()
    old.departments = [Department(id: "d1", name: "Sales")]
    var new = old
    new.departments[0].name = "Sales\u{1B}[2J"
    let text = DiffReport(old: "A", new: "A", diff: CascadeDiff(old: old, new: new)).text(style: .plain)
    #expect(!text.contains("\u{1B}"))
    #expect(text.contains("Sales^[[2J"))
  }

  @Test func slashDiffAsksTheShellToCompareAndChangesNothing() {
    var room = Room.complete()
    let before = room.session.exchanges
    let reply = room.say("/diff sessions/acme-q1.json")
    #expect(reply.exchange == nil)
    #expect(reply.refusal == nil)
    #expect(reply.effect == .diff(path: "sessions/acme-q1.json"))
    #expect(room.session.exchanges == before)
    #expect(room.say("/diff").refusal == "Usage: /diff FILE")
  }

  @Test func slashDiffIsListedAndExplained() {
    var room = Room()
    #expect(room.say("/help").text.contains("/diff FILE"))
    #expect(room.say("/help diff").text.contains("Changes nothing."))
  }

  @Test func aSessionOrAnExportedCascadeIsReadForComparison() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kpi-diff-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let store = SessionStore(directory: directory)
    let room = Room.complete()
    let open = try store.create(name: "Acme Retail", at: room.clock)
    // Journaled, never saved: the comparison must fold the journal in as `open` would.
    for exchange in room.session.exchanges { try open.record(exchange, in: room.session) }
    open.close()

    let session = try store.cascadeToCompare("acme-retail")
    #expect(session.workshop == "Acme Retail")
    #expect(session.cascade == room.cascade)

    let exported = directory.appendingPathComponent("exported.json")
    let document = CascadeDocument(workshop: "Acme Export", cascade: room.cascade, findings: [])
    try JSONEncoder().encode(document).write(to: exported)
    let export = try store.cascadeToCompare(exported.path)
    #expect(export.workshop == "Acme Export")
    #expect(export.cascade == room.cascade)
  }
}

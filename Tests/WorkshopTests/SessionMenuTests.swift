import Foundation
import Testing

@testable import Workshop

/// The `list` table and the start menu, from summaries alone.
@Suite("Choosing a session")
struct SessionMenuTests {
  static let folder = URL(fileURLWithPath: "/srv/team\u{1B}[2Jdrive")

  static func summary(
    _ name: String, _ slug: String, step: Int = 3, complete: Bool = false, at seconds: Double = 1_795_687_200,
    findings: Int = 2
  ) -> SessionStore.Summary {
    SessionStore.Summary(
      name: name, slug: slug, step: step, isComplete: complete, updated: Date(timeIntervalSince1970: seconds),
      openFindings: findings, damage: nil)
  }

  static func damaged(_ slug: String) -> SessionStore.Summary {
    SessionStore.Summary(
      name: "", slug: slug, step: 0, isComplete: false, updated: nil, openFindings: 0,
      damage: "\(folder.path)/\(slug).json: not valid JSON")
  }

  @Test func theTableShowsEverySessionAndWhyADamagedOneCantBeRead() {
    let menu = SessionMenu(
      summaries: [Self.summary("Acme Retail", "acme-retail", complete: true), Self.damaged("old")],
      folder: Self.folder)
    #expect(
      menu.table == """
        NAME         SLUG         STEP         LAST CHANGE (UTC)    OPEN FINDINGS
        Acme Retail  acme-retail  6/6 done     2026-11-26 10:00     2
        ?            old          damaged      -                    -
          damaged: old.json: not valid JSON
        """)
    #expect(!menu.table.contains("\u{1B}"))
  }

  @Test func anEmptyFolderSaysHowToStartAndNeverPrintsAnEscapeRaw() {
    let menu = SessionMenu(summaries: [], folder: Self.folder)
    #expect(menu.table == "No sessions in /srv/team^[[2Jdrive. Start one with: kpi-align new NAME")
    #expect(menu.greeting == "No workshops yet. What is this workshop called? (e.g. Acme Retail 2027)")
  }

  @Test func theGreetingOffersNineByNumberAndCountsTheDamaged() {
    let many = (1...11).map { Self.summary("Workshop \($0)", "workshop-\($0)", step: 2) }
    let menu = SessionMenu(summaries: many + [Self.damaged("a"), Self.damaged("b")], folder: Self.folder)
    let lines = menu.greeting.split(separator: "\n").map(String.init)
    #expect(lines.first == "2 sessions can't be read: kpi-align list says why.")
    #expect(lines[1] == "Resume a workshop, or start a new one:")
    #expect(lines[2] == "  1  Workshop 1  (workshop-1, 2/6 map)")
    #expect(lines[10] == "  9  Workshop 9  (workshop-9, 2/6 map)")
    #expect(lines[11] == "  … and 2 more: kpi-align list shows them all.")
    #expect(lines.last == "Type a number or a workshop's name to resume it, or a new name to start one.")
  }

  @Test func aChoiceResumesByNumberOrNameAndStartsAnythingElse() throws {
    let menu = SessionMenu(
      summaries: [
        Self.summary("Acme Retail", "acme-retail"), Self.damaged("broken"), Self.summary("Beta", "beta"),
      ],
      folder: Self.folder)
    #expect(try menu.choice("  ") == .none)
    #expect(try menu.choice("2") == .resume(slug: "beta"))
    #expect(try menu.choice("ACME retail") == .resume(slug: "acme-retail"))
    // A damaged session is not resumed by name: the name starts a new one, which `new` refuses.
    #expect(try menu.choice("Broken") == .start(name: "Broken"))
    #expect(try menu.choice("Gamma 2027") == .start(name: "Gamma 2027"))
    #expect(
      throws: ExitError(
        .usage, "There is no workshop 3: type 1–2 to resume, or a name with letters for a new one.")
    ) {
      try menu.choice("3")
    }
    // With nothing to resume, a number is a name like any other.
    #expect(try SessionMenu(summaries: [], folder: Self.folder).choice("2027") == .start(name: "2027"))
  }
}

import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// No file outside the sessions folder is ever touched, whatever someone who can write to that
/// folder leaves in it: links and second names in the place of a session's lock, journal,
/// transcript or temporary file are refused with one message naming them, and the file they
/// lead to stays byte for byte as it was. Run against the built binary.
@Suite(.serialized) struct ConfinementTests {
  /// A scratch folder with `sessions/` holding a one-answer session `acme-retail`, and
  /// `outside/victim` (48,894 bytes, the last line without a newline) that must never change.
  struct Scene {
    let root: URL
    var sessions: URL { root.appendingPathComponent("sessions") }
    var victim: URL { root.appendingPathComponent("outside/victim") }
    let victimBytes: Data

    init(root: URL, session: Bool = true) throws {
      self.root = root
      try FileManager.default.createDirectory(
        at: root.appendingPathComponent("outside"), withIntermediateDirectories: true)
      var bytes = Data((0..<48_893).map { UInt8(truncatingIfNeeded: $0 % 251 + 1) })
      bytes.append(contentsOf: Array("no newline".utf8))
      victimBytes = bytes
      try bytes.write(to: root.appendingPathComponent("outside/victim"))
      if session {
        let made = try runScripted(["new", "Acme Retail"], in: sessions, input: "Revenue growth\n")
        #expect(made.status == 0, "\(made.stderr)")
      }
    }

    func file(_ name: String) -> URL { sessions.appendingPathComponent(name) }

    func symlink(_ name: String, to target: URL) throws {
      try? FileManager.default.removeItem(at: file(name))
      try FileManager.default.createSymbolicLink(atPath: file(name).path, withDestinationPath: target.path)
    }

    func hardLink(_ name: String, to target: URL) throws {
      try? FileManager.default.removeItem(at: file(name))
      try FileManager.default.linkItem(at: target, to: file(name))
    }

    /// The outside file, byte for byte as it was.
    func expectVictimUnchanged(_ context: String, sourceLocation: SourceLocation = #_sourceLocation) {
      let now = FileManager.default.contents(atPath: victim.path)
      #expect(now == victimBytes, "\(context): the outside file changed", sourceLocation: sourceLocation)
    }

    func run(_ arguments: [String], input: String = "") throws -> Binary.Result {
      try runScripted(arguments, in: sessions, input: input)
    }
  }

  static func withScene<T>(session: Bool = true, _ body: (Scene) throws -> T) throws -> T {
    try withScratchDirectory { try body(try Scene(root: $0, session: session)) }
  }

  /// The one line every link refusal prints.
  static func linkRefusal(_ path: URL, role: String, to target: URL) -> String {
    "kpi-align: \(path.path), the session's \(role), is a symbolic link (to \(target.path)); kpi-align does not use a session's files through a link, and leaves it as it is. Remove the link, or open the session where its files really are.\n"
  }

  @Test func aLockThatIsALinkIsRefusedEvenByARefusedReadingsRun() throws {
    try Self.withScene { scene in
      try scene.symlink("acme-retail.lock", to: scene.victim)
      let readings = scene.root.appendingPathComponent("readings.csv")
      try "kpi,date,value\nnope,2026-01-01,3\n".write(to: readings, atomically: true, encoding: .utf8)
      for arguments in [["readings", "acme-retail", readings.path], ["open", "acme-retail"]] {
        let run = try scene.run(arguments, input: "/quit\n")
        #expect(run.status == 4, "\(arguments): \(run.stderr)")
        #expect(
          run.stderr == Self.linkRefusal(scene.file("acme-retail.lock"), role: "lock", to: scene.victim))
        scene.expectVictimUnchanged("\(arguments[0])")
      }
    }
  }

  @Test func aJournalThatIsALinkIsNeitherFoldedInNorEmptied() throws {
    try Self.withScene { scene in
      try scene.symlink("acme-retail.journal", to: scene.victim)
      for arguments in [["open", "acme-retail"], ["check", "acme-retail"], ["export", "acme-retail"]] {
        let run = try scene.run(arguments, input: "Gross margin\n/quit\n")
        #expect(run.status == 4, "\(arguments): \(run.stderr)")
        #expect(
          run.stderr == Self.linkRefusal(scene.file("acme-retail.journal"), role: "journal", to: scene.victim)
        )
        scene.expectVictimUnchanged("\(arguments[0])")
      }
      // An empty file as the link's target gets no journal lines either.
      let empty = scene.root.appendingPathComponent("outside/empty")
      _ = FileManager.default.createFile(atPath: empty.path, contents: Data())
      try scene.symlink("acme-retail.journal", to: empty)
      let run = try scene.run(["open", "acme-retail"], input: "Gross margin\n/quit\n")
      #expect(run.status == 4, "\(run.stderr)")
      #expect(FileManager.default.contents(atPath: empty.path) == Data())
    }
  }

  @Test(arguments: ["journal", "lock", "json"])
  func aSessionFileWithASecondNameIsRefused(kind: String) throws {
    try Self.withScene { scene in
      let name = "acme-retail.\(kind)"
      if kind == "json" {
        // The transcript's other name is in another folder: the session itself, reachable twice.
        let other = scene.root.appendingPathComponent("outside/copy.json")
        try FileManager.default.linkItem(at: scene.file(name), to: other)
      } else {
        try scene.hardLink(name, to: scene.victim)
      }
      let run = try scene.run(["open", "acme-retail"], input: "Gross margin\n/quit\n")
      #expect(run.status == 4, "\(run.stderr)")
      let role = ["journal": "journal", "lock": "lock", "json": "transcript"][kind]!
      #expect(
        run.stderr
          == "kpi-align: \(scene.file(name).path), the session's \(role), has 2 names (hard links), so the session could be opened and written under another name at the same time; kpi-align leaves it as it is. Remove the other names, or put a copy (cp) in its place.\n"
      )
      scene.expectVictimUnchanged(kind)
    }
  }

  @Test func aSessionReachedThroughALinkOrAHardLinkInAnotherFolderIsRefused() throws {
    try Self.withScene { scene in
      let elsewhere = scene.root.appendingPathComponent("elsewhere")
      try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
      let link = elsewhere.appendingPathComponent("acme-retail.json")
      try FileManager.default.createSymbolicLink(
        atPath: link.path, withDestinationPath: scene.file("acme-retail.json").path)
      // While the room works in the session, a second kpi-align through the link gets no lock
      // of its own beside the link: it is refused, and nothing is made in the other folder.
      let room = try Running(["open", "acme-retail"], in: scene.sessions)
      let second = try scene.run(["open", link.path], input: "Gross margin\n")
      #expect(second.status == 4, "\(second.stderr)")
      #expect(
        second.stderr
          == Self.linkRefusal(link, role: "transcript", to: scene.file("acme-retail.json")))
      #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == ["acme-retail.json"])
      room.send(">= 20% YoY\n")
      #expect(room.finish().status == 0)
      #expect(try SavedSession(directory: scene.sessions).answers == ["Revenue growth", ">= 20% YoY"])
    }
  }

  @Test func aTemporaryTranscriptPlantedAsALinkIsNeverWrittenThrough() throws {
    try Self.withScene { scene in
      let room = try Running(["open", "acme-retail"], in: scene.sessions)
      // The lock says who holds the session: a temporary file named after that pid, or any
      // other name made in advance, is not the one kpi-align writes.
      var pid = ""
      for _ in 0..<500 where pid.isEmpty {
        usleep(10_000)
        pid =
          (try? String(contentsOf: scene.file("acme-retail.lock"), encoding: .utf8))?
          .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
      }
      #expect(!pid.isEmpty)
      let planted = [".acme-retail.json.\(pid).tmp", ".acme-retail.json.tmp", ".acme-retail.json.0.tmp"]
      for name in planted { try scene.symlink(name, to: scene.victim) }
      room.send(">= 20% YoY\n/save\n/quit\n")
      let result = room.finish()
      #expect(result.status == 0, "\(result.stderr)")
      scene.expectVictimUnchanged("/save")
      let transcript = try FileManager.default.attributesOfItem(atPath: scene.file("acme-retail.json").path)
      #expect(transcript[.type] as? FileAttributeType == .typeRegular)
      #expect(try SavedSession(directory: scene.sessions).answers == ["Revenue growth", ">= 20% YoY"])
      // Only the planted links are left beside it: every temporary file of its own is gone.
      let left = try FileManager.default.contentsOfDirectory(atPath: scene.sessions.path).filter {
        $0.hasPrefix(".")
      }
      #expect(Set(left) == Set(planted))
    }
  }

  @Test(arguments: ["json", "journal", "lock"])
  func aNewSessionWithADanglingLinkInPlaceCreatesNothing(kind: String) throws {
    try Self.withScene(session: false) { scene in
      try FileManager.default.createDirectory(at: scene.sessions, withIntermediateDirectories: true)
      let nowhere = scene.root.appendingPathComponent("outside/made-\(kind)")
      try scene.symlink("acme-retail.\(kind)", to: nowhere)
      let run = try scene.run(["new", "Acme Retail"], input: "Revenue growth\n")
      #expect(run.status == 4, "\(run.stderr)")
      let role = ["journal": "journal", "lock": "lock", "json": "transcript"][kind]!
      #expect(run.stderr == Self.linkRefusal(scene.file("acme-retail.\(kind)"), role: role, to: nowhere))
      #expect(!FileManager.default.fileExists(atPath: nowhere.path), "the link's target was created")
      #expect(
        try FileManager.default.contentsOfDirectory(atPath: scene.sessions.path) == ["acme-retail.\(kind)"])
    }
  }

  @Test func listShowsADamagedSessionAndNeverWritesEscapesRaw() throws {
    try withScratchDirectory { root in
      let folder = root.appendingPathComponent("team\u{1B}[2Jdrive")
      let empty = try runScripted(["list"], in: folder)
      #expect(empty.status == 0)
      #expect(!empty.stdout.contains("\u{1B}"), "\(empty.stdout)")
      #expect(
        empty.stdout == "No sessions in \(root.path)/team^[[2Jdrive. Start one with: kpi-align new NAME\n")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try "{\"format\": \"kpi-align-transcript\", \"ver".write(
        to: folder.appendingPathComponent("broken.json"), atomically: true, encoding: .utf8)
      let listed = try runScripted(["list"], in: folder)
      #expect(listed.status == 0)
      #expect(!listed.stdout.contains("\u{1B}"))
      #expect(
        listed.stdout == """
          NAME  SLUG    STEP         LAST CHANGE (UTC)    OPEN FINDINGS
          ?     broken  damaged      -                    -
            damaged: broken.json: (top level): not valid JSON: the file ends inside a string (truncated?) (line 1, column 40).

          """)
    }
  }

  @Test func theStartMenuSaysADamagedSessionCantBeResumed() throws {
    try withScratchDirectory { folder in
      try "{".write(to: folder.appendingPathComponent("broken.json"), atomically: true, encoding: .utf8)
      let room = try Facilitator([], in: folder)
      let menu = try room.terminal.expect("workshop› ", timeout: Facilitator.timeout)
      #expect(
        menu.contains("1 session can't be read: kpi-align list says why.\r\nNo workshops yet."), "\(menu)")
      room.terminal.send("\u{4}")
      #expect(try room.terminal.waitForExit() == 0)
    }
  }

  @Test func importedTextHoldsTypedLimitsAndNotesAreNeutralised() throws {
    try withScratchDirectory { root in
      let sessions = root.appendingPathComponent("sessions")
      let made = try runScripted(
        ["new", "Acme Retail"], in: root.appendingPathComponent("made"), input: "Revenue growth\n")
      #expect(made.status == 0, "\(made.stderr)")
      let source = root.appendingPathComponent("made/acme-retail.json")
      let text = try String(contentsOf: source, encoding: .utf8)
      let long = root.appendingPathComponent("long.json")
      try text.replacingOccurrences(
        of: "\"answer\" : \"Revenue growth\"",
        with: "\"answer\" : \"\(String(repeating: "x", count: 200_000))\""
      ).write(to: long, atomically: true, encoding: .utf8)
      let refused = try runScripted(["import", long.path], in: sessions)
      #expect(refused.status == 3)
      #expect(
        refused.stderr
          == "kpi-align: \(long.path): exchanges[0].answer: longer than 1000 characters, which is all a typed answer can hold.\n"
      )
      #expect(!FileManager.default.fileExists(atPath: sessions.path), "nothing written")
    }
  }

  @Test func aReadingsNoteThatIsAFormulaIsKeptAsText() throws {
    try withScratchDirectory { root in
      let sample = root.appendingPathComponent("sample.json")
      #expect(try runScripted(["sample", "-o", sample.path], in: root).status == 0)
      let imported = try runScripted(["import", sample.path], in: root)
      #expect(imported.status == 0, "\(imported.stderr)")
      let slug = try #require(imported.stdout.firstMatch(of: /\/([a-z0-9-]+)\.json/)?.1)
      let cascade = try runScripted(["export", String(slug)], in: root)
      let kpi = try #require(cascade.stdout.firstMatch(of: /"name" : "([^"]+)"/)?.1)
      let readings = root.appendingPathComponent("readings.csv")
      try
        "kpi,date,value,note,recorded_by\n\"\(kpi)\",2026-11-02,5,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",@bob\n"
        .write(to: readings, atomically: true, encoding: .utf8)
      let recorded = try runScripted(["readings", String(slug), readings.path], in: root)
      #expect(recorded.status == 0, "\(recorded.stderr)")
      let exported = try runScripted(["export", String(slug)], in: root).stdout
      #expect(exported.contains(#""note" : "'=HYPERLINK(\"http://x\",\"y\")""#), "\(exported.suffix(600))")
      #expect(exported.contains(#""recordedBy" : "'@bob""#))
    }
  }

  @Test func refusedScriptLinesNameTheirPlaceTheNameLineToo() throws {
    try withScratchDirectory { root in
      let script = root.appendingPathComponent("names.txt")
      try Data("Acme\u{0}Retail\n".utf8).write(to: script)
      let named = try runScripted(["--script", script.path], in: root.appendingPathComponent("s"))
      #expect(named.status == 2)
      #expect(
        named.stderr == "kpi-align: \(script.path):1: A workshop name can't contain control characters.\n")
      let retarget = try runScripted(
        ["new", "Acme Retail"], in: root.appendingPathComponent("s"),
        input: "Revenue growth\n/retarget \"Revenue growth\" =1+2\n")
      #expect(retarget.status == 1)
      #expect(
        retarget.stderr
          == "kpi-align: stdin:2: '=1+2' would be read as '= 1', leaving '+2' out. Give the target as one number with its unit (e.g. >= 78%, 42%, < 3 days).\n"
      )
    }
  }
}

import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// "It never loses an answer": kill -9 the interactive kpi-align right after a prompt appears,
/// reopen, and every answer whose next prompt was on screen is in the session.
@Suite(.serialized) struct CrashRecoveryTests {

  @Test func killMinusNineInStepThreeAndAgainInStepFiveLosesNoAnswer() throws {
    try withScratchDirectory { directory in
      let lines = try workshopFixtureLines()
      // Mid step 3: Marketing's KPI has a name and a lead time, no link sentence yet.
      let midStepThree = try #require(lines.firstIndex(of: "Marketing qualified leads")) + 2
      // Mid step 5: three of the nine owners given (and Sales's Level 3 KPIs between them).
      let stepFiveStart = try #require(lines.firstIndex(of: "On-time delivery rate within capacity")) + 2
      let midStepFive = try #require(lines.lastIndex(of: "Mia Chen")) + 1
      #expect(lines[stepFiveStart] == "Sam Lee")
      #expect(lines[midStepFive - 1] == "Mia Chen")

      // First run: up to the middle of step 3, then SIGKILL as soon as the next prompt shows.
      let first = try Facilitator(["new", "Acme Retail"], in: directory)
      try first.waitForPrompt()
      try first.typeAll(lines[..<midStepThree])
      #expect(first.terminal.output.hasSuffix("[3/6 select] acme-retail› "))
      first.terminal.signal(SIGKILL)
      #expect(try first.terminal.waitForExit(timeout: Facilitator.timeout) == 128 + SIGKILL)

      // Reopened on a terminal: no error, the same step, the next unanswered question.
      let second = try Facilitator(["open", "acme-retail"], in: directory)
      let resumed = try second.waitForPrompt()
      #expect(!resumed.contains("kpi-align:"), "\(resumed)")
      #expect(resumed.contains("Resuming: Acme Retail"))
      #expect(resumed.contains("(\(midStepThree) answers so far"))
      #expect(resumed.contains("In one sentence: how does Marketing qualified leads move Revenue growth?"))
      #expect(resumed.hasSuffix("[3/6 select] acme-retail› "))

      // Second run: on to the middle of step 5, then SIGKILL again.
      try second.typeAll(lines[midStepThree..<midStepFive])
      #expect(second.terminal.output.hasSuffix("[5/6 assign] acme-retail› "))
      second.terminal.signal(SIGKILL)
      #expect(try second.terminal.waitForExit(timeout: Facilitator.timeout) == 128 + SIGKILL)

      // Reopened through a pipe with nothing to add: it opens cleanly and saves what it recovered.
      let reopened = try runScripted(["open", "acme-retail"], in: directory)
      #expect(reopened.status == 0, "\(reopened.stderr)")
      #expect(reopened.stderr.isEmpty, "\(reopened.stderr)")
      #expect(reopened.stdout.contains("(\(midStepFive) answers so far"))
      let saved = try SavedSession(directory: directory)
      #expect(saved.answers == Array(lines[..<midStepFive]))
      #expect(
        saved.companyKPIs.compactMap { $0["name"] as? String } == [
          "Revenue growth", "Gross margin", "Customer retention",
        ])
      #expect(saved.departmentKPIs.count == 9)
      #expect(saved.owners["Qualified pipeline coverage"] == "Sam Lee")
      #expect(saved.owners["Average discount"] == "Sam Lee")
      #expect(saved.owners["Marketing qualified leads"] == "Mia Chen")
      #expect(saved.owners["Purchase price variance"] == "(none)")
      #expect(
        saved.departmentKPI("Marketing qualified leads")?["linkSentence"] as? String
          == "Qualified leads become pipeline that Sales converts into revenue.")

      // Finishing from there gives exactly the cascade of a workshop that never crashed.
      let finished = try runScripted(
        ["open", "acme-retail"], in: directory, input: lines[midStepFive...].joined(separator: "\n") + "\n")
      #expect(finished.status == 0, "\(finished.stderr)")
      let check = try runScripted(["check", "acme-retail"], in: directory)
      #expect(check.status == 0, "\(check.stdout)")

      let uninterrupted = directory.appendingPathComponent("uninterrupted")
      try FileManager.default.createDirectory(at: uninterrupted, withIntermediateDirectories: true)
      let straight = try runScripted(
        ["new", "Acme Retail", "--script", Binary.fixture("acme-workshop.txt").path], in: uninterrupted)
      #expect(straight.status == 0, "\(straight.stderr)")
      let recovered = try runScripted(["export", "acme-retail", "--format", "json"], in: directory)
      let reference = try runScripted(["export", "acme-retail", "--format", "json"], in: uninterrupted)
      #expect(recovered.status == 0 && reference.status == 0)
      #expect(!recovered.stdout.isEmpty)
      #expect(recovered.stdout == reference.stdout)
    }
  }

  /// The crash suite's bounded form (the full one: `scripts/crash-suite`, 50 kills of a
  /// 500-answer workshop): a generated 193-answer workshop typed on a terminal and killed 16
  /// times at seeded random points, at a prompt or while an answer is being handled, journaled
  /// and printed. After each kill the session reopens cleanly and holds exactly the answers whose
  /// next prompt was seen, plus at most the one typed when the kill came; finished, it agrees
  /// with the same workshop never interrupted.
  @Test func killedSixteenTimesAtRandomPointsItLosesNoAnswerWhosePromptWasSeen() throws {
    try withScratchDirectory { directory in
      let sample = directory.appendingPathComponent("sample.json")
      let made = try Binary.run(["sample", "--departments", "4", "-o", sample.path])
      #expect(made.status == 0, "\(made.stderr)")
      let document = try #require(
        try JSONSerialization.jsonObject(with: Data(contentsOf: sample)) as? [String: Any])
      let answers = (document["exchanges"] as? [[String: Any]] ?? []).compactMap { $0["answer"] as? String }
      let info = try #require(document["session"] as? [String: Any])
      let name = try #require(info["name"] as? String)
      let slug = try #require(info["slug"] as? String)
      #expect(answers.count == 193)
      let sessions = directory.appendingPathComponent("sessions")
      var random = SeededRandom(seed: 2027)
      var stored = 0
      for run in 0..<16 {
        let exists = FileManager.default.fileExists(
          atPath: sessions.appendingPathComponent("\(slug).json").path)
        let room = try Facilitator(
          exists ? ["open", slug] : ["new", name], in: sessions, slug: slug,
          environment: ["KPI_ALIGN_HISTORY": ""])
        let opening = try room.waitForPrompt()
        #expect(!opening.contains("kpi-align:"), "run \(run): \(opening)")
        let typed = random.next(below: min(answers.count - stored - 1, 24) + 1)
        try room.typeAll(answers[stored..<stored + typed])
        var seen = typed
        let midAnswer = random.next(below: 3) > 0
        if midAnswer {
          let mark = room.mark()
          room.terminal.send(answers[stored + typed] + "\r")
          usleep(useconds_t(random.next(below: 3000)))
          room.terminal.signal(SIGKILL)
          #expect(try room.terminal.waitForExit(timeout: Facilitator.timeout) == 128 + SIGKILL)
          if room.output(since: mark).contains(room.prompt) { seen += 1 }
        } else {
          room.terminal.signal(SIGKILL)
          #expect(try room.terminal.waitForExit(timeout: Facilitator.timeout) == 128 + SIGKILL)
        }
        let reopened = try runScripted(["open", slug], in: sessions)
        #expect(reopened.status == 0 && reopened.stderr.isEmpty, "run \(run): \(reopened.stderr)")
        let got = try SavedSession(directory: sessions, slug: slug).everyAnswer
        #expect(got == Array(answers.prefix(got.count)), "run \(run): not the typed answers, in order")
        let ceiling = stored + seen + (midAnswer && seen == typed ? 1 : 0)
        #expect(
          (stored + seen...ceiling).contains(got.count),
          "run \(run): \(got.count) answers on disk, \(stored + seen) prompts seen")
        stored = got.count
      }
      let rest = answers[stored...].joined(separator: "\n") + "\n"
      let finished = try runScripted(["open", slug], in: sessions, input: rest)
      #expect(finished.status == 0, "\(finished.stderr)")
      let straight = directory.appendingPathComponent("straight")
      let uninterrupted = try runScripted(
        ["new", name], in: straight, input: answers.joined(separator: "\n") + "\n")
      #expect(uninterrupted.status == 0, "\(uninterrupted.stderr)")
      let recovered = try runScripted(["export", slug, "--format", "json"], in: sessions)
      let reference = try runScripted(["export", slug, "--format", "json"], in: straight)
      #expect(!recovered.stdout.isEmpty && recovered.stdout == reference.stdout)
    }
  }
}

/// SplitMix64: the same kill points on every run of the suite, so a failure can be replayed.
struct SeededRandom {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next(below bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    mixed ^= mixed >> 31
    return Int(mixed % UInt64(max(bound, 1)))
  }
}

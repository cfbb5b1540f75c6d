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
}

import Foundation
import Testing

/// `kpi-align sample` as a newcomer runs it: a file to open, check and export at once.
@Suite("kpi-align sample")
final class SampleCommandTests {
  let directory = Binary.scratchDirectory()

  deinit { try? FileManager.default.removeItem(at: directory) }

  private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

  private func bytes(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path(name))) }

  @Test func theDefaultSampleChecksExportsAndOpens() throws {
    let made = try Binary.run(["sample", "-o", path("sample.json")])
    #expect(made.status == 0, "\(made.stderr)")
    #expect(made.stderr.isEmpty)
    #expect(made.stdout.contains("4 departments, 12 department KPIs, 12 Level 3 KPIs"))
    #expect(made.stdout.contains("kpi-align open \(path("sample.json"))"))

    let check = try Binary.run(["check", path("sample.json")])
    #expect(check.status == 0, "\(check.stdout)")

    let minutes = try Binary.run(["export", path("sample.json"), "--format", "md", "-o", path("minutes.md")])
    #expect(minutes.status == 0, "\(minutes.stderr)")
    let text = try String(contentsOf: URL(fileURLWithPath: path("minutes.md")), encoding: .utf8)
    #expect(text.contains("Revenue growth"))
    #expect(text.contains("→"))  // a structural conflict resolved by an adjustment

    // Opened as a newcomer would: everything answered, the tree and the tests at hand.
    let open = try Binary.run(["open", path("sample.json")], input: Data("/show\n/check\n/quit\n".utf8))
    #expect(open.status == 0, "\(open.stderr)")
    #expect(open.stdout.contains("Every step is complete."))
    #expect(open.stdout.contains("Customer Success"))
  }

  @Test func sameOptionsWriteTheSameBytes() throws {
    let options = [
      "--departments", "9", "--kpis-per-department", "6", "--individual-per-kpi", "2", "--seed", "5",
    ]
    #expect(try Binary.run(["sample", "-o", path("one.json")] + options).status == 0)
    #expect(try Binary.run(["sample"] + options + ["--output=\(path("two.json"))"]).status == 0)
    #expect(
      try Binary.run(["sample", "-o", path("three.json"), "--seed=6"] + options.dropLast(2)).status == 0)
    #expect(try bytes("one.json") == bytes("two.json"))
    #expect(try bytes("one.json") != bytes("three.json"))
    let check = try Binary.run(["check", path("one.json")])
    #expect(check.status == 0, "\(check.stdout)")
  }

  @Test func anExistingFileIsNeverReplaced() throws {
    try Data("mine\n".utf8).write(to: URL(fileURLWithPath: path("taken.json")))
    let run = try Binary.run(["sample", "-o", path("taken.json")])
    #expect(run.status == 2)
    #expect(run.stderr.contains("already exists"))
    #expect(try bytes("taken.json") == Data("mine\n".utf8))
  }

  /// One line on stderr naming the flag and its range; nothing written.
  @Test(arguments: [
    (["--departments", "0"], "--departments takes a whole number from 1 to 10000"),
    (["--departments", "-3"], "--departments takes a whole number from 1 to 10000"),
    (["--departments", "many"], "'many' is not one"),
    (["--departments=10001"], "--departments takes a whole number from 1 to 10000"),
    (["--kpis-per-department", "9"], "from 1 to 8 (more than 8 KPIs in a department fails the count test)"),
    (["--kpis-per-department", "0"], "--kpis-per-department takes a whole number from 1 to 8"),
    (["--individual-per-kpi", "6"], "--individual-per-kpi takes a whole number from 0 to 5"),
    (["--individual-per-kpi", "-1"], "--individual-per-kpi takes a whole number from 0 to 5"),
    (["--individual-per-kpi", "2.5"], "'2.5' is not one"),
    (["--seed", "-1"], "--seed takes a whole number"),
    (["--readings"], "--readings: KPI readings are not in kpi-align yet"),
    (["--departments"], "--departments needs a value"),
    (["extra"], "kpi-align sample takes no operands"),
    (["--format", "md"], "--format goes with export, diff and diagnose"),
  ])
  func badOptionsAreUsageErrors(_ arguments: [String], _ message: String) throws {
    let run = try Binary.run(["sample", "-o", path("never.json")] + arguments)
    #expect(run.status == 2)
    #expect(run.stderr.contains(message), "\(run.stderr)")
    #expect(run.stderr.split(separator: "\n").count == 1)
    #expect(!FileManager.default.fileExists(atPath: path("never.json")))
  }

  @Test func theFileAndTheFlagsBelongTogether() throws {
    let missing = try Binary.run(["sample"])
    #expect(missing.status == 2)
    #expect(
      missing.stderr.contains("kpi-align sample needs a file to write: kpi-align sample -o sample.json"))
    let elsewhere = try Binary.run(["check", path("x.json"), "--departments", "3"])
    #expect(elsewhere.status == 2)
    #expect(elsewhere.stderr.contains("go with sample"))
    let help = try Binary.run(["--help"])
    #expect(help.stdout.contains("kpi-align sample -o FILE"))
  }
}

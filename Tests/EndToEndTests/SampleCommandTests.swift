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

  /// `--readings`: the workshop followed by weeks of readings, still checked, opened and
  /// written the same way every time.
  @Test func readingsFollowTheWorkshop() throws {
    let made = try Binary.run(["sample", "--readings", "-o", path("readings.json")])
    #expect(made.status == 0, "\(made.stderr)")
    #expect(made.stderr.isEmpty)
    // 3 company + 12 department + 12 Level 3 KPIs, 26 weeks.
    #expect(made.stdout.contains("(219 exchanges)"), "\(made.stdout)")
    #expect(
      made.stdout.contains(
        "With 26 weeks of readings up to 2027-10-01 (702 readings): one company KPI has slipped"))
    let workshop = try Binary.run(["sample", "-o", path("workshop.json")])
    #expect(workshop.stdout.contains("(193 exchanges)"))
    #expect(!workshop.stdout.contains("readings"))

    let check = try Binary.run(["check", path("readings.json")])
    #expect(check.status == 0, "\(check.stdout)")
    let open = try Binary.run(["open", path("readings.json")], input: Data("/show\n/quit\n".utf8))
    #expect(open.status == 0, "\(open.stderr)")
    #expect(open.stdout.contains("Every step is complete."))

    // The dip a newcomer is pointed at: the dashboard flags it, diagnose traces it to the Sales
    // indicator and the Level 3 KPI beneath it, with the lag against the stated lead time.
    let dashboard = try Binary.run(["dashboard", path("readings.json")])
    #expect(dashboard.status == 0, "\(dashboard.stderr)")
    #expect(dashboard.stdout.contains("Customer retention"))
    let diagnose = try Binary.run([
      "diagnose", path("readings.json"), "Customer retention", "--format", "json",
    ])
    #expect(diagnose.status == 0, "\(diagnose.stderr)")
    let diagnosis = try #require(
      try JSONSerialization.jsonObject(with: Data(diagnose.stdout.utf8)) as? [String: Any])
    #expect(diagnosis["finding"] as? String == "traced")
    let chain = try #require(diagnosis["chain"] as? [[String: Any]])
    #expect(chain.map { $0["kpi"] as? String } == ["k7", "i2"])
    #expect(chain.first?["name"] as? String == "Renewal pipeline coverage")
    let lag = try #require(chain.first?["lagDays"] as? Int)
    let stated = try #require(chain.first?["statedLeadDays"] as? Int)
    #expect(abs(lag - stated) <= 7, "lag \(lag), stated \(stated)")

    let year = ["--readings", "--weeks", "52", "--departments", "6", "--seed", "8"]
    #expect(try Binary.run(["sample", "-o", path("year1.json")] + year).status == 0)
    let again = try Binary.run([
      "sample", "--seed=8", "--weeks=52", "-o", path("year2.json"), "--departments", "6", "--readings",
    ])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stdout.contains("With 52 weeks of readings"))
    #expect(try bytes("year1.json") == bytes("year2.json"))
    let shorter = ["--readings", "--weeks", "51", "--departments", "6", "--seed", "8"]
    #expect(try Binary.run(["sample", "-o", path("year3.json")] + shorter).status == 0)
    #expect(try bytes("year1.json") != bytes("year3.json"))

    let short = try Binary.run(["sample", "--readings", "--weeks", "3", "-o", path("short.json")])
    #expect(short.status == 0)
    #expect(short.stdout.contains("With 3 weeks of readings up to"))
    #expect(short.stdout.contains("too few weeks for a dip to trace"))
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
    (["--weeks", "26"], "--weeks is how many weeks of readings to write; add --readings"),
    (["--readings", "--weeks", "0"], "--weeks takes a whole number from 1 to 520"),
    (["--readings", "--weeks=521"], "--weeks takes a whole number from 1 to 520"),
    (["--readings", "--weeks", "1y"], "'1y' is not one"),
    (["--readings", "--weeks"], "--weeks needs a value"),
    (
      [
        "--readings", "--weeks", "130", "--departments", "200", "--kpis-per-department", "8",
        "--individual-per-kpi", "4",
      ],
      "--readings: 8005 KPIs × 130 weeks is more than 1000000 readings"
    ),
    (["--departments"], "--departments needs a value"),
    (["extra"], "kpi-align sample takes no operands"),
    (["--format", "md"], "--format goes with export, check, diff and diagnose"),
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

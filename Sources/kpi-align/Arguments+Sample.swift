import Workshop

extension Arguments {
  /// `kpi-align sample -o FILE [--departments N] [--kpis-per-department K]
  /// [--individual-per-kpi I] [--seed S] [--readings [--weeks W]]`, each size checked against
  /// the range that keeps the sample passing `check`.
  ///
  /// `-o` is required: a sample is a file to look at, and naming it keeps it out of the
  /// sessions folder (and out of `list`) unless the newcomer imports it. `--weeks` without
  /// `--readings` is refused rather than taken to mean it: a flag that silently does nothing,
  /// or silently does more, would promise a sample the newcomer did not ask for.
  static func sample(
    _ operands: [String], output: String?, flags: [String: String], readings: Bool
  ) throws(ExitError) -> Command {
    guard operands.isEmpty else {
      throw ExitError(
        .usage, "kpi-align sample takes no operands; name the file with -o: kpi-align sample -o sample.json")
    }
    guard let output else {
      throw ExitError(.usage, "kpi-align sample needs a file to write: kpi-align sample -o sample.json")
    }
    typealias Options = SampleSession.Options
    var options = Options()
    options.departments = try count(
      flags, "--departments", Options.departmentRange, default: options.departments)
    options.kpisPerDepartment = try count(
      flags, "--kpis-per-department", Options.kpiRange, default: options.kpisPerDepartment)
    options.individualPerKPI = try count(
      flags, "--individual-per-kpi", Options.individualRange, default: options.individualPerKPI)
    options.readings = readings
    if flags["--weeks"] != nil, !readings {
      throw ExitError(
        .usage,
        "--weeks is how many weeks of readings to write; add --readings: kpi-align sample --readings --weeks 52"
      )
    }
    options.weeks = try count(flags, "--weeks", Options.weekRange, default: options.weeks)
    let kpis = options.departments * options.kpisPerDepartment * (1 + options.individualPerKPI) + 5
    if readings, kpis * options.weeks > Options.maximumReadings {
      throw ExitError(
        .usage,
        "--readings: \(kpis) KPIs × \(options.weeks) weeks is more than \(Options.maximumReadings) readings, "
          + "the most a sample writes (its file would near the largest a session can be); "
          + "ask for fewer weeks or departments.")
    }
    if let seed = flags["--seed"] {
      guard seed.allSatisfy({ $0.isASCII && $0.isNumber }), let value = UInt64(seed) else {
        throw ExitError(
          .usage,
          "--seed takes a whole number from 0 to \(UInt64.max), e.g. --seed 7; '\(DisplayText.safe(seed))' is not one."
        )
      }
      options.seed = value
    }
    return .sample(options: options, output: output)
  }

  private static func count(
    _ flags: [String: String], _ flag: String, _ range: ClosedRange<Int>, default fallback: Int
  ) throws(ExitError) -> Int {
    guard let text = flags[flag] else { return fallback }
    guard text.count <= 6, text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text),
      range.contains(value)
    else {
      let why =
        range == SampleSession.Options.kpiRange
        ? " (more than \(range.upperBound) KPIs in a department fails the count test)" : ""
      throw ExitError(
        .usage,
        "\(flag) takes a whole number from \(range.lowerBound) to \(range.upperBound)\(why); '\(DisplayText.safe(text))' is not one."
      )
    }
    return value
  }
}

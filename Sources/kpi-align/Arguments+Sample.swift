import Workshop

extension Arguments {
  /// `kpi-align sample -o FILE [--departments N] [--kpis-per-department K]
  /// [--individual-per-kpi I] [--seed S]`, each size checked against the range that keeps the
  /// sample passing `check`.
  ///
  /// `-o` is required: a sample is a file to look at, and naming it keeps it out of the
  /// sessions folder (and out of `list`) unless the newcomer imports it. `--readings` is
  /// refused by name: the model has no KPI readings yet, and a flag that silently does nothing
  /// would promise a sample it cannot write.
  static func sample(
    _ operands: [String], output: String?, flags: [String: String], readings: Bool
  ) throws(ExitError) -> Command {
    guard operands.isEmpty else {
      throw ExitError(
        .usage, "kpi-align sample takes no operands; name the file with -o: kpi-align sample -o sample.json")
    }
    guard !readings else {
      throw ExitError(
        .usage,
        "--readings: KPI readings are not in kpi-align yet, so a sample cannot have them; leave the flag out."
      )
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

import Foundation
import KPICascade

/// A realistic workshop made up from a seed (`kpi-align sample`): a newcomer's way in, and the
/// input of benchmarks and fault suites at any size.
///
/// The session is what a room typing `answers(_:)` into the engine would have produced, step by
/// step: company KPIs with targets and executives, locked; departments with heads; step 2
/// contributions; department KPIs with lead times, link sentences and targets; the classic
/// conflicts answered, some structural and resolved by adjusting a KPI; owners and Level 3 KPIs;
/// governance with the proposed cadences. The same options give the same bytes: the only
/// randomness is a `SplitMix64` seeded with `Options.seed`, and the clock starts at a day the
/// seed picks.
///
/// The exchanges are written directly rather than by feeding `answers(_:)` to `Workshop.handle`:
/// the engine derives the agenda and re-runs checks after every answer, so its time grows with
/// the square of the session (128 s for 40 departments × 8 KPIs × 4, against 0.2 s here); the
/// tests feed the answers to the engine for small samples and require the very same exchanges,
/// so the two cannot drift apart unnoticed. The result is then replayed like any
/// file that is opened, so a sample that `check` would refuse cannot be written.
public enum SampleSession {
  /// What to generate. The ranges keep every sample passing `check`: more than eight KPIs in a
  /// department, or more than five Level 3 KPIs in a role, would fail the count test.
  public struct Options: Equatable, Sendable {
    public var departments: Int
    public var kpisPerDepartment: Int
    public var individualPerKPI: Int
    public var seed: UInt64
    /// Whether weekly readings follow the workshop (`SampleReadings`), and how many weeks.
    public var readings: Bool
    public var weeks: Int

    /// The default is a small complete workshop: four departments (two classic conflicts), three
    /// KPIs each with one Level 3 KPI under each; with readings, half a year of them.
    public init(
      departments: Int = 4, kpisPerDepartment: Int = 3, individualPerKPI: Int = 1, seed: UInt64 = 1,
      readings: Bool = false, weeks: Int = 26
    ) {
      self.departments = departments
      self.kpisPerDepartment = kpisPerDepartment
      self.individualPerKPI = individualPerKPI
      self.seed = seed
      self.readings = readings
      self.weeks = weeks
    }

    public static let departmentRange = 1...10_000
    public static let kpiRange = 1...CountCheck.departmentRange.upperBound
    public static let individualRange = 0...CountCheck.roleRange.upperBound
    /// Up to ten years of weekly readings.
    public static let weekRange = 1...520
    /// KPIs × weeks at most: a million readings make a file of about 250 MB, half the largest
    /// `TranscriptCodec` reads (each reading is written twice: in its exchange and the snapshot).
    public static let maximumReadings = 1_000_000
  }

  /// What the readings were made to show: the company KPI that fell below target, the
  /// department leading indicator that dropped first (about its stated lead time before), and
  /// the Level 3 KPI under it that went first of all, when it has one. Kept out of the file,
  /// so a newcomer finds it the way a room would, with the dashboard and `diagnose`.
  public struct Story: Equatable, Sendable {
    public var companyKPI: String
    public var indicator: String
    public var individual: String?
    /// The week the indicator dropped.
    public var indicatorFell: CalendarDay
    /// The week the company KPI first missed its target.
    public var companyFell: CalendarDay
    /// The last day with readings: the day to diagnose as of.
    public var lastDay: CalendarDay
  }

  /// The generated session, replayed and checked. Options outside their ranges are a
  /// programming error: the command line checks them first.
  public static func session(_ options: Options) -> Session {
    generate(options).session
  }

  /// The generated session and, with readings, the story planted in them (`nil` without
  /// readings, or when the weeks are too few for any indicator's lead time).
  public static func generate(_ options: Options) -> (session: Session, story: Story?) {
    let script = script(options)
    do {
      var session = try Session(info: script.info, exchanges: script.exchanges)
      guard options.readings else { return (session, nil) }
      precondition(Options.weekRange.contains(options.weeks))
      let readings = SampleReadings(
        cascade: session.cascade, after: script.exchanges.last!.at, weeks: options.weeks, seed: options.seed,
        firstSeq: script.exchanges.count + 1)
      // One event an exchange: `record` applies each in place, so this stays linear.
      for exchange in readings.exchanges { try session.record(exchange) }
      return (session, readings.story)
    } catch {
      preconditionFailure("the sample does not replay: \(error.description)")
    }
  }

  /// The answer lines, in order, that produce the workshop of `session(options)` (without its
  /// readings) when typed into a new workshop with the same clock; for scripted runs of the
  /// real engine.
  public static func answers(_ options: Options) -> [String] {
    script(options).exchanges.map(\.answer)
  }

  static func script(_ options: Options) -> SampleScript {
    precondition(Options.departmentRange.contains(options.departments))
    precondition(Options.kpiRange.contains(options.kpisPerDepartment))
    precondition(Options.individualRange.contains(options.individualPerKPI))
    var script = SampleScript(plan: SamplePlan(options))
    script.run()
    return script
  }
}

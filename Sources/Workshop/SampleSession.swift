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

    /// The default is a small complete workshop: four departments (two classic conflicts), three
    /// KPIs each with one Level 3 KPI under each.
    public init(departments: Int = 4, kpisPerDepartment: Int = 3, individualPerKPI: Int = 1, seed: UInt64 = 1)
    {
      self.departments = departments
      self.kpisPerDepartment = kpisPerDepartment
      self.individualPerKPI = individualPerKPI
      self.seed = seed
    }

    public static let departmentRange = 1...10_000
    public static let kpiRange = 1...CountCheck.departmentRange.upperBound
    public static let individualRange = 0...CountCheck.roleRange.upperBound
  }

  /// The generated session, replayed and checked. Options outside their ranges are a
  /// programming error: the command line checks them first.
  public static func session(_ options: Options) -> Session {
    let script = script(options)
    do {
      return try Session(info: script.info, exchanges: script.exchanges)
    } catch {
      preconditionFailure("the sample does not replay: \(error.description)")
    }
  }

  /// The answer lines, in order, that produce `session(options)` when typed into a new
  /// workshop with the same clock; for scripted runs of the real engine.
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

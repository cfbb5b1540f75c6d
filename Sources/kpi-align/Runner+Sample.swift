import Foundation
import KPICascade
import Workshop

extension Runner {
  /// `kpi-align sample -o FILE …`: generates the workshop, writes it atomically, and says what
  /// is in it and what to type next.
  ///
  /// An existing FILE is never replaced (exit 2): a sample is cheap to make again, a session
  /// that happens to share its name is not. The tests are not run here: the session was
  /// replayed as it was made, and at 200 departments running them would double the wait for
  /// something `check` prints anyway.
  func sample(_ options: SampleSession.Options, to output: String) throws(ExitError) -> ExitCode {
    let shown = DisplayText.safe(output)
    if FileManager.default.fileExists(atPath: output) {
      throw ExitError(.usage, "\(shown) already exists; choose another -o FILE, or remove it first.")
    }
    let (session, story) = SampleSession.generate(options)
    try AtomicFile.write(TranscriptCodec.encode(session), to: URL(fileURLWithPath: output))
    let cascade = session.cascade
    let departments = cascade.departments.count
    Console.out(
      "Wrote the sample workshop '\(DisplayText.safe(session.info.name))' to \(shown): "
        + "\(cascade.companyKPIs.count) company KPIs, \(departments) department\(departments == 1 ? "" : "s"), "
        + "\(cascade.departmentKPIs.count) department KPIs, \(cascade.individualKPIs.count) Level 3 KPIs "
        + "(\(session.exchanges.count) exchanges).")
    if options.readings, let latest = cascade.scorecard.latestDay {
      let weeks = options.weeks
      Console.out(
        "With \(weeks) week\(weeks == 1 ? "" : "s") of readings up to \(latest) "
          + "(\(cascade.scorecard.count) readings)"
          + (story == nil
            ? "; too few weeks for a dip to trace."
            : ": one company KPI has slipped by the end; the dashboard shows which, and diagnose traces where it started.")
      )
    }
    Console.out(
      "Explore it: kpi-align open \(shown), then /show, /check and /export md minutes.md; "
        + "or kpi-align check \(shown).")
    return .success
  }
}

import Foundation
import KPICascade
import Workshop

/// `readings`, `dashboard` and `diagnose`: the session after the workshop.
extension Runner {
  /// Records a readings file into a session: the whole file or nothing (exit 3 naming the first
  /// bad cell of every bad row); journaled and saved before the summary is printed.
  func recordReadings(_ path: String, into name: String) throws(ExitError) -> ExitCode {
    let open = try store.open(name)
    defer { open.close() }
    let bytes = try SessionStore.loadSpreadsheet(path)
    let file: ReadingsFile
    do {
      file = try ReadingsFile(bytes, cascade: open.session.cascade, today: clock.today)
    } catch {
      throw ExitError(
        .badInput,
        error.message(file: path) + "\nNothing from \(DisplayText.safe(path)) was recorded.")
    }
    var workshop = Workshop(session: open.session)
    let reply = workshop.recordReadings(file, from: path, at: clock.now)
    guard let exchange = reply.exchange else {
      throw ExitError(.badInput, "\(DisplayText.safe(path)): \(reply.refusal ?? "refused").")
    }
    try open.record(exchange, in: workshop.session)
    try open.save()
    Console.out(reply.text)
    return .success
  }

  func dashboard(_ name: String, asOf: String?) throws(ExitError) -> ExitCode {
    let workshop = Workshop(session: try store.read(name), style: Console.wantsColour ? .fancy : .plain)
    Console.out(
      workshop.dashboardText(
        asOf: try day(asOf, of: workshop), today: asOf == nil ? clock.today : nil))
    return .success
  }

  func diagnose(_ kpi: String, in name: String, asOf: String?, format: String) throws(ExitError) -> ExitCode {
    guard format == "text" || format == "json" else {
      throw ExitError(.usage, "Unknown diagnose format '\(DisplayText.safe(format))'. Formats: text, json.")
    }
    let workshop = Workshop(session: try store.read(name), style: Console.wantsColour ? .fancy : .plain)
    let id = try workshop.kpiID(named: kpi)
    Console.out(workshop.diagnosisText(of: id, asOf: try day(asOf, of: workshop), json: format == "json"))
    return .success
  }

  /// `--as-of`, else the latest reading's day, else today.
  private func day(_ asOf: String?, of workshop: Workshop) throws(ExitError) -> CalendarDay {
    if let asOf {
      guard let day = CalendarDay(asOf) else { throw ExitError(.usage, "--as-of takes a day as YYYY-MM-DD.") }
      return day
    }
    return Dashboard.defaultDay(of: workshop.cascade)
      ?? clock.today
  }
}

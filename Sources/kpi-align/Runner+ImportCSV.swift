import Foundation
import KPICascade
import Workshop

extension Runner {
  /// `kpi-align import-csv FILE --name NAME`: the new session, what it holds, and what its
  /// tests say, so the room sees at once where the spreadsheet stands.
  ///
  /// A refused file has one problem per bad row; each gets its own `kpi-align:` line, so a
  /// person can fix them all in one pass and a script can count them.
  func importCSV(_ path: String, name: String) throws(ExitError) -> ExitCode {
    let session: Session
    let url: URL
    do {
      (session, url) = try store.importInventory(path, name: name, at: clock.now)
    } catch  where error.code == .badInput {
      for line in error.message.split(separator: "\n") { Console.error("kpi-align: \(line)") }
      return .badInput
    }
    let cascade = session.cascade
    let (company, department, individual) = (
      cascade.companyKPIs.count, cascade.departmentKPIs.count, cascade.individualKPIs.count
    )
    let total = company + department + individual
    let slug = session.info.slug
    Console.out(
      "\(total) KPI\(total == 1 ? "" : "s") imported into '\(DisplayText.safe(session.info.name))' "
        + "(\(company) company, \(department) department, \(individual) individual): \(DisplayText.safe(url.path))"
    )
    let report = AlignmentReport(cascade: cascade)
    let failures = report.failures.count
    let warnings = report.open.count - failures
    let plural = warnings == 1 ? "" : "s"
    let verdict =
      failures == 0
      ? "check passes" + (warnings > 0 ? " with \(warnings) warning\(plural)" : "")
      : "check: \(failures) failing, \(warnings) warning\(plural)"
    Console.out("\(verdict) — kpi-align check \(slug); kpi-align open \(slug) starts the workshop at step 1")
    return .success
  }
}

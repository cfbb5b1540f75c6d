import Foundation
import KPICascade

/// `/status`: which steps are done, the counts, and how many findings are open.
struct StatusReport {
  let workshop: Workshop
  let today: Date

  func text() -> String {
    let cascade = workshop.cascade
    let style = workshop.style
    let agenda = workshop.agenda(at: today)
    var lines = [style.heading("Status of \(DisplayText.safe(workshop.session.info.name))")]
    for step in WorkshopStep.allCases {
      let done = agenda.isComplete(step)
      let here = step == workshop.step ? "  ← here" : ""
      lines.append(
        "  " + (done ? style.mark(.pass) : style.dim(style.isFancy ? "○" : "[open]"))
          + " \(step.rawValue) \(step.title)" + here)
    }
    let report = AlignmentReport(cascade: cascade)
    lines.append(
      "  \(cascade.companyKPIs.count) company KPIs\(cascade.isLocked ? " (locked)" : ""), \(cascade.departments.count) departments, \(cascade.departmentKPIs.count) department KPIs, \(cascade.conflicts.count) conflicts examined"
    )
    lines.append(
      "  \(report.failures.count) failing, \(report.open.count - report.failures.count) warnings, \(report.overridden.count) accepted  (/check for details)"
    )
    return lines.joined(separator: "\n")
  }

  private func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }
}

import KPICascade

/// The open findings about each KPI, for the exports that mark KPIs one by one (CSV, DOT,
/// Mermaid).
///
/// A finding is about a KPI when its subject is the KPI's id, or a pair (`k1~k3`, a conflict)
/// that names it: an open conflict is as much a reason to look at either KPI as a missing
/// target. Findings about departments, levels or governance belong to no KPI and are left out.
struct KPIVerdicts {
  private var open: [String: [Finding]] = [:]

  /// - Parameter findings: every finding of every check; passes and accepted ones are dropped.
  init(findings: [Finding], cascade: Cascade) {
    for finding in Exporter.openFindings(findings, in: cascade) {
      var seen = Set<Substring>()
      for id in finding.subject.split(separator: "~") where seen.insert(id).inserted {
        open[String(id), default: []].append(finding)
      }
    }
  }

  /// The open findings about `kpi`, in the order the checks reported them.
  func findings(about kpi: String) -> [Finding] {
    open[kpi] ?? []
  }

  /// The worst open verdict about `kpi`; `.pass` when nothing about it is open.
  func worst(about kpi: String) -> Verdict {
    findings(about: kpi).map(\.verdict).max() ?? .pass
  }
}

extension Cascade {
  /// Level 3 KPIs whose department KPI is gone. The reducer and `validate()` never leave one,
  /// but an export must not drop a KPI silently if a future edit does.
  var orphanedIndividualKPIs: [IndividualKPI] {
    individualKPIs.filter { departmentKPI($0.parent) == nil }
  }
}

/// The scalars that break a line (LF, VT, FF, CR, NEL, LS, PS); the graph exports fold or
/// escape them so a typed name cannot end its statement early.
let lineBreaks: Set<Unicode.Scalar> = ["\n", "\u{0B}", "\u{0C}", "\r", "\u{85}", "\u{2028}", "\u{2029}"]

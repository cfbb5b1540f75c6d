/// What the maturity rubric judges a cascade on: the cascade itself and its alignment report,
/// built once. One property per criterion of `MaturityScore.rubric`, in rubric order.
///
/// A criterion whose subjects do not exist yet (no departments, no KPIs) is not met: an empty
/// cascade earns nothing, whatever "every department…" would say of an empty room.
struct ScoreEvidence {
  let cascade: Cascade
  let report: AlignmentReport

  init(cascade: Cascade) {
    self.cascade = cascade
    self.report = AlignmentReport(cascade: cascade)
  }

  typealias Judgement = MaturityScore.Judgement

  // MARK: - Basic

  var companyKPICount: Judgement {
    settled([.counts], about: ["level-1"], met: "\(cascade.companyKPIs.count) company KPIs")
  }

  var companyTargets: Judgement {
    guard !cascade.companyKPIs.isEmpty else { return .unmet("no company KPIs yet") }
    return settled(
      [.target], about: cascade.companyKPIs.map(\.id), met: "every company KPI has a measurable target")
  }

  var companyLocked: Judgement {
    guard !cascade.companyKPIs.isEmpty else { return .unmet("no company KPIs to lock yet") }
    return settled(
      [.lock], about: ["cascade"], met: "locked on \(cascade.lockedOn ?? "an unrecorded day")")
  }

  var companyExecutives: Judgement {
    guard !cascade.companyKPIs.isEmpty else { return .unmet("no company KPIs yet") }
    return settled(
      [.accountability], about: cascade.companyKPIs.map(\.id),
      met: "every company KPI has one named executive")
  }

  // MARK: - Structured

  var departmentsCascade: Judgement {
    guard !cascade.departments.isEmpty else { return .unmet("no departments in the room yet") }
    return settled(
      [.counts], about: cascade.departments.map(\.id) + ["level-2"],
      met: "every department has \(CountCheck.departmentRange.dashed) KPIs, each moving a company KPI")
  }

  var lineOfSight: Judgement {
    guard !cascade.departments.isEmpty else { return .unmet("no departments in the room yet") }
    return settled(
      [.lineOfSight], about: cascade.companyKPIs.map(\.id) + cascade.departments.map(\.id),
      met: "every company KPI is moved by a department and every department moves one")
  }

  var linksStated: Judgement {
    guard !cascade.departmentKPIs.isEmpty else { return .unmet("no department KPIs yet") }
    return settled(
      [.link], about: cascade.departmentKPIs.map(\.id),
      met: "every department KPI says in one sentence how it moves its company KPI")
  }

  var departmentOutcomes: Judgement {
    guard !cascade.departmentKPIs.isEmpty else { return .unmet("no department KPIs yet") }
    return settled(
      [.target, .activity], about: cascade.departmentKPIs.map(\.id),
      met: "every department KPI measures an outcome against a measurable target")
  }

  var namedOwners: Judgement {
    guard !cascade.departments.isEmpty else { return .unmet("no departments in the room yet") }
    return settled(
      [.accountability], about: cascade.departments.map(\.id) + cascade.departmentKPIs.map(\.id),
      met: "every department has one named head and every department KPI one named owner")
  }

  var reviewCadence: Judgement {
    let governance = cascade.governance
    guard let operational = governance.operationalReview, let strategic = governance.strategicReview else {
      let missing = [
        governance.operationalReview == nil ? "operational" : nil,
        governance.strategicReview == nil ? "strategic" : nil,
      ].compactMap { $0 }
      return .unmet("no \(missing.joined(separator: " or ")) review cadence")
    }
    return .met("operational review \(operational.rawValue), strategic review \(strategic.rawValue)")
  }

  // MARK: - Aligned

  var threeLevels: Judgement {
    guard !cascade.departments.isEmpty else { return .unmet("no departments in the room yet") }
    let parents = Set(cascade.individualKPIs.map(\.parent))
    let without = cascade.departments.filter { department in
      !department.kpis.contains { parents.contains($0.id) }
    }
    guard without.isEmpty else {
      return .unmet("no Level 3 KPIs under \(list(without.map(\.name)))")
    }
    return .met("every department has Level 3 KPIs under its KPIs")
  }

  var levelThreeComplete: Judgement {
    let kpis = cascade.individualKPIs
    guard !kpis.isEmpty else { return .unmet("no Level 3 KPIs yet") }
    let roles = kpis.map(\.roleSubject)
    return settled(
      [.counts, .target, .accountability], about: roles + kpis.map(\.id),
      met: "every role has \(CountCheck.roleRange.dashed) Level 3 KPIs, each with a measurable target "
        + "and one named owner")
  }

  var conflictsResolved: Judgement {
    guard !cascade.departmentKPIs.isEmpty else { return .unmet("no department KPIs yet") }
    let pairs = report.findings.filter { $0.check == .conflicts }.map(\.subject)
    guard !pairs.isEmpty else { return .met("no pair of department KPIs is likely to conflict") }
    return settled(
      [.conflicts], about: pairs,
      met: "every likely conflict was put to the room and none is left open")
  }

  var rhythmMatchesVelocity: Judgement {
    let subjects = ["governance-velocity", "governance-operational-review", "governance-strategic-review"]
    guard let velocity = cascade.governance.velocity else { return .unmet("no business velocity") }
    return settled(
      [.governance], about: subjects,
      met: "the operational and strategic reviews meet as often as a \(velocity.rawValue)-velocity "
        + "business needs")
  }

  // MARK: - Optimized

  var governedProcess: Judgement {
    settled(
      [.governance], about: GovernanceField.allCases.map(GovernanceCheck.subject),
      met: "the reviews are dated, a process owner and a dispute resolver named, and the rules for "
        + "changing KPIs and for repeated misses agreed")
  }

  /// Judged where the cascade records lead times, Level 2: Level 1 KPIs are the outcomes being
  /// predicted, and each Level 3 KPI drives the department KPI it sits under.
  var leadingIndicators: Judgement {
    guard !cascade.departmentKPIs.isEmpty else { return .unmet("no department KPIs yet") }
    return settled(
      [.leadTime], about: cascade.departmentKPIs.map(\.id) + cascade.departments.map(\.id),
      met: "every department KPI leads its company KPI by \(LeadTime.window.dashed) days")
  }

  /// Fed when every company and department KPI has a reading recent enough for its review
  /// cadence, as of the latest reading: the dashboard then shows the whole cascade, not gaps.
  var dashboardFed: Judgement {
    guard let day = cascade.scorecard.latestDay else {
      return .unmet("no readings yet (KPI, date, value): /readings FILE or /record KPI VALUE feeds it")
    }
    guard !cascade.companyKPIs.isEmpty else { return .unmet("no company KPIs to show") }
    let dashboard = Dashboard(cascade: cascade, asOf: day)
    let starved = (dashboard.company + dashboard.groups.flatMap(\.indicators)).filter {
      $0.status == .noReadings || $0.status == .stale
    }
    guard starved.isEmpty else {
      let named = starved.prefix(Self.namedProblems).map { standing in
        "\(cascade.name(of: standing.kpi)): "
          + (standing.status == .stale ? "no reading within its review cadence" : "no readings")
      }
      let more = starved.count - named.count
      return .unmet(named.joined(separator: "; ") + (more > 0 ? "; and \(more) more" : ""))
    }
    return .met("every company and department KPI has a reading within its review cadence (as of \(day))")
  }

  // MARK: - Reading the findings

  /// At most this many open findings are named in a detail; the rest are counted.
  private static let namedProblems = 3

  /// Met when every finding of these checks about these subjects passes or was accepted by the
  /// room; otherwise the open ones, named.
  private func settled(_ checks: Set<CheckKind>, about subjects: [String], met: String) -> Judgement {
    let wanted = Set(subjects)
    let relevant = { (finding: Finding) in checks.contains(finding.check) && wanted.contains(finding.subject)
    }
    let open = report.open.filter(relevant)
    guard open.isEmpty else {
      let named = open.prefix(Self.namedProblems).map(describe)
      let more = open.count - named.count
      return .unmet(named.joined(separator: "; ") + (more > 0 ? "; and \(more) more" : ""))
    }
    let accepted = report.overridden.filter { relevant($0.finding) }.count
    return .met(accepted == 0 ? met : "\(met) (\(accepted) accepted by the room)")
  }

  /// "Pipeline coverage: no owner"; the reason alone when the subject has no name of its own.
  private func describe(_ finding: Finding) -> String {
    let name = cascade.name(of: finding.subject)
    return name == finding.subject ? finding.reason : "\(name): \(finding.reason)"
  }

  private func list(_ names: [String]) -> String {
    names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
  }
}

extension ClosedRange<Int> {
  /// "3–5", as the method writes a range.
  var dashed: String { "\(lowerBound)–\(upperBound)" }
}

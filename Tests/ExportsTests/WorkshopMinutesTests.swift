import KPICascade
import Testing

@testable import Exports

@Suite struct WorkshopMinutesTests {
  let minutes: String

  init() throws {
    minutes = Exporter.render(
      .md, workshop: SampleWorkshop.name, cascade: try SampleWorkshop.cascade(),
      findings: SampleWorkshop.findings)
  }

  @Test(arguments: [
    "## Company KPIs", "## Departments", "## Line of sight", "## Department KPIs",
    "## Conflicts", "## Governance", "## Open findings", "## Overrides",
  ])
  func hasSection(_ heading: String) {
    #expect(minutes.contains("\n\(heading)\n"))
  }

  @Test func titleNamesTheWorkshopSafely() {
    #expect(minutes.hasPrefix("# Workshop minutes: Acme \\*Q3\\* &lt;b>offsite&lt;/b>\n"))
  }

  @Test func companyKPIsShowLockAndChanges() {
    #expect(minutes.contains("Locked on 2028-02-29, locked until 2029-02-28."))
    #expect(minutes.contains("| Revenue growth | >= 25% YoY | Dana Chief |"))
    #expect(minutes.contains("| Net margin \\| \\*core\\* | _not set_ | _not set_ |"))
    #expect(
      minutes.contains(
        "- **Revenue growth**: target: >= 20% YoY → >= 25% YoY (reason: Board raised the bar)"))
  }

  @Test func departmentsTable() {
    #expect(minutes.contains("| Sales\\_\\#1 \\`floor\\` | Ana | sales |"))
    #expect(minutes.contains("| People &lt;HR> | _not set_ | _not set_ |"))
  }

  @Test func lineOfSightMatrixAndGaps() {
    #expect(
      minutes.contains(
        "| Company KPI | Sales\\_\\#1 \\`floor\\` | Operations | People &lt;HR> |\n| --- | :---: | :---: | :---: |"
      ))
    #expect(minutes.contains("| Revenue growth | ● | ● |  |"))
    #expect(minutes.contains("| Net margin \\| \\*core\\* | ● | — |  |"))
    #expect(minutes.contains("- **Company KPIs no department moves:** NPS\n"))
    #expect(minutes.contains("- **Departments that move nothing:** People &lt;HR>\n"))
    #expect(minutes.contains("- **Sales\\_\\#1 \\`floor\\` → Revenue growth:** Closes deals"))
  }

  /// A department KPI linked to a company KPI counts as moving it, as in the line-of-sight test.
  @Test func kpiLinkCountsAsMoving() throws {
    let cascade = try Cascade(events: [
      .companyKPIAdded(id: "c1", name: "Retention"),
      .departmentAdded(id: "d1", name: "Support"),
      .contributionRecorded(companyKPI: "c1", department: "d1", text: "  "),
      .departmentKPIAdded(id: "k1", department: "d1", companyKPI: "c1", name: "First contact resolution"),
    ])
    let text = WorkshopMinutes.render(workshop: "W", cascade: cascade, findings: [])
    #expect(text.contains("| Retention | ● |\n"))
    #expect(
      text.contains("No gaps: every company KPI is moved by a department, and every department moves one."))
    #expect(!text.contains("What each department does"))
  }

  @Test func departmentKPIDetails() {
    #expect(minutes.contains("### Sales\\_\\#1 \\`floor\\`\n\n#### Qualified pipeline value\n"))
    #expect(minutes.contains("- **Target:** $1.2M by Q4"))
    #expect(minutes.contains("- **Moves:** Revenue growth"))
    #expect(minutes.contains("- **Link:** Pipeline converts to revenue within 60 days."))
    #expect(minutes.contains("- **Lead time:** 45 days (leading)"))
    #expect(minutes.contains("- **Lead time:** 0 days (lagging)"))
    #expect(minutes.contains("- **Owner:** Ana"))
    #expect(minutes.contains("- **Contributing departments:** Operations"))
    #expect(
      minutes.contains(
        "- **Tension:** pushing it may make On-time delivery <48h> (Operations) worse"))
    #expect(!minutes.contains("none declared"), "no tension is not said once per KPI")
    #expect(minutes.contains("- **Tension:** _not asked_"))
  }

  @Test func conflictsWithAnswersAndResolutions() {
    #expect(
      minutes.contains(
        "### Qualified pipeline value (Sales\\_\\#1 \\`floor\\`) ↔ On-time delivery <48h> (Operations)"
      ))
    #expect(minutes.contains("- **Answer:** yes — both can hit target while Revenue growth gets worse"))
    #expect(
      minutes.contains(
        "- **Resolution:** adjusted On-time delivery <48h> (Operations): "
          + "name On-time \\| delivery → On-time delivery <48h>; target >= 95% → >= 97%"))
    #expect(minutes.contains("- **Status:** resolved"))
    #expect(
      minutes.contains(
        "- **Why asked:** raised by the facilitator\n- **Answer:** _not asked yet_\n- **Status:** open"))
  }

  @Test func governanceSaysNotSetWhereMissing() {
    #expect(minutes.contains("| Business velocity | high |"))
    #expect(minutes.contains("| Operational review | weekly |"))
    #expect(minutes.contains("| Strategic review | _not set_ |"))
    #expect(minutes.contains("| Dispute resolver | _not set_ |"))
    #expect(minutes.contains("| What happens on repeated misses | Two misses → root-cause review |"))
  }

  @Test func openFindingsGroupedByCheckWithoutPassesOrOverrides() throws {
    let open = try #require(section("Open findings"))
    #expect(
      open.contains(
        "### One-sentence link\n\n- **warn** · &lt;script>alert(1)&lt;/script> Cost per order (Operations) (link:k3)"
      ))
    #expect(open.contains("  - Remedy: say how it moves \\*Net margin\\* \\| or remove it"))
    #expect(open.contains("### Conflicts\n"))
    #expect(open.contains("  - Reason: not asked yet"))
    #expect(!open.contains("lead-time:k2"))
    #expect(!open.contains("counts"))
  }

  @Test func levelAndGovernanceSubjectsReadAsWords() throws {
    let findings = [
      Finding(check: .counts, verdict: .warn, subject: "level-1", reason: "2 company KPIs"),
      Finding(check: .lock, verdict: .fail, subject: "cascade", reason: "not locked"),
      Finding(
        check: .governance, verdict: .fail, subject: "governance-dispute-resolver", reason: "nobody"),
    ]
    let text = WorkshopMinutes.render(workshop: "W", cascade: Cascade(), findings: findings)
    #expect(text.contains("- **warn** · company KPIs (counts:level-1)"))
    #expect(text.contains("- **fail** · the cascade (lock:cascade)"))
    #expect(
      text.contains("- **fail** · governance: dispute resolver (governance:governance-dispute-resolver)"))
  }

  @Test func leadTimeOutsideTheWindowIsNamed() throws {
    var cascade = try SampleWorkshop.cascade()
    try cascade.apply(.leadTimeSet(kpi: "k3", days: 90))
    let text = WorkshopMinutes.render(workshop: "W", cascade: cascade, findings: [])
    #expect(text.contains("- **Lead time:** 90 days (leading, outside the 30–60 day window)"))
  }

  @Test func overridesWithReasons() throws {
    let overrides = try #require(section("Overrides"))
    #expect(
      overrides.contains(
        "- **lead-time:k2 (Leading indicator, On-time delivery <48h> (Operations)):** Delivery is contractual"
      ))
  }

  @Test func noRawHTMLAndTablesKeepTheirColumns() {
    #expect(!minutes.contains("<script"))
    #expect(!minutes.contains("<b>"))
    #expect(!minutes.contains("<HR>"))
    for table in tables() {
      let widths = Set(table.map(Self.cellCount))
      #expect(widths.count == 1, "ragged table: \(table)")
    }
  }

  @Test func deterministic() throws {
    let again = Exporter.render(
      .md, workshop: SampleWorkshop.name, cascade: try SampleWorkshop.cascade(),
      findings: SampleWorkshop.findings)
    #expect(again == minutes)
    #expect(minutes.hasSuffix("\n"))
  }

  @Test func emptyCascadeStillHasEverySection() {
    let empty = WorkshopMinutes.render(workshop: "Empty", cascade: Cascade(), findings: [])
    #expect(empty.contains("_Not locked yet._"))
    #expect(empty.contains("_No company KPIs yet._"))
    #expect(empty.contains("None: every finding passes or was accepted."))
    #expect(empty.contains("## Overrides\n\n_None._\n"))
  }

  // MARK: - Reading the minutes

  /// The text of one `##` section, without its heading.
  private func section(_ title: String) -> String? {
    guard let start = minutes.range(of: "\n## \(title)\n") else { return nil }
    let rest = minutes[start.upperBound...]
    let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
    return String(rest[..<end])
  }

  /// Consecutive lines starting with `|`.
  private func tables() -> [[String]] {
    var result: [[String]] = []
    var current: [String] = []
    for line in minutes.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("|") {
        current.append(String(line))
      } else if !current.isEmpty {
        result.append(current)
        current = []
      }
    }
    return result
  }

  /// Cell separators that Markdown sees: `|` not preceded by a backslash.
  private static func cellCount(_ line: String) -> Int {
    var count = 0
    var escaped = false
    for character in line {
      if character == "|" && !escaped { count += 1 }
      escaped = character == "\\" && !escaped
    }
    return count
  }
}

/// The minutes keep what the room changed after answering, with its reasons.
@Suite("Minutes: changes made in the room")
struct MinutesChangeLogTests {
  @Test func removalsAndRetargetsAreListedWithTheirReasons() throws {
    let events: [CascadeEvent] = [
      .companyKPIAdded(id: "c1", name: "Revenue growth"),
      .departmentAdded(id: "d1", name: "Marketing"),
      .departmentKPIAdded(id: "k1", department: "d1", companyKPI: "c1", name: "Social media followers"),
      .departmentKPIAdded(id: "k2", department: "d1", companyKPI: "c1", name: "Qualified leads"),
      .targetSet(kpi: "k2", target: ">= 400", reason: nil),
      .targetSet(kpi: "k2", target: ">= 450 per month", reason: "the plan says monthly"),
      .removed(id: "k1", reason: "a vanity metric: it moves no outcome"),
    ]
    let cascade = try Cascade(events: events)
    let minutes = WorkshopMinutes.render(
      workshop: "Shop", cascade: cascade, findings: AlignmentReport(cascade: cascade).findings,
      changes: ChangeLog(events: events))
    #expect(
      minutes.contains(
        """
        ## Changes made in the room

        - **Qualified leads**: target >= 400 → >= 450 per month (reason: the plan says monthly)
        - **Social media followers**: removed (reason: a vanity metric: it moves no outcome)
        """))
    let without = WorkshopMinutes.render(
      workshop: "Shop", cascade: cascade, findings: AlignmentReport(cascade: cascade).findings)
    #expect(!without.contains("Changes made in the room"))
  }
}

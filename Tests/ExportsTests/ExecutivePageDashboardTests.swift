import Foundation
import KPICascade
import Testing

@testable import Exports

/// The dashboard the page opens with once readings exist, read as text: statuses, values,
/// variances, the SVG trends' geometry, and the page without readings left as it was.
@Suite struct ExecutivePageDashboardTests {
  /// The dashboard section alone: from its opening tag to its closing one (it nests none).
  static func dashboard(_ page: String) throws -> Substring {
    let start = try #require(page.range(of: "<section id=\"dashboard\""), "no dashboard")
    let end = try #require(page[start.upperBound...].range(of: "</section>"))
    return page[start.lowerBound..<end.upperBound]
  }

  /// The dashboard's rows, each up to its `</tr>`.
  static func rows(_ page: String) throws -> [String] {
    try dashboard(page).components(separatedBy: "</tr>").filter { $0.contains("<tr") }
  }

  /// The first dashboard row naming the KPI (escaped as the page writes it) and not a group head.
  static func row(_ name: String, in page: String, table: Int = 0) throws -> String {
    let escaped = "<span class=\"text\">\(ExecutivePage.escape(name))</span>"
    let matches = try rows(page).filter { $0.contains(escaped) && !$0.contains("class=\"group\"") }
    try #require(matches.count > table, "no row \(table) for \(name)")
    return matches[table]
  }

  /// The points of the row's polyline, as (x, y).
  static func points(_ row: String) throws -> [(x: Double, y: Double)] {
    let match = try #require(row.firstMatch(of: /<polyline class="series" points="([^"]*)"/))
    return try match.1.split(separator: " ").map { pair in
      let xy = pair.split(separator: ",").compactMap { Double($0) }
      try #require(xy.count == 2, "bad point \(pair)")
      return (xy[0], xy[1])
    }
  }

  /// The threshold line's height, or `nil` when none is drawn.
  static func threshold(_ row: String) throws -> Double? {
    guard let match = row.firstMatch(of: /<line class="threshold" x1="0" y1="([^"]*)" x2="150" y2="([^"]*)"/)
    else { return nil }
    #expect(match.1 == match.2, "the threshold is level")
    return Double(String(match.1))
  }

  static func circles(_ row: String, _ kind: String) -> [String] {
    row.matches(of: /<circle class="(\w+)" cx="([^"]*)" cy="([^"]*)"/).filter { $0.1 == kind }
      .map { "\($0.2),\($0.3)" }
  }

  @Test func theDashboardIsTheFirstView() throws {
    let page = try ReadingsWorkshop.page()
    let order = ["<main>", "id=\"dashboard\"", "id=\"company\"", "id=\"departments\"", "id=\"attention\""]
    let positions = try order.map { try #require(page.range(of: $0), "no \($0)").lowerBound }
    #expect(positions == positions.sorted())
    #expect(page.contains("<h2 id=\"dashboard-title\">Dashboard as of 2026-03-23</h2>"))
    let dashboard = try Self.dashboard(page)
    let parts = [
      "<h3>Company outcomes</h3>", "<h3>Department leading indicators</h3>", "<h3>Flagged variances</h3>",
    ]
    let inside = try parts.map { try #require(dashboard.range(of: $0), "no \($0)").lowerBound }
    #expect(inside == inside.sorted())
  }

  /// Every status the dashboard knows, with the latest value in the target's unit and its day.
  @Test func statusesAndValues() throws {
    let page = try ReadingsWorkshop.page()
    let revenue = try Self.row("Revenue growth", in: page)
    #expect(revenue.contains("<td class=\"num\">17%<span class=\"day\">2026-03-23</span></td>"))
    #expect(revenue.contains("<td><span class=\"text\">≥ 20% YoY</span></td>"))
    #expect(
      revenue.contains(
        "<strong class=\"badge off-track\"><span aria-hidden=\"true\">✗</span> off track</strong>"))
    #expect(revenue.contains("<span class=\"heading\">worsening</span>"))
    #expect(revenue.contains("Dana Ruiz"))

    let script = try Self.row(HostileWorkshop.script, in: page)
    #expect(script.contains(">3<span class=\"day\">2026-03-23</span>"))
    #expect(
      script.contains("<td><span class=\"text\">He said &quot;hi&quot;</span></td>"),
      "an unparsed target as typed")
    #expect(script.contains("</span> no target</span>"))
    #expect(try Self.threshold(script) == nil, "no target, no threshold line")

    let long = try Self.row(HostileWorkshop.long, in: page)
    #expect(long.contains("</span> no readings</span>"))
    #expect(long.contains("<td class=\"num\">—</td>") && !long.contains("<svg"))

    let coverage = try Self.row(HostileWorkshop.formula, in: page)
    #expect(coverage.contains(">2.9x<span class=\"day\">2026-03-23</span>"))
    #expect(coverage.contains("</span> at risk</span>"))
    #expect(
      coverage.contains("<tr><td><span class=\"text\">a|b</span></td><th scope=\"row\">"), "department first")

    let delivery = try Self.row(HostileWorkshop.twoLines, in: page)
    #expect(delivery.contains(">97%<span class=\"day\">2026-02-09</span>"))
    #expect(delivery.contains("<span class=\"badge stale\"><span aria-hidden=\"true\">◷</span> stale</span>"))

    let renewals = try Self.row("\(HostileWorkshop.unicode) renewals", in: page)
    #expect(renewals.contains("no readings") && renewals.contains("<span class=\"missing\">not set</span>"))
  }

  /// Department KPIs sit under the company KPI they move, whose status heads the group.
  @Test func indicatorsAreGroupedUnderTheirCompanyKPI() throws {
    let page = try ReadingsWorkshop.page()
    let dashboard = try Self.dashboard(page)
    let heads = dashboard.components(separatedBy: "\n").filter { $0.contains("<tr class=\"group\">") }
    #expect(heads.count == 3)
    #expect(
      heads[0].contains("Moves <span class=\"text\">Revenue growth</span>") && heads[0].contains("off track"))
    #expect(heads[1].contains(ExecutivePage.escape(HostileWorkshop.script)) && heads[1].contains("no target"))
    let groups = dashboard.components(separatedBy: "<tbody>").filter { $0.contains("class=\"group\"") }
    #expect(groups.count == 3)
    #expect(groups[0].contains(ExecutivePage.escape(HostileWorkshop.formula)))
    #expect(groups[1].contains(ExecutivePage.escape(HostileWorkshop.twoLines)))
    #expect(groups[2].contains("renewals"))
  }

  /// Off track before stale, longest first; owner, since and days; Level 3 included.
  @Test func flaggedVariances() throws {
    let page = try ReadingsWorkshop.page()
    let dashboard = try Self.dashboard(page)
    let table = try #require(dashboard.range(of: "<table class=\"dashboard variances\">"))
    let rows = dashboard[table.lowerBound...].components(separatedBy: "</tr>").filter {
      $0.contains("<tr><th scope=\"row\">")
    }
    try #require(rows.count == 3)
    #expect(rows[0].contains(">Revenue growth<") && rows[0].contains("<td>1 · company</td>"))
    #expect(rows[0].contains("off track") && rows[0].contains("Dana Ruiz"))
    #expect(rows[0].contains("<td class=\"day\">2026-03-16</td><td class=\"num\">7</td>"))
    #expect(rows[1].contains("Picks per hour a|b") && rows[1].contains("<td>3 · individual</td>"))
    #expect(rows[1].contains("<td class=\"day\">2026-03-23</td><td class=\"num\">0</td>"))
    #expect(rows[2].contains(ExecutivePage.escape(HostileWorkshop.twoLines)) && rows[2].contains("stale"))
    #expect(rows[2].contains("<td class=\"day\">2026-02-09</td><td class=\"num\">42</td>"))
    #expect(rows[2].contains("He said &quot;hi&quot;"), "the owner, escaped")
  }

  /// One polyline point per reading shown; dots on the off-track readings only.
  @Test func sparklinePointsAreTheReadingsShown() throws {
    let page = try ReadingsWorkshop.page()
    let revenue = try Self.row("Revenue growth", in: page)
    let points = try Self.points(revenue)
    #expect(points.count == ReadingsWorkshop.revenue.count)
    #expect(Self.circles(revenue, "off").count == 2, "weeks 6 and 7 are off track")
    #expect(
      Self.circles(revenue, "off")
        == points.suffix(2).map { "\(Sparkline.number($0.x)),\(Sparkline.number($0.y))" })
    #expect(Self.circles(revenue, "last").isEmpty, "the last reading already has its off-track dot")
    #expect(revenue.contains("Off track on 2026-03-16, 2026-03-23."))
    #expect(try Self.points(Self.row(HostileWorkshop.formula, in: page)).count == 3)
    #expect(try Self.points(Self.row(HostileWorkshop.twoLines, in: page)).count == 2)
    // The higher of two readings is higher on the page (smaller y).
    let delivery = try Self.points(Self.row(HostileWorkshop.twoLines, in: page))
    #expect(delivery[1].y < delivery[0].y)
  }

  /// At most `Sparkline.count` readings: the latest ones.
  @Test func aLongSeriesShowsItsLastReadings() throws {
    let values = (0..<30).map { 20 + Double($0) }
    let cascade = try Cascade(
      events: HostileWorkshop.events + [
        .readingsRecorded(readings: ReadingsWorkshop.readings("c1", values, from: 0))
      ])
    let page = ExecutivePage.render(workshop: "W", cascade: cascade, findings: [])
    let revenue = try Self.row("Revenue growth", in: page)
    #expect(try Self.points(revenue).count == Sparkline.count)
    #expect(
      revenue.contains(
        "26 readings from \(ReadingsWorkshop.week(4)) to \(ReadingsWorkshop.week(29)): 24%, 25%,"))
    #expect(revenue.contains(">49%<span class=\"day\">\(ReadingsWorkshop.week(29))</span>"))
  }

  /// The threshold is drawn on the readings' scale: between them when it lies between them,
  /// at the top edge when it is above every reading; time runs to the dashboard's day.
  @Test func thresholdAndPointsShareOneScale() throws {
    let first = try #require(CalendarDay("2026-01-05"))
    func row(_ values: [Double], target: String, asOf: CalendarDay? = nil) throws -> String {
      let readings = values.enumerated().map {
        Reading(kpi: "c1", day: first.adding(days: 14 * $0.offset), value: $0.element)
      }
      let cascade = try Cascade(events: [
        .companyKPIAdded(id: "c1", name: "Margin"), .targetSet(kpi: "c1", target: target, reason: nil),
        .readingsRecorded(readings: readings),
      ])
      return try Self.row(
        "Margin", in: ExecutivePage.render(workshop: "W", cascade: cascade, findings: [], asOf: asOf))
    }
    // 30 at the top (3.5), 10 at the bottom (26.5), the threshold 20 halfway (15).
    let between = try row([30, 10], target: ">= 20%")
    #expect(try Self.threshold(between) == 15)
    #expect(try Self.points(between).map { "\($0.x),\($0.y)" } == ["3.5,3.5", "146.5,26.5"])
    #expect(Self.circles(between, "off") == ["146.5,26.5"])
    // Lower is better: 10 meets ≤ 20%, 30 is off track.
    let lower = try row([30, 10], target: "<= 20%")
    #expect(try Self.threshold(lower) == 15)
    #expect(Self.circles(lower, "off") == ["3.5,3.5"])
    #expect(Self.circles(lower, "last") == ["146.5,26.5"])
    // The target above every reading: the scale reaches up to it.
    let above = try row([50, 60], target: ">= 100")
    #expect(try Self.threshold(above) == 3.5)
    #expect(try Self.points(above).map(\.y) == [26.5, 21.9])
    // A dashboard 14 days after the last reading: the line stops halfway.
    let later = try row([30, 10], target: ">= 20%", asOf: first.adding(days: 28))
    #expect(try Self.points(later).map(\.x) == [3.5, 75])
    // One reading on the target: centred on the line, drawn at the right edge.
    let single = try row([20], target: ">= 20%")
    #expect(try Self.threshold(single) == 15)
    #expect(
      try Self.points(single).map { "\(Sparkline.number($0.x)),\(Sparkline.number($0.y))" } == ["146.5,15"])
    #expect(Self.circles(single, "last") == ["146.5,15"])
  }

  /// The trend's title and accessible name give the values in words, names escaped.
  @Test func trendTitlesSayTheValues() throws {
    let page = try ReadingsWorkshop.page()
    let label =
      "&lt;script&gt;alert(1)&lt;/script&gt;: 3 readings from 2026-03-09 to 2026-03-23: 1, 2, 3."
    #expect(page.contains("role=\"img\" aria-label=\"\(label)\"><title>\(label)</title>"))
    let revenue = try Self.row("Revenue growth", in: page)
    #expect(
      revenue.contains(
        "<title>Revenue growth: 8 readings from 2026-02-02 to 2026-03-23: 22%, 21.5%, 21%, 20.5%, 20%, "
          + "19.6%, 18%, 17%. Target ≥ 20% YoY. Off track on 2026-03-16, 2026-03-23.</title>"))
    #expect(
      try Self.row(HostileWorkshop.formula, in: page).contains(
        "<title>=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;): 3 readings"))
  }

  /// As of an earlier day, later readings do not exist yet.
  @Test func asOfAnEarlierDay() throws {
    let day = ReadingsWorkshop.week(5)
    let page = try ReadingsWorkshop.page(asOf: day)
    #expect(page.contains("Dashboard as of 2026-03-09"))
    let revenue = try Self.row("Revenue growth", in: page)
    #expect(revenue.contains(">19.6%<span class=\"day\">2026-03-09</span>") && revenue.contains("at risk"))
    #expect(try Self.points(revenue).count == 6)
    let dashboard = try Self.dashboard(page)
    #expect(!dashboard.contains("Picks per hour"), "i3 has no readings yet, so it is not flagged")
    #expect(
      dashboard.contains("<td class=\"day\">2026-02-09</td><td class=\"num\">28</td>"), "k2 stale 28 days")
    let exported = Exporter.render(
      .html, workshop: HostileWorkshop.name, cascade: try ReadingsWorkshop.cascade(),
      findings: HostileWorkshop.findings, options: ExportOptions(asOf: day))
    #expect(exported == page)
    #expect(
      Exporter.render(
        .html, workshop: HostileWorkshop.name, cascade: try ReadingsWorkshop.cascade(),
        findings: HostileWorkshop.findings) == (try ReadingsWorkshop.page()),
      "no asOf: the latest reading's day")
  }

  /// Before the first reading every KPI has none: no trends and nothing flagged.
  @Test func asOfBeforeAnyReading() throws {
    let page = try ReadingsWorkshop.page(asOf: ReadingsWorkshop.week(-1))
    let dashboard = try Self.dashboard(page)
    #expect(!dashboard.contains("<svg"))
    #expect(
      dashboard.components(separatedBy: "no readings</span>").count - 1 == 3 + 3 + 3,
      "3 KPIs, 3 groups, 3 rows")
    #expect(dashboard.contains("<p>None: no KPI is off track or stale.</p>"))
  }

  /// Without readings the page is what it was before readings existed, whatever `asOf` says;
  /// with them, taking the dashboard and its style out gives that same page back.
  @Test func withoutReadingsThePageIsUnchanged() throws {
    let cascade = try HostileWorkshop.cascade()
    let plain = ExecutivePage.render(
      workshop: HostileWorkshop.name, cascade: cascade, findings: HostileWorkshop.findings)
    #expect(!plain.contains("dashboard") && !plain.contains("<svg"))
    #expect(
      plain
        == ExecutivePage.render(
          workshop: HostileWorkshop.name, cascade: cascade, findings: HostileWorkshop.findings,
          asOf: ReadingsWorkshop.lastDay))
    let page = try ReadingsWorkshop.page()
    let stripped =
      page
      .replacingOccurrences(of: String(try Self.dashboard(page)) + "\n", with: "")
      .replacingOccurrences(of: "\n" + ExecutivePage.dashboardStyle, with: "")
    #expect(stripped == plain)
  }

  @Test(arguments: KPIStatus.allCases)
  func everyStatusIsAWordAndASymbol(_ status: KPIStatus) {
    let badge = ExecutivePage.badge(status)
    #expect(badge.hasSuffix(" \(status.rawValue)</strong>") || badge.hasSuffix(" \(status.rawValue)</span>"))
    #expect(badge.contains("<span aria-hidden=\"true\">"), "the symbol is not read out twice")
  }

  @Test(arguments: [
    (0.0, "0"), (3.5, "3.5"), (146.5, "146.5"), (21.94, "21.9"), (-0.04, "0"), (-2.25, "-2.3"),
  ])
  func coordinates(_ value: Double, _ text: String) {
    #expect(Sparkline.number(value) == text)
  }
}

/// The page with a dashboard read back by Python's `html.parser`: still well formed, still
/// nothing that runs or loads, and every hostile name exactly as typed in the trends' titles.
@Suite(PythonConsumer.htmlParser.condition) struct ExecutivePageDashboardConsumerTests {
  typealias Consumer = ExecutivePageConsumerTests

  /// Every element the page may contain: the document's own and the trends' SVG.
  static let allowed: Set = [
    "html", "head", "meta", "title", "style", "body", "header", "main", "section", "h1", "h2", "h3",
    "p", "span", "strong", "table", "colgroup", "col", "thead", "tbody", "tr", "th", "td",
    "svg", "line", "polyline", "circle",
  ]

  @Test func wellFormedAndSelfContained() throws {
    guard Consumer.consumer.ready() else { return }
    let report = try Consumer.report(ReadingsWorkshop.page())
    #expect(report.balanced)
    #expect(report.doctype.lowercased() == "doctype html")
    #expect(Set(report.tags).isSubset(of: Self.allowed), "\(Set(report.tags).subtracting(Self.allowed))")
    #expect(report.tags.filter { $0 == "svg" }.count == 4, "c1, c2, k1, k2 have readings")
    #expect(report.tags.filter { $0 == "polyline" }.count == 4)
    #expect(report.values(of: "style").isEmpty, "no style attributes")
    #expect(report.attributes.allSatisfy { !$0[1].lowercased().hasPrefix("on") }, "no event handlers")
    #expect(report.attributes.allSatisfy { !["href", "src", "xlink:href"].contains($0[1].lowercased()) })
    #expect(!report.style.contains("url(") && !report.style.contains("@import"))
    #expect(report.style.contains("@page { size: A4 landscape"))
    let scopes = report.attributes.filter { $0[0] == "th" && $0[1] == "scope" }.map { $0[2] }
    #expect(Set(scopes) == ["col", "row", "rowgroup"])
    #expect(report.tags.filter { $0 == "th" }.count == scopes.count, "every th has a scope")
    #expect(report.title == "\(HostileWorkshop.name) — KPI cascade", "the trends' titles stay in their SVG")
  }

  /// Each trend's title is its accessible name too, and names come out exactly as typed.
  @Test func trendTitlesAreTextExactly() throws {
    guard Consumer.consumer.ready() else { return }
    let report = try Consumer.report(ReadingsWorkshop.page())
    #expect(report.trendTitles.count == 4)
    #expect(report.values(of: "aria-label") == report.trendTitles)
    let names = ["Revenue growth", HostileWorkshop.script, HostileWorkshop.formula, HostileWorkshop.twoLines]
    for (title, name) in zip(report.trendTitles, names) {
      #expect(
        title.hasPrefix(name + ": "), "\(title.debugDescription) does not start with \(name.debugDescription)"
      )
    }
    #expect(
      report.trendTitles[1] == "\(HostileWorkshop.script): 3 readings from 2026-03-09 to 2026-03-23: 1, 2, 3."
    )
    for status in ["off track", "at risk", "stale", "no target", "no readings"] {
      #expect(report.texts.contains(" \(status)"), "no \(status) badge")
    }
    for name in HostileWorkshop.hostileNames {
      #expect(report.texts.contains(name), "\(name.debugDescription) is not a text node")
    }
  }
}

import Foundation
import KPICascade
import Testing

@testable import Exports

/// The HTML export read back by Python's standard `html.parser`: no injected element, no
/// outside resource, every name as text exactly, the three levels present.
@Suite(PythonConsumer.htmlParser.condition) struct ExecutivePageConsumerTests {
  static let consumer = PythonConsumer.htmlParser

  /// Prints what the parser saw: every start tag, every attribute, the text nodes (entities
  /// resolved), the style sheet, the title, the titles of the SVG trends, and whether every
  /// element that was opened closed.
  static let script = #"""
    import sys, json
    from html.parser import HTMLParser
    VOID = {'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'}
    class Page(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.tags, self.attributes, self.texts, self.style, self.title = [], [], [], '', ''
            self.open, self.balanced, self.doctype, self.trend_titles = [], True, '', []
        def handle_decl(self, decl):
            self.doctype = decl
        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)
            self.attributes += [[tag, name, value or ''] for name, value in attrs]
            if tag not in VOID:
                self.open.append(tag)
        def handle_startendtag(self, tag, attrs):
            self.tags.append(tag)
            self.attributes += [[tag, name, value or ''] for name, value in attrs]
        def handle_endtag(self, tag):
            if not self.open or self.open.pop() != tag:
                self.balanced = False
        def handle_data(self, data):
            inside = self.open[-1] if self.open else None
            if inside == 'style':
                self.style += data
            elif inside == 'title' and 'svg' in self.open:
                self.trend_titles.append(data)
            elif inside == 'title':
                self.title += data
            elif data.strip():
                self.texts.append(data)
    page = Page()
    page.feed(open(sys.argv[1], encoding='utf-8').read())
    page.close()
    print(json.dumps({
        'doctype': page.doctype, 'tags': page.tags, 'attributes': page.attributes,
        'texts': page.texts, 'style': page.style, 'title': page.title,
        'balanced': page.balanced and not page.open, 'trendTitles': page.trend_titles,
    }))
    """#

  struct Report: Decodable {
    var doctype: String
    var tags: [String]
    var attributes: [[String]]
    var texts: [String]
    var style: String
    var title: String
    var balanced: Bool
    /// The `<title>` text of each SVG trend, in page order.
    var trendTitles: [String]

    func values(of attribute: String) -> [String] {
      attributes.filter { $0[1].lowercased() == attribute }.map { $0[2] }
    }
  }

  static func page(findings: [Finding] = HostileWorkshop.findings) throws -> String {
    ExecutivePage.render(
      workshop: HostileWorkshop.name, cascade: try HostileWorkshop.cascade(), findings: findings)
  }

  static func report(_ html: String) throws -> Report {
    try consumer.report(Report.self, of: html, with: script)
  }

  @Test func noInjectedElementAndNoOutsideResource() throws {
    guard Self.consumer.ready() else { return }
    let report = try Self.report(Self.page())
    let forbidden: Set = [
      "script", "iframe", "img", "link", "object", "embed", "base", "form", "frame", "svg", "video",
      "audio", "source",
    ]
    #expect(Set(report.tags).isDisjoint(with: forbidden), "\(Set(report.tags).intersection(forbidden))")
    #expect(report.tags.filter { $0 == "style" }.count == 1)
    #expect(report.values(of: "style").isEmpty, "no style attributes")
    #expect(report.attributes.allSatisfy { !$0[1].lowercased().hasPrefix("on") }, "no event handlers")
    for reference in report.values(of: "href") + report.values(of: "src") {
      #expect(reference.hasPrefix("#"), "\(reference) leaves the page")
    }
    #expect(!report.style.contains("url("))
    #expect(!report.style.contains("@import"))
    #expect(report.style.contains("@media print"))
    #expect(report.style.contains("page-break-inside: avoid"))
    #expect(report.balanced)
    #expect(report.doctype.lowercased() == "doctype html")
    #expect(report.attributes.contains(["meta", "charset", "utf-8"]))
  }

  /// Each hostile name is a text node of its own, exactly as typed, and so is the workshop's.
  @Test func namesAreTextExactly() throws {
    guard Self.consumer.ready() else { return }
    let report = try Self.report(Self.page())
    #expect(report.title == "\(HostileWorkshop.name) — KPI cascade")
    #expect(report.texts.contains(HostileWorkshop.name))
    for name in HostileWorkshop.hostileNames {
      #expect(report.texts.contains(name), "\(name.debugDescription) is not a text node")
    }
  }

  @Test func theThreeLevelsArePresent() throws {
    guard Self.consumer.ready() else { return }
    let report = try Self.report(Self.page())
    let levels = HostileWorkshop.companyKPIs + HostileWorkshop.departmentKPIs + HostileWorkshop.individualKPIs
    for name in levels {
      #expect(report.texts.contains(name), "\(name.debugDescription) missing")
    }
    for tag in ["header", "main", "section", "table", "thead", "tbody", "th", "h1", "h2"] {
      #expect(report.tags.contains(tag), "no <\(tag)>")
    }
    let scopes = report.attributes.filter { $0[0] == "th" && $0[1] == "scope" }.map { $0[2] }
    #expect(Set(scopes) == ["col", "row"])
    #expect(report.tags.filter { $0 == "th" }.count == scopes.count, "every th has a scope")
  }

  /// The checks can fail: the same page with one name left unescaped has a script element.
  @Test func anUnescapedNameIsCaught() throws {
    guard Self.consumer.ready() else { return }
    let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    let page = try Self.page()
    try #require(page.contains(escaped))
    let report = try Self.report(page.replacingOccurrences(of: escaped, with: HostileWorkshop.script))
    #expect(report.tags.contains("script"))
    #expect(!report.texts.contains(HostileWorkshop.script))
  }
}

/// The page's layout and marks, read as text.
@Suite struct ExecutivePageTests {
  @Test func executiveOrderTopToBottom() throws {
    let page = try ExecutivePageConsumerTests.page()
    let order = [
      "id=\"company\"", "id=\"departments\"", "id=\"attention\"", "<h3>Open findings</h3>",
      "<h3>Conflicts</h3>",
    ]
    let positions = try order.map { marker in
      try #require(page.range(of: marker), "no \(marker)").lowerBound
    }
    #expect(positions == positions.sorted())
    // Level 3 rows follow their department KPI's row, in the same group.
    let k1 = try #require(page.range(of: "=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)"))
    let i1 = try #require(page.range(of: "Calls made; emails, sent"))
    let k3 = try #require(page.range(of: "Café Ünïcode 中文 renewals"))
    #expect(k1.lowerBound < i1.lowerBound && i1.lowerBound < k3.lowerBound)
  }

  /// A KPI's mark is its worst open finding (a pair counts for both), else accepted, else
  /// pass when checked, else not checked.
  @Test func verdictMarks() throws {
    let page = try ExecutivePageConsumerTests.page()
    let rows = page.components(separatedBy: "</tr>").filter { $0.contains("<tr class=\"level-") }
    func row(_ name: String) throws -> String {
      try #require(rows.first { $0.contains(ExecutivePage.escape(name)) }, "no row for \(name)")
    }
    #expect(try row(HostileWorkshop.formula).contains("✗ fail"))  // k1: its pair is open
    #expect(try row(HostileWorkshop.twoLines).contains("✗ fail"))
    #expect(try row("Café Ünïcode 中文 renewals").contains("✓ accepted"))
    #expect(try row("Calls made; emails, sent").contains("not checked"))
    #expect(try row("Picks per hour a|b").contains("not checked"))
    #expect(rows.contains { $0.contains("&lt;script&gt;") && $0.contains("⚠ warn") })  // i2
    let passing = ExecutivePage.render(
      workshop: "W", cascade: try HostileWorkshop.cascade(),
      findings: [Finding(check: .leadTime, verdict: .pass, subject: "k1", reason: "ok")])
    #expect(passing.contains("<td><span class=\"pass\">✓ pass</span></td></tr>"))
    #expect(passing.contains("<p>None: every finding passes or was accepted.</p>"))
  }

  @Test func sameSessionSameBytes() throws {
    let cascade = try HostileWorkshop.cascade()
    let page = try ExecutivePageConsumerTests.page()
    #expect(page == (try ExecutivePageConsumerTests.page()))
    #expect(
      page
        == Exporter.render(
          .html, workshop: HostileWorkshop.name, cascade: cascade, findings: HostileWorkshop.findings))
    #expect(ExportFormat.html.fileExtension == "html")
  }

  @Test func findingsAboutNoKPISayWhatTheyAreAbout() throws {
    let page = ExecutivePage.render(
      workshop: "W", cascade: try HostileWorkshop.cascade(),
      findings: [
        Finding(check: .governance, verdict: .warn, subject: "governance-dispute-resolver", reason: "r"),
        Finding(check: .counts, verdict: .fail, subject: "level-1", reason: "r"),
        Finding(check: .lineOfSight, verdict: .fail, subject: "d3", reason: "r"),
      ])
    #expect(page.contains("<td>governance: dispute resolver</td>"))
    #expect(page.contains("<td>company KPIs</td>"))
    #expect(page.contains("<td><span class=\"text\">Finance</span></td>"))
  }

  @Test func emptyCascadeStillMakesAPage() {
    let page = ExecutivePage.render(workshop: "Empty", cascade: Cascade(), findings: [])
    #expect(page.contains("No company KPIs yet."))
    #expect(page.contains("No department KPIs yet."))
    #expect(page.contains("None examined."))
    #expect(page.hasSuffix("</html>\n"))
  }

  @Test(arguments: [
    ("<a href='x'>&\"", "&lt;a href=&#39;x&#39;&gt;&amp;&quot;"),
    ("two\r\nlines\rthree", "two\nlines\nthree"),
    ("esc\u{1B}[31m\u{0}", "esc [31m "),
    ("Café 中文", "Café 中文"),
  ])
  func escaping(_ raw: String, _ escaped: String) {
    #expect(ExecutivePage.escape(raw) == escaped)
  }
}

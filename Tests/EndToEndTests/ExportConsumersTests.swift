import Foundation
import Testing

/// Every export format written by the real binary from a workshop whose names carry markup,
/// quotes, pipes, formulas and non-ASCII text, then opened by a program that is not ours.
@Suite("Every export, opened by its real consumer")
struct ExportConsumersTests {
  static let hostileNames = [
    "Revenue <script>alert(1)</script>", "Marge \"brute\" | Café 中文", "Sales & <b>Growth</b>",
    "=HYPERLINK(\"http://x\",\"y\")", "Pipeline \"coverage\" <i>", "+SUM(1) cost per order", "@cmd calls",
  ]

  static let consumersAvailable: Bool = {
    let probe = try? Binary.runTool(["python3", "-c", "import csv, json, html.parser, icalendar"])
    return probe?.status == 0 && (try? Binary.runTool(["dot", "-V"]).status) == 0
  }()

  static let required = ProcessInfo.processInfo.environment["KPI_ALIGN_REQUIRE_CONSUMERS"] == "1"

  @Test(.enabled(if: consumersAvailable || required, "python3 (csv, icalendar) and Graphviz are needed"))
  func hostileNamesComeOutEscapedAndIntactEverywhere() throws {
    #expect(Self.consumersAvailable, "KPI_ALIGN_REQUIRE_CONSUMERS=1 but a consumer is missing")
    let directory = Binary.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let sessions = directory.appendingPathComponent("sessions").path
    let script = Binary.fixture("hostile-workshop.txt").path
    let run = try Binary.run(["--sessions", sessions, "new", "Hostile <Co>", "--script", script])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try Binary.run(["--sessions", sessions, "check", "hostile-co"]).status == 0)

    func export(_ format: String, _ extra: [String] = []) throws -> String {
      let file = directory.appendingPathComponent("export.\(format)").path
      let result = try Binary.run(
        ["--sessions", sessions, "export", "hostile-co", "--format", format, "-o", file] + extra)
      #expect(result.status == 0, "\(format): \(result.stderr)")
      return file
    }

    // CSV: python's csv module gets every name back; formula-like cells start with '.
    let csv = try export("csv")
    let rows = try Binary.runTool([
      "python3", "-c",
      "import csv, json, sys; print(json.dumps([c for r in list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))[1:] for c in (r[1], r[3])]))",
      csv,
    ])
    #expect(rows.status == 0, "\(rows.stdout)")
    let names = try JSONSerialization.jsonObject(with: Data(rows.stdout.utf8)) as? [String] ?? []
    for name in Self.hostileNames where !name.hasPrefix("Sales") {
      let expected = "=+-@".contains(name.first!) ? "'" + name : name
      #expect(names.contains(expected), "CSV lost \(name): \(names)")
    }

    // DOT: Graphviz renders it, and the SVG carries the names as text.
    let svg = try Binary.runTool(["dot", "-Tsvg", try export("dot")])
    #expect(svg.status == 0, "\(svg.stdout)")
    #expect(svg.stdout.contains("Revenue &lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(svg.stdout.contains("中文"))

    // ICS: python's icalendar reads four recurring events starting on the day given.
    let ics = try export("ics", ["--from", "2027-01-04"])
    let calendar = try Binary.runTool([
      "python3", "-c",
      "import icalendar, sys; c = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read()); "
        + "print(len([e for e in c.walk('VEVENT')]), sorted(str(e.get('rrule').to_ical(), 'utf-8') for e in c.walk('VEVENT')))",
      ics,
    ])
    #expect(calendar.status == 0, "\(calendar.stdout)")
    #expect(calendar.stdout.hasPrefix("4 "), "\(calendar.stdout)")
    #expect(calendar.stdout.contains("FREQ=WEEKLY"))
    #expect(calendar.stdout.contains("FREQ=YEARLY"))

    // HTML: the standard parser finds no injected element, and the names as text.
    let html = try export("html")
    let parsed = try Binary.runTool([
      "python3", "-c",
      """
      import html.parser, json, sys
      class P(html.parser.HTMLParser):
          def __init__(self):
              super().__init__(); self.tags = set(); self.text = []
          def handle_starttag(self, tag, attrs): self.tags.add(tag)
          def handle_data(self, data): self.text.append(data)
      p = P(); p.feed(open(sys.argv[1], encoding='utf-8').read())
      print(json.dumps({'tags': sorted(p.tags), 'text': p.text}))
      """,
      html,
    ])
    #expect(parsed.status == 0, "\(parsed.stdout)")
    let page = try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [String: Any] ?? [:]
    let tags = page["tags"] as? [String] ?? []
    #expect(!tags.contains("script"))
    #expect(!tags.contains("b"))
    #expect(!tags.contains("i"))
    let text = (page["text"] as? [String] ?? []).joined(separator: "\n")
    for name in Self.hostileNames { #expect(text.contains(name), "HTML lost \(name)") }

    // JSON: valid against the documented schema; Markdown and Mermaid escape the markup.
    let validator = SchemaConformanceTests.root.appendingPathComponent("scripts/validate-json-schema.py").path
    let schema = SchemaConformanceTests.root.appendingPathComponent("docs/cascade.schema.json").path
    #expect(try Binary.runTool(["python3", validator, schema, try export("json")]).status == 0)
    let minutes = try String(contentsOfFile: try export("md"), encoding: .utf8)
    #expect(minutes.contains("Revenue &lt;script>alert(1)&lt;/script>"))
    #expect(!minutes.contains("<script>"))
    let mermaid = try String(contentsOfFile: try export("mermaid"), encoding: .utf8)
    #expect(!mermaid.contains("<script>"))
    #expect(mermaid.contains("\nflowchart TD\n"))
    #expect(mermaid.contains("Revenue #lt;script#gt;alert#40;1#41;#lt;/script#gt;"))
    #expect(mermaid.contains("Café 中文"))
  }
}

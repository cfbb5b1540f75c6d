import Foundation
import KPICascade
import Testing

@testable import Exports

/// The Mermaid export read line by line: nodes, subgraphs, edges and what is inside labels.
@Suite struct CascadeMermaidTests {
  static func export() throws -> String {
    CascadeMermaid.render(
      workshop: HostileCascade.workshop, cascade: try HostileCascade.cascade(),
      findings: HostileCascade.findings)
  }

  /// `id["label"]` lines, by id.
  static func labels(_ mermaid: String) -> [String: String] {
    var labels: [String: String] = [:]
    for line in mermaid.split(separator: "\n") {
      let text = line.trimmingCharacters(in: .whitespaces)
      guard let open = text.firstIndex(of: "["), text.hasSuffix("\"]"), !text.hasPrefix("subgraph") else {
        continue
      }
      let id = String(text[..<open])
      let body = text[text.index(open, offsetBy: 1)...].dropFirst().dropLast(2)
      labels[id] = String(body)
    }
    return labels
  }

  /// Mermaid's entity codes back to the characters they stand for.
  static func decode(_ label: String) -> String {
    let named = ["quot": "\"", "amp": "&", "lt": "<", "gt": ">"]
    var result = ""
    var rest = Substring(label)
    while let hash = rest.firstIndex(of: "#") {
      result += rest[..<hash]
      let after = rest[rest.index(after: hash)...]
      guard let semicolon = after.firstIndex(of: ";") else {
        result += after
        return result
      }
      let code = String(after[..<semicolon])
      result += named[code] ?? Int(code).flatMap(Unicode.Scalar.init).map(String.init) ?? "#\(code);"
      rest = after[after.index(after: semicolon)...]
    }
    return result + rest
  }

  @Test func everyKPIIsANodeAndEveryLinkAnEdge() throws {
    let mermaid = try Self.export()
    let lines = mermaid.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    #expect(lines.first { !$0.hasPrefix("%%") } == "flowchart TD")
    #expect(Set(Self.labels(mermaid).keys) == Set(HostileCascade.ids))
    let edges = lines.filter { $0.contains(" --> ") }.map { $0.components(separatedBy: " --> ") }
    #expect(Set(edges) == HostileCascade.links)
    #expect(edges.count == HostileCascade.links.count)
    #expect(lines.filter { $0.hasPrefix("subgraph ") }.count == 2)
    #expect(lines.filter { $0 == "end" }.count == 2)
    #expect(lines.contains("class k1,k2,k3 fail"))
  }

  @Test func labelsHoldNothingMermaidOrHTMLWouldRead() throws {
    let mermaid = try Self.export()
    for line in mermaid.split(separator: "\n", omittingEmptySubsequences: false) {
      let text = line.trimmingCharacters(in: .whitespaces)
      guard let open = text.firstIndex(of: "[") else { continue }
      let label = text[open...].dropFirst(2).dropLast(2).replacingOccurrences(of: "<br/>", with: "")
      let uncoded = label.replacingOccurrences(of: "#[a-z0-9]+;", with: "", options: .regularExpression)
      for forbidden in ["\"", "<", ">", "|", "[", "]", "{", "}", "`", "#", ";", "%"] {
        #expect(!uncoded.contains(forbidden), "\(forbidden) in \(text)")
      }
    }
    #expect(!mermaid.unicodeScalars.contains { $0 != "\n" && $0.properties.generalCategory == .control })
  }

  /// Decoded, each label reads back as the room typed it (a line break read as a space).
  @Test func labelsDecodeToTheTypedText() throws {
    let labels = Self.labels(try Self.export()).mapValues(Self.decode)
    #expect(
      labels["k1"]?.hasPrefix(HostileCascade.script + "<br/>target: -15% QoQ · owner: Ana Lima") == true)
    #expect(labels["k2"]?.hasPrefix(HostileCascade.quoted + "<br/>") == true)
    #expect(labels["c2"]?.hasPrefix(HostileCascade.hyperlink + "<br/>target: >= 42% · owner: @cmd") == true)
    #expect(labels["i1"]?.hasPrefix("Line one line two<br/>role: Account executive") == true)
    #expect(
      labels["i3"]
        == "\(HostileCascade.unicode)<br/>role: \(HostileCascade.entity) · target: ≤ 3 days · owner: -Olu")
  }

  @Test func deterministicAndReachableThroughTheExporter() throws {
    let mermaid = try Self.export()
    #expect(try Self.export() == mermaid)
    #expect(
      Exporter.render(
        .mermaid, workshop: HostileCascade.workshop, cascade: try HostileCascade.cascade(),
        findings: HostileCascade.findings) == mermaid)
    #expect(ExportFormat.mermaid.fileExtension == "mmd")
    #expect(ExportFormat.csv.fileExtension == "csv")
  }

  @Test func anEmptyCascadeIsAnEmptyFlowchart() {
    #expect(
      CascadeMermaid.render(workshop: "Empty", cascade: Cascade(), findings: [])
        == "%% KPI cascade: Empty\nflowchart TD\n")
  }
}

/// The Mermaid export read by Mermaid's own parser (the JavaScript that renders it in a wiki).
@Suite(ExportConsumer.mermaid.condition) struct CascadeMermaidParserTests {
  @Test func mermaidParsesEveryNodeEdgeAndLabel() throws {
    guard ExportConsumer.mermaid.ready() else { return }
    let graph = try parse(try CascadeMermaidTests.export())
    #expect(graph.type == "flowchart-v2")
    #expect(Set(graph.vertices.keys) == Set(HostileCascade.ids))
    #expect(Set(graph.edges.map { [$0.start, $0.end] }) == HostileCascade.links)
    #expect(Set(graph.subGraphs.map(\.title)) == [HostileCascade.unicode, HostileCascade.pipe])
    let texts = graph.vertices.mapValues(\.text)
    #expect(texts["k1"]?.hasPrefix(HostileCascade.script + "<br/>") == true)
    #expect(texts["k2"]?.hasPrefix(HostileCascade.quoted + "<br/>") == true)
    #expect(texts["c2"]?.hasPrefix(HostileCascade.hyperlink + "<br/>") == true)
    #expect(texts["i1"]?.hasPrefix("Line one line two<br/>") == true)
    #expect(
      texts["i3"]?.hasPrefix(HostileCascade.unicode + "<br/>role: " + HostileCascade.entity + " · ") == true)
    #expect(graph.vertices["k3"]?.classes == ["fail"])
  }

  @Test func theSampleWorkshopParses() throws {
    guard ExportConsumer.mermaid.ready() else { return }
    let mermaid = CascadeMermaid.render(
      workshop: SampleWorkshop.name, cascade: try SampleWorkshop.cascade(), findings: SampleWorkshop.findings)
    #expect(try parse(mermaid).vertices.count == 6)
  }

  /// A label whose quote is not coded must be refused, so the tests above can fail.
  @Test func aBrokenFlowchartFailsTheParser() throws {
    guard ExportConsumer.mermaid.ready() else { return }
    let broken = try CascadeMermaidTests.export().replacingOccurrences(of: "#quot;", with: "\"")
    #expect(throws: ConsumerFailure.self) { try parse(broken) }
  }

  struct Graph: Decodable {
    struct Vertex: Decodable {
      var text: String
      var classes: [String]
    }
    struct Edge: Decodable {
      var start: String
      var end: String
    }
    struct SubGraph: Decodable {
      var title: String
    }
    var type: String
    var vertices: [String: Vertex]
    var edges: [Edge]
    var subGraphs: [SubGraph]
  }

  /// The flowchart as Mermaid's parser sees it, with its entity codes decoded the way Mermaid
  /// decodes them before showing a label.
  private func parse(_ mermaid: String) throws -> Graph {
    let script = """
      const parse = require(process.argv[1]);
      const text = require("fs").readFileSync(process.argv[2], "utf8");
      const named = { quot: '"', amp: "&", lt: "<", gt: ">" };
      const decode = (s) => s
        .replace(/\u{FB02}\u{B0}\u{B0}(\\d+)\u{B6}\u{DF}/gu, (_, n) => String.fromCodePoint(Number(n)))
        .replace(/\u{FB02}\u{B0}(\\w+)\u{B6}\u{DF}/gu, (_, n) => named[n] ?? `&${n};`);
      parse(text).then((json) => {
        const db = JSON.parse(json).graph_data;
        const vertices = Object.fromEntries(Object.entries(db.vertices)
          .map(([id, v]) => [id, { text: decode(v.text), classes: v.classes }]));
        console.log(JSON.stringify({
          type: JSON.parse(json).graph_type, vertices,
          edges: db.edges.map((e) => ({ start: e.start, end: e.end })),
          subGraphs: db.subGraphs.map((s) => ({ title: decode(s.title) })),
        }));
      }, (error) => { console.error(String(error.message ?? error)); process.exit(1); });
      """
    let result = try ExportConsumer.run(
      ["node", "-e", script, ExportConsumer.mermaidBundle, "{}"], input: mermaid, suffix: "mmd")
    guard result.status == 0 else { throw ConsumerFailure(message: result.errors) }
    return try JSONDecoder().decode(Graph.self, from: Data(result.output.utf8))
  }
}

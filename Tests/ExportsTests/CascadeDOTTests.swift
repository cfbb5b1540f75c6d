import Foundation
import KPICascade
import Testing

@testable import Exports

/// The DOT export rendered by Graphviz, an independent reader of the DOT language.
@Suite(ExportConsumer.graphviz.condition) struct CascadeDOTRenderTests {
  static func export() throws -> String {
    CascadeDOT.render(
      workshop: HostileCascade.workshop, cascade: try HostileCascade.cascade(),
      findings: HostileCascade.findings)
  }

  @Test func graphvizRendersTheHostileNamesEscapedAndIntact() throws {
    guard ExportConsumer.graphviz.ready() else { return }
    let result = try ExportConsumer.run(["dot", "-Tsvg", "{}"], input: try Self.export(), suffix: "dot")
    #expect(result.status == 0, "\(result.errors)")
    #expect(result.errors.isEmpty, "\(result.errors)")
    let svg = result.output
    #expect(svg.contains(">&lt;script&gt;alert(1)&lt;/script&gt;</text>"))
    #expect(!svg.contains("<script"))
    #expect(svg.contains(">He said &quot;hi&quot;</text>"))
    #expect(svg.contains(">a|b</text>"))
    #expect(svg.contains(">Café Ünïcode 中文</text>"))
    #expect(svg.contains(">=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</text>"))
    // The name's line break is a line of the label, not the end of the statement.
    #expect(svg.contains(">Line one</text>") && svg.contains(">line two</text>"))
    // Graphviz decodes entities in labels; the typed `&amp;` must survive as typed.
    #expect(svg.contains(">role: R&amp;amp;D {ops} [x] `tick` #1; 50%</text>"))
  }

  /// Every KPI is a node and every parent → child link an edge, as Graphviz itself reads the
  /// file (`-Tcanon` writes back what it parsed); the fills follow the worst open verdict.
  @Test func graphvizSeesEveryNodeAndLink() throws {
    guard ExportConsumer.graphviz.ready() else { return }
    let result = try ExportConsumer.run(["dot", "-Tjson", "{}"], input: try Self.export(), suffix: "dot")
    #expect(result.status == 0, "\(result.errors)")
    let graph = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    let objects = graph?["objects"] as? [[String: Any]] ?? []
    let nodes = objects.filter { $0["nodes"] == nil }
    let names = nodes.compactMap { $0["name"] as? String }
    #expect(Set(HostileCascade.ids).isSubset(of: Set(names)))
    let edges = graph?["edges"] as? [[String: Any]] ?? []
    let links = Set(
      edges.compactMap { edge -> [String]? in
        guard let tail = edge["tail"] as? Int, let head = edge["head"] as? Int else { return nil }
        return [objects[tail]["name"] as? String ?? "", objects[head]["name"] as? String ?? ""]
      })
    #expect(links == HostileCascade.links)
    let fills = Dictionary(
      nodes.compactMap { node in (node["name"] as? String).map { ($0, node["fillcolor"] as? String ?? "") } },
      uniquingKeysWith: { first, _ in first })
    #expect(fills["k2"] == CascadeDOT.fill(.fail))
    #expect(fills["k3"] == CascadeDOT.fill(.fail))
    #expect(fills["c1"] == CascadeDOT.fill(.pass))
    #expect(fills["i3"] == CascadeDOT.fill(.pass))
    let clusters = objects.compactMap { $0["label"] as? String }
    #expect(clusters.contains(HostileCascade.unicode) && clusters.contains(HostileCascade.pipe))
  }

  /// The same graph with one escape undone must be refused, so the tests above can fail.
  @Test func aBrokenGraphFailsGraphviz() throws {
    guard ExportConsumer.graphviz.ready() else { return }
    let export = try Self.export()
    let unescaped = "He said \"hi\""
    try #require(export.contains("He said \\\"hi\\\""))
    let broken = export.replacingOccurrences(of: "He said \\\"hi\\\"", with: unescaped)
    let result = try ExportConsumer.run(["dot", "-Tsvg", "{}"], input: broken, suffix: "dot")
    #expect(result.status != 0)
    let garbage = try ExportConsumer.run(
      ["dot", "-Tsvg", "{}"], input: "digraph { \"a\" -> ; }", suffix: "dot")
    #expect(garbage.status != 0)
  }

  @Test func theSampleWorkshopRenders() throws {
    guard ExportConsumer.graphviz.ready() else { return }
    let dot = CascadeDOT.render(
      workshop: SampleWorkshop.name, cascade: try SampleWorkshop.cascade(), findings: SampleWorkshop.findings)
    let result = try ExportConsumer.run(["dot", "-Tsvg", "{}"], input: dot, suffix: "dot")
    #expect(result.status == 0, "\(result.errors)")
  }
}

/// The DOT text's own rules, without Graphviz.
@Suite struct CascadeDOTTests {
  @Test(arguments: [
    ("plain", "\"plain\""),
    ("say \"hi\"", "\"say \\\"hi\\\"\""),
    ("back\\slash", "\"back\\\\slash\""),
    ("two\nlines", "\"two\\nlines\""),
    ("crlf\r\nhere", "\"crlf\\nhere\""),
    ("esc\u{1B}[31m", "\"esc [31m\""),
    ("R&amp;D", "\"R&amp;amp;D\""),
    ("中文", "\"中文\""),
  ])
  func quoted(_ text: String, _ written: String) {
    #expect(CascadeDOT.quoted(text) == written)
  }

  @Test func noRawControlCharacterAndUTF8Declared() throws {
    let dot = try CascadeDOTRenderTests.export()
    #expect(dot.contains("charset=\"UTF-8\";"))
    #expect(!dot.unicodeScalars.contains { $0 != "\n" && $0.properties.generalCategory == .control })
    #expect(dot.contains("中文"))
  }

  @Test func deterministicAndReachableThroughTheExporter() throws {
    let dot = try CascadeDOTRenderTests.export()
    #expect(try CascadeDOTRenderTests.export() == dot)
    #expect(
      Exporter.render(
        .dot, workshop: HostileCascade.workshop, cascade: try HostileCascade.cascade(),
        findings: HostileCascade.findings) == dot)
    #expect(ExportFormat.dot.fileExtension == "dot")
  }
}

import Foundation
import KPICascade
import Testing

@testable import Exports

@Suite struct CascadeJSONTests {
  let cascade: Cascade
  let json: String

  init() throws {
    cascade = try SampleWorkshop.cascade()
    json = Exporter.render(
      .json, workshop: SampleWorkshop.name, cascade: cascade, findings: SampleWorkshop.findings)
  }

  @Test func deterministic() throws {
    let again = CascadeJSON.render(
      workshop: SampleWorkshop.name, cascade: try SampleWorkshop.cascade(),
      findings: SampleWorkshop.findings)
    #expect(again == json)
    #expect(json.hasSuffix("}\n"))
  }

  @Test func decodesBackToTheSameDocument() throws {
    let document = try JSONDecoder().decode(CascadeDocument.self, from: Data(json.utf8))
    let open = SampleWorkshop.findings.filter { $0.id == "link:k3" || $0.id == "conflicts:k1~k3" }
    #expect(
      document
        == CascadeDocument(workshop: SampleWorkshop.name, cascade: cascade, findings: open))
    #expect(document.format == CascadeDocument.formatTag)
    #expect(document.version == CascadeDocument.currentVersion)
  }

  /// An importer decodes `cascade` as a plain `Cascade`: it must be exactly that encoding.
  @Test func cascadePartIsCascadesOwnEncoding() throws {
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    let part = try JSONSerialization.data(withJSONObject: try #require(object?["cascade"]))
    #expect(try JSONDecoder().decode(Cascade.self, from: part) == cascade)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let own = try JSONSerialization.jsonObject(with: encoder.encode(cascade)) as? NSDictionary
    #expect(own == object?["cascade"] as? NSDictionary)
  }

  @Test func sortedKeysAndUnescapedSlashes() {
    #expect(json.hasPrefix("{\n  \"cascade\""))
    let cascadeAt = json.range(of: "\"cascade\"")!.lowerBound
    let findingsAt = json.range(of: "\n  \"findings\"")!.lowerBound
    let formatAt = json.range(of: "\n  \"format\"")!.lowerBound
    #expect(cascadeAt < findingsAt && findingsAt < formatAt)
    #expect(json.contains("</script>"))
  }

  @Test func onlyOpenFindings() {
    #expect(json.contains("\"id\" : \"link:k3\"") || json.contains("\"id\": \"link:k3\""))
    #expect(!json.contains("\"id\" : \"lead-time:k2\"") && !json.contains("\"id\": \"lead-time:k2\""))
    #expect(!json.contains("counts:level-1"))
  }

  /// The original two formats stay first; formats are added by several hands, so the rest is
  /// checked as a property: each has an extension of its own.
  @Test func exportFormats() {
    #expect(ExportFormat.allCases.prefix(2) == [.json, .md])
    let extensions = ExportFormat.allCases.map(\.fileExtension)
    #expect(Set(extensions).count == extensions.count && !extensions.contains(""))
    #expect(ExportFormat.json.fileExtension == "json")
    #expect(ExportFormat.md.fileExtension == "md")
  }

  @Test func openFindingsDropPassesAndOverrides() {
    let open = Exporter.openFindings(SampleWorkshop.findings, in: cascade)
    #expect(open.map(\.id) == ["link:k3", "conflicts:k1~k3"])
  }
}

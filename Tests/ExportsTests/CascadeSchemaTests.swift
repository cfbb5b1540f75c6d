import Foundation
import KPICascade
import Testing

@testable import Exports

/// The JSON export against `docs/cascade.schema.json`, through the python validator.
@Suite(SchemaValidator.condition) struct CascadeSchemaTests {
  @Test func sampleExportIsValid() throws {
    guard SchemaValidator.ready() else { return }
    let json = CascadeJSON.render(
      workshop: SampleWorkshop.name, cascade: try SampleWorkshop.cascade(),
      findings: SampleWorkshop.findings)
    let result = try SchemaValidator.validate(json, against: "cascade.schema.json")
    #expect(result.status == 0, "\(result.output)")
  }

  @Test func emptyExportIsValid() throws {
    guard SchemaValidator.ready() else { return }
    let json = CascadeJSON.render(workshop: "Empty", cascade: Cascade(), findings: [])
    let result = try SchemaValidator.validate(json, against: "cascade.schema.json")
    #expect(result.status == 0, "\(result.output)")
  }

  /// Each way a document can be wrong, so these tests can fail: the schema is not vacuous.
  @Test(arguments: [
    ("wrong format tag", "\"kpi-align-cascade\"", "\"kpi-align-transcript\"", "$.format"),
    ("unknown property", "\"version\" : 1", "\"version\" : 1, \"extra\" : true", "$"),
    (
      "negative lead time", "\"leadTimeDays\" : 45", "\"leadTimeDays\" : -1",
      "$.cascade.departments[0].kpis[0].leadTimeDays"
    ),
    (
      "unknown function", "\"function\" : \"sales\"", "\"function\" : \"selling\"",
      "$.cascade.departments[0].function"
    ),
    ("null instead of absent", "\"lockedOn\" : \"2028-02-29\"", "\"lockedOn\" : null", "$.cascade.lockedOn"),
    ("bad tension", "\"with\" : {", "\"against\" : {", "$.cascade.departments[0].kpis[0].tension"),
    ("unknown verdict", "\"verdict\" : \"warn\"", "\"verdict\" : \"maybe\"", "$.findings[0].verdict"),
  ])
  func brokenDocumentIsInvalid(_ what: String, _ from: String, _ to: String, _ path: String) throws {
    guard SchemaValidator.ready() else { return }
    let json = CascadeJSON.render(
      workshop: SampleWorkshop.name, cascade: try SampleWorkshop.cascade(),
      findings: SampleWorkshop.findings)
    try #require(json.contains(from), "the sample no longer contains \(from)")
    let broken = json.replacingOccurrences(of: from, with: to)
    let result = try SchemaValidator.validate(broken, against: "cascade.schema.json")
    #expect(result.status == 1, "\(what): \(result.output)")
    #expect(result.output.contains("invalid at \(path)"), "\(what): \(result.output)")
  }
}

/// The schema files themselves, read as JSON (no validator needed).
@Suite struct SchemaFileTests {
  /// Both schemas describe `Cascade`; their definitions must not drift apart.
  @Test func sharedDefinitionsMatchTheTranscriptSchema() throws {
    func defs(_ name: String) throws -> [String: Any] {
      let data = try Data(contentsOf: SchemaValidator.schema(name))
      let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
      return try #require(object?["$defs"] as? [String: Any])
    }
    let cascade = try defs("cascade.schema.json")
    let transcript = try defs("transcript.schema.json")
    let shared = Set(cascade.keys).intersection(transcript.keys)
    #expect(shared.contains("Cascade") && shared.count >= 15)
    for key in shared.sorted() {
      #expect(
        (cascade[key] as? NSDictionary) == (transcript[key] as? NSDictionary), "$defs.\(key) differs")
    }
  }
}

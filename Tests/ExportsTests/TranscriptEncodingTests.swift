import Foundation
import KPICascade
import Testing

/// What `docs/transcript.md` and `docs/transcript.schema.json` say about the encodings,
/// checked against the Swift types themselves rather than guessed.
///
/// This target cannot import `Workshop`, so the transcript around the events is built by
/// hand here, following `Transcript`, `SessionInfo`, `Exchange` and `WorkshopEvent`'s coding.
@Suite struct TranscriptEncodingTests {
  /// One sample of every `CascadeEvent` case and its exact synthesized encoding.
  static let samples: [(CascadeEvent, String)] = [
    (
      .companyKPIAdded(id: "c1", name: "Revenue growth"),
      #"{"companyKPIAdded":{"id":"c1","name":"Revenue growth"}}"#
    ),
    (.companyKPIsLocked(on: "2026-03-02"), #"{"companyKPIsLocked":{"on":"2026-03-02"}}"#),
    (.departmentAdded(id: "d1", name: "Sales"), #"{"departmentAdded":{"id":"d1","name":"Sales"}}"#),
    (.headSet(department: "d1", person: "Ana"), #"{"headSet":{"department":"d1","person":"Ana"}}"#),
    (
      .functionSet(department: "d1", function: .customerSuccess),
      #"{"functionSet":{"department":"d1","function":"customer-success"}}"#
    ),
    (
      .contributionRecorded(companyKPI: "c1", department: "d1", text: "Closes deals"),
      #"{"contributionRecorded":{"companyKPI":"c1","department":"d1","text":"Closes deals"}}"#
    ),
    (
      .contributionRecorded(companyKPI: "c1", department: "d2", text: nil),
      #"{"contributionRecorded":{"companyKPI":"c1","department":"d2"}}"#
    ),
    (
      .departmentKPIAdded(id: "k1", department: "d1", companyKPI: "c1", name: "Pipeline"),
      #"{"departmentKPIAdded":{"companyKPI":"c1","department":"d1","id":"k1","name":"Pipeline"}}"#
    ),
    (.leadTimeSet(kpi: "k1", days: 45), #"{"leadTimeSet":{"days":45,"kpi":"k1"}}"#),
    (
      .linkSentenceSet(kpi: "k1", sentence: "It converts."),
      #"{"linkSentenceSet":{"kpi":"k1","sentence":"It converts."}}"#
    ),
    (.tensionSet(kpi: "k1", tension: .none), #"{"tensionSet":{"kpi":"k1","tension":{"none":{}}}}"#),
    (
      .tensionSet(kpi: "k1", tension: .with(kpi: "k3")),
      #"{"tensionSet":{"kpi":"k1","tension":{"with":{"kpi":"k3"}}}}"#
    ),
    (
      .contributorAdded(kpi: "k1", department: "d2"),
      #"{"contributorAdded":{"department":"d2","kpi":"k1"}}"#
    ),
    (
      .targetSet(kpi: "k1", target: ">= 20%", reason: nil),
      #"{"targetSet":{"kpi":"k1","target":">= 20%"}}"#
    ),
    (
      .targetSet(kpi: "c1", target: ">= 25%", reason: "Board"),
      #"{"targetSet":{"kpi":"c1","reason":"Board","target":">= 25%"}}"#
    ),
    (.ownerSet(kpi: "k1", person: "Ana"), #"{"ownerSet":{"kpi":"k1","person":"Ana"}}"#),
    (
      .renamed(id: "k1", name: "Qualified pipeline", reason: nil),
      #"{"renamed":{"id":"k1","name":"Qualified pipeline"}}"#
    ),
    (.removed(id: "k2", reason: "Duplicate"), #"{"removed":{"id":"k2","reason":"Duplicate"}}"#),
    (
      .conflictRaised(first: "k1", second: "k2", companyKPI: "c1", origin: .classic),
      #"{"conflictRaised":{"companyKPI":"c1","first":"k1","origin":"classic","second":"k2"}}"#
    ),
    (
      .conflictAnswered(first: "k1", second: "k2", structural: true),
      #"{"conflictAnswered":{"first":"k1","second":"k2","structural":true}}"#
    ),
    (
      .conflictResolved(
        first: "k1", second: "k2",
        resolution: Resolution(kpi: "k2", oldName: "A", newName: "B", oldTarget: nil, newTarget: "90%")),
      #"{"conflictResolved":{"first":"k1","resolution":{"kpi":"k2","newName":"B","newTarget":"90%","oldName":"A"},"second":"k2"}}"#
    ),
    (.velocitySet(velocity: .high), #"{"velocitySet":{"velocity":"high"}}"#),
    (.operationalReviewSet(cadence: .biweekly), #"{"operationalReviewSet":{"cadence":"bi-weekly"}}"#),
    (.strategicReviewSet(cadence: .quarterly), #"{"strategicReviewSet":{"cadence":"quarterly"}}"#),
    (
      .governanceSet(field: .missPolicy, value: "Review"),
      #"{"governanceSet":{"field":"miss-policy","value":"Review"}}"#
    ),
    (
      .findingAccepted(finding: "lead-time:k2", reason: "Contractual"),
      #"{"findingAccepted":{"finding":"lead-time:k2","reason":"Contractual"}}"#
    ),
    (
      .restored(cascade: Cascade()),
      #"{"restored":{"cascade":{"companyKPIs":[],"conflicts":[],"contributions":[],"departments":[],"governance":{},"individualKPIs":[],"overrides":[]}}}"#
    ),
    (
      .individualKPIAdded(id: "i1", parent: "k1", name: "Discovery calls"),
      #"{"individualKPIAdded":{"id":"i1","name":"Discovery calls","parent":"k1"}}"#
    ),
    (.roleSet(kpi: "i1", role: "Account executive"), #"{"roleSet":{"kpi":"i1","role":"Account executive"}}"#),
    (
      .readingsRecorded(readings: [
        Reading(kpi: "k1", day: CalendarDay("2026-03-02")!, value: 3.4),
        Reading(
          kpi: "c1", day: CalendarDay("2026-03-02")!, value: 18.5, note: "Slow March", confidence: 7,
          recordedBy: "Ana"),
      ]),
      #"{"readingsRecorded":{"readings":[{"day":"2026-03-02","kpi":"k1","value":3.4},{"confidence":7,"day":"2026-03-02","kpi":"c1","note":"Slow March","recordedBy":"Ana","value":18.5}]}}"#
    ),
    (
      .reviewHeld(kind: .operational, on: CalendarDay("2026-03-09")!, offTrack: ["k1"]),
      #"{"reviewHeld":{"kind":"operational","offTrack":["k1"],"on":"2026-03-09"}}"#
    ),
    (
      .varianceRecorded(kpi: "k1", explanation: "Campaign cut", plan: nil),
      #"{"varianceRecorded":{"explanation":"Campaign cut","kpi":"k1"}}"#
    ),
  ]

  /// The persisted tag of each case. A new case stops this compiling, which is the reminder
  /// to add it to the samples, `docs/transcript.md` and the schema.
  static func tag(_ event: CascadeEvent) -> String {
    switch event {
    case .companyKPIAdded: "companyKPIAdded"
    case .companyKPIsLocked: "companyKPIsLocked"
    case .departmentAdded: "departmentAdded"
    case .headSet: "headSet"
    case .functionSet: "functionSet"
    case .contributionRecorded: "contributionRecorded"
    case .departmentKPIAdded: "departmentKPIAdded"
    case .leadTimeSet: "leadTimeSet"
    case .linkSentenceSet: "linkSentenceSet"
    case .tensionSet: "tensionSet"
    case .contributorAdded: "contributorAdded"
    case .targetSet: "targetSet"
    case .ownerSet: "ownerSet"
    case .renamed: "renamed"
    case .removed: "removed"
    case .conflictRaised: "conflictRaised"
    case .conflictAnswered: "conflictAnswered"
    case .conflictResolved: "conflictResolved"
    case .velocitySet: "velocitySet"
    case .operationalReviewSet: "operationalReviewSet"
    case .strategicReviewSet: "strategicReviewSet"
    case .governanceSet: "governanceSet"
    case .findingAccepted: "findingAccepted"
    case .restored: "restored"
    case .individualKPIAdded: "individualKPIAdded"
    case .roleSet: "roleSet"
    case .readingsRecorded: "readingsRecorded"
    case .reviewHeld: "reviewHeld"
    case .varianceRecorded: "varianceRecorded"
    }
  }

  static let allTags: Set<String> = [
    "companyKPIAdded", "companyKPIsLocked", "departmentAdded", "headSet", "functionSet",
    "contributionRecorded", "departmentKPIAdded", "leadTimeSet", "linkSentenceSet", "tensionSet",
    "contributorAdded", "targetSet", "ownerSet", "renamed", "removed", "conflictRaised",
    "conflictAnswered", "conflictResolved", "velocitySet", "operationalReviewSet",
    "strategicReviewSet", "governanceSet", "findingAccepted", "restored", "individualKPIAdded", "roleSet",
    "readingsRecorded", "reviewHeld", "varianceRecorded",
  ]

  static func compact(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  @Test(arguments: samples.indices)
  func synthesizedEncoding(_ index: Int) throws {
    let (event, expected) = Self.samples[index]
    #expect(try Self.compact(event) == expected)
    #expect(try JSONDecoder().decode(CascadeEvent.self, from: Data(expected.utf8)) == event)
  }

  @Test func samplesCoverEveryCase() {
    #expect(Set(Self.samples.map { Self.tag($0.0) }) == Self.allTags)
  }

  @Test func schemaHasOneBranchPerCase() throws {
    let data = try Data(contentsOf: SchemaValidator.schema("transcript.schema.json"))
    let root = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    let defs = try #require(root?["$defs"] as? [String: Any])
    let event = try #require(defs["CascadeEvent"] as? [String: Any])
    let branches = try #require(event["oneOf"] as? [[String: Any]])
    let names = branches.compactMap { ($0["required"] as? [String])?.first }
    #expect(names.count == branches.count)
    #expect(Set(names) == Self.allTags)
    #expect(names.count == Self.allTags.count)
  }

  @Test func docsNameEveryCase() throws {
    let text = try String(
      contentsOf: SchemaValidator.root.appendingPathComponent("docs/transcript.md"), encoding: .utf8)
    for tag in Self.allTags.sorted() {
      #expect(text.contains("`\(tag)`"), "docs/transcript.md does not describe \(tag)")
    }
  }

  @Test func cascadePartsOmitNilOptionals() throws {
    #expect(
      try Self.compact(Cascade())
        == #"{"companyKPIs":[],"conflicts":[],"contributions":[],"departments":[],"governance":{},"individualKPIs":[],"overrides":[]}"#
    )
    #expect(
      try Self.compact(DepartmentKPI(id: "k1", name: "N", companyKPI: "c1"))
        == #"{"companyKPI":"c1","contributors":[],"id":"k1","name":"N"}"#)
    #expect(
      try Self.compact(Finding(check: .leadTime, verdict: .warn, subject: "k1", reason: "r"))
        == #"{"check":"lead-time","id":"lead-time:k1","reason":"r","subject":"k1","verdict":"warn"}"#)
  }

  // MARK: - A whole transcript against the schema

  /// A transcript as the Workshop codec writes it (dates as ISO 8601 UTC strings), carrying
  /// every sample event plus each workshop-only event, and a cascade snapshot.
  static func transcript() throws -> String {
    let events = try samples.map { try compact($0.0) }
    let workshop = [
      #"{"stepEntered":{"step":2}}"#, #"{"listClosed":{"list":"companyKPIs"}}"#,
      #"{"undone":{"seq":1}}"#, #"{"adjustmentChosen":{"conflict":"k1~k2","kpi":"k2"}}"#,
      #"{"adjustmentNamed":{"conflict":"k1~k2","name":"On-time delivery"}}"#,
    ]
    let exchanges = (events + workshop).enumerated().map { index, change in
      """
      {"seq":\(index + 1),"at":"2026-03-02T09:\(10 + index % 50):00Z","step":\(index % 6 + 1),\
      "question":"Q\(index)","answer":"A\(index)","changes":[\(change)]}
      """
    }
    let cascade = try compact(try SampleWorkshop.cascade())
    return """
      {"format":"kpi-align-transcript","version":1,\
      "session":{"name":"Acme Retail Q3","slug":"acme-retail-q3","created":"2026-03-02T09:00:00Z"},\
      "exchanges":[\(exchanges.joined(separator: ","))],"cascade":\(cascade)}
      """
  }

  @Test(SchemaValidator.condition) func transcriptIsValid() throws {
    guard SchemaValidator.ready() else { return }
    let result = try SchemaValidator.validate(try Self.transcript(), against: "transcript.schema.json")
    #expect(result.status == 0, "\(result.output)")
  }

  @Test(
    SchemaValidator.condition,
    arguments: [
      (
        "velocity not wrapped in its label", #"{"velocitySet":{"velocity":"high"}}"#,
        #"{"velocitySet":"high"}"#
      ),
      (
        "unknown event", #"{"ownerSet":{"kpi":"k1","person":"Ana"}}"#,
        #"{"ownerChanged":{"kpi":"k1","person":"Ana"}}"#
      ),
      ("null optional", #""text":"Closes deals""#, #""text":null"#),
      ("date as a number", #""created":"2026-03-02T09:00:00Z""#, #""created":794653200"#),
      ("date not in UTC", #""created":"2026-03-02T09:00:00Z""#, #""created":"2026-03-02T10:00:00+01:00""#),
      ("slug leaves the folder", #""slug":"acme-retail-q3""#, #""slug":"../etc""#),
      (
        "two events in one object", #"{"stepEntered":{"step":2}}"#,
        #"{"stepEntered":{"step":2},"undone":{"seq":1}}"#
      ),
      ("step out of range", #"{"stepEntered":{"step":2}}"#, #"{"stepEntered":{"step":7}}"#),
    ])
  func brokenTranscriptIsInvalid(_ what: String, _ from: String, _ to: String) throws {
    guard SchemaValidator.ready() else { return }
    let json = try Self.transcript()
    try #require(json.contains(from), "the sample no longer contains \(from)")
    let broken = json.replacingOccurrences(of: from, with: to)
    let result = try SchemaValidator.validate(broken, against: "transcript.schema.json")
    #expect(result.status == 1, "\(what): \(result.output)")
  }
}

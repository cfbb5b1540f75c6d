/// Events as `Codable` writes an enum case: `{"targetSet": {"kpi": …, "target": …}}` (see
/// `JSONTextCodable`).
extension CascadeEvent: JSONTextCodable {
  public init(json reader: inout JSONPullReader) throws(JSONBail) {
    var event: CascadeEvent?
    try reader.singleKeyObject { reader, key throws(JSONBail) in
      event = try CascadeEvent(json: &reader, named: key)
    }
    self = event!
  }

  /// The event whose case is named `key`, its values read from the object at the reader: what
  /// a reader of an enum that wraps events calls for a key it does not know itself.
  public init(json reader: inout JSONPullReader, named key: JSONKey) throws(JSONBail) {
    switch key {
    case "companyKPIAdded":
      let fields = try reader.stringFields(["id", "name"])
      self = .companyKPIAdded(id: try fields.required(0), name: try fields.required(1))
    case "companyKPIsLocked":
      self = .companyKPIsLocked(on: try reader.stringFields(["on"]).required(0))
    case "departmentAdded":
      let fields = try reader.stringFields(["id", "name"])
      self = .departmentAdded(id: try fields.required(0), name: try fields.required(1))
    case "headSet":
      let fields = try reader.stringFields(["department", "person"])
      self = .headSet(department: try fields.required(0), person: try fields.required(1))
    case "functionSet":
      let fields = try reader.stringFields(["department", "function"])
      guard let function = DepartmentFunction(rawValue: try fields.required(1)) else { throw JSONBail() }
      self = .functionSet(department: try fields.required(0), function: function)
    case "contributionRecorded":
      let fields = try reader.stringFields(["companyKPI", "department", "text"])
      self = .contributionRecorded(
        companyKPI: try fields.required(0), department: try fields.required(1), text: fields[2])
    case "departmentKPIAdded":
      let fields = try reader.stringFields(["id", "department", "companyKPI", "name"])
      self = .departmentKPIAdded(
        id: try fields.required(0), department: try fields.required(1), companyKPI: try fields.required(2),
        name: try fields.required(3))
    case "individualKPIAdded":
      let fields = try reader.stringFields(["id", "parent", "name"])
      self = .individualKPIAdded(
        id: try fields.required(0), parent: try fields.required(1), name: try fields.required(2))
    case "roleSet":
      let fields = try reader.stringFields(["kpi", "role"])
      self = .roleSet(kpi: try fields.required(0), role: try fields.required(1))
    case "leadTimeSet":
      var kpi: String?
      var days: Int?
      try reader.object { reader, key throws(JSONBail) in
        switch key {
        case "kpi": kpi = try reader.string()
        case "days": days = try reader.int()
        default: throw JSONBail()
        }
      }
      guard let kpi, let days else { throw JSONBail() }
      self = .leadTimeSet(kpi: kpi, days: days)
    case "linkSentenceSet":
      let fields = try reader.stringFields(["kpi", "sentence"])
      self = .linkSentenceSet(kpi: try fields.required(0), sentence: try fields.required(1))
    case "tensionSet":
      var kpi: String?
      var tension: Tension?
      try reader.object { reader, key throws(JSONBail) in
        switch key {
        case "kpi": kpi = try reader.string()
        case "tension": tension = try Tension(json: &reader)
        default: throw JSONBail()
        }
      }
      guard let kpi, let tension else { throw JSONBail() }
      self = .tensionSet(kpi: kpi, tension: tension)
    case "contributorAdded":
      let fields = try reader.stringFields(["kpi", "department"])
      self = .contributorAdded(kpi: try fields.required(0), department: try fields.required(1))
    case "targetSet":
      let fields = try reader.stringFields(["kpi", "target", "reason"])
      self = .targetSet(kpi: try fields.required(0), target: try fields.required(1), reason: fields[2])
    case "ownerSet":
      let fields = try reader.stringFields(["kpi", "person", "reason"])
      self = .ownerSet(kpi: try fields.required(0), person: try fields.required(1), reason: fields[2])
    case "renamed":
      let fields = try reader.stringFields(["id", "name", "reason"])
      self = .renamed(id: try fields.required(0), name: try fields.required(1), reason: fields[2])
    case "removed":
      let fields = try reader.stringFields(["id", "reason"])
      self = .removed(id: try fields.required(0), reason: fields[1])
    case "conflictRaised":
      let fields = try reader.stringFields(["first", "second", "companyKPI", "origin"])
      guard let origin = ConflictOrigin(rawValue: try fields.required(3)) else { throw JSONBail() }
      self = .conflictRaised(
        first: try fields.required(0), second: try fields.required(1), companyKPI: try fields.required(2),
        origin: origin)
    case "conflictAnswered":
      var first: String?
      var second: String?
      var structural: Bool?
      try reader.object { reader, key throws(JSONBail) in
        switch key {
        case "first": first = try reader.string()
        case "second": second = try reader.string()
        case "structural": structural = try reader.bool()
        default: throw JSONBail()
        }
      }
      guard let first, let second, let structural else { throw JSONBail() }
      self = .conflictAnswered(first: first, second: second, structural: structural)
    case "conflictResolved":
      var first: String?
      var second: String?
      var resolution: Resolution?
      try reader.object { reader, key throws(JSONBail) in
        switch key {
        case "first": first = try reader.string()
        case "second": second = try reader.string()
        case "resolution": resolution = try Resolution(json: &reader)
        default: throw JSONBail()
        }
      }
      guard let first, let second, let resolution else { throw JSONBail() }
      self = .conflictResolved(first: first, second: second, resolution: resolution)
    case "velocitySet":
      let fields = try reader.stringFields(["velocity"])
      guard let velocity = BusinessVelocity(rawValue: try fields.required(0)) else { throw JSONBail() }
      self = .velocitySet(velocity: velocity)
    case "operationalReviewSet":
      self = .operationalReviewSet(cadence: try Self.cadence(&reader))
    case "strategicReviewSet":
      self = .strategicReviewSet(cadence: try Self.cadence(&reader))
    case "governanceSet":
      let fields = try reader.stringFields(["field", "value"])
      guard let field = GovernanceField(rawValue: try fields.required(0)) else { throw JSONBail() }
      self = .governanceSet(field: field, value: try fields.required(1))
    case "findingAccepted":
      let fields = try reader.stringFields(["finding", "reason"])
      self = .findingAccepted(finding: try fields.required(0), reason: try fields.required(1))
    case "readingsRecorded":
      var readings: [Reading]?
      try reader.object { reader, key throws(JSONBail) in
        guard case "readings" = key else { throw JSONBail() }
        readings = try reader.array(of: Reading.self)
      }
      guard let readings else { throw JSONBail() }
      self = .readingsRecorded(readings: readings)
    case "reviewHeld":
      var kind: ReviewKind?
      var day: CalendarDay?
      var offTrack: [String]?
      try reader.object { reader, key throws(JSONBail) in
        switch key {
        case "kind": kind = try reader.rawValue(ReviewKind.self)
        case "on": day = try CalendarDay(json: &reader)
        case "offTrack": offTrack = try reader.strings()
        default: throw JSONBail()
        }
      }
      guard let kind, let day, let offTrack else { throw JSONBail() }
      self = .reviewHeld(kind: kind, on: day, offTrack: offTrack)
    case "varianceRecorded":
      let fields = try reader.stringFields(["kpi", "explanation", "plan"])
      self = .varianceRecorded(kpi: try fields.required(0), explanation: fields[1], plan: fields[2])
    case "restored":
      var cascade: Cascade?
      try reader.object { reader, key throws(JSONBail) in
        guard case "cascade" = key else { throw JSONBail() }
        cascade = try Cascade(json: &reader)
      }
      guard let cascade else { throw JSONBail() }
      self = .restored(cascade: cascade)
    default:
      throw JSONBail()
    }
  }

  private static func cadence(_ reader: inout JSONPullReader) throws(JSONBail) -> ReviewCadence {
    guard let cadence = ReviewCadence(rawValue: try reader.stringFields(["cadence"]).required(0)) else {
      throw JSONBail()
    }
    return cadence
  }

  public func write(json writer: inout PrettyJSONWriter) {
    switch self {
    case .companyKPIAdded(let id, let name), .departmentAdded(let id, let name):
      writer.singleKeyObject(caseName) { writer in
        writer.field("id", id)
        writer.field("name", name)
      }
    case .companyKPIsLocked(let day):
      writer.singleKeyObject(caseName) { writer in writer.field("on", day) }
    case .headSet(let department, let person):
      writer.singleKeyObject(caseName) { writer in
        writer.field("department", department)
        writer.field("person", person)
      }
    case .functionSet(let department, let function):
      writer.singleKeyObject(caseName) { writer in
        writer.field("department", department)
        writer.field("function", function.rawValue)
      }
    case .contributionRecorded(let companyKPI, let department, let text):
      writer.singleKeyObject(caseName) { writer in
        writer.field("companyKPI", companyKPI)
        writer.field("department", department)
        writer.field("text", text)
      }
    case .departmentKPIAdded(let id, let department, let companyKPI, let name):
      writer.singleKeyObject(caseName) { writer in
        writer.field("companyKPI", companyKPI)
        writer.field("department", department)
        writer.field("id", id)
        writer.field("name", name)
      }
    case .individualKPIAdded(let id, let parent, let name):
      writer.singleKeyObject(caseName) { writer in
        writer.field("id", id)
        writer.field("name", name)
        writer.field("parent", parent)
      }
    case .roleSet(let kpi, let role):
      writer.singleKeyObject(caseName) { writer in
        writer.field("kpi", kpi)
        writer.field("role", role)
      }
    case .leadTimeSet(let kpi, let days):
      writer.singleKeyObject(caseName) { writer in
        writer.field("days", days)
        writer.field("kpi", kpi)
      }
    case .linkSentenceSet(let kpi, let sentence):
      writer.singleKeyObject(caseName) { writer in
        writer.field("kpi", kpi)
        writer.field("sentence", sentence)
      }
    case .tensionSet(let kpi, let tension):
      writer.singleKeyObject(caseName) { writer in
        writer.field("kpi", kpi)
        writer.field("tension", tension)
      }
    case .contributorAdded(let kpi, let department):
      writer.singleKeyObject(caseName) { writer in
        writer.field("department", department)
        writer.field("kpi", kpi)
      }
    case .targetSet(let kpi, let target, let reason):
      writer.singleKeyObject(caseName) { writer in
        writer.field("kpi", kpi)
        writer.field("reason", reason)
        writer.field("target", target)
      }
    case .ownerSet(let kpi, let person, let reason):
      writer.singleKeyObject(caseName) { writer in
        writer.field("kpi", kpi)
        writer.field("person", person)
        writer.field("reason", reason)
      }
    case .renamed(let id, let name, let reason):
      writer.singleKeyObject(caseName) { writer in
        writer.field("id", id)
        writer.field("name", name)
        writer.field("reason", reason)
      }
    case .removed(let id, let reason):
      writer.singleKeyObject(caseName) { writer in
        writer.field("id", id)
        writer.field("reason", reason)
      }
    case .conflictRaised(let first, let second, let companyKPI, let origin):
      writer.singleKeyObject(caseName) { writer in
        writer.field("companyKPI", companyKPI)
        writer.field("first", first)
        writer.field("origin", origin.rawValue)
        writer.field("second", second)
      }
    case .conflictAnswered(let first, let second, let structural):
      writer.singleKeyObject(caseName) { writer in
        writer.field("first", first)
        writer.field("second", second)
        writer.field("structural", structural)
      }
    case .conflictResolved(let first, let second, let resolution):
      writer.singleKeyObject(caseName) { writer in
        writer.field("first", first)
        writer.field("resolution", resolution)
        writer.field("second", second)
      }
    case .velocitySet(let velocity):
      writer.singleKeyObject(caseName) { writer in writer.field("velocity", velocity.rawValue) }
    case .operationalReviewSet(let cadence), .strategicReviewSet(let cadence):
      writer.singleKeyObject(caseName) { writer in writer.field("cadence", cadence.rawValue) }
    case .governanceSet(let field, let value):
      writer.singleKeyObject(caseName) { writer in
        writer.field("field", field.rawValue)
        writer.field("value", value)
      }
    case .findingAccepted(let finding, let reason):
      writer.singleKeyObject(caseName) { writer in
        writer.field("finding", finding)
        writer.field("reason", reason)
      }
    case .readingsRecorded(let readings):
      writer.singleKeyObject(caseName) { writer in
        writer.key("readings")
        writer.array(readings)
      }
    case .reviewHeld(let kind, let day, let offTrack):
      writer.singleKeyObject(caseName) { writer in
        writer.field("kind", kind.rawValue)
        writer.key("offTrack")
        writer.array(offTrack)
        writer.field("on", day)
      }
    case .varianceRecorded(let kpi, let explanation, let plan):
      writer.singleKeyObject(caseName) { writer in
        writer.field("explanation", explanation)
        writer.field("kpi", kpi)
        writer.field("plan", plan)
      }
    case .restored(let cascade):
      writer.singleKeyObject(caseName) { writer in writer.field("cascade", cascade) }
    }
  }

  /// The case's name, the key `Codable` writes it under.
  private var caseName: StaticString {
    switch self {
    case .companyKPIAdded: "companyKPIAdded"
    case .companyKPIsLocked: "companyKPIsLocked"
    case .departmentAdded: "departmentAdded"
    case .headSet: "headSet"
    case .functionSet: "functionSet"
    case .contributionRecorded: "contributionRecorded"
    case .departmentKPIAdded: "departmentKPIAdded"
    case .individualKPIAdded: "individualKPIAdded"
    case .roleSet: "roleSet"
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
    case .readingsRecorded: "readingsRecorded"
    case .reviewHeld: "reviewHeld"
    case .varianceRecorded: "varianceRecorded"
    case .restored: "restored"
    }
  }
}

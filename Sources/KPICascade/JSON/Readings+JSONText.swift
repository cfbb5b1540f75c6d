/// Readings and reviews, in `Codable`'s layout (see `JSONTextCodable`).
extension Reading: JSONTextCodable {
  public init(json reader: inout JSONPullReader) throws(JSONBail) {
    var kpi: String?
    var day: CalendarDay?
    var value: Double?
    var note: String?
    var confidence: Int?
    var recordedBy: String?
    try reader.object { reader, key throws(JSONBail) in
      switch key {
      case "kpi": kpi = try reader.string()
      case "day": day = try CalendarDay(json: &reader)
      case "value": value = try reader.double()
      case "note": note = try reader.optionalString()
      case "confidence": confidence = try reader.null() ? nil : try reader.int()
      case "recordedBy": recordedBy = try reader.optionalString()
      default: throw JSONBail()
      }
    }
    guard let kpi, let day, let value else { throw JSONBail() }
    self.init(kpi: kpi, day: day, value: value, note: note, confidence: confidence, recordedBy: recordedBy)
  }

  public func write(json writer: inout PrettyJSONWriter) {
    writer.object { writer in
      writer.field("confidence", confidence)
      writer.field("day", day)
      writer.field("kpi", kpi)
      writer.field("note", note)
      writer.field("recordedBy", recordedBy)
      writer.field("value", value)
    }
  }
}

extension CalendarDay: JSONTextCodable {
  public init(json reader: inout JSONPullReader) throws(JSONBail) {
    guard let day = CalendarDay(try reader.string()) else { throw JSONBail() }
    self = day
  }

  public func write(json writer: inout PrettyJSONWriter) {
    writer.string(description)
  }
}

extension Review: JSONTextCodable {
  public init(json reader: inout JSONPullReader) throws(JSONBail) {
    var kind: ReviewKind?
    var day: CalendarDay?
    var offTrack: [String]?
    var variances: [Variance]?
    try reader.object { reader, key throws(JSONBail) in
      switch key {
      case "kind": kind = try reader.rawValue(ReviewKind.self)
      case "day": day = try CalendarDay(json: &reader)
      case "offTrack": offTrack = try reader.strings()
      case "variances": variances = try reader.array(of: Variance.self)
      default: throw JSONBail()
      }
    }
    guard let kind, let day, let offTrack, let variances else { throw JSONBail() }
    self.init(kind: kind, day: day, offTrack: offTrack, variances: variances)
  }

  public func write(json writer: inout PrettyJSONWriter) {
    writer.object { writer in
      writer.field("day", day)
      writer.field("kind", kind.rawValue)
      writer.key("offTrack")
      writer.array(offTrack)
      writer.key("variances")
      writer.array(variances)
    }
  }
}

extension Variance: JSONTextCodable {
  public init(json reader: inout JSONPullReader) throws(JSONBail) {
    var kpi: String?
    var explanation: String?
    var plan: String?
    try reader.object { reader, key throws(JSONBail) in
      switch key {
      case "kpi": kpi = try reader.string()
      case "explanation": explanation = try reader.optionalString()
      case "plan": plan = try reader.optionalString()
      default: throw JSONBail()
      }
    }
    guard let kpi else { throw JSONBail() }
    self.init(kpi: kpi, explanation: explanation, plan: plan)
  }

  public func write(json writer: inout PrettyJSONWriter) {
    writer.object { writer in
      writer.field("explanation", explanation)
      writer.field("kpi", kpi)
      writer.field("plan", plan)
    }
  }
}

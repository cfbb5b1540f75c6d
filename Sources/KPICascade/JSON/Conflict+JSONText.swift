/// Conflicts and their resolutions, in `Codable`'s layout (see `JSONTextCodable`).
extension Conflict: JSONTextCodable {
  public init(json reader: inout JSONPullReader) throws(JSONBail) {
    var first: String?
    var second: String?
    var companyKPI: String?
    var origin: ConflictOrigin?
    var structural: Bool?
    var resolution: Resolution?
    try reader.object { reader, key throws(JSONBail) in
      switch key {
      case "first": first = try reader.string()
      case "second": second = try reader.string()
      case "companyKPI": companyKPI = try reader.string()
      case "origin": origin = try reader.rawValue(ConflictOrigin.self)
      case "structural": structural = try reader.null() ? nil : try reader.bool()
      case "resolution": resolution = try reader.null() ? nil : try Resolution(json: &reader)
      default: throw JSONBail()
      }
    }
    guard let first, let second, let companyKPI, let origin else { throw JSONBail() }
    self.init(
      first: first, second: second, companyKPI: companyKPI, origin: origin, structural: structural,
      resolution: resolution)
  }

  public func write(json writer: inout PrettyJSONWriter) {
    writer.object { writer in
      writer.field("companyKPI", companyKPI)
      writer.field("first", first)
      writer.field("origin", origin.rawValue)
      writer.field("resolution", resolution)
      writer.field("second", second)
      writer.field("structural", structural)
    }
  }
}

extension Resolution: JSONTextCodable {
  public init(json reader: inout JSONPullReader) throws(JSONBail) {
    var kpi: String?
    var oldName: String?
    var newName: String?
    var oldTarget: String?
    var newTarget: String?
    try reader.object { reader, key throws(JSONBail) in
      switch key {
      case "kpi": kpi = try reader.string()
      case "oldName": oldName = try reader.string()
      case "newName": newName = try reader.string()
      case "oldTarget": oldTarget = try reader.optionalString()
      case "newTarget": newTarget = try reader.optionalString()
      default: throw JSONBail()
      }
    }
    guard let kpi, let oldName, let newName else { throw JSONBail() }
    self.init(kpi: kpi, oldName: oldName, newName: newName, oldTarget: oldTarget, newTarget: newTarget)
  }

  public func write(json writer: inout PrettyJSONWriter) {
    writer.object { writer in
      writer.field("kpi", kpi)
      writer.field("newName", newName)
      writer.field("newTarget", newTarget)
      writer.field("oldName", oldName)
      writer.field("oldTarget", oldTarget)
    }
  }
}

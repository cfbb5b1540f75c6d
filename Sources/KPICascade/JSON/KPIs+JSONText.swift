/// KPIs at each level and departments, in `Codable`'s layout (see `JSONTextCodable`).
extension CompanyKPI: JSONTextCodable {
  public init(json reader: inout JSONPullReader) throws(JSONBail) {
    var id: String?
    var name: String?
    var target: String?
    var owner: String?
    var changes: [LockedChange]?
    try reader.object { reader, key throws(JSONBail) in
      switch key {
      case "id": id = try reader.string()
      case "name": name = try reader.string()
      case "target": target = try reader.optionalString()
      case "owner": owner = try reader.optionalString()
      case "changes": changes = try reader.array(of: LockedChange.self)
      default: throw JSONBail()
      }
    }
    guard let id, let name, let changes else { throw JSONBail() }
    self.init(id: id, name: name, target: target, owner: owner, changes: changes)
  }

  public func write(json writer: inout PrettyJSONWriter) {
    writer.object { writer in
      writer.key("changes")
      writer.array(changes)
      writer.field("id", id)
      writer.field("name", name)
      writer.field("owner", owner)
      writer.field("target", target)
    }
  }
}

extension LockedChange: JSONTextCodable {
  public init(json reader: inout JSONPullReader) throws(JSONBail) {
    var what: String?
    var reason: String?
    try reader.object { reader, key throws(JSONBail) in
      switch key {
      case "what": what = try reader.string()
      case "reason": reason = try reader.string()
      default: throw JSONBail()
      }
    }
    guard let what, let reason else { throw JSONBail() }
    self.init(what: what, reason: reason)
  }

  public func write(json writer: inout PrettyJSONWriter) {
    writer.object { writer in
      writer.field("reason", reason)
      writer.field("what", what)
    }
  }
}

extension Department: JSONTextCodable {
  public init(json reader: inout JSONPullReader) throws(JSONBail) {
    var id: String?
    var name: String?
    var head: String?
    var function: DepartmentFunction?
    var kpis: [DepartmentKPI]?
    try reader.object { reader, key throws(JSONBail) in
      switch key {
      case "id": id = try reader.string()
      case "name": name = try reader.string()
      case "head": head = try reader.optionalString()
      case "function": function = try reader.null() ? nil : try reader.rawValue(DepartmentFunction.self)
      case "kpis": kpis = try reader.array(of: DepartmentKPI.self)
      default: throw JSONBail()
      }
    }
    guard let id, let name, let kpis else { throw JSONBail() }
    self.init(id: id, name: name, head: head, function: function, kpis: kpis)
  }

  public func write(json writer: inout PrettyJSONWriter) {
    writer.object { writer in
      writer.field("function", rawValue: function)
      writer.field("head", head)
      writer.field("id", id)
      writer.key("kpis")
      writer.array(kpis)
      writer.field("name", name)
    }
  }
}

extension DepartmentKPI: JSONTextCodable {
  public init(json reader: inout JSONPullReader) throws(JSONBail) {
    var id: String?
    var name: String?
    var companyKPI: String?
    var leadTimeDays: Int?
    var linkSentence: String?
    var target: String?
    var tension: Tension?
    var owner: String?
    var contributors: [String]?
    try reader.object { reader, key throws(JSONBail) in
      switch key {
      case "id": id = try reader.string()
      case "name": name = try reader.string()
      case "companyKPI": companyKPI = try reader.string()
      case "leadTimeDays": leadTimeDays = try reader.null() ? nil : try reader.int()
      case "linkSentence": linkSentence = try reader.optionalString()
      case "target": target = try reader.optionalString()
      case "tension": tension = try reader.null() ? nil : try Tension(json: &reader)
      case "owner": owner = try reader.optionalString()
      case "contributors": contributors = try reader.strings()
      default: throw JSONBail()
      }
    }
    guard let id, let name, let companyKPI, let contributors else { throw JSONBail() }
    self.init(
      id: id, name: name, companyKPI: companyKPI, leadTimeDays: leadTimeDays, linkSentence: linkSentence,
      target: target, tension: tension, owner: owner, contributors: contributors)
  }

  public func write(json writer: inout PrettyJSONWriter) {
    writer.object { writer in
      writer.field("companyKPI", companyKPI)
      writer.key("contributors")
      writer.array(contributors)
      writer.field("id", id)
      writer.field("leadTimeDays", leadTimeDays)
      writer.field("linkSentence", linkSentence)
      writer.field("name", name)
      writer.field("owner", owner)
      writer.field("target", target)
      writer.field("tension", tension)
    }
  }
}

extension Tension: JSONTextCodable {
  public init(json reader: inout JSONPullReader) throws(JSONBail) {
    var tension: Tension?
    try reader.singleKeyObject { reader, key throws(JSONBail) in
      switch key {
      case "none":
        try reader.emptyObject()
        tension = Tension.none
      case "with":
        var kpi: String?
        try reader.object { reader, key throws(JSONBail) in
          guard case "kpi" = key else { throw JSONBail() }
          kpi = try reader.string()
        }
        guard let kpi else { throw JSONBail() }
        tension = .with(kpi: kpi)
      default: throw JSONBail()
      }
    }
    guard let tension else { throw JSONBail() }
    self = tension
  }

  public func write(json writer: inout PrettyJSONWriter) {
    switch self {
    case .none: writer.singleKeyObject("none") { _ in }
    case .with(let kpi): writer.singleKeyObject("with") { writer in writer.field("kpi", kpi) }
    }
  }
}

extension IndividualKPI: JSONTextCodable {
  public init(json reader: inout JSONPullReader) throws(JSONBail) {
    var id: String?
    var name: String?
    var parent: String?
    var role: String?
    var target: String?
    var owner: String?
    try reader.object { reader, key throws(JSONBail) in
      switch key {
      case "id": id = try reader.string()
      case "name": name = try reader.string()
      case "parent": parent = try reader.string()
      case "role": role = try reader.optionalString()
      case "target": target = try reader.optionalString()
      case "owner": owner = try reader.optionalString()
      default: throw JSONBail()
      }
    }
    guard let id, let name, let parent else { throw JSONBail() }
    self.init(id: id, name: name, parent: parent, role: role, target: target, owner: owner)
  }

  public func write(json writer: inout PrettyJSONWriter) {
    writer.object { writer in
      writer.field("id", id)
      writer.field("name", name)
      writer.field("owner", owner)
      writer.field("parent", parent)
      writer.field("role", role)
      writer.field("target", target)
    }
  }
}

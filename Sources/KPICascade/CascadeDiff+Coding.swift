extension CascadeDiff.Change: Codable {
  /// The JSON fields of a change. Flat, so a tool reads `change["kind"]` and `change["new"]`
  /// without unwrapping a case; `sentence` is written for people and ignored when reading.
  private enum Key: String, CodingKey {
    case kind, sentence, kpi, department, companyKPI, conflict, field, finding, old, new
  }

  public func encode(to encoder: any Encoder) throws {
    var fields = encoder.container(keyedBy: Key.self)
    try fields.encode(kind, forKey: .kind)
    try fields.encode(sentence, forKey: .sentence)
    func values<T: Encodable>(_ old: T, _ new: T) throws {
      try fields.encode(old, forKey: .old)
      try fields.encode(new, forKey: .new)
    }
    switch self {
    case .lockChanged(let old, let new):
      try values(old, new)
    case .kpiAdded(let kpi), .kpiRemoved(let kpi):
      try fields.encode(kpi, forKey: .kpi)
    case .kpiRenamed(let kpi, let old, let new):
      try fields.encode(kpi, forKey: .kpi)
      try values(old, new)
    case .retargeted(let kpi, let old, let new), .ownerChanged(let kpi, let old, let new),
      .linkChanged(let kpi, let old, let new), .tensionChanged(let kpi, let old, let new),
      .roleChanged(let kpi, let old, let new):
      try fields.encode(kpi, forKey: .kpi)
      try values(old, new)
    case .relinked(let kpi, let old, let new):
      try fields.encode(kpi, forKey: .kpi)
      try values(old, new)
    case .leadTimeChanged(let kpi, let old, let new):
      try fields.encode(kpi, forKey: .kpi)
      try values(old, new)
    case .contributorsChanged(let kpi, let old, let new):
      try fields.encode(kpi, forKey: .kpi)
      try values(old, new)
    case .departmentAdded(let department), .departmentRemoved(let department):
      try fields.encode(department, forKey: .department)
    case .departmentRenamed(let department, let old, let new):
      try fields.encode(department, forKey: .department)
      try values(old, new)
    case .headChanged(let department, let old, let new), .functionChanged(let department, let old, let new):
      try fields.encode(department, forKey: .department)
      try values(old, new)
    case .contributionChanged(let department, let companyKPI, let old, let new):
      try fields.encode(department, forKey: .department)
      try fields.encode(companyKPI, forKey: .companyKPI)
      try values(old, new)
    case .conflictOpened(let conflict, let old, let new), .conflictResolved(let conflict, let old, let new),
      .conflictChanged(let conflict, let old, let new):
      try fields.encode(conflict, forKey: .conflict)
      try values(old, new)
    case .governanceChanged(let field, let old, let new):
      try fields.encode(field, forKey: .field)
      try values(old, new)
    case .acceptanceChanged(let finding, let old, let new):
      try fields.encode(finding, forKey: .finding)
      try values(old, new)
    case .scoreChanged(let old, let new):
      try values(old, new)
    }
  }

  public init(from decoder: any Decoder) throws {
    let fields = try decoder.container(keyedBy: Key.self)
    func kpi() throws -> CascadeDiff.KPIReference {
      try fields.decode(CascadeDiff.KPIReference.self, forKey: .kpi)
    }
    func department() throws -> CascadeDiff.DepartmentReference {
      try fields.decode(CascadeDiff.DepartmentReference.self, forKey: .department)
    }
    func conflict() throws -> CascadeDiff.ConflictReference {
      try fields.decode(CascadeDiff.ConflictReference.self, forKey: .conflict)
    }
    func old<T: Decodable>(_ type: T.Type) throws -> T { try fields.decode(type, forKey: .old) }
    func new<T: Decodable>(_ type: T.Type) throws -> T { try fields.decode(type, forKey: .new) }
    /// Optional text: `null` and a missing field both read as `nil`.
    func text(_ key: Key) throws -> String? { try fields.decodeIfPresent(String.self, forKey: key) }
    typealias State = CascadeDiff.ConflictState

    let kind = try fields.decode(String.self, forKey: .kind)
    switch kind {
    case "lock-changed": self = .lockChanged(old: try text(.old), new: try text(.new))
    case "kpi-added": self = .kpiAdded(try kpi())
    case "kpi-removed": self = .kpiRemoved(try kpi())
    case "kpi-renamed": self = .kpiRenamed(try kpi(), old: try old(String.self), new: try new(String.self))
    case "retargeted": self = .retargeted(try kpi(), old: try text(.old), new: try text(.new))
    case "owner-changed": self = .ownerChanged(try kpi(), old: try text(.old), new: try text(.new))
    case "link-changed": self = .linkChanged(try kpi(), old: try text(.old), new: try text(.new))
    case "relinked":
      self = .relinked(
        try kpi(), old: try old(CascadeDiff.KPIReference.self), new: try new(CascadeDiff.KPIReference.self))
    case "lead-time-changed":
      self = .leadTimeChanged(
        try kpi(), old: try fields.decodeIfPresent(Int.self, forKey: .old),
        new: try fields.decodeIfPresent(Int.self, forKey: .new))
    case "tension-changed": self = .tensionChanged(try kpi(), old: try text(.old), new: try text(.new))
    case "contributors-changed":
      self = .contributorsChanged(try kpi(), old: try old([String].self), new: try new([String].self))
    case "role-changed": self = .roleChanged(try kpi(), old: try text(.old), new: try text(.new))
    case "department-added": self = .departmentAdded(try department())
    case "department-removed": self = .departmentRemoved(try department())
    case "department-renamed":
      self = .departmentRenamed(try department(), old: try old(String.self), new: try new(String.self))
    case "head-changed": self = .headChanged(try department(), old: try text(.old), new: try text(.new))
    case "function-changed":
      self = .functionChanged(try department(), old: try text(.old), new: try text(.new))
    case "contribution-changed":
      self = .contributionChanged(
        try department(), companyKPI: try fields.decode(CascadeDiff.KPIReference.self, forKey: .companyKPI),
        old: try text(.old), new: try text(.new))
    case "conflict-opened":
      self = .conflictOpened(try conflict(), old: try old(State.self), new: try new(State.self))
    case "conflict-resolved":
      self = .conflictResolved(try conflict(), old: try old(State.self), new: try new(State.self))
    case "conflict-changed":
      self = .conflictChanged(try conflict(), old: try old(State.self), new: try new(State.self))
    case "governance-changed":
      self = .governanceChanged(
        field: try fields.decode(String.self, forKey: .field), old: try text(.old), new: try text(.new))
    case "acceptance-changed":
      self = .acceptanceChanged(
        finding: try fields.decode(String.self, forKey: .finding), old: try text(.old), new: try text(.new))
    case "score-changed":
      self = .scoreChanged(old: try old(CascadeDiff.Score.self), new: try new(CascadeDiff.Score.self))
    default:
      throw DecodingError.dataCorruptedError(
        forKey: .kind, in: fields, debugDescription: "unknown change kind '\(kind)'")
    }
  }
}

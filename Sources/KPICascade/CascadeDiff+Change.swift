extension CascadeDiff {
  /// One difference between two cascades, named in the workshop's words.
  ///
  /// `old` is what the earlier cascade said, `new` what the later one says; `nil` means the
  /// question had no answer yet. Where "not answered" and "answered: nothing" must be told
  /// apart (a contribution, a tension), `""` is the explicit nothing. Encoded flat, with
  /// `kind` as a stable tag (see `kind`); docs/diff.md documents every kind and its fields.
  public enum Change: Equatable, Sendable {
    /// The day the company KPIs were locked (`YYYY-MM-DD`), or `nil` when they are not.
    case lockChanged(old: String?, new: String?)
    case kpiAdded(KPIReference)
    case kpiRemoved(KPIReference)
    case kpiRenamed(KPIReference, old: String, new: String)
    case retargeted(KPIReference, old: String?, new: String?)
    case ownerChanged(KPIReference, old: String?, new: String?)
    /// The one-sentence link of a department KPI.
    case linkChanged(KPIReference, old: String?, new: String?)
    /// A department KPI now moves another company KPI, or a Level 3 KPI drives another
    /// department KPI.
    case relinked(KPIReference, old: KPIReference, new: KPIReference)
    /// A department KPI's lead time in days (0 is lagging).
    case leadTimeChanged(KPIReference, old: Int?, new: Int?)
    /// The department KPI that pushing this one may hurt: its name, `""` for none declared.
    case tensionChanged(KPIReference, old: String?, new: String?)
    /// The other departments contributing to a shared department KPI, by name.
    case contributorsChanged(KPIReference, old: [String], new: [String])
    /// The role or team a Level 3 KPI measures.
    case roleChanged(KPIReference, old: String?, new: String?)
    case departmentAdded(DepartmentReference)
    case departmentRemoved(DepartmentReference)
    case departmentRenamed(DepartmentReference, old: String, new: String)
    case headChanged(DepartmentReference, old: String?, new: String?)
    /// The department's function (`DepartmentFunction`'s raw value).
    case functionChanged(DepartmentReference, old: String?, new: String?)
    /// Step 2's answer for one department and company KPI: `""` when it does nothing for it.
    case contributionChanged(DepartmentReference, companyKPI: KPIReference, old: String?, new: String?)
    /// A conflict open now (not asked yet, or structural and unresolved) that was not before.
    case conflictOpened(ConflictReference, old: ConflictState, new: ConflictState)
    /// A conflict open before that is not now: adjusted, answered "no", or gone with a KPI.
    case conflictResolved(ConflictReference, old: ConflictState, new: ConflictState)
    /// Any other change to a pair on step 4's list (a different adjustment, a new pair the room
    /// already ruled out, an open pair now asked and found structural).
    case conflictChanged(ConflictReference, old: ConflictState, new: ConflictState)
    /// One part of governance; `field` is `velocity`, `operational-review`,
    /// `strategic-review` or a `GovernanceField` raw value.
    case governanceChanged(field: String, old: String?, new: String?)
    /// A finding the room accepted on purpose: the recorded reason, `nil` when not accepted.
    case acceptanceChanged(finding: String, old: String?, new: String?)
    /// The maturity score; present only when the percent differs.
    case scoreChanged(old: Score, new: Score)

    /// The stable tag the JSON carries in `kind`; tools switch on it.
    public var kind: String {
      switch self {
      case .lockChanged: "lock-changed"
      case .kpiAdded: "kpi-added"
      case .kpiRemoved: "kpi-removed"
      case .kpiRenamed: "kpi-renamed"
      case .retargeted: "retargeted"
      case .ownerChanged: "owner-changed"
      case .linkChanged: "link-changed"
      case .relinked: "relinked"
      case .leadTimeChanged: "lead-time-changed"
      case .tensionChanged: "tension-changed"
      case .contributorsChanged: "contributors-changed"
      case .roleChanged: "role-changed"
      case .departmentAdded: "department-added"
      case .departmentRemoved: "department-removed"
      case .departmentRenamed: "department-renamed"
      case .headChanged: "head-changed"
      case .functionChanged: "function-changed"
      case .contributionChanged: "contribution-changed"
      case .conflictOpened: "conflict-opened"
      case .conflictResolved: "conflict-resolved"
      case .conflictChanged: "conflict-changed"
      case .governanceChanged: "governance-changed"
      case .acceptanceChanged: "acceptance-changed"
      case .scoreChanged: "score-changed"
      }
    }

    /// The change as one line a person reads (`Pipeline coverage (Sales): target >= 3x → >= 3.5x`).
    ///
    /// User text is included as typed: a renderer writing to a terminal makes it safe.
    public var sentence: String {
      switch self {
      case .lockChanged(let old, let new):
        "Company KPIs: \(Self.lock(old)) → \(Self.lock(new))"
      case .kpiAdded(let kpi): "Added \(kpi.level.title) \(kpi.label)"
      case .kpiRemoved(let kpi): "Removed \(kpi.level.title) \(kpi.label)"
      case .kpiRenamed(let kpi, let old, let new):
        "Renamed \(kpi.level.title) \(old) → \(new)\(kpi.context)"
      case .retargeted(let kpi, let old, let new):
        "\(kpi.label): target \(Self.shown(old)) → \(Self.shown(new))"
      case .ownerChanged(let kpi, let old, let new):
        "\(kpi.label): owner \(Self.shown(old)) → \(Self.shown(new))"
      case .linkChanged(let kpi, let old, let new):
        "\(kpi.label): link \(Self.quoted(old)) → \(Self.quoted(new))"
      case .relinked(let kpi, let old, let new):
        "\(kpi.label): \(kpi.level == .individual ? "under" : "moves") \(old.name) → \(new.name)"
      case .leadTimeChanged(let kpi, let old, let new):
        "\(kpi.label): lead time \(Self.days(old)) → \(Self.days(new))"
      case .tensionChanged(let kpi, let old, let new):
        "\(kpi.label): tension \(Self.tension(old)) → \(Self.tension(new))"
      case .contributorsChanged(let kpi, let old, let new):
        "\(kpi.label): contributors \(Self.list(old)) → \(Self.list(new))"
      case .roleChanged(let kpi, let old, let new):
        "\(kpi.label): role \(Self.shown(old)) → \(Self.shown(new))"
      case .departmentAdded(let department): "Added department \(department.name)"
      case .departmentRemoved(let department): "Removed department \(department.name)"
      case .departmentRenamed(_, let old, let new): "Renamed department \(old) → \(new)"
      case .headChanged(let department, let old, let new):
        "\(department.name): head \(Self.shown(old)) → \(Self.shown(new))"
      case .functionChanged(let department, let old, let new):
        "\(department.name): function \(Self.shown(old)) → \(Self.shown(new))"
      case .contributionChanged(let department, let companyKPI, let old, let new):
        "\(department.name) for \(companyKPI.name): \(Self.contribution(old)) → \(Self.contribution(new))"
      case .conflictOpened(let conflict, _, let new):
        "Conflict opened: \(conflict.pair) (\(new.status.title))"
      case .conflictResolved(let conflict, _, let new):
        "Conflict resolved: \(conflict.pair) (\(new.title))"
      case .conflictChanged(let conflict, let old, let new):
        "Conflict \(conflict.pair): \(old.title) → \(new.title)"
      case .governanceChanged(let field, let old, let new):
        "Governance: \(field.replacingDashes) \(Self.shown(old)) → \(Self.shown(new))"
      case .acceptanceChanged(let finding, let old, let new):
        "Accepted finding \(finding): \(Self.reason(old)) → \(Self.reason(new))"
      case .scoreChanged(let old, let new):
        "Maturity \(old.percent)% → \(new.percent)%"
          + (old.level == new.level ? "" : " (\(old.level.title) → \(new.level.title))")
      }
    }

    private static func shown(_ value: String?) -> String { value ?? "none" }
    private static func quoted(_ value: String?) -> String { value.map { "\"\($0)\"" } ?? "none" }
    private static func lock(_ day: String?) -> String { day.map { "locked on \($0)" } ?? "not locked" }
    private static func days(_ days: Int?) -> String {
      guard let days else { return "none" }
      return days == 1 ? "1 day" : "\(days) days"
    }
    private static func tension(_ value: String?) -> String {
      switch value {
      case nil: "not asked"
      case ""?: "none"
      case let name?: "with \(name)"
      }
    }
    private static func list(_ names: [String]) -> String {
      names.isEmpty ? "none" : names.joined(separator: ", ")
    }
    private static func contribution(_ value: String?) -> String {
      switch value {
      case nil: "not asked"
      case ""?: "nothing"
      case let text?: "\"\(text)\""
      }
    }
    private static func reason(_ value: String?) -> String { value.map { "\"\($0)\"" } ?? "not accepted" }
  }

  /// A KPI as a change names it: enough to read the change without either cascade.
  public struct KPIReference: Codable, Equatable, Sendable {
    public var level: KPILevel
    public var id: String
    public var name: String
    /// The department the KPI belongs to (Level 2) or sits under (Level 3); `nil` at Level 1.
    public var department: String?
    /// The role or team a Level 3 KPI measures.
    public var role: String?

    public init(level: KPILevel, id: String, name: String, department: String? = nil, role: String? = nil) {
      self.level = level
      self.id = id
      self.name = name
      self.department = department
      self.role = role
    }

    /// `Pipeline coverage (Sales)`, `Revenue growth (company)`, `Calls (Sales, Account executives)`.
    public var label: String { name + context }

    /// The parenthesis after a name that says where the KPI sits.
    var context: String {
      switch level {
      case .company: " (company)"
      case .department, .individual:
        " (" + ([department ?? "no department", role].compactMap { $0 }.joined(separator: ", ")) + ")"
      }
    }
  }

  public struct DepartmentReference: Codable, Equatable, Sendable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
      self.id = id
      self.name = name
    }
  }

  /// A pair on step 4's list, named by its two department KPIs and the company KPI at stake.
  public struct ConflictReference: Codable, Equatable, Sendable {
    public var first: KPIReference
    public var second: KPIReference
    public var companyKPI: KPIReference?

    public init(first: KPIReference, second: KPIReference, companyKPI: KPIReference?) {
      self.first = first
      self.second = second
      self.companyKPI = companyKPI
    }

    var pair: String {
      "\(first.label) vs \(second.label)" + (companyKPI.map { " on \($0.name)" } ?? "")
    }
  }

  /// Where a pair stood on one side of the diff.
  public struct ConflictState: Codable, Equatable, Sendable {
    public var status: ConflictStatus
    /// How it was removed, when `status` is `adjusted`.
    public var resolution: Resolution?

    public init(status: ConflictStatus, resolution: Resolution? = nil) {
      self.status = status
      self.resolution = resolution
    }

    /// The state of `conflict`, or `absent` when the pair is not on the list.
    public init(_ conflict: Conflict?) {
      guard let conflict else {
        self.init(status: .absent)
        return
      }
      switch (conflict.structural, conflict.resolution) {
      case (nil, _): self.init(status: .notAsked)
      case (false?, _): self.init(status: .notStructural)
      case (true?, nil): self.init(status: .structural)
      case (true?, let resolution?): self.init(status: .adjusted, resolution: resolution)
      }
    }

    public var isOpen: Bool { status == .notAsked || status == .structural }

    var title: String {
      guard status == .adjusted, let resolution else { return status.title }
      var text = "adjusted \(resolution.oldName)"
      if resolution.newName != resolution.oldName { text += " → \(resolution.newName)" }
      if resolution.newTarget != resolution.oldTarget {
        text += ", target \(resolution.oldTarget ?? "none") → \(resolution.newTarget ?? "none")"
      }
      return text
    }
  }

  public enum ConflictStatus: String, Codable, CaseIterable, Sendable {
    /// Not on step 4's list (never raised, or gone with one of its KPIs).
    case absent
    case notAsked = "not-asked"
    /// Both can hit target while the company KPI gets worse, and nothing is adjusted yet.
    case structural
    case notStructural = "not-structural"
    /// Structural, removed by adjusting one KPI.
    case adjusted

    var title: String {
      switch self {
      case .absent: "not on the list"
      case .notAsked: "not asked yet"
      case .structural: "structural, unresolved"
      case .notStructural: "not structural"
      case .adjusted: "adjusted"
      }
    }
  }

  /// The maturity score on one side: what `MaturityScore` says, kept small for the report.
  public struct Score: Codable, Equatable, Sendable {
    public var percent: Int
    public var level: MaturityLevel

    public init(percent: Int, level: MaturityLevel) {
      self.percent = percent
      self.level = level
    }

    public init(_ score: MaturityScore) {
      self.init(percent: score.percent, level: score.level)
    }
  }
}

extension String {
  /// `operational-review` → `operational review`, for sentences.
  fileprivate var replacingDashes: String { split(separator: "-").joined(separator: " ") }
}

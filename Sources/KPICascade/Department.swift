/// A department in the room, with its head and its function.
///
/// The function lets rules written for "sales" apply to a department called "Sales floor".
public struct Department: Codable, Equatable, Sendable, Identifiable {
  public var id: String
  public var name: String
  public var head: String? { didSet { headAssessment = Understanding.assessment(head) } }
  public var function: DepartmentFunction?
  /// The department's Level 2 KPIs, in the order the room proposed them.
  public var kpis: [DepartmentKPI]

  public init(
    id: String, name: String, head: String? = nil, function: DepartmentFunction? = nil,
    kpis: [DepartmentKPI] = []
  ) {
    self.id = id
    self.name = name
    self.head = head
    self.function = function
    self.kpis = kpis
    headAssessment = Understanding.assessment(head)
  }

  /// Whether the head is one named person, read once when it was set; `nil` when nobody is
  /// named yet.
  public private(set) var headAssessment: Assessment?

  private enum CodingKeys: String, CodingKey {
    case id, name, head, function, kpis
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      id: try container.decode(String.self, forKey: .id),
      name: try container.decode(String.self, forKey: .name),
      head: try container.decodeIfPresent(String.self, forKey: .head),
      function: try container.decodeIfPresent(DepartmentFunction.self, forKey: .function),
      kpis: try container.decode([DepartmentKPI].self, forKey: .kpis))
  }
}

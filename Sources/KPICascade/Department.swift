/// A department in the room, with its head and its function.
///
/// The function lets rules written for "sales" apply to a department called "Sales floor".
public struct Department: Codable, Equatable, Sendable, Identifiable {
  public var id: String
  public var name: String
  public var head: String?
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
  }
}

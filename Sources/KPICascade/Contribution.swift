/// What a department does that directly moves a company KPI (step 2's line of sight).
public struct Contribution: Codable, Equatable, Sendable {
  public var companyKPI: String
  public var department: String
  /// The room's answer, or `nil` when the department does nothing that moves this KPI.
  public var text: String?

  public init(companyKPI: String, department: String, text: String?) {
    self.companyKPI = companyKPI
    self.department = department
    self.text = text
  }
}

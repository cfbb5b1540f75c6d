import Foundation

/// Who the session is: the workshop's name as the room said it, and the file-safe slug.
public struct SessionInfo: Codable, Equatable, Sendable {
  public var name: String
  public var slug: String
  public var created: Date

  public init(name: String, slug: String, created: Date) {
    self.name = name
    self.slug = slug
    self.created = created
  }
}

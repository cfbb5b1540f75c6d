import Foundation
import Testing

@testable import KPICascade
@testable import Workshop

/// The conflict candidates kept between calls are always the ones worked out afresh, and the
/// first open one is the first the old walk would have asked about.
@Suite("Conflict candidates kept between answers")
struct ConflictCandidatesKeptTests {
  /// The first candidate the room has not settled and whose KPIs are there, by walking them all.
  static func firstOpenByWalking(_ cascade: Cascade) -> Conflict? {
    ConflictCandidates.findAfresh(in: cascade).first {
      ConflictCandidates.isOpen($0) && cascade.departmentKPI($0.first) != nil
        && cascade.departmentKPI($0.second) != nil
    }
  }

  static func expectKeptEqualsAfresh(_ cascade: Cascade, _ context: String) {
    #expect(ConflictCandidates.find(in: cascade) == ConflictCandidates.findAfresh(in: cascade), "\(context)")
    #expect(ConflictCandidates.firstOpen(in: cascade) == firstOpenByWalking(cascade), "\(context)")
  }

  @Test func everyEventOfAWholeWorkshopKeepsThemRight() throws {
    let session = SampleSession.session(.init(departments: 12))
    var cascade = Cascade()
    var earlier: [Cascade] = []
    for exchange in session.exchanges {
      for case .cascade(let event) in exchange.changes {
        try cascade.apply(event)
        Self.expectKeptEqualsAfresh(cascade, "after exchange \(exchange.seq)")
      }
      // An older copy asked between two newer ones is answered for itself, not from the newer.
      if exchange.seq % 40 == 0 { earlier.append(cascade) }
      // Now and then only, so that most answers are laid over what the previous one left.
      if exchange.seq % 7 == 0, let old = earlier.randomElement() {
        Self.expectKeptEqualsAfresh(old, "copy, at \(exchange.seq)")
      }
    }
    #expect(ConflictCandidates.find(in: cascade).count > 10)
    #expect(ConflictCandidates.firstOpen(in: cascade) == nil)
  }

  @Test func aCascadeChangedByHandIsNeverAnsweredFromBefore() throws {
    var cascade = SampleSession.session(.init()).cascade
    Self.expectKeptEqualsAfresh(cascade, "sample")
    let settled = ConflictCandidates.find(in: cascade)
    #expect(ConflictCandidates.firstOpen(in: cascade) == nil)
    // An answer taken back by hand reopens it; a department's KPIs gone by hand drops its pairs.
    let answered = try #require(cascade.conflicts.indices.first)
    cascade.conflicts[answered].structural = nil
    Self.expectKeptEqualsAfresh(cascade, "answer removed")
    #expect(ConflictCandidates.firstOpen(in: cascade)?.key == cascade.conflicts[answered].key)
    cascade.departments[0].kpis.removeAll()
    Self.expectKeptEqualsAfresh(cascade, "KPIs removed")
    #expect(ConflictCandidates.find(in: cascade) != settled)
  }
}

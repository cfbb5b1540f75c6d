import Foundation
import KPICascade

/// A workshop session: its exchanges and what they add up to.
///
/// The cascade and progress are always the fold of the exchanges that were not undone, so a
/// session rebuilt from its transcript or journal is the session that was on screen.
public struct Session: Sendable {
  public let info: SessionInfo
  public private(set) var exchanges: [Exchange]
  public private(set) var cascade: Cascade
  public private(set) var progress: Progress

  /// A new, empty session.
  public init(info: SessionInfo) {
    self.info = info
    self.exchanges = []
    self.cascade = Cascade()
    self.progress = Progress()
  }

  /// Rebuilds a session by replaying exchanges; throws naming the first one that cannot apply.
  public init(info: SessionInfo, exchanges: [Exchange]) throws(ReplayError) {
    self.info = info
    self.exchanges = exchanges
    (cascade, progress) = try Self.replay(exchanges)
  }

  /// The same session under other metadata (an import's free slug): the exchanges and what
  /// they add up to are kept, not replayed a second time.
  init(info: SessionInfo, sameAs session: Session) {
    self.info = info
    self.exchanges = session.exchanges
    self.cascade = session.cascade
    self.progress = session.progress
  }

  /// The next exchange's sequence number.
  public var nextSeq: Int { (exchanges.last?.seq ?? 0) + 1 }

  /// The exchanges that still count, oldest first.
  /// The cascade's events in the order they were applied, undone ones left out.
  public var cascadeEvents: [CascadeEvent] {
    effectiveExchanges.flatMap { exchange in
      exchange.changes.compactMap { change -> CascadeEvent? in
        if case .cascade(let event) = change { return event }
        return nil
      }
    }
  }

  public var effectiveExchanges: [Exchange] {
    let undone = Self.undoneSeqs(exchanges)
    return exchanges.filter { !undone.contains($0.seq) }
  }

  /// Appends an accepted exchange, applying it incrementally (an undo replays everything).
  public mutating func record(_ exchange: Exchange) throws(ReplayError) {
    let index = exchanges.count
    if exchange.undoes {
      var all = exchanges
      all.append(exchange)
      (cascade, progress) = try Self.replay(all)
      exchanges = all
      return
    }
    try Self.check(exchange, index: index, after: exchanges.last?.seq ?? 0, undoable: [])
    var nextProgress = progress
    var cascadeEvents = 0
    for case .cascade in exchange.changes { cascadeEvents += 1 }
    if cascadeEvents <= 1 {
      // One event applies whole or not at all (the reducer's promise), so the cascade is
      // changed in place: a trial copy would copy every array the event touches.
      var nextCascade = Cascade()
      swap(&nextCascade, &cascade)
      defer { swap(&nextCascade, &cascade) }
      try Self.fold(exchange, index: index, into: &nextCascade, &nextProgress)
    } else {
      var nextCascade = cascade
      try Self.fold(exchange, index: index, into: &nextCascade, &nextProgress)
      cascade = nextCascade
    }
    progress = nextProgress
    exchanges.append(exchange)
  }

  /// Adds a change to the last exchange (moving to the next step once an answer completes
  /// one), so the answer and the move are journaled and undone together.
  mutating func amendLast(with change: WorkshopEvent) {
    guard !exchanges.isEmpty else { return }
    exchanges[exchanges.count - 1].changes.append(change)
    progress.apply(change)
  }

  /// The last exchange that changed the cascade and still counts: what `/undo` takes back.
  public var lastUndoable: Exchange? {
    let undone = Self.undoneSeqs(exchanges)
    return exchanges.last { $0.isUndoable && !undone.contains($0.seq) }
  }

  // MARK: - Replay

  static func undoneSeqs(_ exchanges: [Exchange]) -> Set<Int> {
    var undone = Set<Int>()
    for index in exchanges.indices {
      for case .undone(let seq) in exchanges[index].changes { undone.insert(seq) }
    }
    return undone
  }

  static func replay(_ exchanges: [Exchange]) throws(ReplayError) -> (Cascade, Progress) {
    let undone = undoneSeqs(exchanges)
    var cascade = Cascade()
    var progress = Progress()
    var undoable = Set<Int>()
    var previous = 0
    // By index, not `enumerated()`: each exchange is read in place rather than copied (with a
    // retain of every string and list in it) once per step of the loop.
    for index in exchanges.indices {
      try check(exchanges[index], index: index, after: previous, undoable: undoable)
      previous = exchanges[index].seq
      if exchanges[index].isUndoable { undoable.insert(exchanges[index].seq) }
      if undone.contains(exchanges[index].seq) { continue }
      try fold(exchanges[index], index: index, into: &cascade, &progress)
    }
    return (cascade, progress)
  }

  /// What replay requires of an exchange beyond its events applying: sequence numbers 1, 2, 3…, a real step, and undos that name an earlier answer.
  private static func check(
    _ exchange: Exchange, index: Int, after previous: Int, undoable: Set<Int>
  ) throws(ReplayError) {
    guard exchange.seq == index + 1 else {
      throw ReplayError(
        path: "exchanges[\(index)].seq",
        problem: "is \(exchange.seq); exchanges are numbered 1, 2, 3… so it must be \(index + 1)")
    }
    guard WorkshopStep(rawValue: exchange.step) != nil else {
      throw ReplayError(path: "exchanges[\(index)].step", problem: "step \(exchange.step) is not 1–6")
    }
    // The path is spelled out only for a fault, not built for every change of every replay.
    func path(_ offset: Int) -> String { "exchanges[\(index)].changes[\(offset)]" }
    for (offset, change) in exchange.changes.enumerated() {
      switch change {
      case .stepEntered(let step) where WorkshopStep(rawValue: step) == nil:
        throw ReplayError(path: path(offset), problem: "step \(step) is not 1–6")
      case .undone(let seq) where !undoable.contains(seq):
        throw ReplayError(
          path: path(offset), problem: "undoes exchange \(seq), which is not an earlier answer")
      default:
        break
      }
    }
  }

  private static func fold(
    _ exchange: Exchange, index: Int, into cascade: inout Cascade, _ progress: inout Progress
  ) throws(ReplayError) {
    for (offset, change) in exchange.changes.enumerated() {
      switch change {
      case .cascade(let event):
        do {
          try cascade.apply(event)
        } catch {
          throw ReplayError(path: "exchanges[\(index)].changes[\(offset)]", problem: error.description)
        }
        progress.follow(event)
      case .undone:
        break
      default:
        progress.apply(change)
      }
    }
  }
}

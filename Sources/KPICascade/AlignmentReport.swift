/// Every alignment test run on one cascade, with the room's overrides applied: what `/check`
/// shows, what the score counts and what the minutes list as open.
///
/// A finding the facilitator accepted (`.findingAccepted`) stays in `findings` but leaves
/// `open` and `failures`; `overridden` shows it with the recorded reason.
public struct AlignmentReport: Sendable {
  /// Every finding, passes included, in `CheckKind` order.
  public let findings: [Finding]
  /// Accepted finding ids and why.
  private let overrides: [String: String]

  public init(cascade: Cascade) {
    let rank = Dictionary(uniqueKeysWithValues: CheckKind.allCases.enumerated().map { ($1, $0) })
    let all = AlignmentChecks.all.flatMap { $0.findings(in: cascade) }
    // The checks run in `CheckKind` order, so the list is normally in order already; sorting
    // tens of thousands of findings to find that out costs more than looking.
    let ranks = all.map { rank[$0.check]! }
    if zip(ranks, ranks.dropFirst()).allSatisfy({ $0 <= $1 }) {
      findings = all
    } else {
      findings = all.enumerated()
        .sorted { (ranks[$0.offset], $0.offset) < (ranks[$1.offset], $1.offset) }
        .map(\.element)
    }
    overrides = Dictionary(
      cascade.overrides.map { ($0.finding, $0.reason) }, uniquingKeysWith: { _, last in last })
  }

  /// Warnings and failures the room has not accepted: what is still to do.
  public var open: [Finding] {
    findings.filter { $0.verdict != .pass && overrides[$0.id] == nil }
  }

  /// Failures the room has not accepted: while any remain, the cascade does not pass.
  public var failures: [Finding] {
    open.filter { $0.verdict == .fail }
  }

  /// Warnings and failures the room accepted on purpose, with the reason it gave.
  public var overridden: [(finding: Finding, reason: String)] {
    findings.compactMap { finding in
      guard finding.verdict != .pass, let reason = overrides[finding.id] else { return nil }
      return (finding, reason)
    }
  }

  /// Whether no failure is left open.
  public var passes: Bool { failures.isEmpty }

  /// Every finding about one KPI, department, conflict key or `cascade`, in check order.
  public func findings(about subject: String) -> [Finding] {
    findings.filter { $0.subject == subject }
  }
}

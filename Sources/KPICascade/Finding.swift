/// The outcome of one alignment test on one subject: pass, warn or fail.
public enum Verdict: String, Codable, Comparable, CaseIterable, Sendable {
  case pass
  case warn
  case fail

  public static func < (a: Verdict, b: Verdict) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}

/// What one alignment test says about one subject (a KPI, a department, a pair, the whole
/// cascade), with a reason a person can act on.
///
/// `id` is stable across sessions (`lead-time:k4`) so that `/accept` can name it and the
/// override survives later edits.
public struct Finding: Codable, Equatable, Sendable, Identifiable {
  /// `<check>:<subject>`, e.g. `lead-time:k4`, `line-of-sight:d2`, `counts:level-1`.
  public var id: String
  public var check: CheckKind
  public var verdict: Verdict
  /// The id of the KPI, department, conflict key or `cascade` this finding is about.
  public var subject: String
  /// Why, in words a room understands ("lead time 0 days: this KPI moves after the outcome").
  public var reason: String
  /// What to do about it ("replace it with something that moves 30–60 days earlier").
  public var remedy: String?

  public init(
    check: CheckKind, verdict: Verdict, subject: String, reason: String, remedy: String? = nil
  ) {
    self.id = "\(check.rawValue):\(subject)"
    self.check = check
    self.verdict = verdict
    self.subject = subject
    self.reason = reason
    self.remedy = remedy
  }
}

extension Finding {
  /// A finding's words: why, and what to do about it.
  ///
  /// Each check declares its messages once, as static members of `Finding.Message` beside the
  /// check (as swift-format declares its lint messages), so the wording lives in one place and
  /// the tests name a message instead of copying its sentence.
  public struct Message: Equatable, Sendable {
    public var reason: String
    public var remedy: String?

    public init(_ reason: String, remedy: String? = nil) {
      self.reason = reason
      self.remedy = remedy
    }
  }

  public init(check: CheckKind, verdict: Verdict, subject: String, _ message: Message) {
    self.init(
      check: check, verdict: verdict, subject: subject, reason: message.reason, remedy: message.remedy)
  }

  /// The finding's words, to compare with a declared message.
  public var message: Message { Message(reason, remedy: remedy) }
}

/// The alignment tests, in the order `check` reports them.
public enum CheckKind: String, Codable, CaseIterable, Sendable {
  case lock
  case counts
  case lineOfSight = "line-of-sight"
  case link
  case leadTime = "lead-time"
  case target
  case activity
  case conflicts
  case accountability
  case governance
  case missPolicy = "miss-policy"

  /// The test's name as a heading.
  public var title: String {
    switch self {
    case .lock: "Company KPIs locked"
    case .counts: "Counts"
    case .lineOfSight: "Line of sight"
    case .link: "One-sentence link"
    case .leadTime: "Leading indicator"
    case .target: "Outcome, not goal"
    case .activity: "Outcome, not activity"
    case .conflicts: "Conflicts"
    case .accountability: "Accountability"
    case .governance: "Governance"
    case .missPolicy: "Miss policy"
    }
  }
}

/// One alignment test: a pure function from the cascade to its findings.
///
/// Each check lives in its own file and reports every subject it looked at, passes included,
/// so `/check` can show what was tested and the score can count what passed.
public protocol AlignmentCheck: Sendable {
  var kind: CheckKind { get }
  func findings(in cascade: Cascade) -> [Finding]
  /// The findings about one subject, in the order `findings(in:)` gives them. A check that can
  /// judge one KPI without judging all of them says so here: the note after each answer asks
  /// about one KPI, and must not cost a check of the whole cascade.
  func findings(about subject: String, in cascade: Cascade) -> [Finding]
}

extension AlignmentCheck {
  public func findings(about subject: String, in cascade: Cascade) -> [Finding] {
    findings(in: cascade).filter { $0.subject == subject }
  }
}

/// Every alignment test, in the order `check` reports them (`CheckKind`'s order).
///
/// `/check`, the score and the exports all read the same list, so a new test added here shows
/// up everywhere at once.
public enum AlignmentChecks {
  public static let all: [any AlignmentCheck] = [
    LockCheck(),
    CountCheck(),
    LineOfSightCheck(),
    OneSentenceLinkCheck(),
    LeadTimeCheck(),
    TargetCheck(),
    ActivityCheck(),
    ConflictCheck(),
    AccountabilityCheck(),
    GovernanceCheck(),
    MissPolicyCheck(),
  ]
}

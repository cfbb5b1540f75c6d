/// A measurable target, read from what the room said ("first contact resolution ≥ 78%",
/// "revenue +20% YoY", "$1.2M by Q4").
///
/// The *outcome, not goal* test needs to know whether a target carries a number at all, and
/// the minutes and dashboard need one normalised way to show it (`summary`), whoever typed it.
public struct Target: Equatable, Sendable {
  /// Which way the KPI must move relative to `value`.
  public enum Direction: String, Sendable {
    /// Reach or exceed the value (`≥ 78%`, `at least 78%`, a bare `42%`).
    case atLeast
    /// Stay at or under the value (`≤ 3 days`, `no more than 4`, `within 1 day`).
    case atMost
    /// Exceed the value, strictly (`> 3x`, `above 78%`, `more than 40`).
    case above
    /// Stay strictly under the value (`< $2.10`, `under 5%`, `less than 3 days`).
    case below
    /// Hit the value (`= 100%`, `exactly 12`).
    case exactly
    /// Grow by the value (`+20% YoY`, `increase by 10%`).
    case increase
    /// Shrink by the value (`-15% QoQ`, `reduce by 15%`).
    case decrease
  }

  /// What the number counts.
  public enum Unit: Equatable, Sendable {
    case percent
    /// Money, keeping the symbol the room used (`$`, `€`, `£`) or a code (`CHF`).
    case currency(String)
    case days
    case hours
    /// A ratio such as pipeline coverage (`3.5x`).
    case multiple
    /// Score or percentage points (`+5 points`).
    case points
    /// Any other noun the room used, kept as typed (`40 qualified leads`, `1.8 items`,
    /// `4.5 out of 5`, `6 weeks`, `2 business days`).
    case custom(String)
  }

  public var direction: Direction
  /// The size of the target; for `increase`/`decrease` the size of the change, never negative.
  public var value: Double
  public var unit: Unit?
  /// Over what the value is measured or compared: `YoY`, `QoQ`, `MoM`, `WoW`, `per month`.
  public var period: String?
  /// When it must be reached, as the room said it: `Q4`, `2027-06-30`, `end of year`, or a time
  /// limit that qualifies the value (`within 6 weeks` in "80% of aged stock within 6 weeks").
  public var deadline: String?

  public init(
    direction: Direction, value: Double, unit: Unit? = nil, period: String? = nil,
    deadline: String? = nil
  ) {
    self.direction = direction
    self.value = value
    self.unit = unit
    self.period = period
    self.deadline = deadline
  }

  /// Reads a target from free text; `nil` when there is no measurable number in it
  /// ("increase customer satisfaction", "be the best"), which is what makes a goal a goal.
  ///
  /// A bare number means "reach that level" (`atLeast`), except for durations (days, hours),
  /// where a bare number is a limit (`atMost`): "3 days" to resolve means three days or fewer.
  /// `>`, `<`, "above", "below", "over", "under", "more than", "less than" stay strict.
  /// A "within 6 weeks" after another number is a deadline, not the value.
  public static func parse(_ text: String) -> Target? {
    TargetReading(text).target
  }

  /// For text `parse` refuses only because a number in it would be left unread (`=1+2` would
  /// read `= 1`, dropping `+2`): the target it would have read, and the number left over. A
  /// target is never read by cutting what was typed; the room is asked to say it again.
  public static func cutReading(of text: String) -> (reading: Target, unread: String)? {
    TargetReading(text).cut
  }

  /// The target in one normalised form (`≥ 78%`, `+20% YoY`, `< $2.10`, `≥ $1.2M by Q4`,
  /// `≥ 80% within 6 weeks`): the same target always reads the same, whoever typed it and
  /// however, and never claims more than the typed words said.
  public var summary: String {
    var text: String
    switch direction {
    case .atLeast: text = "≥ "
    case .atMost: text = "≤ "
    case .above: text = "> "
    case .below: text = "< "
    case .exactly: text = "= "
    case .increase: text = "+"
    case .decrease: text = "-"
    }
    text += TargetNumber.show(value, unit: unit)
    if let period { text += " " + period }
    if let deadline {
      text += deadline.lowercased().hasPrefix("within ") ? " " + deadline : " by " + deadline
    }
    return text
  }
}

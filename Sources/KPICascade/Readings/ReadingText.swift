/// Writes a reading's value the way its target is written (`23.4%`, `$58.02`, `3 days`, `2.4x`),
/// so a dashboard row reads "17.2% against ≥ 20%" rather than "17.2046 against ≥ 20%".
///
/// Shares `TargetNumber`'s rules (grouped thousands, compact money only when exact). Against a
/// target, a value is shown to one decimal more than the target is written with (money to the
/// cent below $100-size targets, to the unit above), because a spreadsheet's 17.204638 is false
/// precision on a dashboard; but never rounded across the target: if rounding would change the
/// reading's status (a $2.104 shown as $2.10 against `< $2.10`), more decimals are kept.
public enum ReadingText {
  /// The value with the target's unit; as recorded (up to four decimals) without a target.
  ///
  /// For a change target (`+20% YoY`, `-15% QoQ`) a reading is the change itself, so a rise
  /// carries its `+` (`+23%`), as the target does.
  public static func value(_ value: Double, target: Target?) -> String {
    guard let target else { return Self.value(value, unit: nil) }
    let shown = rounded(value, for: target)
    let text = Self.value(shown, unit: target.unit)
    switch target.direction {
    case .increase, .decrease:
      return shown > 0 && TargetNumber.decimal(shown) != "0" ? "+" + text : text
    default:
      return text
    }
  }

  /// The value with a unit, as a target would show it (up to four decimals).
  public static func value(_ value: Double, unit: Target.Unit?) -> String {
    TargetNumber.show(value, unit: unit)
  }

  /// The value to the fewest decimals the target suggests that still gives its status.
  static func rounded(_ value: Double, for target: Target) -> Double {
    let threshold = Threshold(target)
    let status = KPIStatus.of(value, against: threshold)
    for places in decimals(for: target)...4 {
      var scale = 1.0
      for _ in 0..<places { scale *= 10 }
      let candidate = (value * scale).rounded() / scale
      if KPIStatus.of(candidate, against: threshold) == status { return candidate }
    }
    return value
  }

  /// How many decimals a reading against this target starts from.
  private static func decimals(for target: Target) -> Int {
    let written = TargetNumber.decimal(target.value)
    let places = written.firstIndex(of: ".").map { written.distance(from: $0, to: written.endIndex) - 1 } ?? 0
    if case .currency? = target.unit {
      return places > 0 || target.value < 100 ? 2 : 0
    }
    return min(places + 1, 4)
  }
}

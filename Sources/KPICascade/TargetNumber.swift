import Foundation

/// Writes a target's value and unit the same way every time ("78%", "$1.2M", "3 days",
/// "$2.10", "1,200"), so summaries can be compared, diffed and shown on the projector.
enum TargetNumber {
  static func show(_ value: Double, unit: Target.Unit?) -> String {
    switch unit {
    case nil: decimal(value)
    case .percent?: decimal(value) + "%"
    case .currency(let symbol)?: money(value, symbol: symbol)
    case .days?: decimal(value) + (value == 1 ? " day" : " days")
    case .hours?: decimal(value) + (value == 1 ? " hour" : " hours")
    case .multiple?: decimal(value) + "x"
    case .points?: decimal(value) + (value == 1 ? " point" : " points")
    case .custom(let noun)?: decimal(value) + " " + noun
    }
  }

  /// `$1.2M`, `€500k`, `£950`, `$2.10`: compact when the compact form is exact to two decimals;
  /// otherwise in full, with cents as two digits when there are any.
  private static func money(_ value: Double, symbol: String) -> String {
    let sign = value < 0 ? "-" : ""
    let size = abs(value)
    let prefix = symbol.count == 1 ? sign + symbol : sign
    let suffix = symbol.count == 1 ? "" : " " + symbol
    for (scale, letter) in [(1e9, "B"), (1e6, "M"), (1e3, "k")] where size >= scale {
      let scaled = size / scale
      if abs(scaled * 100 - (scaled * 100).rounded()) < 1e-6 {
        return prefix + decimal(scaled) + letter + suffix
      }
    }
    return prefix + cents(decimal(size)) + suffix
  }

  /// `2.1` → `2.10`: money with cents shows two digits of them.
  private static func cents(_ amount: String) -> String {
    guard let dot = amount.firstIndex(of: ".") else { return amount }
    let digits = amount.distance(from: dot, to: amount.endIndex) - 1
    return digits == 1 ? amount + "0" : amount
  }

  /// Up to four decimals, no trailing zeros, thousands grouped with commas.
  ///
  /// A number too large to count in ten-thousandths (a typed "999999999999999") is shown whole,
  /// in every digit: an exponent ("1e+19") would read back as a different target.
  static func decimal(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    let scaled = (abs(value) * 10_000).rounded()
    guard scaled < 0x1p63 else {
      return (value < 0 ? "-" : "") + grouped(String(format: "%.0f", abs(value)))
    }
    let tenThousandths = Int64(scaled)
    let whole = tenThousandths / 10_000
    let fraction = tenThousandths % 10_000
    var text = grouped(String(whole))
    if fraction != 0 {
      var digits = String(fraction)
      digits = String(repeating: "0", count: 4 - digits.count) + digits
      while digits.hasSuffix("0") { digits.removeLast() }
      text += "." + digits
    }
    return (value < 0 && tenThousandths != 0 ? "-" : "") + text
  }

  private static func grouped(_ whole: String) -> String {
    let digits = Array(whole)
    var text = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
      text.append(digit)
    }
    return text
  }
}

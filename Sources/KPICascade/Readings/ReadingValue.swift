import Foundation

/// Reads a reading's value as a spreadsheet or a person writes it (`23%`, `$58`, `2.4`,
/// `1,200`, `$1.2M`, `-3%`, `4 days`, `3.5x`) and checks its unit against the KPI's target.
///
/// Hand-written rather than pattern-based: a year of weekly readings for a large company is
/// hundreds of thousands of values, and each must cost next to nothing.
public enum ReadingValue {
  /// Why a value was refused, in words a person can act on.
  public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
    case notANumber(String)
    /// The value's unit is not the target's: (value as typed, its unit, the target's unit).
    case unitMismatch(value: String, unit: String, expected: String)

    public var description: String {
      switch self {
      case .notANumber(let text):
        text.isEmpty ? "no value" : "'\(text)' is not a number"
      case .unitMismatch(let value, let unit, let expected):
        "'\(value)' is \(unit), but the target is \(expected)"
      }
    }
  }

  /// The number in the target's unit (`23%` → 23), or why not.
  ///
  /// A bare number is taken in the target's unit; a number with a unit must carry the
  /// target's. With no parsed target any unit is accepted.
  public static func parse(_ typed: some StringProtocol, target: Target?) -> Result<Double, Problem> {
    let text = typed.trimmingCharacters(in: .whitespaces)
    guard let (value, unit) = read(text) else { return .failure(.notANumber(text)) }
    guard let unit, let target else { return .success(value) }
    guard let expected = target.unit else {
      return .failure(.unitMismatch(value: text, unit: describe(unit), expected: "a plain number"))
    }
    guard matches(unit, expected) else {
      return .failure(.unitMismatch(value: text, unit: describe(unit), expected: describe(expected)))
    }
    return .success(value)
  }

  /// The number and the unit written with it, `nil` when there is no number.
  static func read(_ text: String) -> (Double, Target.Unit?)? {
    var scalars = Substring(text).unicodeScalars[...]
    func skipSpaces() {
      while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
    }
    var negative = false
    var symbol: String?
    if let first = scalars.first, first == "-" || first == "−" || first == "+" {
      negative = first != "+"
      scalars.removeFirst()
    }
    if let first = scalars.first, "$€£¥".unicodeScalars.contains(first) {
      symbol = String(first)
      scalars.removeFirst()
      if !negative, let sign = scalars.first, sign == "-" || sign == "−" {
        negative = true
        scalars.removeFirst()
      }
    }
    var digits = ""
    var sawDigit = false
    var sawPoint = false
    while let first = scalars.first {
      if first.properties.numericType != nil, first.isASCII {
        digits.unicodeScalars.append(first)
        sawDigit = true
      } else if first == "." && !sawPoint {
        digits.append(".")
        sawPoint = true
      } else if first == "," && sawDigit && !sawPoint {
        // A thousands separator: three digits follow it. "2,4" is someone's 2.4 (a decimal
        // comma) and reading it as 24 would be silently wrong, so it is not a number.
        let group = scalars.dropFirst().prefix(4)
        guard group.count >= 3, group.prefix(3).allSatisfy(Self.isDigit),
          group.count == 3 || !Self.isDigit(group[group.index(group.startIndex, offsetBy: 3)])
        else { return nil }
      } else {
        break
      }
      scalars.removeFirst()
    }
    guard sawDigit, var value = Double(digits) else { return nil }
    var rest = String(String.UnicodeScalarView(scalars)).trimmingCharacters(in: .whitespaces)
    let magnitudes: [(String, Double)] = [
      ("bn", 1e9), ("b", 1e9), ("m", 1e6), ("k", 1e3), ("thousand", 1e3), ("million", 1e6),
      ("billion", 1e9),
    ]
    for (word, scale) in magnitudes {
      let lower = rest.lowercased()
      let fromUnitEnd = lower.dropFirst(word.count)
      if lower.hasPrefix(word), fromUnitEnd.first.map({ !$0.isLetter }) ?? true {
        value *= scale
        rest = String(rest.dropFirst(word.count)).trimmingCharacters(in: .whitespaces)
        break
      }
    }
    if negative { value = -value }
    guard value.isFinite else { return nil }
    if let symbol {
      return rest.isEmpty ? (value, .currency(symbol)) : nil
    }
    if rest.isEmpty { return (value, nil) }
    return unit(named: rest).map { (value, $0) }
  }

  /// A unit written after a number, named as the target parser names it (`15 min` is in
  /// `minutes`, `4.2/5` is `out of 5`); `nil` for what cannot be a unit (`12abc!`).
  private static func unit(named text: String) -> Target.Unit? {
    let lower = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    switch lower {
    case "%", "percent", "per cent", "pct": return .percent
    case "x", "×", "times": return .multiple
    case "d", "day", "days", "calendar day", "calendar days": return .days
    case "h", "hr", "hrs", "hour", "hours": return .hours
    case "pt", "pts", "point", "points", "pp", "p.p.", "ppt", "ppts", "percentage point", "percentage points":
      return .points
    case "min", "mins", "minute", "minutes": return .custom("minutes")
    case "s", "sec", "secs", "second", "seconds": return .custom("seconds")
    case "wk", "wks", "week", "weeks": return .custom("weeks")
    default: break
    }
    for prefix in ["out of ", "/ ", "/"] where lower.hasPrefix(prefix) {
      let scale = lower.dropFirst(prefix.count)
      guard !scale.isEmpty, scale.unicodeScalars.allSatisfy({ isDigit($0) || $0 == "." }),
        Double(scale) != nil
      else { return nil }
      return .custom("out of \(scale)")
    }
    if let code = TargetReading.currencyCodes[lower] { return .currency(code) }
    guard lower.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == " " || $0 == "-" }) else {
      return nil
    }
    return .custom(lower)
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar >= "0" && scalar <= "9"
  }

  private static func matches(_ unit: Target.Unit, _ expected: Target.Unit) -> Bool {
    switch (unit, expected) {
    case (.currency(let a), .currency(let b)): return a.lowercased() == b.lowercased()
    case (.custom(let a), .custom(let b)):
      // "40 leads" against "qualified leads": the typed noun is one of the target's words.
      let words = b.lowercased().split(separator: " ").map { singular(String($0)) }
      return words.contains(singular(a.lowercased())) || singular(a.lowercased()) == singular(b.lowercased())
    default: return unit == expected
    }
  }

  private static func singular(_ word: String) -> String {
    word.count > 3 && word.hasSuffix("s") ? String(word.dropLast()) : word
  }

  /// How a unit reads in a sentence ("a percentage", "money in $").
  private static func describe(_ unit: Target.Unit) -> String {
    switch unit {
    case .percent: "a percentage"
    case .currency(let symbol): "money in \(symbol)"
    case .days: "a number of days"
    case .hours: "a number of hours"
    case .multiple: "a multiple (x)"
    case .points: "points"
    case .custom(let noun): "counted in '\(noun)'"
    }
  }
}

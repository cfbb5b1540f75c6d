import KPICascade

/// A KPI's recent readings as a small inline SVG for the executive page: the values as a line,
/// the target's level as a dashed line on the same scale, and a dot on every off-track reading.
///
/// Time runs left to right by day up to the dashboard's day, so a KPI nobody has measured lately
/// visibly stops short of the right edge, and gaps between readings show as gaps. The vertical
/// scale spans the readings and the target's level, so the dashed line is always in view and a
/// reading below it is below it on the page. Presentation is in attributes rather than the
/// page's style sheet, so a trend copied out of the page still draws the same. The picture is
/// decoration for the sighted; `label` says the same in words for everyone else.
struct Sparkline {
  /// How many readings a sparkline shows: half a year of weekly readings, much more than the
  /// `Trend.window` the heading is judged on, so the room sees where the run started.
  static let count = 26
  static let width = 150.0
  static let height = 30.0
  /// Room around the plot so the dots at the edges are not clipped.
  static let inset = 3.5

  /// The readings drawn, oldest first.
  let readings: [Reading]
  let threshold: Threshold?
  /// The right edge: the dashboard's day (or the last reading's, if that were later).
  let end: CalendarDay
  /// The lowest and highest value the vertical scale shows.
  let low: Double
  let high: Double

  /// The last `count` readings through `asOf`; `nil` when there are none.
  init?(readings all: some Collection<Reading>, threshold: Threshold?, asOf: CalendarDay) {
    let shown = Array(all.suffix(Self.count))
    guard let last = shown.last else { return nil }
    readings = shown
    self.threshold = threshold
    end = max(asOf, last.day)
    var values = shown.map(\.value)
    if let threshold { values.append(threshold.level) }
    var low = values.min() ?? 0
    var high = values.max() ?? 0
    if high - low <= 1e-9 * max(abs(high), 1) {
      // One level only: centre it rather than divide by zero.
      let pad = max(abs(high), 1) / 10
      low -= pad
      high += pad
    }
    self.low = low
    self.high = high
  }

  /// The horizontal position of a day: the first reading on the left, `end` on the right.
  func x(_ day: CalendarDay) -> Double {
    let first = readings[0].day
    let span = first.days(to: end)
    guard span > 0 else { return Self.width - Self.inset }
    return Self.inset + Double(first.days(to: day)) / Double(span) * (Self.width - 2 * Self.inset)
  }

  /// The vertical position of a value: `high` at the top, `low` at the bottom.
  func y(_ value: Double) -> Double {
    Self.inset + (high - value) / (high - low) * (Self.height - 2 * Self.inset)
  }

  /// The readings that were off track against the threshold, oldest first.
  var offTrack: [Reading] {
    guard let threshold else { return [] }
    return readings.filter { KPIStatus.of($0.value, against: threshold) == .offTrack }
  }

  /// The `<svg>` element; `label` must already be escaped for an attribute and for text.
  func svg(label: String) -> String {
    var parts = [
      "<svg class=\"trend\" viewBox=\"0 0 \(Self.number(Self.width)) \(Self.number(Self.height))\" "
        + "width=\"\(Self.number(Self.width))\" height=\"\(Self.number(Self.height))\" role=\"img\" "
        + "aria-label=\"\(label)\">",
      "<title>\(label)</title>",
    ]
    if let threshold {
      let level = Self.number(y(threshold.level))
      parts.append(
        "<line class=\"threshold\" x1=\"0\" y1=\"\(level)\" x2=\"\(Self.number(Self.width))\" y2=\"\(level)\" "
          + "stroke=\"#0072b2\" stroke-width=\"1\" stroke-dasharray=\"4 3\"/>")
    }
    let points = readings.map { "\(Self.number(x($0.day))),\(Self.number(y($0.value)))" }
    parts.append(
      "<polyline class=\"series\" points=\"\(points.joined(separator: " "))\" fill=\"none\" "
        + "stroke=\"#333333\" stroke-width=\"1.5\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>")
    let off = offTrack
    for reading in off {
      parts.append(
        "<circle class=\"off\" cx=\"\(Self.number(x(reading.day)))\" cy=\"\(Self.number(y(reading.value)))\" "
          + "r=\"2.6\" fill=\"#d55e00\" stroke=\"#ffffff\" stroke-width=\"0.6\"/>")
    }
    if let last = readings.last, off.last?.day != last.day {
      parts.append(
        "<circle class=\"last\" cx=\"\(Self.number(x(last.day)))\" cy=\"\(Self.number(y(last.value)))\" "
          + "r=\"2\" fill=\"#333333\"/>")
    }
    return parts.joined() + "</svg>"
  }

  /// A coordinate to a tenth, without a trailing `.0` or a `-0`: short and the same every run.
  static func number(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    let whole = abs(tenths) / 10
    let fraction = abs(tenths) % 10
    let sign = tenths < 0 ? "-" : ""
    return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
  }
}

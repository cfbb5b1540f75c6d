import Foundation
import KPICascade
import Workshop

/// "Now" for one run: the real time, or the instant in `KPI_ALIGN_NOW` for a reproducible run.
///
/// `KPI_ALIGN_NOW=2027-07-19T09:00:00Z` (RFC 3339, `Z` or an offset) is read once, when the run
/// starts, and every "now" of that run is that instant: the time stamped on each exchange, the
/// lock day and the dates the questions propose, the day `/record`, readings files and the
/// dashboard count as today. The clock does not advance: every exchange of the run carries the
/// same instant. This is what keeps the expected outputs (`Tests/EndToEndTests/Expected/`) the
/// same from one day to the next; an empty value is the same as none. The library never reads
/// the time itself: it is given dates by its caller, which is this type.
struct Clock: Sendable {
  /// The fixed instant, or `nil` for the real time.
  let fixed: Date?

  static let variable = "KPI_ALIGN_NOW"

  /// A value that is not an instant is refused (exit 2) rather than quietly replaced by the real
  /// time: a run meant to be reproducible must not silently be today's.
  init(environment: [String: String]) throws(ExitError) {
    guard let value = environment[Self.variable], !value.isEmpty else {
      fixed = nil
      return
    }
    guard let date = ISO8601DateFormatter().date(from: value) else {
      throw ExitError(
        .usage,
        "\(Self.variable) takes an instant such as 2027-07-19T09:00:00Z, not '\(DisplayText.safe(value))'.")
    }
    fixed = date
  }

  var now: Date { fixed ?? Date() }

  /// The UTC calendar day of `now`.
  var today: CalendarDay { CalendarDay.of(now) }
}

import Foundation
import Testing

@testable import Exports
@testable import KPICascade

/// The ICS export read back by Python's `icalendar` (with `dateutil` expanding the rules), so
/// calendars that follow RFC 5545 can read what we write.
@Suite(PythonConsumer.iCalendar.condition) struct ReviewCalendarConsumerTests {
  static let consumer = PythonConsumer.iCalendar

  /// Prints the calendar as JSON: properties unescaped by `icalendar`, each rule as a dict and
  /// its first occurrences, and the physical lines' facts. Exits non-zero when `icalendar`
  /// rejects the file or records an error in any component (it is lenient by default).
  static let script = #"""
    import sys, json, datetime
    from icalendar import Calendar
    from dateutil.rrule import rrulestr
    def _utf8(line):
        try:
            line.decode('utf-8')
            return True
        except UnicodeDecodeError:
            return False
    raw = open(sys.argv[1], 'rb').read()
    calendar = Calendar.from_ical(raw)
    errors = [f"{c.name}: {e}" for c in calendar.walk() for e in c.errors]
    if errors:
        sys.exit("component errors: " + "; ".join(map(str, errors)))
    events = []
    for event in calendar.walk('VEVENT'):
        start = event.decoded('DTSTART')
        rule = event.get('RRULE')
        occurrences = []
        if rule is not None:
            expanded = rrulestr(rule.to_ical().decode(), dtstart=datetime.datetime.combine(start, datetime.time()))
            occurrences = [d.date().isoformat() for d in expanded[:4]]
        events.append({
            'uid': str(event['UID']),
            'summary': str(event['SUMMARY']),
            'description': str(event['DESCRIPTION']),
            'start': start.isoformat(),
            'allDay': type(start) is datetime.date,
            'end': event.decoded('DTEND').isoformat(),
            'stamp': event.decoded('DTSTAMP').isoformat(),
            'rule': {k: [str(v) for v in vs] for k, vs in rule.items()} if rule is not None else {},
            'occurrences': occurrences,
        })
    physical = raw.split(b'\r\n')
    print(json.dumps({
        'version': str(calendar['VERSION']),
        'prodid': str(calendar['PRODID']),
        'calscale': str(calendar.get('CALSCALE')),
        'events': events,
        'longestLine': max(len(line) for line in physical),
        'crlfOnly': raw.endswith(b'\r\n') and all(b'\r' not in l and b'\n' not in l for l in physical),
        'linesAreUTF8': all(_utf8(l) for l in physical),
    }))
    """#

  struct Report: Decodable {
    var version: String
    var prodid: String
    var calscale: String
    var events: [Event]
    var longestLine: Int
    var crlfOnly: Bool
    var linesAreUTF8: Bool

    func event(_ kind: String) throws -> Event {
      try #require(events.first { $0.uid.hasPrefix(kind + ".") }, "no \(kind) event")
    }
  }

  struct Event: Decodable {
    var uid: String
    var summary: String
    var description: String
    var start: String
    var allDay: Bool
    var end: String
    var stamp: String
    var rule: [String: [String]]
    var occurrences: [String]
  }

  static func calendar(_ cascade: Cascade, startDay: String? = HostileWorkshop.startDay) -> String {
    ReviewCalendar.render(
      workshop: HostileWorkshop.name, cascade: cascade, options: ExportOptions(startDay: startDay))
  }

  static func report(_ ics: String) throws -> Report {
    try consumer.report(Report.self, of: ics, with: script)
  }

  @Test func parsesWithTheFourReviews() throws {
    guard Self.consumer.ready() else { return }
    let report = try Self.report(Self.calendar(try HostileWorkshop.cascade()))
    #expect(report.version == "2.0")
    #expect(report.calscale == "GREGORIAN")
    #expect(!report.prodid.isEmpty)
    #expect(
      report.events.map { $0.uid.prefix { $0 != "." } } == [
        "operational-review", "strategic-review", "alignment-review", "annual-realignment",
      ])
    #expect(report.events.allSatisfy { $0.uid.hasSuffix("@kpi-align") })
    #expect(report.events.allSatisfy { $0.summary.hasSuffix(": " + HostileWorkshop.name) })
    #expect(report.events.allSatisfy { $0.stamp == "2026-01-15T00:00:00+00:00" })
  }

  /// Every name comes back exactly once `icalendar` has unescaped it, each review lists the
  /// levels it looks at, and each names its owner and the dispute resolver.
  @Test func namesComeBackExactly() throws {
    guard Self.consumer.ready() else { return }
    let report = try Self.report(Self.calendar(try HostileWorkshop.cascade()))
    let levels: [(String, [String])] = [
      ("operational-review", HostileWorkshop.departmentKPIs + HostileWorkshop.individualKPIs),
      ("strategic-review", HostileWorkshop.companyKPIs + HostileWorkshop.departmentKPIs),
      (
        "alignment-review",
        HostileWorkshop.companyKPIs + HostileWorkshop.departmentKPIs + HostileWorkshop.individualKPIs
      ),
      (
        "annual-realignment",
        HostileWorkshop.companyKPIs + HostileWorkshop.departmentKPIs + HostileWorkshop.individualKPIs
      ),
    ]
    for (kind, names) in levels {
      let description = try report.event(kind).description
      for name in names {
        #expect(description.contains(name), "\(kind) lacks \(name.debugDescription)")
      }
      #expect(description.contains("Owner: Dana Ruiz (alignment process owner)"), "\(kind)")
      #expect(description.contains("Dispute resolver: \(HostileWorkshop.unicode)"), "\(kind)")
    }
    // Operational reviews do not list company KPIs (only which one each KPI moves); strategic
    // ones do not list Level 3.
    #expect(try !report.event("operational-review").description.contains("; executive "))
    #expect(try !report.event("strategic-review").description.contains("Calls made; emails, sent"))
    #expect(try report.event("alignment-review").description.contains(HostileWorkshop.separators))
    // Owners and targets at every level, hostile ones included.
    let alignment = try report.event("alignment-review").description
    for text in [HostileWorkshop.quoted, HostileWorkshop.formula, "(\(HostileWorkshop.separators))"] {
      #expect(alignment.contains(text), "\(text.debugDescription)")
    }
  }

  @Test func rulesAndDaysFollowTheGovernance() throws {
    guard Self.consumer.ready() else { return }
    let report = try Self.report(Self.calendar(try HostileWorkshop.cascade()))
    let operational = try report.event("operational-review")
    #expect(operational.rule == ["FREQ": ["WEEKLY"]])
    #expect(operational.occurrences == ["2026-02-02", "2026-02-09", "2026-02-16", "2026-02-23"])
    let strategic = try report.event("strategic-review")
    #expect(strategic.rule == ["FREQ": ["MONTHLY"]])
    #expect(strategic.occurrences == ["2026-02-02", "2026-03-02", "2026-04-02", "2026-05-02"])
    // From the 31st, quarterly reviews fall on the month's last day instead of being skipped.
    let alignment = try report.event("alignment-review")
    #expect(alignment.rule["FREQ"] == ["MONTHLY"] && alignment.rule["INTERVAL"] == ["3"])
    #expect(alignment.occurrences == ["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31"])
    let annual = try report.event("annual-realignment")
    #expect(annual.rule == ["FREQ": ["YEARLY"]])
    #expect(annual.occurrences == ["2027-01-15", "2028-01-15", "2029-01-15", "2030-01-15"])
    for event in report.events {
      #expect(event.allDay, "\(event.uid)")
      #expect(event.start == event.occurrences.first, "\(event.uid)")
    }
    #expect(operational.end == "2026-02-03")
    #expect(alignment.end == "2026-04-01")
  }

  /// Each cadence's rule, read back by `icalendar` and expanded by `dateutil`.
  @Test(arguments: [
    (ReviewCadence.weekly, "2026-02-02", ["FREQ": ["WEEKLY"]], ["2026-02-02", "2026-02-09", "2026-02-16"]),
    (
      .biweekly, "2026-02-02", ["FREQ": ["WEEKLY"], "INTERVAL": ["2"]],
      ["2026-02-02", "2026-02-16", "2026-03-02"]
    ),
    (.monthly, "2026-02-10", ["FREQ": ["MONTHLY"]], ["2026-02-10", "2026-03-10", "2026-04-10"]),
    (
      .quarterly, "2026-01-15", ["FREQ": ["MONTHLY"], "INTERVAL": ["3"]],
      ["2026-01-15", "2026-04-15", "2026-07-15"]
    ),
    (
      .monthly, "2026-01-31",
      ["FREQ": ["MONTHLY"], "BYMONTHDAY": ["28", "29", "30", "31"], "BYSETPOS": ["-1"]],
      ["2026-01-31", "2026-02-28", "2026-03-31"]
    ),
    (
      .monthly, "2028-01-30", ["FREQ": ["MONTHLY"], "BYMONTHDAY": ["28", "29", "30"], "BYSETPOS": ["-1"]],
      ["2028-01-30", "2028-02-29", "2028-03-30"]
    ),
  ])
  func cadenceRule(_ cadence: ReviewCadence, _ start: String, _ rule: [String: [String]], _ days: [String])
    throws
  {
    guard Self.consumer.ready() else { return }
    let cascade = try Cascade(events: [.operationalReviewSet(cadence: cadence)])
    let event = try Self.report(Self.calendar(cascade, startDay: start)).event("operational-review")
    #expect(event.rule == rule)
    #expect(Array(event.occurrences.prefix(3)) == days)
  }

  /// A realignment on 29 February comes back every year, on the 28th in common years.
  @Test func realignmentOnTheLeapDayRecursEveryYear() throws {
    guard Self.consumer.ready() else { return }
    let cascade = try Cascade(events: [.governanceSet(field: .annualRealignment, value: "2028-02-29")])
    let event = try Self.report(Self.calendar(cascade)).event("annual-realignment")
    #expect(event.occurrences == ["2028-02-29", "2029-02-28", "2030-02-28", "2031-02-28"])
  }

  @Test func physicalLinesAreShortCRLFAndWholeUTF8() throws {
    guard Self.consumer.ready() else { return }
    let ics = Self.calendar(try HostileWorkshop.cascade())
    let report = try Self.report(ics)
    #expect(report.longestLine <= 75)
    #expect(report.crlfOnly)
    #expect(report.linesAreUTF8)
    #expect(ics.contains("\r\n "), "the long names must have been folded")
  }

  /// The checks can fail: `icalendar` rejects a truncated calendar and a malformed date.
  @Test(arguments: [
    ("truncated", "END:VCALENDAR\r\n", ""),
    ("malformed date", "DTSTART;VALUE=DATE:20260202", "DTSTART;VALUE=DATE:2026022"),
  ])
  func brokenCalendarIsRejected(_ what: String, _ from: String, _ to: String) throws {
    guard Self.consumer.ready() else { return }
    let ics = Self.calendar(try HostileWorkshop.cascade())
    try #require(ics.contains(from), "the calendar no longer contains \(from.debugDescription)")
    let result = try Self.consumer.read(ics.replacingOccurrences(of: from, with: to), with: Self.script)
    #expect(result.status != 0, "\(what) was accepted: \(result.output)")
  }
}

/// What the calendar holds without a reader: missing parts, the start-day rule, stable bytes,
/// escaping and folding.
@Suite struct ReviewCalendarTests {
  @Test func missingGovernanceLeavesItsEventOut() throws {
    let none = ReviewCalendar.render(workshop: "Empty", cascade: Cascade(), options: ExportOptions())
    #expect(!none.contains("BEGIN:VEVENT"))
    #expect(none.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
    #expect(none.hasSuffix("END:VCALENDAR\r\n"))

    // A cadence with no day to start from, and days that are not days, give no event either.
    let undated = try Cascade(events: [
      .operationalReviewSet(cadence: .weekly), .strategicReviewSet(cadence: .monthly),
      .governanceSet(field: .alignmentReview, value: "next quarter"),
      .governanceSet(field: .annualRealignment, value: "2027-02-30"),
    ])
    let calendar = ReviewCalendar.render(workshop: "W", cascade: undated, options: ExportOptions())
    #expect(!calendar.contains("BEGIN:VEVENT"))

    // Only the parts that are there.
    let partial = try Cascade(events: [.operationalReviewSet(cadence: .biweekly)])
    let one = ReviewCalendar.render(
      workshop: "W", cascade: partial, options: ExportOptions(startDay: "2026-02-02"))
    #expect(one.components(separatedBy: "BEGIN:VEVENT").count == 2)
    #expect(one.contains("UID:operational-review."))
    #expect(one.contains("RRULE:FREQ=WEEKLY;INTERVAL=2\r\n"))
    #expect(one.contains("Owner: not named yet"))
  }

  /// The facilitator's day, else the first alignment review, else the lock day; a day that is
  /// not a real `YYYY-MM-DD` is skipped.
  @Test func startDayRule() throws {
    var cascade = try Cascade(events: [
      .companyKPIsLocked(on: "2026-01-15"), .governanceSet(field: .alignmentReview, value: "2026-03-31"),
    ])
    #expect(
      ReviewCalendar.startDay(options: ExportOptions(startDay: "2026-02-02"), cascade: cascade)
        == "2026-02-02")
    #expect(ReviewCalendar.startDay(options: ExportOptions(), cascade: cascade) == "2026-03-31")
    #expect(
      ReviewCalendar.startDay(options: ExportOptions(startDay: "2026-02-30"), cascade: cascade)
        == "2026-03-31")
    cascade.governance.alignmentReview = "soon"
    #expect(
      ReviewCalendar.startDay(options: ExportOptions(startDay: "tomorrow"), cascade: cascade) == "2026-01-15")
    cascade.lockedOn = nil
    #expect(ReviewCalendar.startDay(options: ExportOptions(), cascade: cascade) == nil)
  }

  @Test func sameSessionSameBytes() throws {
    let cascade = try HostileWorkshop.cascade()
    let options = ExportOptions(startDay: HostileWorkshop.startDay)
    let first = ReviewCalendar.render(workshop: HostileWorkshop.name, cascade: cascade, options: options)
    #expect(
      first == ReviewCalendar.render(workshop: HostileWorkshop.name, cascade: cascade, options: options))
    #expect(
      first
        == Exporter.render(
          .ics, workshop: HostileWorkshop.name, cascade: cascade, findings: [], options: options))
    #expect(first.contains("DTSTAMP:20260115T000000Z\r\n"))
    // UIDs: kind, a hash of the workshop's name, our domain; another workshop gets others.
    let uids = first.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
    #expect(uids.count == 4)
    #expect(
      uids.allSatisfy {
        $0.wholeMatch(of: /UID:[a-z-]+\.[0-9a-f]{16}@kpi-align/) != nil
      })
    let other = ReviewCalendar.render(workshop: "Other", cascade: cascade, options: options)
    #expect(
      other.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }.allSatisfy { !uids.contains($0) })
    #expect(ExportFormat.ics.fileExtension == "ics")
  }

  @Test(arguments: [
    ("x;y,z\\w", "x\\;y\\,z\\\\w"),
    ("two\nlines\r\nand\rthree", "two\\nlines\\nand\\nthree"),
    ("He said \"hi\": a|b", "He said \"hi\": a|b"),
    ("bell\u{07}esc\u{1B}[31m\ttab", "bell esc [31m\ttab"),
    ("Café Ünïcode 中文", "Café Ünïcode 中文"),
  ])
  func textEscaping(_ raw: String, _ escaped: String) {
    #expect(ReviewCalendar.text(raw) == escaped)
  }

  /// Folding keeps every physical line within 75 octets, never cuts a UTF-8 sequence, and
  /// unfolds (remove each CRLF + space) to the line it was given.
  @Test(arguments: [
    String(repeating: "a", count: 200),
    "DESCRIPTION:" + String(repeating: "中文é", count: 40),
    "SUMMARY:" + String(repeating: "🙂x", count: 50),
    "SHORT:ok",
  ])
  func folding(_ line: String) {
    let folded = ReviewCalendar.fold(line)
    #expect(folded.hasSuffix("\r\n"))
    let physical = folded.dropLast().components(separatedBy: "\r\n")
    #expect(physical.allSatisfy { $0.utf8.count <= 75 })
    #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") })
    #expect(physical.first.map { line.hasPrefix($0) } == true)
    #expect(folded.dropLast().replacingOccurrences(of: "\r\n ", with: "") == line)
  }
}

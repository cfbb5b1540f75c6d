import KPICascade

/// The governance rhythm as an iCalendar file (RFC 5545), for the calendars the company already
/// uses: the operational and strategic reviews at the agreed cadence, the quarterly alignment
/// review and the annual realignment, each naming its owner and the KPIs it looks at.
///
/// Every event is an all-day recurring event (`DTSTART;VALUE=DATE`), because the room agreed
/// on a rhythm, not on a time of day; the organiser picks the hour in their own calendar.
///
/// An event whose governance part is missing is left out rather than guessed: no operational
/// review without an agreed cadence, no alignment review or realignment without a valid
/// `YYYY-MM-DD` day, and no operational or strategic review when there is no day to start from
/// (see `startDay(options:cascade:)`). A session without any of them gives a calendar with no
/// events, which RFC 5545 strictly forbids but every reader we know accepts; the facilitator
/// sees at once that step 6 is not done.
///
/// The output depends only on the inputs: UIDs come from the workshop's name and the event's
/// kind, and `DTSTAMP` from the agreed days (see `stamp`), never from the clock, so the same
/// session always gives the same bytes and re-importing the file updates the events instead of
/// duplicating them.
public enum ReviewCalendar {
  /// The calendar, with CRLF line endings and lines folded at 75 octets.
  public static func render(workshop: String, cascade: Cascade, options: ExportOptions) -> String {
    let events = self.events(cascade, start: startDay(options: options, cascade: cascade))
    let uidSuffix = "." + fnv1a(workshop) + "@kpi-align"
    let stamp = self.stamp(cascade, events: events)
    var lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//kpi-align//KPI cascade review calendar//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "X-WR-CALNAME:" + text("KPI reviews: \(workshop)"),
    ]
    for event in events {
      lines += [
        "BEGIN:VEVENT",
        "UID:\(event.kind)\(uidSuffix)",
        "DTSTAMP:\(stamp)",
        "DTSTART;VALUE=DATE:\(event.start.compact)",
        "DTEND;VALUE=DATE:\(event.start.next.compact)",
        "RRULE:\(event.rule)",
        "SUMMARY:" + text("\(event.title): \(workshop)"),
        "DESCRIPTION:" + text(event.description.joined(separator: "\n")),
        // An all-day marker for a review must not block the whole day in anyone's calendar.
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
      ]
    }
    lines.append("END:VCALENDAR")
    return lines.map(fold).joined()
  }

  /// The day the operational and strategic reviews start from: the facilitator's `startDay`,
  /// else the first quarterly alignment review, else the day the company KPIs were locked; the
  /// first of them that is a valid `YYYY-MM-DD` day, or `nil` when none is.
  ///
  /// The alignment review comes before the lock day because it is the first date the room
  /// chose for the rhythm, while the lock day usually lies in the past.
  public static func startDay(options: ExportOptions, cascade: Cascade) -> String? {
    [options.startDay, cascade.governance.alignmentReview, cascade.lockedOn]
      .lazy.compactMap { $0.flatMap(CalendarDay.init) }.first?.text
  }

  // MARK: - Events

  private struct Event {
    /// Names the event in its UID: `operational-review`, `annual-realignment`.
    var kind: String
    var title: String
    var start: CalendarDay
    var rule: String
    var description: [String]
  }

  private static func events(_ cascade: Cascade, start: String?) -> [Event] {
    let governance = cascade.governance
    let start = start.flatMap(CalendarDay.init)
    var events: [Event] = []
    if let cadence = governance.operationalReview, let start {
      events.append(
        Event(
          kind: "operational-review", title: "Operational review", start: start,
          rule: recurrence(every: cadence, from: start),
          description: header("Operational review, \(cadence.rawValue)", governance)
            + missPolicy(governance)
            + ["", "KPIs reviewed (department leading indicators and the individual KPIs under them):"]
            + kpiList(cascade, levels: [2, 3])))
    }
    if let cadence = governance.strategicReview, let start {
      events.append(
        Event(
          kind: "strategic-review", title: "Strategic review", start: start,
          rule: recurrence(every: cadence, from: start),
          description: header("Strategic review, \(cadence.rawValue)", governance)
            + ["", "KPIs reviewed (company KPIs and the department KPIs that lead them):"]
            + kpiList(cascade, levels: [1, 2])))
    }
    if let day = governance.alignmentReview.flatMap(CalendarDay.init) {
      events.append(
        Event(
          kind: "alignment-review", title: "Quarterly alignment review", start: day,
          rule: recurrence(every: .quarterly, from: day),
          description: header("Quarterly alignment review", governance)
            + changeProcess(governance)
            + ["", "KPIs reviewed (the whole cascade):"]
            + kpiList(cascade, levels: [1, 2, 3])))
    }
    if let day = governance.annualRealignment.flatMap(CalendarDay.init) {
      events.append(
        Event(
          kind: "annual-realignment", title: "Annual realignment", start: day,
          rule: yearly(from: day),
          description: header("Annual realignment: agree and lock the company KPIs again", governance)
            + changeProcess(governance)
            + ["", "KPIs reviewed (the whole cascade):"]
            + kpiList(cascade, levels: [1, 2, 3])))
    }
    return events
  }

  /// What every event says first: what it is, who owns it, and who settles disputes. The
  /// alignment process owner owns every review: DESIGN §2 gives the rhythm one owner.
  private static func header(_ what: String, _ governance: Governance) -> [String] {
    var lines = [what + "."]
    if let velocity = governance.velocity { lines[0] += " Business velocity: \(velocity.rawValue)." }
    lines.append("Owner: \(governance.processOwner ?? "not named yet") (alignment process owner)")
    lines.append("Dispute resolver: \(governance.disputeResolver ?? "not named yet")")
    return lines
  }

  private static func missPolicy(_ governance: Governance) -> [String] {
    governance.missPolicy.map { ["On repeated misses: \($0)"] } ?? []
  }

  private static func changeProcess(_ governance: Governance) -> [String] {
    governance.changeProcess.map { ["How KPIs are created, changed and retired: \($0)"] } ?? []
  }

  /// The KPIs of the given levels as an indented list, each with its target and owner.
  private static func kpiList(_ cascade: Cascade, levels: Set<Int>) -> [String] {
    var lines: [String] = []
    func departmentKPI(_ kpi: DepartmentKPI, indent: String) {
      let department = cascade.owningDepartment(ofKPI: kpi.id)?.name ?? "no department"
      var line = "\(indent)- \(kpi.name) (\(department))"
      if !levels.contains(1) { line += ", moves \(cascade.name(of: kpi.companyKPI))" }
      lines.append(line + ": " + facts(kpi.target, kpi.owner, "owner"))
      guard levels.contains(3) else { return }
      for individual in cascade.individualKPIs(under: kpi.id) {
        let role = individual.role.map { " (\($0))" } ?? ""
        lines.append(
          "\(indent)  - \(individual.name)\(role): " + facts(individual.target, individual.owner, "owner"))
      }
    }
    if levels.contains(1) {
      for company in cascade.companyKPIs {
        lines.append("- \(company.name): " + facts(company.target, company.owner, "executive"))
        guard levels.contains(2) else { continue }
        for kpi in cascade.departmentKPIs where kpi.companyKPI == company.id {
          departmentKPI(kpi, indent: "  ")
        }
      }
    } else {
      for kpi in cascade.departmentKPIs { departmentKPI(kpi, indent: "") }
    }
    return lines.isEmpty ? ["- none agreed yet"] : lines
  }

  private static func facts(_ target: String?, _ person: String?, _ role: String) -> String {
    "target \(target ?? "not set"); \(role) \(person ?? "not named")"
  }

  // MARK: - Recurrence

  /// The RRULE for a review cadence. Monthly and quarterly rules that start after the 28th
  /// pick the start day or the month's last day, whichever comes first (`BYMONTHDAY` with
  /// `BYSETPOS=-1`): a plain `FREQ=MONTHLY` from the 31st would skip every shorter month.
  private static func recurrence(every cadence: ReviewCadence, from start: CalendarDay) -> String {
    switch cadence {
    case .weekly: "FREQ=WEEKLY"
    case .biweekly: "FREQ=WEEKLY;INTERVAL=2"
    case .monthly: "FREQ=MONTHLY" + lateInMonth(start)
    case .quarterly: "FREQ=MONTHLY;INTERVAL=3" + lateInMonth(start)
    }
  }

  private static func lateInMonth(_ start: CalendarDay) -> String {
    guard start.day > 28 else { return "" }
    return ";BYMONTHDAY=" + (28...start.day).map(String.init).joined(separator: ",") + ";BYSETPOS=-1"
  }

  /// Yearly from the start day; from 29 February it falls on 28 February in common years
  /// instead of only every fourth year.
  private static func yearly(from start: CalendarDay) -> String {
    guard start.month == 2, start.day == 29 else { return "FREQ=YEARLY" }
    return "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1"
  }

  // MARK: - Content lines

  /// `DTSTAMP` must be a UTC date-time. The lock day is the day the cascade was agreed, so it
  /// stands for "when this calendar's content was created"; without it, the first event's day;
  /// with neither, the Unix epoch.
  private static func stamp(_ cascade: Cascade, events: [Event]) -> String {
    let day = cascade.lockedOn.flatMap(CalendarDay.init) ?? events.map(\.start).min()
    return (day?.compact ?? "19700101") + "T000000Z"
  }

  /// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma get a backslash, a line
  /// break becomes `\n`, and other control characters (not allowed in TEXT) become a space.
  static func text(_ value: String) -> String {
    var result = ""
    result.reserveCapacity(value.utf8.count)
    for character in value {
      if character.isNewline {
        result += "\\n"
        continue
      }
      switch character {
      case "\\": result += "\\\\"
      case ";": result += "\\;"
      case ",": result += "\\,"
      case let other
      where other.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\t" }:
        result += " "
      default: result.append(character)
      }
    }
    return result
  }

  /// One content line folded so no physical line exceeds 75 octets (RFC 5545 §3.1), ending in
  /// CRLF. Folds fall between Unicode scalars, never inside a UTF-8 sequence; a continuation
  /// line's leading space counts towards its 75.
  static func fold(_ line: String) -> String {
    var result = ""
    var octets = 0
    for scalar in line.unicodeScalars {
      let width = String(scalar).utf8.count
      if octets + width > 75 {
        result += "\r\n "
        octets = 1
      }
      result.unicodeScalars.append(scalar)
      octets += width
    }
    return result + "\r\n"
  }

  /// FNV-1a (64 bit) of the name's UTF-8, in hex: stable across runs and machines, unlike
  /// `Hasher`, which is seeded per process.
  private static func fnv1a(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}

/// A day of the Gregorian calendar read from `YYYY-MM-DD`, without `Calendar` or time zones,
/// so the calendar never depends on the machine that exports it.
private struct CalendarDay: Comparable {
  var year: Int
  var month: Int
  var day: Int

  /// `nil` unless `text` is exactly a real `YYYY-MM-DD` day (no 30 February).
  init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), (1...Self.days(inMonth: month, year: year)).contains(day)
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  private init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// `YYYY-MM-DD`.
  var text: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }

  /// `YYYYMMDD`, the iCalendar DATE form.
  var compact: String { "\(pad(year, 4))\(pad(month, 2))\(pad(day, 2))" }

  /// The following day: an all-day event's exclusive `DTEND`.
  var next: CalendarDay {
    if day < Self.days(inMonth: month, year: year) {
      return CalendarDay(year: year, month: month, day: day + 1)
    }
    if month < 12 { return CalendarDay(year: year, month: month + 1, day: 1) }
    return CalendarDay(year: year + 1, month: 1, day: 1)
  }

  static func < (a: CalendarDay, b: CalendarDay) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  private static func days(inMonth month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  private func pad(_ number: Int, _ width: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}

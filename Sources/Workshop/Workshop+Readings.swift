import Exports
import Foundation
import KPICascade

/// After the workshop: readings, the dashboard, review meetings and diagnosis.
extension Workshop {
  // MARK: - Readings

  /// `/record KPI VALUE [DATE] [NOTE] [--confidence N] [--by NAME]`.
  mutating func recordReading(_ parsed: CommandLineText, line: String, at date: Date) -> Reply {
    var words = parsed.arguments
    var confidence: Int?
    var recordedBy: String?
    do {
      confidence = try Self.take("--confidence", from: &words).map { text throws(LookupProblem) in
        guard let number = Int(text), (0...10).contains(number) else {
          throw LookupProblem("Confidence is a whole number from 0 to 10, not '\(DisplayText.safe(text))'.")
        }
        return number
      }
      recordedBy = try Self.take("--by", from: &words)
    } catch {
      return refuse(error.message)
    }
    guard words.count >= 2 else { return refuse("Usage: \(WorkshopCommand.record.usage)") }
    let lookup = NameLookup(cascade: cascade)
    let kpi: String
    switch lookup.find(words[0], kinds: [.companyKPI, .departmentKPI, .individualKPI]) {
    case .failure(let problem): return refuse(problem.message)
    case .success(let id): kpi = id
    }
    let target = cascade.parsedTarget(of: kpi)
    let value: Double
    switch ReadingValue.parse(words[1], target: target) {
    case .failure(let problem):
      return refuse(problem.description.prefix(1).uppercased() + problem.description.dropFirst() + ".")
    case .success(let number): value = number
    }
    var day = CalendarDay.of(date)
    var noteWords = Array(words.dropFirst(2))
    // A word shaped like a day (2026-03-02) is the date; any other word starts the note.
    if let first = noteWords.first, first.count == 10,
      first.allSatisfy({ $0 == "-" || ($0.isASCII && $0.isNumber) }), first.filter({ $0 == "-" }).count == 2
    {
      guard let typed = CalendarDay(first) else {
        return refuse("'\(DisplayText.safe(first))' is not a day (YYYY-MM-DD).")
      }
      guard typed <= CalendarDay.of(date) else {
        return refuse(
          "\(typed) is after today (\(CalendarDay.of(date))): a reading records a day that has happened.")
      }
      day = typed
      noteWords.removeFirst()
    }
    var note = noteWords.joined(separator: " ")
    if let reason = parsed.reason { note += (note.isEmpty ? "" : " ") + "because " + reason }
    if !note.isEmpty, let problem = AnswerText.nameProblem(note) { return refuse(problem) }
    let reading = Reading(
      kpi: kpi, day: day, value: value, note: note.isEmpty ? nil : CascadeCSV.neutralised(note),
      confidence: confidence,
      recordedBy: recordedBy)
    let replaced = cascade.scorecard.readings(of: kpi).contains { $0.day == day }
    let shown = ReadingText.value(value, target: target)
    var text = "\(DisplayText.safe(cascade.name(of: kpi))): \(shown) on \(day)"
    if replaced { text += " (replaces that day's reading)" }
    if let target {
      let status = KPIStatus.of(value, against: Threshold(target))
      text += " — \(status.rawValue) against \(target.summary)"
    }
    return change(.readingsRecorded(readings: [reading]), line: line, note: text + ".", at: date)
  }

  /// Records the readings of a file the shell read for `/readings FILE` (or
  /// `kpi-align readings`): one exchange, so one `/undo` takes the whole file back.
  public mutating func recordReadings(_ file: ReadingsFile, from path: String, at date: Date) -> Reply {
    let kpis = Set(file.readings.map(\.kpi)).count
    let days = file.readings.map(\.day)
    let span = days.min().map { first in " from \(first) to \(days.max() ?? first)" } ?? ""
    let note =
      "Recorded \(file.readings.count) reading\(file.readings.count == 1 ? "" : "s") of \(kpis) KPI\(kpis == 1 ? "" : "s")\(span) (\(file.shape.rawValue) file). /dashboard shows where they stand; /undo takes the file back."
    // Recorded without a trial on a copy first: the file was checked against this cascade
    // already, and a year of readings is too much to apply twice.
    return accept(
      question: "(command)", answer: "/readings " + path,
      changes: [.cascade(.readingsRecorded(readings: file.readings))],
      note: note, at: date, advances: false)
  }

  /// `/readings FILE`: the shell reads the file and calls `recordReadings`.
  func readReadings(_ parsed: CommandLineText) -> Reply {
    guard !parsed.arguments.isEmpty else { return refuse("Usage: \(WorkshopCommand.readings.usage)") }
    return Reply(text: "", effect: .readings(path: parsed.rest(from: 0)))
  }

  // MARK: - Dashboard and diagnosis

  func showDashboard(_ parsed: CommandLineText, at date: Date) -> Reply {
    var words = parsed.arguments
    let chosen: CalendarDay?
    switch asOf(&words) {
    case .failure(let problem): return refuse(problem.message)
    case .success(let day): chosen = day
    }
    guard words.isEmpty else { return refuse("Usage: \(WorkshopCommand.dashboard.usage)") }
    if let chosen { return Reply(text: dashboardText(asOf: chosen)) }
    let today = CalendarDay.of(date)
    return Reply(text: dashboardText(asOf: Dashboard.defaultDay(of: cascade) ?? today, today: today))
  }

  /// The dashboard as of a day, fitted to `screenRows` when there is a screen. With `today`,
  /// the day is the latest reading's by default, and the header says how old it is.
  public func dashboardText(asOf day: CalendarDay, today: CalendarDay? = nil) -> String {
    DashboardReport(
      cascade: cascade, dashboard: Dashboard(cascade: cascade, asOf: day), style: style, rows: screenRows
    ).text(title: session.info.name, today: today)
  }

  func diagnose(_ parsed: CommandLineText, at date: Date) -> Reply {
    var words = parsed.arguments
    let day: CalendarDay
    switch asOf(&words) {
    case .failure(let problem): return refuse(problem.message)
    case .success(let chosen): day = chosen ?? Dashboard.defaultDay(of: cascade) ?? CalendarDay.of(date)
    }
    let format: String
    do {
      format = try Self.take("--format", from: &words) ?? "text"
    } catch {
      return refuse(error.message)
    }
    guard format == "text" || format == "json" else {
      return refuse("--format is text or json, not '\(DisplayText.safe(format))'.")
    }
    guard !words.isEmpty else { return refuse("Usage: \(WorkshopCommand.diagnose.usage)") }
    let kpi: String
    switch NameLookup(cascade: cascade).find(
      words.joined(separator: " "), kinds: [.companyKPI, .departmentKPI, .individualKPI])
    {
    case .failure(let problem): return refuse(problem.message)
    case .success(let id): kpi = id
    }
    return Reply(text: diagnosisText(of: kpi, asOf: day, json: format == "json"))
  }

  /// A KPI's diagnosis as of a day, as text or JSON.
  public func diagnosisText(of kpi: String, asOf day: CalendarDay, json: Bool) -> String {
    let report = DiagnosisReport(
      cascade: cascade, diagnosis: Diagnosis(of: kpi, in: cascade, asOf: day), style: style)
    return json ? report.json() : report.text()
  }

  /// `--as-of DATE`, taken from the words; `nil` when not given (the caller's default: the
  /// latest reading's day, else today).
  private func asOf(_ words: inout [String]) -> Result<CalendarDay?, LookupProblem> {
    do {
      guard let text = try Self.take("--as-of", from: &words) else { return .success(nil) }
      guard let day = CalendarDay(text) else {
        return .failure(
          LookupProblem("--as-of takes a day (YYYY-MM-DD), not '\(DisplayText.excerpt(text))'."))
      }
      return .success(day)
    } catch {
      return .failure(error)
    }
  }

  // MARK: - Reviews

  /// `/review [operational|strategic] [DATE]`: shows every KPI due at that review with its
  /// status, records which are off track, then asks each one's owner for the explanation
  /// and the improvement plan.
  mutating func startReview(_ parsed: CommandLineText, line: String, at date: Date) -> Reply {
    var kind = ReviewKind.operational
    var day = Dashboard.defaultDay(of: cascade) ?? CalendarDay.of(date)
    for word in parsed.arguments {
      if let named = PrefixMatch(word.lowercased(), in: ReviewKind.allCases, name: \.rawValue).match {
        kind = named
      } else if let typed = CalendarDay(word) {
        day = typed
      } else {
        return refuse("Usage: \(WorkshopCommand.review.usage)")
      }
    }
    if let last = cascade.reviews.last(where: { $0.kind == kind }), day < last.day {
      return refuse(
        "The last \(kind.rawValue) review was on \(last.day); reviews are recorded in order, so this one is on or after it."
      )
    }
    if let open = cascade.reviews.last, !open.pending.isEmpty {
      return refuse(
        "The \(open.kind.rawValue) review of \(open.day) is still under way: answer its questions ('skip' moves on)."
      )
    }
    guard !cascade.scorecard.isEmpty else {
      return refuse("There are no readings to review yet. /record KPI VALUE or /readings FILE first.")
    }
    let dashboard = Dashboard(cascade: cascade, asOf: day)
    let standings: [Standing] =
      (kind.levels.contains(.company) ? dashboard.company : [])
      + (kind.levels.contains(.department) ? dashboard.groups.flatMap(\.indicators) : [])
      + (kind.levels.contains(.individual) ? individualStandings(asOf: day, kind: kind) : [])
    let offTrack = standings.filter { $0.status == .offTrack }.map(\.kpi)
    var lines = [
      style.heading("\(kind.rawValue.capitalized) review, \(day)")
        + style.dim("  (\(kind.cadence(in: cascade.governance).rawValue); \(standings.count) KPIs due)")
    ]
    let counts = Dictionary(grouping: standings, by: \.status).mapValues(\.count)
    lines.append(
      KPIStatus.allCases.compactMap { status in counts[status].map { "\($0) \(status.rawValue)" } }
        .joined(separator: " · "))
    for standing in standings where standing.status != .onTrack {
      lines.append("  " + reviewLine(standing))
    }
    if offTrack.isEmpty {
      lines.append(style.good("Nothing is off track: no variances to explain."))
    } else {
      lines.append("\(offTrack.count) off track: each owner explains the variance and the plan.")
    }
    return change(
      .reviewHeld(kind: kind, on: day, offTrack: offTrack), line: line, note: lines.joined(separator: "\n"),
      at: date)
  }

  private func individualStandings(asOf day: CalendarDay, kind: ReviewKind) -> [Standing] {
    cascade.individualKPIs.map { kpi in
      Standing(
        kpi: kpi.id, readings: cascade.scorecard.readings(of: kpi.id, through: day),
        target: kpi.parsedTarget, cadence: kind.cadence(in: cascade.governance),
        asOf: day)
    }
  }

  private func reviewLine(_ standing: Standing) -> String {
    let name = DisplayText.safe(cascade.name(of: standing.kpi))
    let target = cascade.parsedTarget(of: standing.kpi)
    var text = "\(standing.status.rawValue): \(name)"
    if let latest = standing.latest {
      text += " \(ReadingText.value(latest.value, target: target)) on \(latest.day)"
    }
    if let target { text += " (target \(target.summary))" }
    if let since = standing.offSince { text += ", off since \(since)" }
    return text
  }

  /// The next question of a review under way: explanation, then plan, for each off-track KPI.
  func reviewQuestion() -> Question? {
    guard let review = cascade.reviews.last, let kpi = review.pending.first else { return nil }
    let name = DisplayText.safe(cascade.name(of: kpi))
    let owner = ownerText(of: kpi)
    let position = "\(review.offTrack.count - review.pending.count + 1)/\(review.offTrack.count)"
    if session.progress.explanations[kpi] == nil {
      return Question(
        key: .varianceExplanation(kpi: kpi),
        text: "Review \(review.day) · \(position) off track: \(name). \(owner), what explains the variance?",
        hint: "One or two sentences; 'skip' moves on without one.")
    }
    return Question(
      key: .improvementPlan(kpi: kpi),
      text: "\(name): what is the improvement plan, and by when?",
      hint:
        "'skip' records none; the miss policy flags a KPI off track at consecutive reviews without a plan.")
  }

  func explainVariance(_ text: String, of kpi: String) -> AnswerOutcome {
    guard !text.isEmpty else { return .refused("Type the explanation, or 'skip'.") }
    let skipped = text.lowercased() == "skip"
    return .accepted([.varianceExplained(kpi: kpi, explanation: skipped ? nil : text)], note: nil)
  }

  func planImprovement(_ text: String, for kpi: String) -> AnswerOutcome {
    guard !text.isEmpty else { return .refused("Type the plan, or 'skip'.") }
    let plan = text.lowercased() == "skip" ? nil : text
    let explanation = session.progress.explanations[kpi] ?? nil
    let left = (cascade.reviews.last?.pending.count ?? 1) - 1
    let note =
      left == 0
      ? "Recorded. The review is complete; /check applies the miss policy." : "Recorded. \(left) more to go."
    return .accepted(
      [.cascade(.varianceRecorded(kpi: kpi, explanation: explanation, plan: plan))], note: note)
  }

  // MARK: - Helpers

  /// A KPI at any level by id, name or unambiguous prefix, as `/diagnose` reads it; a usage
  /// error saying why when there is not exactly one.
  public func kpiID(named query: String) throws(ExitError) -> String {
    switch NameLookup(cascade: cascade).find(query, kinds: [.companyKPI, .departmentKPI, .individualKPI]) {
    case .success(let id): return id
    case .failure(let problem): throw ExitError(.usage, problem.message)
    }
  }

  private func ownerText(of kpi: String) -> String {
    let owner =
      cascade.companyKPI(kpi)?.owner ?? cascade.departmentKPI(kpi)?.owner ?? cascade.individualKPI(kpi)?.owner
      ?? cascade.owningDepartment(ofKPI: kpi)?.head
    return owner.map(DisplayText.safe) ?? "Owner"
  }

  /// Removes `--flag VALUE` from the words; throws when the flag has no value.
  static func take(_ flag: String, from words: inout [String]) throws(LookupProblem) -> String? {
    guard let index = words.firstIndex(of: flag) else { return nil }
    guard index + 1 < words.count else { throw LookupProblem("\(flag) needs a value.") }
    let value = words[index + 1]
    words.removeSubrange(index...(index + 1))
    return value
  }

}

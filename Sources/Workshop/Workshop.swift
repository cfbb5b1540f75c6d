import Foundation
import KPICascade

/// The facilitation engine: (session, typed line) → (exchange, text). No terminal, no files.
///
/// Every behaviour a facilitator sees can be tested by feeding lines to `handle(_:at:)`.
public struct Workshop: Sendable {
  public internal(set) var session: Session
  public var style: TextStyle
  /// The last line refused as an answer: typing the same thing again confirms a target the
  /// parser cannot read ("keep it as it is"). Not persisted: a confirmation is a moment.
  var lastRefusedAnswer: String?
  /// The terminal's height, so `/dashboard` fits one screen; `nil` in a pipe (print it all).
  public var screenRows: Int?
  /// The department and KPI names sorted for Tab, kept until a name changes; shared by copies.
  let completionNames = CompletionNamesCache()

  public init(session: Session, style: TextStyle = .plain) {
    self.session = session
    self.style = style
  }

  public var cascade: Cascade { session.cascade }
  public var step: WorkshopStep { WorkshopStep(rawValue: session.progress.step) ?? .lock }

  /// `[3/6 select] acme-retail› `; a long slug is shortened so the answer keeps the line.
  public var prompt: String {
    let slug = session.info.slug
    let shown = slug.count > 20 ? slug.prefix(19) + "…" : slug
    return "[\(step.rawValue)/\(WorkshopStep.allCases.count) \(step.keyword)] \(shown)› "
  }

  func agenda(at date: Date) -> Agenda {
    Agenda(cascade: session.cascade, progress: session.progress, today: date)
  }

  /// The question the room is answering now, if the step has one open.
  public func currentQuestion(at date: Date = Date()) -> Question? {
    reviewQuestion() ?? agenda(at: date).firstOpenQuestion(in: step)
  }

  /// What to show when a session starts or resumes: where we are and what to answer.
  public func opening(at date: Date) -> String {
    var lines: [String] = []
    let name = DisplayText.safe(session.info.name)
    if session.exchanges.isEmpty {
      lines.append(style.heading("Workshop: \(name)") + style.dim("  (/help for commands)"))
    } else {
      let count = session.effectiveExchanges.filter(\.isUndoable).count
      let imported = session.exchanges.first?.question == "(import)"
      let history =
        imported && count == 0
        ? "imported cascade" : "\(count) answer\(count == 1 ? "" : "s") so far"
      lines.append(style.heading("Resuming: \(name)") + style.dim("  (\(history); /status, /help)"))
    }
    lines.append("")
    lines.append(contentsOf: introduction(of: step))
    lines.append(questionText(at: date))
    return lines.joined(separator: "\n")
  }

  /// The next question, or what to do when the step has none.
  func questionText(at date: Date) -> String {
    if let question = currentQuestion(at: date) {
      var text = question.text
      if let hint = question.hint, !hint.isEmpty { text += "\n  " + style.dim(hint) }
      return text
    }
    if let next = agenda(at: date).firstIncompleteStep {
      return
        "Step \(step.rawValue) is complete. /goto \(next.rawValue) for the next open question, or /check."
    }
    return style.good("Every step is complete.")
      + " /check for findings, /export md minutes.md for the minutes, /quit to leave."
  }

  func introduction(of step: WorkshopStep) -> [String] {
    let lines: [String]
    switch step {
    case .lock:
      lines = [
        "3–5 outcomes the board cares about, each with a measurable target and one accountable executive; once locked they hold for 12 months. A good one reads like \"Revenue growth, >= 20% YoY, Dana Ruiz (CEO)\". Then list the departments in the room, each with its head."
      ]
    case .map:
      lines = [
        "For each company KPI and each department: what does the department do that directly moves it? A good answer is one concrete line (\"Ships every order the same day\"); 'nothing' is a fine answer, and the matrix shows the gaps."
      ]
    case .select:
      lines = [
        "For each contribution, what can we measure today that tells us whether the outcome will improve in \(LeadTime.windowText) days? Each KPI gets a lead time, a one-sentence link and a target: \"Qualified pipeline coverage, 45 days, >= 3x\" is a good one; \"calls made\" is an activity."
      ]
    case .resolve:
      lines = [
        "Pairs of KPIs that could both hit target while the company loses. Answer honestly: a 'yes' is resolved by adjusting one KPI (\"Orders booked\" becomes \"Orders booked within capacity\"), never by promising to cooperate."
      ]
    case .assign:
      lines = [
        "One named person per KPI: \"Sam Lee\", not \"the sales team\", \"Head of Sales\" or \"Sam and Ana\". Shared metrics have one owning department; the others are recorded as contributing."
      ]
    case .govern:
      lines = [
        "The rhythm that keeps the cascade alive: review cadences matched to the business's velocity, the alignment reviews, who owns the process and what happens on misses. Enter accepts each proposal."
      ]
    }
    let header = style.heading("Step \(step.rawValue)/6 — \(step.title)")
    return [header] + lines.map { style.dim($0) }
  }

  // MARK: - Handling a line

  /// Reads one typed line: a command when it starts with `/`, else an answer to the question.
  public mutating func handle(_ line: String, at date: Date) -> Reply {
    let text: String
    switch AnswerText.check(line) {
    case .failure(let problem): return refuse(problem.message)
    case .success(let checked): text = checked
    }
    if text.hasPrefix("/") {
      return command(text, at: date)
    }
    guard let question = currentQuestion(at: date) else {
      if text.isEmpty { return Reply(text: questionText(at: date)) }
      return refuse("There is no open question in step \(step.rawValue). " + questionText(at: date))
    }
    switch answer(text, to: question, at: date) {
    case .refused(let message):
      lastRefusedAnswer = text
      return refuse(message + "\n" + questionText(at: date))
    case .accepted(let changes, let note):
      lastRefusedAnswer = nil
      return accept(question: question.text, answer: text, changes: changes, note: note, at: date)
    }
  }

  func refuse(_ message: String) -> Reply {
    let first = message.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? message
    return Reply(text: style.problem(message), refusal: first)
  }

  /// Records an accepted exchange, moves on when the step is complete, and says what is next.
  mutating func accept(
    question: String, answer: String, changes: [WorkshopEvent], note: String?, at date: Date,
    advances: Bool = true
  ) -> Reply {
    let seconds = date.wholeSeconds
    let before = step
    var exchange = Exchange(
      seq: session.nextSeq, at: seconds, step: before.rawValue, question: question, answer: answer,
      changes: changes)
    do {
      try session.record(exchange)
    } catch {
      return refuse("That can't be recorded: \(error.problem)")
    }
    var lines: [String] = []
    if let note, !note.isEmpty { lines.append(note) }
    if advances, currentQuestion(at: date) == nil, let next = nextStep(after: before, at: date) {
      lines.append(contentsOf: summary(of: before))
      lines.append("")
      var skipped = before.rawValue + 1
      while skipped < next.rawValue, let passing = WorkshopStep(rawValue: skipped) {
        lines.append(contentsOf: introduction(of: passing))
        lines.append(style.dim("Nothing to ask here: moving on."))
        lines.append("")
        skipped += 1
      }
      lines.append(contentsOf: introduction(of: next))
      session.amendLast(with: .stepEntered(next.rawValue))
      exchange = session.exchanges[session.exchanges.count - 1]
    }
    if advances || currentQuestion(at: date) != nil { lines.append(questionText(at: date)) }
    return Reply(text: lines.joined(separator: "\n"), exchange: exchange)
  }

  /// The step to move to when `step` is complete: the next one with an open question, or 6.
  private func nextStep(after step: WorkshopStep, at date: Date) -> WorkshopStep? {
    guard step != .govern else { return nil }
    let agenda = agenda(at: date)
    for candidate in WorkshopStep.allCases where candidate.rawValue > step.rawValue {
      if agenda.firstOpenQuestion(in: candidate) != nil { return candidate }
    }
    return .govern
  }

  /// A few lines closing a step: what the room produced.
  func summary(of step: WorkshopStep) -> [String] {
    switch step {
    case .map:
      return [""] + LineOfSightMatrix(cascade: cascade, style: style).lines()
    default:
      let report = AlignmentReport(cascade: cascade)
      let stage = FindingStage(cascade: cascade)
      let open = report.open.filter { stage.step(of: $0) == step }.count
      return [
        style.good("Step \(step.rawValue) complete.")
          + (open == 0
            ? "" : " \(open) open finding\(open == 1 ? "" : "s") from this step: /check lists them.")
      ]
    }
  }
}

/// What an answer handler decided.
enum AnswerOutcome {
  case accepted([WorkshopEvent], note: String?)
  case refused(String)
}

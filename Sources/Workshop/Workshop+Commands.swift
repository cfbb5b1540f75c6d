import Exports
import Foundation
import KPICascade

extension Workshop {
  /// Runs a `/command`. Commands that change something are recorded as exchanges too; after
  /// one that only shows something (or is refused), the open question is named again, so the
  /// room never faces a bare prompt.
  mutating func command(_ line: String, at date: Date) -> Reply {
    var reply = runCommand(line, at: date)
    if reply.exchange == nil, reply.effect == nil, currentQuestion(at: date) != nil {
      reply.text += "\n" + style.dim("Still open: ") + questionText(at: date)
    }
    return reply
  }

  private mutating func runCommand(_ line: String, at date: Date) -> Reply {
    let parsed = CommandLineText(line)
    let named = PrefixMatch(parsed.name, in: WorkshopCommand.allCases, name: \.rawValue)
    guard let command = named.match else {
      let known =
        named.candidates.isEmpty || parsed.name.isEmpty
        ? "" : " Did you mean " + named.candidates.map { "/" + $0.rawValue }.joined(separator: ", ") + "?"
      return refuse("Unknown command /\(DisplayText.safe(parsed.name)).\(known) /help lists them.")
    }
    let lookup = NameLookup(cascade: cascade)
    switch command {
    case .help:
      return Reply(text: help(parsed.arguments.first))
    case .status:
      return Reply(text: StatusReport(workshop: self, today: date).text())
    case .show:
      let focus = parsed.arguments.isEmpty ? nil : parsed.rest(from: 0)
      switch CascadeTree(cascade: cascade, style: style, reached: agenda(at: date).reachedStep).text(
        focus: focus)
      {
      case .success(let text): return Reply(text: text)
      case .failure(let problem): return refuse(problem.message)
      }
    case .check:
      let report = CheckReport(cascade: cascade, style: style, reached: agenda(at: date).reachedStep)
      guard let wanted = parsed.arguments.first else { return Reply(text: report.summary()) }
      if wanted.lowercased() == "all" { return Reply(text: report.text()) }
      let test = PrefixMatch(wanted, in: CheckKind.allCases, name: \.rawValue)
      guard let kind = test.match else {
        let tests = CheckKind.allCases.map(\.rawValue).joined(separator: ", ")
        return refuse("No test called '\(DisplayText.safe(wanted))'. /check all, or one of: \(tests).")
      }
      return Reply(text: report.text(only: kind))
    case .score:
      return Reply(text: ScoreReport(cascade: cascade, style: style).text())
    case .record:
      return recordReading(parsed, line: line, at: date)
    case .readings:
      return readReadings(parsed)
    case .dashboard:
      return showDashboard(parsed, at: date)
    case .review:
      return startReview(parsed, line: line, at: date)
    case .diagnose:
      return diagnose(parsed, at: date)
    case .diff:
      // Read-only: no exchange, so nothing is journaled and /undo never sees it.
      guard !parsed.arguments.isEmpty else { return usage(command) }
      return Reply(text: "", effect: .diff(path: parsed.rest(from: 0)))
    case .next, .back, .goto:
      return move(command, parsed, at: date)
    case .undo:
      return undo(line, at: date)
    case .accept:
      return acceptFinding(parsed, line: line, at: date)
    case .rename:
      guard parsed.arguments.count >= 2 else { return usage(command) }
      switch lookup.find(parsed.arguments[0]) {
      case .failure(let problem): return refuse(problem.message)
      case .success(let id):
        let name = parsed.rest(from: 1)
        if let problem = AnswerText.nameProblem(name) { return refuse(problem) }
        return change(
          .renamed(id: id, name: name, reason: parsed.reason), line: line,
          note: "Renamed \(DisplayText.safe(cascade.name(of: id))) → \(DisplayText.safe(name)).", at: date)
      }
    case .remove:
      guard !parsed.arguments.isEmpty else { return usage(command) }
      switch lookup.find(parsed.rest(from: 0)) {
      case .failure(let problem): return refuse(problem.message)
      case .success(let id):
        let kpis = cascade.department(id)?.kpis.count ?? 0
        let with = kpis == 0 ? "" : " and its \(kpis) KPI\(kpis == 1 ? "" : "s")"
        return change(
          .removed(id: id, reason: parsed.reason), line: line,
          note: "Removed \(DisplayText.safe(cascade.name(of: id)))\(with). /undo brings it back.", at: date)
      }
    case .retarget:
      guard parsed.arguments.count >= 2 else { return usage(command) }
      switch lookup.find(parsed.arguments[0], kinds: [.companyKPI, .departmentKPI, .individualKPI]) {
      case .failure(let problem): return refuse(problem.message)
      case .success(let id):
        let target = parsed.rest(from: 1)
        if let problem = AnswerText.cutTargetProblem(target) { return refuse(problem) }
        let old =
          cascade.companyKPI(id)?.target ?? cascade.departmentKPI(id)?.target
          ?? cascade.individualKPI(id)?.target
        let event = CascadeEvent.targetSet(kpi: id, target: target, reason: parsed.reason)
        var note =
          "\(DisplayText.safe(cascade.name(of: id))): \(DisplayText.safe(old ?? "no target")) → \(DisplayText.safe(target))"
        if cascade.isLocked, cascade.companyKPI(id) != nil, parsed.reason != nil {
          note += " (locked: reason recorded)"
        }
        return change(
          event, line: line, note: note + "\n" + verdictNote(for: .target, subject: id, after: event),
          at: date)
      }
    case .owner:
      guard parsed.arguments.count >= 2 else { return usage(command) }
      switch lookup.find(parsed.arguments[0], kinds: [.companyKPI, .departmentKPI, .individualKPI]) {
      case .failure(let problem): return refuse(problem.message)
      case .success(let id):
        let person = parsed.rest(from: 1)
        switch self.person(person, { name, note in .accepted([], note: note) }) {
        case .refused(let message): return refuse(message)
        case .accepted(_, let note):
          let done = "\(DisplayText.safe(cascade.name(of: id))) is owned by \(DisplayText.safe(person))."
          return change(
            .ownerSet(kpi: id, person: person, reason: parsed.reason), line: line,
            note: [done, note].compactMap { $0 }.joined(separator: "\n"), at: date)
        }
      }
    case .head:
      guard parsed.arguments.count >= 2 else { return usage(command) }
      switch lookup.find(parsed.arguments[0], kinds: [.department]) {
      case .failure(let problem): return refuse(problem.message)
      case .success(let id):
        let person = parsed.rest(from: 1)
        return reanswer(
          .departmentHead(department: id), person, line: line, at: date,
          done: "\(DisplayText.safe(person)) heads \(DisplayText.safe(cascade.name(of: id))).")
      }
    case .contribution:
      guard parsed.arguments.count >= 3 else { return usage(command) }
      let department = lookup.find(parsed.arguments[0], kinds: [.department])
      let company = lookup.find(parsed.arguments[1], kinds: [.companyKPI])
      switch (department, company) {
      case (.failure(let problem), _), (_, .failure(let problem)): return refuse(problem.message)
      case (.success(let d), .success(let c)):
        return reanswer(
          .contribution(companyKPI: c, department: d), parsed.rest(from: 2), line: line, at: date,
          done:
            "Recorded what \(DisplayText.safe(cascade.name(of: d))) does for \(DisplayText.safe(cascade.name(of: c)))."
        )
      }
    case .lead, .link:
      guard parsed.arguments.count >= 2 else { return usage(command) }
      switch lookup.find(parsed.arguments[0], kinds: [.departmentKPI]) {
      case .failure(let problem): return refuse(problem.message)
      case .success(let id):
        let key: QuestionKey = command == .lead ? .leadTime(kpi: id) : .linkSentence(kpi: id)
        return reanswer(key, parsed.rest(from: 1), line: line, at: date, done: nil)
      }
    case .governance:
      guard parsed.arguments.count >= 2 else { return usage(command) }
      guard let key = Self.governanceKey(parsed.arguments[0]) else {
        return refuse(
          "No part of governance called '\(DisplayText.safe(parsed.arguments[0]))'. Parts: "
            + Self.governanceParts.joined(separator: ", ") + ".")
      }
      return reanswer(key, parsed.rest(from: 1), line: line, at: date, done: "Governance updated.")
    case .add:
      return add(parsed, line: line, at: date)
    case .conflict:
      return raiseConflict(parsed, line: line, at: date)
    case .export:
      var arguments = parsed.arguments
      let replacing = arguments.contains("--force")
      arguments.removeAll { $0 == "--force" }
      guard (2...3).contains(arguments.count) else { return usage(command) }
      guard let format = ExportFormat(rawValue: arguments[0].lowercased()) else {
        return refuse(
          "Unknown format '\(DisplayText.safe(arguments[0]))'. Formats: "
            + ExportFormat.allCases.map(\.rawValue).joined(separator: ", ") + ".")
      }
      var options = ExportOptions()
      if arguments.count == 3 {
        guard Day.date(arguments[2]) != nil else {
          return refuse("The calendar's first day is a date as YYYY-MM-DD, e.g. \(Day.string(date)).")
        }
        options.startDay = arguments[2]
      }
      return Reply(
        text: "", effect: .export(format, path: arguments[1], options: options, replacing: replacing))
    case .save:
      let replacing = parsed.arguments.last == "--force"
      var path = parsed.arguments.isEmpty ? "" : parsed.rest(from: 0)
      if replacing { path = String(path.dropLast("--force".count)).trimmingCharacters(in: .whitespaces) }
      return Reply(text: "", effect: .save(path: path.isEmpty ? nil : path, replacing: replacing))
    case .quit:
      return Reply(text: "", effect: .quit)
    }
  }

  // MARK: - Commands with more to them

  private func help(_ topic: String?) -> String {
    if let topic {
      let name = topic.hasPrefix("/") ? String(topic.dropFirst()) : topic
      if let command = PrefixMatch(name, in: WorkshopCommand.allCases, name: \.rawValue).match {
        return style.heading(command.usage) + "\n" + command.detail
      }
      return style.problem("No command /\(DisplayText.safe(name)).") + " /help lists them."
    }
    let width = WorkshopCommand.allCases.map(\.usage.count).max() ?? 0
    var lines = [style.heading("Commands") + style.dim("  (Tab completes; names may be quoted or shortened)")]
    for command in WorkshopCommand.allCases {
      if command == .record {
        lines.append(style.heading("After the workshop") + style.dim("  (readings and reviews)"))
      }
      if command == .export { lines.append(style.heading("Files")) }
      lines.append(
        "  " + command.usage.padding(toLength: width + 2, withPad: " ", startingAt: 0) + command.summary)
    }
    lines.append("Anything else answers the question. A blank line ends a list.")
    return lines.joined(separator: "\n")
  }

  private func usage(_ command: WorkshopCommand) -> Reply {
    refuse("Usage: \(command.usage)")
  }

  private mutating func move(_ command: WorkshopCommand, _ parsed: CommandLineText, at date: Date) -> Reply {
    let target: Int
    switch command {
    case .next: target = step.rawValue + 1
    case .back: target = step.rawValue - 1
    default:
      guard let n = parsed.arguments.first.flatMap({ Int($0) }) else { return usage(.goto) }
      target = n
    }
    guard let destination = WorkshopStep(rawValue: target) else {
      if command == .next { return refuse("This is the last step. " + questionText(at: date)) }
      if command == .back { return refuse("This is the first step.") }
      return refuse("Steps are numbered 1 to 6.")
    }
    let exchange = Exchange(
      seq: session.nextSeq, at: date.wholeSeconds, step: step.rawValue, question: "(command)",
      answer: "/" + command.rawValue + (command == .goto ? " \(target)" : ""),
      changes: [.stepEntered(destination.rawValue)])
    do { try session.record(exchange) } catch { return refuse(error.problem) }
    let text = (introduction(of: destination) + [questionText(at: date)]).joined(separator: "\n")
    return Reply(text: text, exchange: exchange)
  }

  private mutating func undo(_ line: String, at date: Date) -> Reply {
    guard let last = session.lastUndoable else { return refuse("Nothing to undo.") }
    let exchange = Exchange(
      seq: session.nextSeq, at: date.wholeSeconds, step: step.rawValue, question: "(command)", answer: line,
      changes: [.undone(seq: last.seq), .stepEntered(last.step)])
    do { try session.record(exchange) } catch { return refuse(error.problem) }
    let shown = last.answer.isEmpty ? "a blank line" : "\"\(DisplayText.safe(last.answer))\""
    let asked = last.question == "(command)" ? "" : " (the answer to: \(DisplayText.safe(last.question)))"
    let text = [
      "Undone: " + shown + style.dim(asked),
      questionText(at: date),
    ].joined(separator: "\n")
    return Reply(text: text, exchange: exchange)
  }

  private mutating func acceptFinding(_ parsed: CommandLineText, line: String, at date: Date) -> Reply {
    guard let id = parsed.arguments.first, let reason = parsed.reason, !reason.isEmpty else {
      return usage(.accept)
    }
    let report = AlignmentReport(cascade: cascade)
    let named = PrefixMatch(id, in: report.findings.filter { $0.verdict != .pass }, name: \.id)
    guard let finding = named.match else {
      return refuse(
        named.candidates.isEmpty
          ? "No open finding '\(DisplayText.safe(id))'. /check lists them with their ids."
          : "'\(DisplayText.safe(id))' could be "
            + named.candidates.prefix(5).map(\.id).joined(separator: ", ")
            + ".")
    }
    return change(
      .findingAccepted(finding: finding.id, reason: reason), line: line,
      note: "Accepted \(finding.id): \(DisplayText.safe(reason))", at: date)
  }

  private mutating func raiseConflict(_ parsed: CommandLineText, line: String, at date: Date) -> Reply {
    guard parsed.arguments.count == 2 else { return usage(.conflict) }
    let lookup = NameLookup(cascade: cascade)
    let all = cascade.departmentKPIs.map(\.id)
    var ids: [String] = []
    for name in parsed.arguments {
      switch lookup.departmentKPI(name, among: all) {
      case .failure(let problem): return refuse(problem.message)
      case .success(let id): ids.append(id)
      }
    }
    guard ids[0] != ids[1] else { return refuse("A conflict needs two different KPIs.") }
    let departments = ids.map { cascade.owningDepartment(ofKPI: $0)?.id }
    guard departments[0] != departments[1] else {
      return refuse(
        "Both are KPIs of \(DisplayText.safe(cascade.name(of: departments[0] ?? ""))); a conflict is between departments."
      )
    }
    guard cascade.conflict(ids[0], ids[1]) == nil else {
      return refuse("That pair is already on step 4's list.")
    }
    let company = cascade.departmentKPI(ids[0])?.companyKPI ?? ""
    return change(
      .conflictRaised(first: ids[0], second: ids[1], companyKPI: company, origin: .raised), line: line,
      note:
        "Added to step 4: \(DisplayText.safe(cascade.name(of: ids[0]))) vs \(DisplayText.safe(cascade.name(of: ids[1]))).",
      at: date)
  }

  /// Answers a question again by command, with the same checks the question applies.
  private mutating func reanswer(
    _ key: QuestionKey, _ text: String, line: String, at date: Date, done: String?
  ) -> Reply {
    guard !text.isEmpty else { return refuse("Give the new value after the name.") }
    switch answer(text, to: Question(key: key, text: ""), at: date) {
    case .refused(let message): return refuse(message)
    case .accepted(let changes, let note):
      let text = [done, note].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n")
      return record(changes, line: line, note: text, at: date)
    }
  }

  static let governanceParts =
    ["velocity", "operational-review", "strategic-review"] + GovernanceField.allCases.map(\.rawValue)

  static func governanceKey(_ part: String) -> QuestionKey? {
    guard let name = PrefixMatch(part, in: governanceParts, name: { $0 }).match else { return nil }
    switch name {
    case "velocity": return .velocity
    case "operational-review": return .operationalReview
    case "strategic-review": return .strategicReview
    default: return GovernanceField(rawValue: name).map(QuestionKey.governance)
    }
  }

  /// `/add`: opens a closed list again and moves to its step, where the question asks for more.
  private mutating func add(_ parsed: CommandLineText, line: String, at date: Date) -> Reply {
    guard let what = parsed.arguments.first?.lowercased() else { return usage(.add) }
    let lookup = NameLookup(cascade: cascade)
    let list: String
    let destination: WorkshopStep
    switch what {
    case "department", "departments":
      list = Agenda.departmentList
      destination = .lock
    case "company-kpi":
      guard !cascade.isLocked else {
        return refuse(
          "The company KPIs are locked for 12 months; a new one waits for the annual realignment.")
      }
      list = Agenda.companyKPIList
      destination = .lock
    case "individual", "individuals", "level-3":
      guard parsed.arguments.count >= 2 else { return usage(.add) }
      switch lookup.find(parsed.rest(from: 1), kinds: [.departmentKPI]) {
      case .failure(let problem): return refuse(problem.message)
      case .success(let parent):
        list = Agenda.individualList(parent: parent)
        destination = .assign
      }
    case "kpi", "kpis":
      guard parsed.arguments.count >= 3 else { return usage(.add) }
      let department = lookup.find(parsed.arguments[1], kinds: [.department])
      let company = lookup.find(parsed.rest(from: 2), kinds: [.companyKPI])
      switch (department, company) {
      case (.failure(let problem), _), (_, .failure(let problem)): return refuse(problem.message)
      case (.success(let d), .success(let c)):
        guard cascade.contribution(companyKPI: c, department: d)?.text != nil else {
          return refuse(
            "Step 2 says \(DisplayText.safe(cascade.name(of: d))) does nothing for \(DisplayText.safe(cascade.name(of: c))). Record what it does first: /contribution \"\(DisplayText.safe(cascade.name(of: d)))\" \"\(DisplayText.safe(cascade.name(of: c)))\" TEXT"
          )
        }
        list = Agenda.kpiList(companyKPI: c, department: d)
        destination = .select
      }
    default:
      return usage(.add)
    }
    let changes: [WorkshopEvent] = [.listReopened(list), .stepEntered(destination.rawValue)]
    return accept(question: "(command)", answer: line, changes: changes, note: nil, at: date, advances: false)
  }

  /// Records a command's single change to the cascade.
  mutating func change(_ event: CascadeEvent, line: String, note: String, at date: Date) -> Reply {
    var trial = cascade
    do {
      try trial.apply(event)
    } catch {
      return refuse(refusalText(for: error))
    }
    return record([.cascade(event)], line: line, note: note, at: date)
  }

  private mutating func record(_ changes: [WorkshopEvent], line: String, note: String, at date: Date) -> Reply
  {
    accept(question: "(command)", answer: line, changes: changes, note: note, at: date, advances: false)
  }

  private func refusalText(for error: CascadeError) -> String {
    switch error {
    case .lockedWithoutReason(let kpi):
      "\(DisplayText.safe(kpi)) is locked until the annual realignment. Add 'because REASON' to record why it changes."
    case .duplicateName(let name): "\(DisplayText.safe(name)) is already taken."
    default: error.description.prefix(1).uppercased() + error.description.dropFirst() + "."
    }
  }
}

extension Date {
  /// Transcripts keep whole seconds, so a reopened session compares equal to the one saved.
  var wholeSeconds: Date { Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.down)) }
}

import Foundation
import KPICascade

extension Workshop {
  /// Reads an answer to a question: accepted with the changes it makes, or refused with why.
  func answer(_ typed: String, to question: Question, at date: Date) -> AnswerOutcome {
    let lookup = NameLookup(cascade: cascade)
    var text = typed
    if question.key.collectsNames {
      // "no" or "done" where a name is asked ends the list; "yes" is not a name either.
      switch yesOrNo(text)
        ?? (["none", "done", "that's all", "nothing"].contains(text.lowercased()) ? false : nil)
      {
      case false?: text = ""
      case true?: return .refused("Type the name itself, or Enter when the list is complete.")
      case nil: break
      }
    }
    switch question.key {
    case .companyKPIName, .departmentKPIName, .individualKPIName:
      switch goalShaped(text) {
      case .refused(let message): return .refused(message)
      case .accepted(let name): text = name
      }
    default: break
    }
    switch question.key {
    case .companyKPIName:
      if text.isEmpty {
        guard !cascade.companyKPIs.isEmpty else {
          return .refused("Name at least one company KPI.")
        }
        return .accepted([.listClosed(Agenda.companyKPIList)], note: nil)
      }
      if cascade.companyKPIs.count >= Agenda.maxCompanyKPIs {
        return .refused(
          "Five is the limit: more than five company KPIs signals strategic confusion. Press Enter to finish the list."
        )
      }
      if let problem = newNameProblem(text, among: cascade.companyKPIs.map(\.name)) {
        return .refused(problem)
      }
      return .accepted(
        [.cascade(.companyKPIAdded(id: nextID("c"), name: text))], note: nil)

    case .companyKPITarget(let kpi), .target(let kpi):
      guard !text.isEmpty else { return .refused("A target is needed, e.g. >= 20% YoY.") }
      if let problem = AnswerText.cutTargetProblem(text) { return .refused(problem) }
      if Target.parse(text) == nil, text != lastRefusedAnswer {
        return .refused(
          "'\(DisplayText.safe(text))' is a goal, not a measurable target. Give a number (e.g. >= 78%, 42%, < 3 days), or type it again to keep it as it is."
        )
      }
      let event = CascadeEvent.targetSet(kpi: kpi, target: text, reason: nil)
      return .accepted([.cascade(event)], note: verdictNote(for: .target, subject: kpi, after: event))

    case .companyKPIOwner(let kpi), .owner(let kpi):
      return person(text) { .accepted([.cascade(.ownerSet(kpi: kpi, person: $0))], note: $1) }

    case .lock:
      switch yesOrNo(text) {
      case true?:
        return .accepted(
          [.cascade(.companyKPIsLocked(on: Day.string(date)))],
          note: style.good("Locked.") + " Changes from now on need a reason ('because …').")
      case false?:
        return .refused(
          "Not locked. Adjust with /rename, /retarget, /owner or /remove, then answer yes.")
      case nil:
        return .refused("Please answer yes or no.")
      }

    case .departmentName:
      if text.isEmpty {
        guard !cascade.departments.isEmpty else { return .refused("Name at least one department.") }
        return .accepted([.listClosed(Agenda.departmentList)], note: nil)
      }
      if let problem = newNameProblem(text, among: cascade.departments.map(\.name)) {
        return .refused(problem)
      }
      return .accepted([.cascade(.departmentAdded(id: nextID("d"), name: text))], note: nil)

    case .departmentHead(let department):
      return person(text) { .accepted([.cascade(.headSet(department: department, person: $0))], note: $1) }

    case .departmentFunction(let id):
      let function: DepartmentFunction
      if text.isEmpty {
        function = DepartmentFunction.guess(from: cascade.name(of: id))
      } else if let chosen = DepartmentFunction(answer: text) {
        function = chosen
      } else {
        return .refused("'\(DisplayText.safe(text))' is not a function I know.")
      }
      return .accepted([.cascade(.functionSet(department: id, function: function))], note: nil)

    case .contribution(let companyKPI, let department):
      guard !text.isEmpty else {
        return .refused("Type what \(DisplayText.safe(cascade.name(of: department))) does, or 'nothing'.")
      }
      let nothing = ["nothing", "none", "no", "-", "n/a", "nothing directly"].contains(text.lowercased())
      return .accepted(
        [
          .cascade(
            .contributionRecorded(companyKPI: companyKPI, department: department, text: nothing ? nil : text))
        ],
        note: nil)

    case .departmentKPIName(let companyKPI, let department):
      return departmentKPIName(text, companyKPI: companyKPI, department: department, lookup: lookup)

    case .leadTime(let kpi):
      guard let days = LeadTime.parse(text) else {
        return .refused("A lead time is a number of days (e.g. 45, 6 weeks, 0 if it moves after the fact).")
      }
      let event = CascadeEvent.leadTimeSet(kpi: kpi, days: days)
      return .accepted([.cascade(event)], note: verdictNote(for: .leadTime, subject: kpi, after: event))

    case .linkSentence(let kpi):
      guard !text.isEmpty else {
        return .refused(
          "A KPI with no link to a company KPI is a vanity metric. Say how it moves it, or /remove it.")
      }
      let event = CascadeEvent.linkSentenceSet(kpi: kpi, sentence: text)
      return .accepted([.cascade(event)], note: verdictNote(for: .link, subject: kpi, after: event))

    case .tension(let kpi):
      return tension(text, for: kpi, lookup: lookup)

    case .conflict(let conflict):
      guard let structural = yesOrNo(text) else { return .refused("Please answer yes or no.") }
      var changes: [WorkshopEvent] = []
      if cascade.conflict(conflict.first, conflict.second) == nil {
        changes.append(
          .cascade(
            .conflictRaised(
              first: conflict.first, second: conflict.second, companyKPI: conflict.companyKPI,
              origin: conflict.origin)))
      }
      changes.append(
        .cascade(.conflictAnswered(first: conflict.first, second: conflict.second, structural: structural)))
      return .accepted(
        changes, note: structural ? style.problem("A structural conflict: one KPI must change.") : nil)

    case .adjustmentChoice(let conflict):
      let pair = [conflict.first, conflict.second]
      switch lookup.departmentKPI(text, among: pair) {
      case .failure(let problem): return .refused(problem.message)
      case .success(let kpi):
        return .accepted([.adjustmentChosen(conflict: conflict.key, kpi: kpi)], note: nil)
      }

    case .adjustmentName(let conflict, let kpi):
      let current = cascade.name(of: kpi)
      let name = text.isEmpty ? current : text
      if let problem = AnswerText.nameProblem(name) { return .refused(problem) }
      return .accepted([.adjustmentNamed(conflict: conflict.key, name: name)], note: nil)

    case .adjustmentTarget(let conflict, let kpi, let name):
      let old = cascade.departmentKPI(kpi)
      let newTarget = text.isEmpty ? old?.target : text
      if !text.isEmpty, let problem = AnswerText.cutTargetProblem(text) { return .refused(problem) }
      if name == old?.name && newTarget == old?.target {
        return .refused(
          "Nothing changed: a conflict is resolved by adjusting the KPI. Give a new target (or /undo to rename it)."
        )
      }
      let resolution = Resolution(
        kpi: kpi, oldName: old?.name ?? kpi, newName: name, oldTarget: old?.target, newTarget: newTarget)
      return .accepted(
        [.cascade(.conflictResolved(first: conflict.first, second: conflict.second, resolution: resolution))],
        note: style.good("Resolved:") + " "
          + (resolution.oldName == name
            ? DisplayText.safe(name) : "\(DisplayText.safe(resolution.oldName)) → \(DisplayText.safe(name))")
          + (newTarget == old?.target
            ? ""
            : ", target \(DisplayText.safe(old?.target ?? "none")) → \(DisplayText.safe(newTarget ?? "none"))")
      )

    case .individualKPIName(let parent):
      if text.isEmpty {
        return .accepted([.listClosed(Agenda.individualList(parent: parent))], note: nil)
      }
      if let problem = newNameProblem(text, among: cascade.individualKPIs(under: parent).map(\.name)) {
        return .refused(problem)
      }
      return .accepted(
        [.cascade(.individualKPIAdded(id: nextID("i"), parent: parent, name: text))], note: nil)

    case .individualRole(let kpi):
      guard !text.isEmpty else { return .refused("Name the role or team, e.g. Account executives.") }
      if let problem = AnswerText.nameProblem(text) { return .refused(problem) }
      return .accepted([.cascade(.roleSet(kpi: kpi, role: text))], note: nil)

    case .velocity:
      guard
        let velocity = BusinessVelocity(
          rawValue: text.lowercased().replacingOccurrences(of: "slow", with: "steady"))
      else {
        return .refused("Answer high (ecommerce, SaaS, agencies) or steady.")
      }
      return .accepted([.cascade(.velocitySet(velocity: velocity))], note: nil)

    case .operationalReview, .strategicReview:
      let velocity = cascade.governance.velocity ?? .steady
      let isOperational = question.key == .operationalReview
      let proposed = isOperational ? velocity.proposedOperationalReview : velocity.proposedStrategicReview
      guard let cadence = text.isEmpty ? proposed : ReviewCadence(answer: text) else {
        return .refused("Answer weekly, bi-weekly, monthly or quarterly.")
      }
      let note =
        cadence == proposed
        ? nil
        : style.mark(.warn)
          + " A \(velocity.rawValue)-velocity business usually reviews \(proposed.rawValue)."
      return .accepted(
        [
          .cascade(
            isOperational ? .operationalReviewSet(cadence: cadence) : .strategicReviewSet(cadence: cadence))
        ], note: note)

    case .governance(let field):
      return governance(field, text, at: date)
    case .varianceExplanation(let kpi):
      return explainVariance(text, of: kpi)
    case .improvementPlan(let kpi):
      return planImprovement(text, for: kpi)
    }
  }

  // MARK: - Answers with more to them

  private func departmentKPIName(
    _ text: String, companyKPI: String, department: String, lookup: NameLookup
  ) -> AnswerOutcome {
    if text.isEmpty {
      return .accepted(
        [.listClosed(Agenda.kpiList(companyKPI: companyKPI, department: department))], note: nil)
    }
    if let problem = AnswerText.nameProblem(text) { return .refused(problem) }
    let lower = text.lowercased()
    if let own = cascade.department(department)?.kpis.first(where: { $0.name.lowercased() == lower }) {
      return .refused("\(DisplayText.safe(own.name)) is already a KPI of this department.")
    }
    if let shared = cascade.departmentKPIs.first(where: { $0.name.lowercased() == lower }),
      let owner = cascade.owningDepartment(ofKPI: shared.id)
    {
      return .accepted(
        [.cascade(.contributorAdded(kpi: shared.id, department: department))],
        note:
          "\(DisplayText.safe(shared.name)) is already \(DisplayText.safe(owner.name))'s KPI: recorded \(DisplayText.safe(cascade.name(of: department))) as contributing (a shared metric, \(DisplayText.safe(owner.name)) owns it)."
      )
    }
    let id = nextID("k")
    let event = CascadeEvent.departmentKPIAdded(
      id: id, department: department, companyKPI: companyKPI, name: text)
    var note: String?
    if ActivityCheck.looksLikeActivity(text) {
      note = style.mark(.warn) + " That sounds like an activity; at Level 2, measure what results from it."
    }
    return .accepted([.cascade(event)], note: note)
  }

  private func tension(_ text: String, for kpi: String, lookup: NameLookup) -> AnswerOutcome {
    if yesOrNo(text) == false || text.isEmpty || text.lowercased() == "none" {
      return .accepted([.cascade(.tensionSet(kpi: kpi, tension: .none))], note: nil)
    }
    let home = cascade.owningDepartment(ofKPI: kpi)?.id
    let others = cascade.departments.filter { $0.id != home }.flatMap(\.kpis).map(\.id)
    if yesOrNo(text) == true {
      return .refused(
        others.isEmpty
          ? "No other department has a KPI yet to name. Answer no now, and raise the pair later with /conflict KPI KPI."
          : "Name the other department's KPI that would get worse (Tab completes), or answer no.")
    }
    switch lookup.departmentKPI(text, among: others) {
    case .failure(let problem):
      if case .success(let company) = lookup.find(text, kinds: [.companyKPI]) {
        return .refused(
          "\(DisplayText.safe(cascade.name(of: company))) is a company KPI; step 4 asks whether pairs of department KPIs can both hit target while it gets worse. Name the other department's KPI that would suffer, or say no."
        )
      }
      if cascade.owningDepartment(ofKPI: (try? lookup.find(text, kinds: [.departmentKPI]).get()) ?? "")?.id
        == home
      {
        return .refused("That is a KPI of the same department. Name another department's KPI, or say no.")
      }
      return .refused(problem.message + " Name another department's KPI, or say no.")
    case .success(let other):
      return .accepted(
        [.cascade(.tensionSet(kpi: kpi, tension: .with(kpi: other)))],
        note:
          "Noted: step 4 will ask about \(DisplayText.safe(cascade.name(of: kpi))) and \(DisplayText.safe(cascade.name(of: other)))."
      )
    }
  }

  private func governance(_ field: GovernanceField, _ text: String, at date: Date) -> AnswerOutcome {
    let agenda = agenda(at: date)
    switch field {
    case .alignmentReview, .annualRealignment:
      let day = text.isEmpty ? agenda.proposal(for: field) : text
      guard Day.date(day) != nil else {
        return .refused("Give a date as YYYY-MM-DD, e.g. \(agenda.proposal(for: field)).")
      }
      return .accepted([.cascade(.governanceSet(field: field, value: day))], note: nil)
    case .processOwner, .disputeResolver:
      return person(text) { .accepted([.cascade(.governanceSet(field: field, value: $0))], note: $1) }
    case .changeProcess, .missPolicy:
      let value = text.isEmpty ? agenda.proposal(for: field) : text
      return .accepted([.cascade(.governanceSet(field: field, value: value))], note: nil)
    }
  }

  /// A KPI name typed as a goal ("Increase customer satisfaction") is refused once, with a
  /// measurable wording: Enter takes that wording, another name replaces it, and the same name
  /// typed again keeps it as it is. Otherwise the name as typed.
  private func goalShaped(_ text: String) -> GoalShapedOutcome {
    if text.isEmpty, let refused = lastRefusedAnswer, let goal = GoalShapedName(refused) {
      return .accepted(goal.proposal)
    }
    guard !text.isEmpty, text != lastRefusedAnswer, let goal = GoalShapedName(text) else {
      return .accepted(text)
    }
    return .refused(
      "'\(DisplayText.safe(text))' says which way to go, not what is measured: a goal, not a KPI. "
        + "Press Enter to name it '\(DisplayText.safe(goal.proposal))', type another name, or type it again to keep it."
    )
  }

  private enum GoalShapedOutcome {
    case accepted(String)
    case refused(String)
  }

  /// Accepts one named person; refuses teams, roles and pairs with the reason.
  func person(_ text: String, _ accept: (String, String?) -> AnswerOutcome) -> AnswerOutcome {
    if let problem = AnswerText.nameProblem(text) { return .refused(problem) }
    let assessment =
      AccountablePerson.department(text, among: cascade.departments.map(\.name))
      ?? AccountablePerson.assess(text)
    switch assessment.verdict {
    case .fail: return .refused(assessment.reason)
    case .warn: return accept(text, style.mark(.warn) + " " + assessment.reason)
    case .pass: return accept(text, nil)
    }
  }

  private func newNameProblem(_ name: String, among existing: [String]) -> String? {
    if let problem = AnswerText.nameProblem(name) { return problem }
    if existing.contains(where: { $0.lowercased() == name.lowercased() }) {
      return "\(DisplayText.safe(name)) is already on the list."
    }
    return nil
  }

  /// The verdict of one check on one subject once an event is applied, as a one-line note.
  func verdictNote(for check: CheckKind, subject: String, after event: CascadeEvent) -> String {
    var trial = cascade
    try? trial.apply(event)
    // One check on one subject: the whole report here cost a full /check per answer.
    let findings = AlignmentChecks.all.filter { $0.kind == check }.flatMap {
      $0.findings(about: subject, in: trial)
    }
    return findings.map { finding in
      var line = style.mark(finding.verdict) + " " + finding.reason
      if finding.verdict != .pass, let remedy = finding.remedy { line += " — " + style.dim(remedy) }
      return line
    }.joined(separator: "\n")
  }

  /// A fresh id with this prefix (`c`, `d`, `k`): one past the highest ever issued in this
  /// session, so a removed KPI's id (and anything recorded about it) is never reused.
  func nextID(_ prefix: String) -> String {
    "\(prefix)\((session.progress.highestIDs[prefix] ?? 0) + 1)"
  }
}

/// Reads yes/no answers the way a room types them.
func yesOrNo(_ text: String) -> Bool? {
  switch text.lowercased() {
  case "y", "yes", "yep", "yeah", "true", "ok", "lock", "locked": true
  case "n", "no", "nope", "false": false
  default: nil
  }
}

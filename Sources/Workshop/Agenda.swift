import Foundation
import KPICascade

/// The questions still open in each step, derived from the cascade and progress alone.
///
/// Asking "what is the first blank?" rather than keeping a cursor is what makes `/undo`,
/// `/back`, fixing an earlier answer and reopening after a crash ask the right thing.
struct Agenda {
  let cascade: Cascade
  let progress: Progress
  /// Today, for proposals that depend on the date.
  let today: Date

  static let companyKPIList = "companyKPIs"
  static let departmentList = "departments"
  static let maxCompanyKPIs = 5

  static func kpiList(companyKPI: String, department: String) -> String {
    "kpis:\(companyKPI):\(department)"
  }

  /// The list of Level 3 KPIs under a department KPI.
  static func individualList(parent: String) -> String {
    "individuals:\(parent)"
  }

  /// The first open question of a step, or `nil` when the step is complete.
  func firstOpenQuestion(in step: WorkshopStep) -> Question? {
    switch step {
    case .lock: lockQuestion()
    case .map: mapQuestion()
    case .select: selectQuestion()
    case .resolve: resolveQuestion()
    case .assign: assignQuestion()
    case .govern: governQuestion()
    }
  }

  /// The first step, in order, that still has an open question.
  var firstIncompleteStep: WorkshopStep? {
    WorkshopStep.allCases.first { firstOpenQuestion(in: $0) != nil }
  }

  /// How far the workshop has got: the first step with an open question, or step 6 when every
  /// step is complete.
  var reachedStep: WorkshopStep { firstIncompleteStep ?? .govern }

  /// A step is complete when it and every step before it have no open question: step 3 with
  /// no KPIs yet is not "complete" while step 2 is still being answered.
  func isComplete(_ step: WorkshopStep) -> Bool {
    step.rawValue < (firstIncompleteStep?.rawValue ?? WorkshopStep.allCases.count + 1)
  }

  // MARK: - Step 1

  private func lockQuestion() -> Question? {
    for kpi in cascade.companyKPIs {
      if kpi.target == nil {
        return Question(
          key: .companyKPITarget(kpi: kpi.id), text: "Target for \(quoted(kpi.name))?",
          hint: "A number the board can check, e.g. >= 20% YoY, 42%, $1.2M by Q4.")
      }
      if kpi.owner == nil {
        return Question(
          key: .companyKPIOwner(kpi: kpi.id),
          text: "Accountable executive for \(quoted(kpi.name))?",
          hint: "One named person, e.g. Dana Ruiz (CFO).")
      }
    }
    if !progress.closedLists.contains(Self.companyKPIList) {
      let n = cascade.companyKPIs.count + 1
      if n > Self.maxCompanyKPIs {
        return Question(
          key: .companyKPIName,
          text:
            "That is five company KPIs, the most that keeps a company focused. Press Enter to finish the list."
        )
      }
      return Question(
        key: .companyKPIName, text: "Company KPI \(n): name?",
        hint: n == 1
          ? "An outcome the board tracks: revenue growth, net margin, retention, NPS…"
          : "Blank line when the list is complete (3–5 is right).")
    }
    if !cascade.isLocked {
      let from = Day.string(today)
      let until = Day.string(Day.adding(months: 12, to: today))
      let count = cascade.companyKPIs.count
      return Question(
        key: .lock,
        text: (count == 1 ? "Lock this company KPI" : "Lock these \(count) company KPIs")
          + " from \(from) until \(until)? (yes/no)",
        hint: cascade.companyKPIs.map { quoted($0.name) }.joined(separator: ", ")
          + ". Once locked, a change needs a recorded reason.")
    }
    for department in cascade.departments {
      if department.head == nil {
        return Question(
          key: .departmentHead(department: department.id),
          text: "Who heads \(quoted(department.name))?", hint: "One named person.")
      }
      if department.function == nil {
        let guess = DepartmentFunction.guess(from: department.name)
        return Question(
          key: .departmentFunction(department: department.id),
          text: "What function is \(quoted(department.name))? Enter for \(guess.label).",
          hint: "One of: " + DepartmentFunction.allCases.map(\.label).joined(separator: ", ") + ".")
      }
    }
    if !progress.closedLists.contains(Self.departmentList) {
      let n = cascade.departments.count + 1
      return Question(
        key: .departmentName, text: "Department \(n) in the room: name?",
        hint: n == 1
          ? "Each department head in the room, one at a time." : "Blank line when everyone is listed.")
    }
    return nil
  }

  // MARK: - Step 2

  private func mapQuestion() -> Question? {
    for kpi in cascade.companyKPIs {
      for department in cascade.departments
      where cascade.contribution(companyKPI: kpi.id, department: department.id) == nil {
        return Question(
          key: .contribution(companyKPI: kpi.id, department: department.id),
          text: "What does \(quoted(department.name)) do that directly moves \(quoted(kpi.name))?",
          hint: "One line, or 'nothing' if it doesn't.")
      }
    }
    return nil
  }

  // MARK: - Step 3

  private func selectQuestion() -> Question? {
    for companyKPI in cascade.companyKPIs {
      for department in cascade.departments {
        guard let contribution = cascade.contribution(companyKPI: companyKPI.id, department: department.id),
          contribution.text != nil
        else { continue }
        let kpis = department.kpis.filter { $0.companyKPI == companyKPI.id }
        for kpi in kpis {
          if let question = openField(of: kpi, department: department, companyKPI: companyKPI) {
            return question
          }
        }
        let list = Self.kpiList(companyKPI: companyKPI.id, department: department.id)
        if !progress.closedLists.contains(list) {
          return Question(
            key: .departmentKPIName(companyKPI: companyKPI.id, department: department.id),
            text: kpis.isEmpty
              ? "\(quoted(department.name)) → \(quoted(companyKPI.name)): what can we measure today that tells us whether this will improve in \(LeadTime.windowText) days?"
              : "Another KPI for \(quoted(department.name)) → \(quoted(companyKPI.name))?",
            hint: kpis.isEmpty
              ? "A KPI name, e.g. Qualified pipeline coverage. Contribution: \(contribution.text ?? "")"
              : "Blank line when done.")
        }
      }
    }
    return nil
  }

  private func openField(
    of kpi: DepartmentKPI, department: Department, companyKPI: CompanyKPI
  ) -> Question? {
    if kpi.leadTimeDays == nil {
      return Question(
        key: .leadTime(kpi: kpi.id),
        text: "How many days before \(quoted(companyKPI.name)) does \(quoted(kpi.name)) move?",
        hint: "\(LeadTime.windowText) days is the window; 0 if it only moves after the fact.")
    }
    if kpi.linkSentence == nil {
      return Question(
        key: .linkSentence(kpi: kpi.id),
        text: "In one sentence: how does \(quoted(kpi.name)) move \(quoted(companyKPI.name))?",
        hint: "e.g. \"More qualified pipeline now becomes bookings next quarter.\"")
    }
    if kpi.target == nil {
      return Question(
        key: .target(kpi: kpi.id), text: "Target for \(quoted(kpi.name))?",
        hint: "A measurable outcome, e.g. >= 3x, 78%, < 3 days.")
    }
    if kpi.tension == nil {
      return Question(
        key: .tension(kpi: kpi.id),
        text: "Could pushing \(quoted(kpi.name)) make another department's KPI worse?",
        hint: "Name that KPI, or 'no'.")
    }
    return nil
  }

  // MARK: - Step 4

  private func resolveQuestion() -> Question? {
    guard let conflict = ConflictCandidates.firstOpen(in: cascade),
      let first = cascade.departmentKPI(conflict.first), let second = cascade.departmentKPI(conflict.second)
    else { return nil }
    let firstDepartment = cascade.owningDepartment(ofKPI: first.id)?.name ?? "?"
    let secondDepartment = cascade.owningDepartment(ofKPI: second.id)?.name ?? "?"
    let company = cascade.name(of: conflict.companyKPI)
    switch conflict.structural {
    case nil:
      return Question(
        key: .conflict(conflict),
        text:
          "Can \(quoted(firstDepartment)) hit \(quoted(first.name)) and \(quoted(secondDepartment)) hit \(quoted(second.name)) while \(quoted(company)) gets worse? (yes/no)",
        hint: {
          switch conflict.origin {
          case .classic:
            "A classic tension between \(quoted(firstDepartment)) and \(quoted(secondDepartment))."
          case .declared: "Declared in step 3."
          case .raised: "Raised with /conflict."
          }
        }())
    case true? where conflict.resolution == nil:
      let pending = progress.adjustments[conflict.key]
      guard let pending, let kpi = cascade.departmentKPI(pending.kpi) else {
        return Question(
          key: .adjustmentChoice(conflict),
          text: "Which KPI will you adjust: \(quoted(first.name)) or \(quoted(second.name))?",
          hint: "A structural conflict is removed by changing a KPI, not by promising to cooperate.")
      }
      guard let newName = pending.newName else {
        return Question(
          key: .adjustmentName(conflict, kpi: kpi.id),
          text: "New name for \(quoted(kpi.name))? Enter keeps it.",
          hint: "e.g. '\(kpi.name) within capacity'.")
      }
      let keeps =
        newName == kpi.name
        ? "(was \(quoted(kpi.target ?? "none")); the name is unchanged, so the target must change)"
        : "Enter keeps \(quoted(kpi.target ?? "none"))."
      return Question(
        key: .adjustmentTarget(conflict, kpi: kpi.id, name: newName),
        text: "New target for \(quoted(newName))? " + keeps)
    case false?, true?:
      return nil  // settled: `firstOpen` never returns one
    }
  }

  // MARK: - Step 5

  private func assignQuestion() -> Question? {
    for kpi in cascade.companyKPIs where kpi.owner == nil {
      return Question(
        key: .owner(kpi: kpi.id), text: "Accountable executive for \(quoted(kpi.name))?",
        hint: "One named person.")
    }
    for department in cascade.departments {
      for kpi in department.kpis {
        guard kpi.owner != nil else {
          let shared =
            kpi.contributors.isEmpty
            ? ""
            : " (shared with \(kpi.contributors.map { quoted(cascade.name(of: $0)) }.joined(separator: ", ")); \(quoted(department.name)) owns it)"
          return Question(
            key: .owner(kpi: kpi.id),
            text: "Who is accountable for \(quoted(kpi.name)) in \(quoted(department.name))\(shared)?",
            hint: "One named person, not a team or a role.")
        }
        if let question = individualQuestion(under: kpi) { return question }
      }
    }
    return nil
  }

  /// Level 3 under one department KPI: each individual KPI's role, target and owner, then
  /// "another?" until a blank line closes the list.
  private func individualQuestion(under parent: DepartmentKPI) -> Question? {
    let individuals = cascade.individualKPIs(under: parent.id)
    for kpi in individuals {
      if kpi.role == nil {
        return Question(
          key: .individualRole(kpi: kpi.id), text: "Which role or team does \(quoted(kpi.name)) measure?",
          hint: "e.g. Account executives, Inbound SDR team; 3–5 KPIs per role.")
      }
      if kpi.target == nil {
        return Question(
          key: .target(kpi: kpi.id), text: "Target for \(quoted(kpi.name))?",
          hint: "Activity counts are fine at this level, e.g. >= 40 calls per week.")
      }
      if kpi.owner == nil {
        return Question(
          key: .owner(kpi: kpi.id), text: "Who is accountable for \(quoted(kpi.name))?",
          hint: "One named person.")
      }
    }
    guard !progress.closedLists.contains(Self.individualList(parent: parent.id)) else { return nil }
    return Question(
      key: .individualKPIName(parent: parent.id),
      text: individuals.isEmpty
        ? "Add the individual KPIs that drive \(quoted(parent.name))? Name one, or Enter to go on."
        : "Another individual KPI for \(quoted(parent.name))? Enter when done.",
      hint: individuals.isEmpty
        ? "Level 3: what a role or team does or achieves, e.g. Discovery calls held." : nil)
  }

  // MARK: - Step 6

  private func governQuestion() -> Question? {
    let governance = cascade.governance
    guard let velocity = governance.velocity else {
      return Question(
        key: .velocity, text: "How fast does the business move: high or steady?",
        hint: "high: ecommerce, SaaS, agencies (weekly decisions); steady: slower cycles.")
    }
    if governance.operationalReview == nil {
      return Question(
        key: .operationalReview,
        text: "Operational review cadence? Enter for \(velocity.proposedOperationalReview.rawValue).",
        hint: "weekly, bi-weekly, monthly or quarterly.")
    }
    if governance.strategicReview == nil {
      return Question(
        key: .strategicReview,
        text: "Strategic review cadence? Enter for \(velocity.proposedStrategicReview.rawValue).",
        hint: "weekly, bi-weekly, monthly or quarterly.")
    }
    for field in GovernanceField.allCases where value(of: field, in: governance) == nil {
      return governanceQuestion(field)
    }
    return nil
  }

  private func value(of field: GovernanceField, in governance: Governance) -> String? {
    switch field {
    case .alignmentReview: governance.alignmentReview
    case .annualRealignment: governance.annualRealignment
    case .processOwner: governance.processOwner
    case .disputeResolver: governance.disputeResolver
    case .changeProcess: governance.changeProcess
    case .missPolicy: governance.missPolicy
    }
  }

  func governanceQuestion(_ field: GovernanceField) -> Question {
    let key = QuestionKey.governance(field)
    switch field {
    case .alignmentReview:
      return Question(
        key: key,
        text: "Date of the first quarterly alignment review? Enter for \(proposal(for: field)).",
        hint: "YYYY-MM-DD.")
    case .annualRealignment:
      return Question(
        key: key, text: "Date of the annual realignment? Enter for \(proposal(for: field)).",
        hint: "YYYY-MM-DD; the company KPIs are locked until then.")
    case .processOwner:
      return Question(
        key: key, text: "Who owns the alignment process?", hint: "One named person.")
    case .disputeResolver:
      return Question(
        key: key, text: "Who settles disputes between departments about KPIs?",
        hint: "One named person.")
    case .changeProcess:
      return Question(
        key: key, text: "How are KPIs created, changed and retired? Enter for the proposal:",
        hint: proposal(for: field))
    case .missPolicy:
      return Question(
        key: key, text: "What happens when a KPI misses repeatedly? Enter for the proposal:",
        hint: proposal(for: field))
    }
  }

  /// What Enter accepts for a governance question.
  func proposal(for field: GovernanceField) -> String {
    switch field {
    case .alignmentReview:
      return Day.string(Day.adding(months: 3, to: today))
    case .annualRealignment:
      let locked = cascade.lockedOn.flatMap(Day.date) ?? today
      return Day.string(Day.adding(months: 12, to: locked))
    case .changeProcess:
      return
        "Proposed by the department head, reviewed at the quarterly alignment review, approved by the process owner."
    case .missPolicy:
      return
        "Off target at two consecutive reviews: the owner brings an improvement plan to the next strategic review."
    case .processOwner, .disputeResolver:
      return ""
    }
  }

  private func quoted(_ text: String) -> String { DisplayText.safe(text) }
}

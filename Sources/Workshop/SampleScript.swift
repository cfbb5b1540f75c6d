import Foundation
import KPICascade

/// Walks a `SamplePlan` through the six steps in the order the agenda asks, writing each
/// exchange as `Workshop.handle` would record it: the question's text, the typed answer, the
/// changes, and the move to the next step on the answer that completes one.
///
/// Only what the agenda would ask is asked, in its order, with its wording; the tests hold this
/// to the engine's own exchanges.
struct SampleScript {
  private(set) var plan: SamplePlan
  private(set) var exchanges: [Exchange] = []
  private var step = WorkshopStep.lock.rawValue
  private var clock: Date

  /// Ids as the engine issues them, and names as they stand after step 4 adjustments.
  private var companyIDs: [String] = []
  private var departmentIDs: [String] = []
  /// `[department][kpi]`, in the plan's order.
  private var kpiIDs: [[String]] = []
  private var names: [String: String] = [:]
  private var targets: [String: String] = [:]
  private var lockedOn = ""

  init(plan: SamplePlan) {
    self.plan = plan
    clock = plan.start
  }

  var info: SessionInfo {
    SessionInfo(name: plan.workshopName, slug: try! Slug.make(from: plan.workshopName), created: plan.start)
  }

  mutating func run() {
    lock()
    map()
    select()
    resolve()
    enter(.assign)
    assign()
    enter(.govern)
    govern()
  }

  // MARK: - Recording

  /// The moment the next answer is given: a few seconds to a minute after the last.
  private mutating func tick() -> Date {
    clock += Double(4 + plan.random.below(37))
    return clock
  }

  private mutating func record(
    _ question: String, _ answer: String, _ changes: [WorkshopEvent], at date: Date
  ) {
    exchanges.append(
      Exchange(
        seq: exchanges.count + 1, at: date, step: step, question: question, answer: answer, changes: changes))
  }

  private mutating func ask(_ question: String, _ answer: String, _ changes: [WorkshopEvent]) {
    record(question, answer, changes, at: tick())
  }

  private mutating func ask(_ question: String, _ answer: String, _ event: CascadeEvent) {
    ask(question, answer, [.cascade(event)])
  }

  /// The answer that completed a step also moves the room on, in the same exchange.
  private mutating func enter(_ next: WorkshopStep) {
    guard step != next.rawValue else { return }
    exchanges[exchanges.count - 1].changes.append(.stepEntered(next.rawValue))
    step = next.rawValue
  }

  // MARK: - Step 1

  private mutating func lock() {
    for (index, kpi) in plan.companyKPIs.enumerated() {
      let id = "c\(index + 1)"
      companyIDs.append(id)
      names[id] = kpi.entry.name
      ask("Company KPI \(index + 1): name?", kpi.entry.name, .companyKPIAdded(id: id, name: kpi.entry.name))
      ask("Target for \(kpi.entry.name)?", kpi.target, .targetSet(kpi: id, target: kpi.target, reason: nil))
      ask(
        "Accountable executive for \(kpi.entry.name)?", kpi.executive,
        .ownerSet(kpi: id, person: kpi.executive))
    }
    let count = plan.companyKPIs.count
    ask(
      count >= Agenda.maxCompanyKPIs
        ? "That is five company KPIs, the most that keeps a company focused. Press Enter to finish the list."
        : "Company KPI \(count + 1): name?", "", [.listClosed(Agenda.companyKPIList)])
    let date = tick()
    lockedOn = Day.string(date)
    let until = Day.string(Day.adding(months: 12, to: date))
    record(
      (count == 1 ? "Lock this company KPI" : "Lock these \(count) company KPIs")
        + " from \(lockedOn) until \(until)? (yes/no)",
      "yes", [.cascade(.companyKPIsLocked(on: lockedOn))], at: date)
    for (index, department) in plan.departments.enumerated() {
      let id = "d\(index + 1)"
      departmentIDs.append(id)
      ask(
        "Department \(index + 1) in the room: name?", department.name,
        .departmentAdded(id: id, name: department.name))
      ask("Who heads \(department.name)?", department.head, .headSet(department: id, person: department.head))
      let guess = DepartmentFunction.guess(from: department.name)
      ask(
        "What function is \(department.name)? Enter for \(guess.label).", department.functionAnswer,
        .functionSet(department: id, function: department.function.function))
    }
    ask(
      "Department \(plan.departments.count + 1) in the room: name?", "", [.listClosed(Agenda.departmentList)])
    enter(.map)
  }

  // MARK: - Step 2

  private mutating func map() {
    for (company, kpi) in plan.companyKPIs.enumerated() {
      for (index, department) in plan.departments.enumerated() {
        let text = department.contributions[company]
        ask(
          "What does \(department.name) do that directly moves \(kpi.entry.name)?", text ?? "nothing",
          .contributionRecorded(companyKPI: companyIDs[company], department: departmentIDs[index], text: text)
        )
      }
    }
    enter(.select)
  }

  // MARK: - Step 3

  private mutating func select() {
    kpiIDs = plan.departments.map { _ in [] }
    var issued = 0
    for (company, companyKPI) in plan.companyKPIs.enumerated() {
      let outcome = companyKPI.entry.name
      for (index, department) in plan.departments.enumerated() where department.contributions[company] != nil
      {
        var asked = 0
        for kpi in department.kpis where kpi.companyIndex == company {
          issued += 1
          let id = "k\(issued)"
          kpiIDs[index].append(id)
          names[id] = kpi.name
          targets[id] = kpi.target
          ask(
            kpiQuestion(department.name, outcome, first: asked == 0), kpi.name,
            .departmentKPIAdded(
              id: id, department: departmentIDs[index], companyKPI: companyIDs[company], name: kpi.name))
          asked += 1
          ask(
            "How many days before \(outcome) does \(kpi.name) move?", "\(kpi.leadDays)",
            .leadTimeSet(kpi: id, days: kpi.leadDays))
          ask(
            "In one sentence: how does \(kpi.name) move \(outcome)?", kpi.link,
            .linkSentenceSet(kpi: id, sentence: kpi.link))
          ask("Target for \(kpi.name)?", kpi.target, .targetSet(kpi: id, target: kpi.target, reason: nil))
          ask(
            "Could pushing \(kpi.name) make another department's KPI worse?", "no",
            .tensionSet(kpi: id, tension: .none))
        }
        ask(
          kpiQuestion(department.name, outcome, first: asked == 0), "",
          [.listClosed(Agenda.kpiList(companyKPI: companyIDs[company], department: departmentIDs[index]))])
      }
    }
  }

  private func kpiQuestion(_ department: String, _ outcome: String, first: Bool) -> String {
    first
      ? "\(department) → \(outcome): what can we measure today that tells us whether this will improve in \(LeadTime.windowText) days?"
      : "Another KPI for \(department) → \(outcome)?"
  }

  // MARK: - Step 4

  /// The classic pairs, as `ConflictCandidates` lists them for this cascade; the first is
  /// structural and resolved, and about one in seven after it where a KPI is still unadjusted.
  /// With no pair to ask about, the room passes over step 4.
  private mutating func resolve() {
    let candidates = classicConflicts()
    guard !candidates.isEmpty else { return }
    enter(.resolve)
    var adjusted = Set<String>()
    for (number, conflict) in candidates.enumerated() {
      let (first, second) = (conflict.first, conflict.second)
      let (firstDepartment, secondDepartment) = (conflict.firstDepartment, conflict.secondDepartment)
      let company = names[companyIDs[conflict.companyIndex]]!
      let open = [first, second].filter { !adjusted.contains($0) }
      let structural = !open.isEmpty && (number == 0 || plan.random.chance(15))
      ask(
        "Can \(plan.departments[firstDepartment].name) hit \(names[first]!) and \(plan.departments[secondDepartment].name) hit \(names[second]!) while \(company) gets worse? (yes/no)",
        structural ? "yes" : "no",
        [
          .cascade(
            .conflictRaised(
              first: first, second: second, companyKPI: companyIDs[conflict.companyIndex], origin: .classic)),
          .cascade(.conflictAnswered(first: first, second: second, structural: structural)),
        ])
      guard structural else { continue }
      let key = ConflictKey.make(first, second)
      let kpi = plan.random.pick(open)
      adjusted.insert(kpi)
      let oldName = names[kpi]!
      let oldTarget = targets[kpi]!
      ask(
        "Which KPI will you adjust: \(names[first]!) or \(names[second]!)?", oldName,
        [.adjustmentChosen(conflict: key, kpi: kpi)])
      let department = plan.departments[kpi == first ? firstDepartment : secondDepartment]
      let planned = department.kpis[
        kpiIDs[kpi == first ? firstDepartment : secondDepartment].firstIndex(of: kpi)!]
      let renames = plan.random.chance(60) || planned.shape.values.count < 2
      let newName =
        renames
        ? "\(oldName) \(SampleVocabulary.adjustmentQualifiers[department.function.function]!)" : oldName
      ask(
        "New name for \(oldName)? Enter keeps it.", renames ? newName : "",
        [.adjustmentNamed(conflict: key, name: newName)])
      let keeps =
        renames
        ? "Enter keeps \(oldTarget)." : "(was \(oldTarget); the name is unchanged, so the target must change)"
      var newTarget = oldTarget
      if !renames {
        let values = planned.shape.values
        let shifted =
          (planned.value - values.lowerBound + 1 + plan.random.below(values.count - 1)) % values.count
        newTarget = planned.shape.text(values.lowerBound + shifted)
      }
      ask(
        "New target for \(newName)? " + keeps, renames ? "" : newTarget,
        .conflictResolved(
          first: first, second: second,
          resolution: Resolution(
            kpi: kpi, oldName: oldName, newName: newName, oldTarget: oldTarget, newTarget: newTarget)))
      names[kpi] = newName
      targets[kpi] = newTarget
    }
  }

  private struct ClassicConflict {
    let first: String
    let second: String
    let firstDepartment: Int
    let secondDepartment: Int
    let companyIndex: Int
  }

  /// `ConflictCandidates.find` for a cascade with no declared tensions and no stored conflicts:
  /// each classic function pair, department by department, preferring two KPIs that move the
  /// same company KPI. Linear in the pairs it returns, where `find` would look up each.
  private func classicConflicts() -> [ClassicConflict] {
    var byFunction: [DepartmentFunction: [Int]] = [:]
    for (index, department) in plan.departments.enumerated() where !department.kpis.isEmpty {
      byFunction[department.function.function, default: []].append(index)
    }
    var result: [ClassicConflict] = []
    var seen = Set<String>()
    for (one, other) in ConflictCandidates.classicPairs {
      for a in byFunction[one] ?? [] {
        for b in byFunction[other] ?? [] where b != a {
          let (first, second) = classicPair(a, b)
          let conflict = ClassicConflict(
            first: kpiIDs[a][first], second: kpiIDs[b][second], firstDepartment: a, secondDepartment: b,
            companyIndex: plan.departments[a].kpis[first].companyIndex)
          if seen.insert(ConflictKey.make(conflict.first, conflict.second)).inserted {
            result.append(conflict)
          }
        }
      }
    }
    return result
  }

  private func classicPair(_ a: Int, _ b: Int) -> (Int, Int) {
    let theirs = plan.departments[b].kpis
    for (index, kpi) in plan.departments[a].kpis.enumerated() {
      if let match = theirs.firstIndex(where: { $0.companyIndex == kpi.companyIndex }) {
        return (index, match)
      }
    }
    return (0, 0)
  }

  // MARK: - Step 5

  private mutating func assign() {
    var issued = 0
    for (index, department) in plan.departments.enumerated() {
      for (position, kpi) in department.kpis.enumerated() {
        let id = kpiIDs[index][position]
        let name = names[id]!
        ask(
          "Who is accountable for \(name) in \(department.name)?", kpi.owner,
          .ownerSet(kpi: id, person: kpi.owner))
        var asked = 0
        for individual in kpi.individuals {
          issued += 1
          let own = "i\(issued)"
          ask(
            individualQuestion(name, first: asked == 0), individual.name,
            .individualKPIAdded(id: own, parent: id, name: individual.name))
          asked += 1
          ask(
            "Which role or team does \(individual.name) measure?", individual.role,
            .roleSet(kpi: own, role: individual.role))
          ask(
            "Target for \(individual.name)?", individual.target,
            .targetSet(kpi: own, target: individual.target, reason: nil))
          ask(
            "Who is accountable for \(individual.name)?", individual.owner,
            .ownerSet(kpi: own, person: individual.owner))
        }
        ask(individualQuestion(name, first: asked == 0), "", [.listClosed(Agenda.individualList(parent: id))])
      }
    }
  }

  private func individualQuestion(_ parent: String, first: Bool) -> String {
    first
      ? "Add the individual KPIs that drive \(parent)? Name one, or Enter to go on."
      : "Another individual KPI for \(parent)? Enter when done."
  }

  // MARK: - Step 6

  private mutating func govern() {
    let velocity = plan.velocity
    ask(
      "How fast does the business move: high or steady?", velocity.rawValue, .velocitySet(velocity: velocity))
    let operational = velocity.proposedOperationalReview
    ask(
      "Operational review cadence? Enter for \(operational.rawValue).", "",
      .operationalReviewSet(cadence: operational))
    let strategic = velocity.proposedStrategicReview
    ask(
      "Strategic review cadence? Enter for \(strategic.rawValue).", "",
      .strategicReviewSet(cadence: strategic))
    // The proposals depend on the lock day only.
    let cascade = (try? Cascade(events: [.companyKPIsLocked(on: lockedOn)])) ?? Cascade()
    for field in GovernanceField.allCases {
      let date = tick()
      let agenda = Agenda(cascade: cascade, progress: Progress(), today: date)
      let (answer, value): (String, String) =
        switch field {
        case .processOwner: (plan.processOwner, plan.processOwner)
        case .disputeResolver: (plan.disputeResolver, plan.disputeResolver)
        default: ("", agenda.proposal(for: field))
        }
      record(
        agenda.governanceQuestion(field).text, answer, [.cascade(.governanceSet(field: field, value: value))],
        at: date)
    }
  }
}

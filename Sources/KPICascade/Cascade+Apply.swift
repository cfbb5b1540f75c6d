import Foundation

extension Cascade {
  /// The reducer: applies one event, or throws without changing anything when the event
  /// refers to something missing, reuses an id, or changes a locked KPI without a reason.
  public mutating func apply(_ event: CascadeEvent) throws(CascadeError) {
    // Every lookup below goes through the index; a cascade changed by hand or decoded from a
    // file gets one built here, once, before its first event.
    if !index.isCurrent { index = CascadeIndex(of: self) }
    // Changing a KPI in its array moves the name revision (`didSet`); an event that renames,
    // adds or removes nothing puts it back, so Tab keeps its sorted names across such answers.
    let names = self.names
    let candidateParts = self.candidateParts
    let storedBefore = storedConflicts.number
    switch event {
    case .renamed, .removed:
      // Several parts, rare: applied to a copy, so a refusal halfway changes nothing.
      var next = self
      try next.applyInPlace(event)
      self = next
    default:
      // Each other case checks everything before it changes anything, so it applies in
      // place: a copy per event copies every array it appends to, which made replay grow
      // with the square of the session (a 43,000-exchange sample: 10 s to make, now 2.5 s).
      try applyInPlace(event)
    }
    if !event.mayChangeNames { self.names = names }
    if !event.mayChangeConflictCandidates { self.candidateParts = candidateParts }
    if storedConflicts.number != storedBefore {
      let key = event.changedConflict
      if key != nil, lastConflictChange.key == key, lastConflictChange.to == storedBefore {
        // Raised and answered in one exchange: still one conflict changed since `from`.
        lastConflictChange.via = storedBefore
        lastConflictChange.to = storedConflicts.number
      } else {
        lastConflictChange = ConflictChange(
          from: storedBefore, via: storedBefore, to: storedConflicts.number, key: key)
      }
    }
  }

  private mutating func applyInPlace(_ event: CascadeEvent) throws(CascadeError) {
    switch event {
    case .companyKPIAdded(let id, let name):
      guard !isLocked else {
        throw .invalid("the company KPIs are locked; a new one waits for the annual realignment")
      }
      try requireNewID(id)
      let folded = name.lowercased()
      if companyKPIs.contains(where: { $0.name.lowercased() == folded }) {
        throw .duplicateName(name)
      }
      companyKPIs.append(CompanyKPI(id: id, name: name))
      index.companyKPIs[id] = companyKPIs.count - 1
      index.isCurrent = true

    case .companyKPIsLocked(let day):
      lockedOn = day

    case .departmentAdded(let id, let name):
      try requireNewID(id)
      let folded = name.lowercased()
      if departments.contains(where: { $0.name.lowercased() == folded }) {
        throw .duplicateName(name)
      }
      departments.append(Department(id: id, name: name))
      index.departments[id] = departments.count - 1
      index.isCurrent = true

    case .headSet(let department, let person):
      departments[try departmentIndex(department)].head = person
      index.isCurrent = true

    case .functionSet(let department, let function):
      departments[try departmentIndex(department)].function = function
      index.isCurrent = true

    case .contributionRecorded(let companyKPI, let department, let text):
      _ = try companyKPIIndex(companyKPI)
      _ = try departmentIndex(department)
      let entry = Contribution(companyKPI: companyKPI, department: department, text: text)
      let key = CascadeIndex.contributionKey(companyKPI, department)
      if let position = index.contributions[key] {
        contributions[position] = entry
      } else {
        contributions.append(entry)
        index.contributions[key] = contributions.count - 1
      }
      index.isCurrent = true

    case .departmentKPIAdded(let id, let department, let companyKPI, let name):
      try requireNewID(id)
      _ = try companyKPIIndex(companyKPI)
      let d = try departmentIndex(department)
      let folded = name.lowercased()
      if departments[d].kpis.contains(where: { $0.name.lowercased() == folded }) {
        throw .duplicateName(name)
      }
      departments[d].kpis.append(DepartmentKPI(id: id, name: name, companyKPI: companyKPI))
      index.departmentKPIs[id] = CascadeIndex.KPIPosition(department: d, kpi: departments[d].kpis.count - 1)
      index.isCurrent = true

    case .individualKPIAdded(let id, let parent, let name):
      try requireNewID(id)
      guard departmentKPI(parent) != nil else { throw .unknownReference(kind: "department KPI", id: parent) }
      let siblings = index.children[parent] ?? []
      let folded = name.lowercased()
      if siblings.contains(where: { individualKPIs[$0].name.lowercased() == folded }) {
        throw .duplicateName(name)
      }
      individualKPIs.append(IndividualKPI(id: id, name: name, parent: parent))
      index.individualKPIs[id] = individualKPIs.count - 1
      index.children[parent, default: []].append(individualKPIs.count - 1)
      index.isCurrent = true

    case .roleSet(let kpi, let role):
      guard let i = index.individualKPIs[kpi] else {
        throw .unknownReference(kind: "individual KPI", id: kpi)
      }
      individualKPIs[i].role = role
      index.isCurrent = true

    case .leadTimeSet(let kpi, let days):
      guard days >= 0 else { throw .invalid("lead time \(days) is negative") }
      try updateDepartmentKPI(kpi) { $0.leadTimeDays = days }
      index.isCurrent = true

    case .linkSentenceSet(let kpi, let sentence):
      try updateDepartmentKPI(kpi) { $0.linkSentence = sentence }
      index.isCurrent = true

    case .tensionSet(let kpi, let tension):
      if case .with(let other) = tension {
        guard departmentKPI(other) != nil else { throw .unknownReference(kind: "KPI", id: other) }
        guard other != kpi else { throw .invalid("'\(name(of: kpi))' cannot be in tension with itself") }
      }
      try updateDepartmentKPI(kpi) { $0.tension = tension }
      index.isCurrent = true

    case .contributorAdded(let kpi, let department):
      _ = try departmentIndex(department)
      try updateDepartmentKPI(kpi) {
        if !$0.contributors.contains(department) { $0.contributors.append(department) }
      }
      index.isCurrent = true

    case .targetSet(let kpi, let target, let reason):
      if let c = index.companyKPIs[kpi] {
        if let old = companyKPIs[c].target, old != target {
          try recordLockedChange(c, what: "target: \(old) → \(target)", reason: reason)
        }
        companyKPIs[c].target = target
      } else {
        try updateKPI(kpi, department: { $0.target = target }, individual: { $0.target = target })
      }
      index.isCurrent = true

    case .ownerSet(let kpi, let person, let reason):
      if let c = index.companyKPIs[kpi] {
        if let old = companyKPIs[c].owner, old != person {
          try recordLockedChange(c, what: "executive: \(old) → \(person)", reason: reason)
        }
        companyKPIs[c].owner = person
      } else {
        try updateKPI(kpi, department: { $0.owner = person }, individual: { $0.owner = person })
      }
      index.isCurrent = true

    case .renamed(let id, let name, let reason):
      try rename(id, to: name, reason: reason)
      // Names are not indexed: every position still holds.
      index.isCurrent = true

    case .removed(let id, let reason):
      try remove(id, reason: reason)
      if !scorecard.isEmpty {
        scorecard.keep(only: Set(companyKPIs.map(\.id) + departmentKPIs.map(\.id) + individualKPIs.map(\.id)))
      }
      // Removing shifts positions in several arrays: rare, so rebuilt whole.
      index = CascadeIndex(of: self)

    case .conflictRaised(let first, let second, let companyKPI, let origin):
      for kpi in [first, second] where departmentKPI(kpi) == nil {
        throw .unknownReference(kind: "KPI", id: kpi)
      }
      _ = try companyKPIIndex(companyKPI)
      guard first != second else { throw .invalid("a conflict needs two different KPIs") }
      if let home = owningDepartment(ofKPI: first), home.id == owningDepartment(ofKPI: second)?.id {
        throw .invalid(
          "'\(name(of: first))' and '\(name(of: second))' are both \(home.name) KPIs: "
            + "a conflict is between two departments")
      }
      guard conflict(first, second) == nil else {
        throw .duplicateID(ConflictKey.make(first, second))
      }
      conflicts.append(
        Conflict(first: first, second: second, companyKPI: companyKPI, origin: origin))
      index.conflicts[ConflictKey.make(first, second)] = conflicts.count - 1
      index.isCurrent = true

    case .conflictAnswered(let first, let second, let structural):
      let c = try conflictIndex(first, second)
      conflicts[c].structural = structural
      if !structural { conflicts[c].resolution = nil }
      index.isCurrent = true

    case .conflictResolved(let first, let second, let resolution):
      let c = try conflictIndex(first, second)
      guard conflicts[c].structural == true else {
        throw .invalid("conflict \(conflicts[c].key) was not answered as structural")
      }
      guard resolution.kpi == first || resolution.kpi == second else {
        throw .invalid("a resolution adjusts one of the two KPIs in conflict")
      }
      try updateDepartmentKPI(resolution.kpi) {
        $0.name = resolution.newName
        if let target = resolution.newTarget { $0.target = target }
      }
      conflicts[c].resolution = resolution
      index.isCurrent = true

    case .velocitySet(let velocity):
      governance.velocity = velocity

    case .operationalReviewSet(let cadence):
      governance.operationalReview = cadence

    case .strategicReviewSet(let cadence):
      governance.strategicReview = cadence

    case .governanceSet(let field, let value):
      switch field {
      case .alignmentReview: governance.alignmentReview = value
      case .annualRealignment: governance.annualRealignment = value
      case .processOwner: governance.processOwner = value
      case .disputeResolver: governance.disputeResolver = value
      case .changeProcess: governance.changeProcess = value
      case .missPolicy: governance.missPolicy = value
      }

    case .restored(let cascade):
      var restored = cascade
      restored.index = CascadeIndex(of: restored)
      try restored.validate()
      self = restored

    case .findingAccepted(let finding, let reason):
      overrides.removeAll { $0.finding == finding }
      overrides.append(Override(finding: finding, reason: reason))

    case .readingsRecorded(let readings):
      guard !readings.isEmpty else { throw .invalid("no readings to record") }
      var known = Set<String>()
      for reading in readings {
        if known.insert(reading.kpi).inserted, !containsKPI(reading.kpi) {
          throw .unknownReference(kind: "KPI", id: reading.kpi)
        }
        guard reading.value.isFinite else { throw .invalid("a reading of '\(reading.kpi)' is not a number") }
        if let confidence = reading.confidence, !(0...10).contains(confidence) {
          throw .invalid("confidence \(confidence) is not 0–10")
        }
      }
      scorecard.record(readings)

    case .reviewHeld(let kind, let day, let offTrack):
      for kpi in offTrack where !containsKPI(kpi) { throw .unknownReference(kind: "KPI", id: kpi) }
      guard Set(offTrack).count == offTrack.count else {
        throw .invalid("a KPI is listed twice in one review")
      }
      reviews.append(Review(kind: kind, day: day, offTrack: offTrack))

    case .varianceRecorded(let kpi, let explanation, let plan):
      guard let last = reviews.indices.last else { throw .invalid("no review has been held") }
      guard reviews[last].offTrack.contains(kpi) else {
        throw .invalid("'\(name(of: kpi))' was not off track at the review of \(reviews[last].day)")
      }
      guard reviews[last].variance(of: kpi) == nil else {
        throw .invalid("'\(name(of: kpi))' was already discussed at the review of \(reviews[last].day)")
      }
      reviews[last].variances.append(Variance(kpi: kpi, explanation: explanation, plan: plan))
    }
  }

  // MARK: - Helpers

  private func requireNewID(_ id: String) throws(CascadeError) {
    guard Self.isWellFormedID(id) else {
      throw .invalid("id '\(id)' is not letters followed by up to 9 digits")
    }
    if index.contains(id) { throw .duplicateID(id) }
  }

  private func companyKPIIndex(_ id: String) throws(CascadeError) -> Int {
    guard let position = index.companyKPIs[id] else {
      throw .unknownReference(kind: "company KPI", id: id)
    }
    return position
  }

  private func departmentIndex(_ id: String) throws(CascadeError) -> Int {
    guard let position = index.departments[id] else {
      throw .unknownReference(kind: "department", id: id)
    }
    return position
  }

  private func conflictIndex(_ first: String, _ second: String) throws(CascadeError) -> Int {
    let key = ConflictKey.make(first, second)
    guard let position = index.conflicts[key] else {
      throw .unknownReference(kind: "conflict", id: key)
    }
    return position
  }

  private mutating func updateDepartmentKPI(
    _ id: String, _ change: (inout DepartmentKPI) -> Void
  ) throws(CascadeError) {
    guard let position = index.departmentKPIs[id] else { throw .unknownReference(kind: "KPI", id: id) }
    change(&departments[position.department].kpis[position.kpi])
  }

  /// Changes a department KPI or, failing that, a Level 3 KPI.
  private mutating func updateKPI(
    _ id: String, department: (inout DepartmentKPI) -> Void, individual: (inout IndividualKPI) -> Void
  ) throws(CascadeError) {
    if let i = index.individualKPIs[id] {
      individual(&individualKPIs[i])
    } else {
      try updateDepartmentKPI(id, department)
    }
  }

  private mutating func recordLockedChange(
    _ index: Int, what: String, reason: String?
  ) throws(CascadeError) {
    guard isLocked else { return }
    guard let reason, !reason.isEmpty else {
      throw .lockedWithoutReason(kpi: companyKPIs[index].name)
    }
    companyKPIs[index].changes.append(LockedChange(what: what, reason: reason))
  }

  private mutating func rename(_ id: String, to name: String, reason: String?) throws(CascadeError) {
    if let c = companyKPIs.firstIndex(where: { $0.id == id }) {
      let folded = name.lowercased()
      if companyKPIs.contains(where: { $0.id != id && $0.name.lowercased() == folded }) {
        throw .duplicateName(name)
      }
      try recordLockedChange(c, what: "name: \(companyKPIs[c].name) → \(name)", reason: reason)
      companyKPIs[c].name = name
    } else if let d = departments.firstIndex(where: { $0.id == id }) {
      let folded = name.lowercased()
      if departments.contains(where: { $0.id != id && $0.name.lowercased() == folded }) {
        throw .duplicateName(name)
      }
      departments[d].name = name
    } else {
      try updateKPI(id, department: { $0.name = name }, individual: { $0.name = name })
    }
  }

  private mutating func remove(_ id: String, reason: String?) throws(CascadeError) {
    if let c = companyKPIs.firstIndex(where: { $0.id == id }) {
      if departmentKPIs.contains(where: { $0.companyKPI == id }) {
        throw .invalid("company KPI '\(companyKPIs[c].name)' still has department KPIs")
      }
      if isLocked, reason?.isEmpty ?? true { throw .lockedWithoutReason(kpi: companyKPIs[c].name) }
      companyKPIs.remove(at: c)
      contributions.removeAll { $0.companyKPI == id }
      forgetOverrides(about: [id])
    } else if let d = departments.firstIndex(where: { $0.id == id }) {
      let gone = Set(departments[d].kpis.map(\.id))
      departments.remove(at: d)
      forgetOverrides(about: [id])
      contributions.removeAll { $0.department == id }
      forgetKPIs(gone)
      for i in departments.indices {
        for k in departments[i].kpis.indices {
          departments[i].kpis[k].contributors.removeAll { $0 == id }
        }
      }
    } else if departmentKPI(id) != nil {
      for d in departments.indices { departments[d].kpis.removeAll { $0.id == id } }
      forgetKPIs([id])
    } else if individualKPIs.contains(where: { $0.id == id }) {
      individualKPIs.removeAll { $0.id == id }
      forgetOverrides(about: [id])
    } else {
      throw .unknownReference(kind: "department or KPI", id: id)
    }
  }

  /// Drops conflicts, tensions and accepted findings that point at KPIs that no longer exist,
  /// so nothing removed can haunt a KPI added later.
  private mutating func forgetKPIs(_ ids: Set<String>) {
    conflicts.removeAll { ids.contains($0.first) || ids.contains($0.second) }
    let children = Set(individualKPIs.filter { ids.contains($0.parent) }.map(\.id))
    individualKPIs.removeAll { children.contains($0.id) }
    forgetOverrides(about: ids.union(children))
    for d in departments.indices {
      for k in departments[d].kpis.indices {
        if case .with(let other) = departments[d].kpis[k].tension, ids.contains(other) {
          departments[d].kpis[k].tension = Tension.none
        }
      }
    }
  }

  private mutating func forgetOverrides(about ids: Set<String>) {
    overrides.removeAll { override in
      let subject = override.finding.split(separator: ":", maxSplits: 1).last.map(String.init) ?? ""
      return subject.split(separator: "~").contains { ids.contains(String($0)) }
    }
  }

  /// Ids are a few letters and up to nine digits (`c1`, `d12`, `k340`): short to type, and
  /// never so large that the next one overflows.
  public static func isWellFormedID(_ id: String) -> Bool {
    let letters = id.prefix { $0.isASCII && $0.isLowercase }
    let digits = id.dropFirst(letters.count)
    return !letters.isEmpty && letters.count <= 8 && !digits.isEmpty && digits.count <= 9
      && digits.allSatisfy { $0.isASCII && $0.isNumber }
  }
}

extension CascadeEvent {
  /// Whether applying the event can add, remove, rename or reorder a department or a KPI.
  /// No `default`: a new event must say.
  /// Whether the event may change what `ConflictCandidates` derives its pairs from: which
  /// departments there are and their functions (a name suggests one), their KPIs in order with
  /// the company KPI each moves, and declared tensions.
  fileprivate var mayChangeConflictCandidates: Bool {
    switch self {
    case .departmentAdded, .functionSet, .departmentKPIAdded, .tensionSet, .renamed, .removed, .restored:
      true
    // A resolution renames or retargets a KPI: neither changes which pairs are candidates.
    case .companyKPIAdded, .companyKPIsLocked, .headSet, .contributionRecorded, .individualKPIAdded, .roleSet,
      .leadTimeSet, .linkSentenceSet, .contributorAdded, .targetSet, .ownerSet, .conflictRaised,
      .conflictAnswered, .conflictResolved, .velocitySet, .operationalReviewSet, .strategicReviewSet,
      .governanceSet,
      .findingAccepted, .readingsRecorded, .reviewHeld, .varianceRecorded:
      false
    }
  }

  /// The key of the one stored conflict the event changes, if it changes exactly one.
  fileprivate var changedConflict: String? {
    switch self {
    case .conflictRaised(let first, let second, _, _), .conflictAnswered(let first, let second, _),
      .conflictResolved(let first, let second, _):
      ConflictKey.make(first, second)
    default:
      nil
    }
  }

  fileprivate var mayChangeNames: Bool {
    switch self {
    case .companyKPIAdded, .departmentAdded, .departmentKPIAdded, .individualKPIAdded, .renamed, .removed,
      .conflictResolved, .restored:
      true
    case .companyKPIsLocked, .headSet, .functionSet, .contributionRecorded, .roleSet, .leadTimeSet,
      .linkSentenceSet, .tensionSet, .contributorAdded, .targetSet, .ownerSet, .conflictRaised,
      .conflictAnswered, .velocitySet, .operationalReviewSet, .strategicReviewSet, .governanceSet,
      .findingAccepted, .readingsRecorded, .reviewHeld, .varianceRecorded:
      false
    }
  }
}

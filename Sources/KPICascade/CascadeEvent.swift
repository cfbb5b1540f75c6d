/// One change to the cascade. The cascade is the fold of its events, so undo, replay, import
/// validation and crash recovery all come from `Cascade.apply(_:)`.
///
/// Each case is persisted under its name as a stable tag; renaming a case breaks old files.
public enum CascadeEvent: Codable, Equatable, Sendable {
  case companyKPIAdded(id: String, name: String)
  /// Locks the company KPIs on a day (`YYYY-MM-DD`) for twelve months.
  case companyKPIsLocked(on: String)
  case departmentAdded(id: String, name: String)
  case headSet(department: String, person: String)
  case functionSet(department: String, function: DepartmentFunction)
  /// `text == nil`: the department does nothing that moves the company KPI.
  case contributionRecorded(companyKPI: String, department: String, text: String?)
  case departmentKPIAdded(id: String, department: String, companyKPI: String, name: String)
  /// A Level 3 KPI under a department KPI.
  case individualKPIAdded(id: String, parent: String, name: String)
  /// The role or team a Level 3 KPI measures.
  case roleSet(kpi: String, role: String)
  case leadTimeSet(kpi: String, days: Int)
  case linkSentenceSet(kpi: String, sentence: String)
  case tensionSet(kpi: String, tension: Tension)
  /// Another department contributes to a shared metric owned by the KPI's department.
  case contributorAdded(kpi: String, department: String)
  /// Sets a KPI's target at any level; `reason` is required once company KPIs are locked.
  case targetSet(kpi: String, target: String, reason: String?)
  /// Sets a KPI's accountable person (the executive, for a company KPI); replacing a locked
  /// company KPI's executive needs a `reason`.
  case ownerSet(kpi: String, person: String, reason: String? = nil)
  /// Renames a department or a KPI at any level.
  case renamed(id: String, name: String, reason: String?)
  /// Removes a department (with its KPIs) or a KPI at any level (with the KPIs under it).
  case removed(id: String, reason: String?)
  case conflictRaised(first: String, second: String, companyKPI: String, origin: ConflictOrigin)
  case conflictAnswered(first: String, second: String, structural: Bool)
  /// Resolves a structural conflict by adjusting one KPI; applies the new name and target.
  case conflictResolved(first: String, second: String, resolution: Resolution)
  case velocitySet(velocity: BusinessVelocity)
  case operationalReviewSet(cadence: ReviewCadence)
  case strategicReviewSet(cadence: ReviewCadence)
  case governanceSet(field: GovernanceField, value: String)
  case findingAccepted(finding: String, reason: String)
  /// Readings of KPIs at any level (one typed with `/record`, or a whole file); a reading on a
  /// day that already has one for that KPI replaces it.
  case readingsRecorded(readings: [Reading])
  /// A review meeting held on a day, with the KPIs due at it that were off track.
  case reviewHeld(kind: ReviewKind, on: CalendarDay, offTrack: [String])
  /// At the latest review, an off-track KPI's explanation and improvement plan (`nil`: none given).
  case varianceRecorded(kpi: String, explanation: String?, plan: String?)
  /// Replaces the whole cascade with one read from an exported file (`kpi-align import`);
  /// applies only if the cascade passes `Cascade.validate()`.
  case restored(cascade: Cascade)
}

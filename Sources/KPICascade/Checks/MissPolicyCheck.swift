/// Governance's rule for repeated misses, applied to the reviews the room held: a KPI off track
/// at the policy's number of consecutive reviews (two unless the policy names another) needs an
/// improvement plan, and `check` says so until one is recorded.
///
/// Only reviews that walk the KPI's level count (operational: department and Level 3 KPIs;
/// strategic: company and department KPIs), so a weekly KPI is not excused by a monthly
/// meeting that never looked at it. With no reviews held there is nothing to judge.
public struct MissPolicyCheck: AlignmentCheck {
  public let kind = CheckKind.missPolicy

  public init() {}

  /// How many consecutive misses the policy tolerates before a plan is required: a number
  /// shortly before "consecutive" or "in a row" (`two consecutive misses`, `3 reviews in a
  /// row`, `twice in a row`), else two.
  public static func misses(in policy: String?) -> Int {
    let words = (policy ?? "").lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    let named = ["one": 1, "two": 2, "twice": 2, "three": 3, "thrice": 3, "four": 4, "five": 5, "six": 6]
    for (index, word) in words.enumerated() {
      guard let number = Int(word) ?? named[word], (1...12).contains(number) else { continue }
      let after = words.dropFirst(index + 1).prefix(4).joined(separator: " ")
      if after.contains("consecutive") || after.contains("in a row") { return number }
    }
    return 2
  }

  public func findings(in cascade: Cascade) -> [Finding] {
    guard !cascade.reviews.isEmpty else { return [] }
    let needed = Self.misses(in: cascade.governance.missPolicy)
    var findings: [Finding] = []
    let kpis =
      cascade.companyKPIs.map { ($0.id, KPILevel.company) }
      + cascade.departmentKPIs.map { ($0.id, .department) }
      + cascade.individualKPIs.map { ($0.id, .individual) }
    for (kpi, level) in kpis {
      var worst: (kind: ReviewKind, streak: [Review])?
      var looked = false
      for kind in ReviewKind.allCases where kind.levels.contains(level) {
        let held = cascade.reviews.filter { $0.kind == kind }
        guard !held.isEmpty else { continue }
        looked = true
        let streak = Array(held.reversed().prefix { $0.offTrack.contains(kpi) }.reversed())
        if streak.count >= needed, streak.count > (worst?.streak.count ?? 0) { worst = (kind, streak) }
      }
      guard looked else { continue }
      guard let worst else {
        findings.append(
          Finding(check: kind, verdict: .pass, subject: kpi, .notRepeatedlyOffTrack(needed)))
        continue
      }
      if let plan = worst.streak.last?.variance(of: kpi)?.plan, !plan.isEmpty {
        findings.append(
          Finding(
            check: kind, verdict: .warn, subject: kpi, .offTrackWithPlan(worst.streak, worst.kind, plan: plan)
          ))
      } else {
        findings.append(
          Finding(check: kind, verdict: .fail, subject: kpi, .offTrackWithoutPlan(worst.streak, worst.kind)))
      }
    }
    return findings
  }
}

extension Finding.Message {
  static func notRepeatedlyOffTrack(_ reviews: Int) -> Self {
    Self("not off track at \(reviews) consecutive reviews")
  }

  /// "off track at 3 consecutive operational reviews (2027-01-04, …)".
  private static func offTrack(_ streak: [Review], _ kind: ReviewKind) -> String {
    let days = streak.map(\.day.description).joined(separator: ", ")
    return "off track at \(streak.count) consecutive \(kind.rawValue) reviews (\(days))"
  }
  static func offTrackWithPlan(_ streak: [Review], _ kind: ReviewKind, plan: String) -> Self {
    Self(
      "\(offTrack(streak, kind)); improvement plan: \"\(plan)\"",
      remedy: "follow the plan at the next \(kind.rawValue) review")
  }
  static func offTrackWithoutPlan(_ streak: [Review], _ kind: ReviewKind) -> Self {
    Self(
      "\(offTrack(streak, kind)) and no improvement plan recorded",
      remedy: "the miss policy needs an improvement plan: the owner brings one to the next /review")
  }
}

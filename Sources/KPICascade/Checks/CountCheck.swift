/// Counts: 3–5 company KPIs (more signals strategic confusion), 5–8 KPIs per department
/// (fewer leaves outcomes unwatched, more and nobody watches any of them) and 3–5 Level 3 KPIs
/// per role (the same attention limit, for one person or team).
public struct CountCheck: AlignmentCheck {
  public let kind = CheckKind.counts
  public static let companyRange = 3...5
  public static let departmentRange = 5...8
  public static let roleRange = 3...5

  /// The subject for Level 3 KPIs that name no role yet.
  public static let unassignedRole = "role:unassigned"

  public init() {}

  /// `level-1` for the company KPIs, one finding per department id, then `level-2` when some
  /// departments have fewer than 5 KPIs (one line for all of them: a room that starts with three
  /// or four a department is not broken), then one per role that Level 3 KPIs name (in the order
  /// the roles first appear), then `role:unassigned` when some Level 3 KPIs name none. No Level 3
  /// KPIs, no role findings.
  public func findings(in cascade: Cascade) -> [Finding] {
    [companyFinding(cascade.companyKPIs.count)] + cascade.departments.map(departmentFinding)
      + fewDepartmentKPIsFinding(cascade.departments) + roleFindings(cascade.individualKPIs)
  }

  /// The one line for every department with fewer KPIs than recommended, or none.
  private func fewDepartmentKPIsFinding(_ departments: [Department]) -> [Finding] {
    let few = departments.filter { (1..<Self.departmentRange.lowerBound).contains($0.kpis.count) }
    guard !few.isEmpty else { return [] }
    return [
      Finding(
        check: kind, verdict: .warn, subject: "level-2",
        .fewDepartmentKPIs(few.map { ($0.name, $0.kpis.count) }, of: departments.count))
    ]
  }

  /// The stable subject for a role: `role:` and the role lowercased, every run of characters
  /// that are not letters or digits written as one `-` ("Account Executive (EMEA)" →
  /// `role:account-executive-emea`), so spelling variants of one role are counted together and
  /// an override survives a retyped capital. No role, or one with no letters or digits, or one
  /// literally called "unassigned", is `role:unassigned`.
  public static func roleSubject(_ role: String?) -> String {
    let text = role ?? ""
    var slug = ""
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      // Plain ASCII (nearly every role), byte by byte: the same slug as by `Character`.
      var bytes: [UInt8] = []
      for byte in text.utf8 {
        let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
          bytes.append(lower)
        } else if !bytes.isEmpty && bytes.last != 0x2D {
          bytes.append(0x2D)
        }
      }
      slug = String(decoding: bytes, as: UTF8.self)
    } else {
      for character in text.lowercased() {
        if character.isLetter || character.isNumber {
          slug.append(character)
        } else if !slug.isEmpty && slug.last != "-" {
          slug.append("-")
        }
      }
    }
    if slug.last == "-" { slug.removeLast() }
    let subject = "role:\(slug)"
    return slug.isEmpty || subject == unassignedRole ? unassignedRole : subject
  }

  private func companyFinding(_ count: Int) -> Finding {
    ranged(
      count, in: Self.companyRange, subject: "level-1", pass: .companyKPIs(count), none: .noCompanyKPIs,
      few: .fewCompanyKPIs(count), many: .manyCompanyKPIs(count))
  }

  private func departmentFinding(_ department: Department) -> Finding {
    let count = department.kpis.count
    return ranged(
      count, in: Self.departmentRange, subject: department.id, pass: .departmentKPIs(count),
      none: .noDepartmentKPIs, few: .departmentKPIs(count), many: .manyDepartmentKPIs(count),
      fewVerdict: .pass)
  }

  /// The verdict of a count against its range: none fails, too few warns, too many fails.
  private func ranged(
    _ count: Int, in range: ClosedRange<Int>, subject: String, pass: Finding.Message,
    none: Finding.Message, few: Finding.Message, many: Finding.Message, fewVerdict: Verdict = .warn
  ) -> Finding {
    let (verdict, message): (Verdict, Finding.Message) =
      switch count {
      case 0: (.fail, none)
      case ..<range.lowerBound: (fewVerdict, few)
      case range: (.pass, pass)
      default: (.fail, many)
      }
    return Finding(check: kind, verdict: verdict, subject: subject, message)
  }

  private func roleFindings(_ kpis: [IndividualKPI]) -> [Finding] {
    var order: [String] = []
    var names: [String?] = []
    var counts: [Int] = []
    var slots: [String: Int] = [:]
    for index in kpis.indices {
      let subject = kpis[index].roleSubject
      let slot: Int
      if let known = slots[subject] {
        slot = known
      } else {
        slot = order.count
        slots[subject] = slot
        order.append(subject)
        names.append(kpis[index].role.answered.collapsingWhitespace)
        counts.append(0)
      }
      counts[slot] += 1
    }
    let named = order.indices.filter { order[$0] != Self.unassignedRole }.map { slot in
      roleFinding(order[slot], names[slot] ?? order[slot], counts[slot])
    }
    guard let unassigned = slots[Self.unassignedRole].map({ counts[$0] }) else { return named }
    return named + [
      Finding(check: kind, verdict: .warn, subject: Self.unassignedRole, .withoutRole(unassigned))
    ]
  }

  /// Never `0`: a role exists only because some Level 3 KPI names it.
  private func roleFinding(_ subject: String, _ role: String, _ count: Int) -> Finding {
    switch count {
    case ..<Self.roleRange.lowerBound:
      return Finding(check: kind, verdict: .warn, subject: subject, .fewRoleKPIs(count, role))
    case Self.roleRange:
      return Finding(check: kind, verdict: .pass, subject: subject, .roleKPIs(count, role))
    default:
      return Finding(check: kind, verdict: .fail, subject: subject, .manyRoleKPIs(count, role))
    }
  }
}

extension Finding.Message {
  static func companyKPIs(_ count: Int) -> Self { Self("\(count) company KPIs") }
  static let noCompanyKPIs = Self("no company KPIs", remedy: "agree the 3–5 outcomes the board cares about")
  static func fewCompanyKPIs(_ count: Int) -> Self {
    Self(
      "\(count) company KPI\(count == 1 ? "" : "s"): 3–5 recommended",
      remedy: "check no outcome the board cares about is missing")
  }
  static func manyCompanyKPIs(_ count: Int) -> Self {
    Self(
      "\(count) company KPIs: more than 5 signals strategic confusion",
      remedy: "keep the 3–5 that matter most; the rest can be department KPIs")
  }

  static let noDepartmentKPIs = Self(
    "no KPIs", remedy: "pick 5–8 leading indicators of the company KPIs it moves")
  static func departmentKPIs(_ count: Int) -> Self {
    Self("\(count) KPI\(count == 1 ? "" : "s")")
  }
  /// One line for all departments with fewer than 5: "2 of 5 departments have fewer than 5 KPIs
  /// (5–8 recommended): Sales 3, Stores 4".
  static func fewDepartmentKPIs(_ departments: [(name: String, count: Int)], of total: Int) -> Self {
    let list = departments.prefix(6).map { "\($0.name) \($0.count)" }.joined(separator: ", ")
    let more = departments.count > 6 ? " and \(departments.count - 6) more" : ""
    let subject =
      departments.count == total
      ? "every department has fewer than 5 KPIs"
      : "\(departments.count) of \(total) departments have fewer than 5 KPIs"
    return Self(
      "\(subject) (5–8 recommended): \(list)\(more)",
      remedy: "add leading indicators where an outcome goes unwatched, or accept fewer on purpose")
  }
  static func manyDepartmentKPIs(_ count: Int) -> Self {
    Self(
      "\(count) KPIs: more than 8 and nobody watches any of them",
      remedy: "keep the 5–8 that lead best; move activity counts to Level 3")
  }

  /// "2 Level 3 KPIs for Account executive".
  private static func levelThree(_ count: Int, _ role: String) -> String {
    "\(count) Level 3 KPI\(count == 1 ? "" : "s") for \(role)"
  }
  static func roleKPIs(_ count: Int, _ role: String) -> Self { Self(levelThree(count, role)) }
  static func fewRoleKPIs(_ count: Int, _ role: String) -> Self {
    Self(
      "\(levelThree(count, role)): 3–5 per role recommended",
      remedy: "add what else this role does that drives its department KPIs, or accept fewer on purpose")
  }
  static func manyRoleKPIs(_ count: Int, _ role: String) -> Self {
    Self(
      "\(levelThree(count, role)): more than 5 and nobody watches any of them",
      remedy: "keep the 3–5 that drive its department KPIs best")
  }
  static func withoutRole(_ count: Int) -> Self {
    Self(
      "\(count) Level 3 KPI\(count == 1 ? "" : "s") with no role",
      remedy: "name the role or team each one measures, e.g. 'Account executive'")
  }
}

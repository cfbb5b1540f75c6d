import Exports
import Foundation
import KPICascade

/// A KPI inventory read from a spreadsheet in the `csv` export's columns, as the opening
/// exchange of a new session (`kpi-align import-csv`).
///
/// A company that tracks KPIs in a spreadsheet starts the workshop from what it tracks today,
/// every test run on it. What each row becomes:
/// - level 1: a company KPI (kpi, target, owner);
/// - level 2: a department KPI under the level-1 row named in `company_kpi`, its department
///   created on its first level-2 row (departments keep that order), with link sentence,
///   target, lead time (whole days, 0–3650) and owner; `parent_kpi` is empty or repeats
///   `company_kpi`, as the export writes it;
/// - level 3: an individual KPI under the level-2 row of the same department named in
///   `parent_kpi`, with role, target and owner; `company_kpi` is empty or the parent's.
///
/// Every level-2 KPI also records its department's contribution to its company KPI ("imported
/// from FILE"), so step 2 and the line of sight see the link the spreadsheet already makes and
/// the room is asked only about the pairs it has no KPI for. The CSV holds no contribution text
/// of its own; naming the file says where the link came from.
///
/// The derived columns (`direction`, `leading_or_lagging`, `outcome_or_activity`, `verdicts`)
/// are read but never trusted: the tests recompute them from the other columns. The one thing
/// the verdicts say that no other column can is the room's answer on a conflict, so a
/// candidate conflict whose KPI's row reads `pass` (or lists findings, none of them
/// `conflicts`) in the export's own wording is recorded as accepted, with that row as the
/// reason: a pair settled before the export stays settled in `check` (step 4 still asks it),
/// and a file kpi-align exported exports again byte for byte.
///
/// Cells: one neutralising `'` is removed as `CascadeCSV.isNeutralised` says (a `'` followed
/// by quotes and then `=`, `+`, `-`, `@`, tab or CR), undoing the export exactly; then the
/// text is trimmed, and an empty cell is an unanswered field the workshop will ask for.
public struct KPIInventory: Sendable {
  /// The file's name, as the contribution texts and the transcript show it.
  public let source: String
  /// What the import does to a new session, in order: the cascade events, then the lists
  /// the inventory filled, closed.
  public let changes: [WorkshopEvent]
  /// The cascade those changes build.
  public let cascade: Cascade

  /// Reads an inventory, or throws every bad row's problem.
  ///
  /// - Parameter source: the file's name (not its path), shown in the transcript.
  public static func read(_ bytes: [UInt8], source: String) throws(RowRejection) -> KPIInventory {
    let safeSource = DisplayText.safe(source)
    var records = CSVReader.records(bytes)
    guard !records.isEmpty else {
      throw RowRejection(problems: [
        RowProblem(
          row: nil, column: nil,
          "the file is empty; its first row is the header: \(CascadeCSV.columns.joined(separator: ","))")
      ])
    }
    let header = try readHeader(records.removeFirst())
    records.removeAll(where: \.isBlank)
    guard !records.isEmpty else {
      throw RowRejection(problems: [
        RowProblem(row: nil, column: nil, "the file has a header but no KPI rows")
      ])
    }
    var rows: [Row] = []
    var problems: [Int: RowProblem] = [:]
    for record in records {
      let (row, problem) = Row.read(record, header: header)
      if let row { rows.append(row) }
      if let problem { problems[record.row] = problem }
    }
    let plan = Plan(rows: rows, source: safeSource)
    for problem in plan.crossCheck() where problems[problem.row ?? 0] == nil {
      problems[problem.row ?? 0] = problem
    }
    guard problems.isEmpty else {
      throw RowRejection(problems: problems.keys.sorted().compactMap { problems[$0] })
    }
    let (cascade, changes) = try plan.build()
    return KPIInventory(source: safeSource, changes: changes, cascade: cascade)
  }

  /// The new session's first exchange: one import, not an answer, so `/undo` leaves it be.
  public func exchange(at date: Date) -> Exchange {
    Exchange(
      seq: 1, at: date, step: WorkshopStep.lock.rawValue, question: Exchange.importQuestion,
      answer: "import-csv \(source)", changes: changes)
  }

  // MARK: - The header

  /// The header's column positions by name. Columns may come in any order (a spreadsheet may
  /// have moved them) and names are read without case or surrounding spaces; each of the
  /// export's columns must be there exactly once, and no other.
  private static func readHeader(_ record: CSVReader.Record) throws(RowRejection) -> [String: Int] {
    var positions: [String: Int] = [:]
    var unknown: [String] = []
    var twice: [String] = []
    for (index, cell) in record.cells.enumerated() {
      let name = (cell.text ?? "").trimmed.lowercased()
      if !CascadeCSV.columns.contains(name) {
        unknown.append(name.isEmpty ? "\(index + 1) (empty)" : DisplayText.safe(name))
      } else if positions[name] != nil {
        twice.append(name)
      } else {
        positions[name] = index
      }
    }
    let missing = CascadeCSV.columns.filter { positions[$0] == nil }
    var parts: [(column: String, what: String)] = []
    parts += missing.map { ($0, "missing") }
    parts += unknown.map { ($0, "unknown") }
    parts += twice.map { ($0, "appears twice") }
    guard let first = parts.first else { return positions }
    var message = first.what
    if parts.count > 1 {
      message +=
        " (also " + parts.dropFirst().map { "\($0.column): \($0.what)" }.joined(separator: "; ") + ")"
    }
    message += "; the header is: " + CascadeCSV.columns.joined(separator: ",")
    throw RowRejection(problems: [RowProblem(row: record.row, column: first.column, message)])
  }
}

extension Exchange {
  /// The question of a session's opening import; such an exchange is not an answer to undo.
  public static let importQuestion = "(import)"
}

// MARK: - One row

extension KPIInventory {
  /// The longest lead time accepted, as the workshop accepts it.
  static let longestLeadTime = LeadTime.longest

  /// One row's cells as text, by column name: unneutralised and trimmed.
  fileprivate struct Row {
    let number: Int
    let level: Int
    let cells: [String: String]

    subscript(_ column: String) -> String { cells[column] ?? "" }
    var kpi: String { self["kpi"] }
    var department: String { self["department"] }

    /// The row, when its level and KPI name can be read (so other rows can refer to it even
    /// if it has a problem of its own), and its first problem, if any.
    static func read(
      _ record: CSVReader.Record, header: [String: Int]
    ) -> (Row?, RowProblem?) {
      let row = record.row
      let width = header.count
      guard record.cells.count == width else {
        if record.cells.count < width {
          let missing = CascadeCSV.columns.first { header[$0]! >= record.cells.count }!
          return (
            nil,
            RowProblem(
              row: row, column: missing,
              "missing: the row has \(record.cells.count) cells and the header \(width)")
          )
        }
        return (
          nil,
          RowProblem(
            row: row, column: "\(width + 1)",
            "beyond the last column: the row has \(record.cells.count) cells and the header \(width)")
        )
      }
      var problem: RowProblem?
      func note(_ column: String, _ message: String) {
        if problem == nil { problem = RowProblem(row: row, column: column, message) }
      }
      var cells: [String: String] = [:]
      for column in CascadeCSV.columns {
        let cell = record.cells[header[column]!]
        if let malformation = cell.malformation {
          note(column, malformation.description)
          continue
        }
        guard var text = cell.text else {
          note(column, "not valid UTF-8; save the file as UTF-8")
          continue
        }
        if CascadeCSV.isNeutralised(text) { text.removeFirst() }
        if let offset = text.unicodeScalars.firstIndex(where: DisplayText.isUnsafe) {
          let position = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: offset) + 1
          let shown = DisplayText.safe(String(text.unicodeScalars[offset]))
          note(column, "contains a control character (\(shown) at character \(position)); type plain text")
          continue
        }
        cells[column] = text.trimmed
      }
      let levelText = cells["level"] ?? ""
      guard let level = Int(levelText), (1...3).contains(level), levelText.allSatisfy(\.isASCII) else {
        if cells["level"] != nil {
          note(
            "level",
            levelText.isEmpty
              ? "empty; use 1 (company KPI), 2 (department KPI) or 3 (individual KPI)"
              : "'\(DisplayText.safe(levelText))' is not a level; use 1 (company KPI), 2 (department KPI) or 3 (individual KPI)"
          )
        }
        return (nil, problem)
      }
      let parsed = Row(number: row, level: level, cells: cells)
      if problem == nil { problem = parsed.firstProblem() }
      return (parsed.kpi.isEmpty ? nil : parsed, problem)
    }

    /// What is wrong with this row on its own, column by column.
    private func firstProblem() -> RowProblem? {
      func problem(_ column: String, _ message: String) -> RowProblem {
        RowProblem(row: number, column: column, message)
      }
      if kpi.isEmpty { return problem("kpi", "empty; every row names its KPI") }
      for column in ["department", "role", "kpi", "owner"]
      where self[column].count > AnswerText.maximumNameLength {
        return problem(
          column, "\(self[column].count) characters; a name is at most \(AnswerText.maximumNameLength)")
      }
      for column in ["link_sentence", "target"] where self[column].count > AnswerText.maximumLength {
        return problem(
          column, "\(self[column].count) characters; this cell is at most \(AnswerText.maximumLength)")
      }
      if let cut = AnswerText.cutTargetProblem(self["target"]) { return problem("target", cut) }
      let unused: [String]
      switch level {
      case 1:
        unused = ["department", "role", "parent_kpi", "link_sentence", "lead_time_days"]
        if !self["company_kpi"].isEmpty, self["company_kpi"] != kpi {
          return problem(
            "company_kpi", "a company KPI (level 1) links to itself; leave it empty or repeat '\(shown(kpi))'"
          )
        }
      case 2:
        unused = ["role"]
        if department.isEmpty {
          return problem("department", "empty; a department KPI (level 2) names its department")
        }
        if self["company_kpi"].isEmpty {
          return problem("company_kpi", "empty; a department KPI (level 2) names the company KPI it moves")
        }
        if !self["parent_kpi"].isEmpty, self["parent_kpi"] != self["company_kpi"] {
          return problem(
            "parent_kpi",
            "'\(shown(self["parent_kpi"]))' differs from company_kpi '\(shown(self["company_kpi"]))'; a department KPI's parent is its company KPI: leave it empty or repeat it"
          )
        }
        let lead = self["lead_time_days"]
        if !lead.isEmpty, Self.days(lead) == nil {
          return problem(
            "lead_time_days",
            "'\(shown(lead))' is not a whole number of days from 0 to \(longestLeadTime), e.g. 45 (0 for lagging)"
          )
        }
      default:
        unused = ["link_sentence", "lead_time_days"]
        if department.isEmpty {
          return problem(
            "department", "empty; an individual KPI (level 3) names the department of its parent")
        }
        if self["parent_kpi"].isEmpty {
          return problem(
            "parent_kpi", "empty; an individual KPI (level 3) names the department KPI it drives")
        }
      }
      for column in unused where !self[column].isEmpty {
        return problem(
          column, "\(levelName) has no \(column.replacingOccurrences(of: "_", with: " ")); leave it empty")
      }
      return nil
    }

    var levelName: String {
      ["a company KPI (level 1)", "a department KPI (level 2)", "an individual KPI (level 3)"][level - 1]
    }

    /// A whole number of days, 0 to `longestLeadTime`, in ASCII digits.
    static func days(_ text: String) -> Int? {
      guard text.count <= 4, text.allSatisfy({ $0.isASCII && $0.isNumber }), let days = Int(text),
        days <= longestLeadTime
      else { return nil }
      return days
    }
  }
}

/// A name as a message quotes it: safe on a terminal and never a screenful.
private func shown(_ text: String) -> String {
  let safe = DisplayText.safe(text)
  return safe.count > 60 ? safe.prefix(59) + "…" : safe
}

// MARK: - Rows together

extension KPIInventory {
  /// The rows checked against each other, then turned into events.
  fileprivate struct Plan {
    let rows: [Row]
    let source: String

    /// Company KPIs by exact name → the first level-1 row naming it.
    private var companyRows: [String: Row] = [:]
    /// Departments: lowercased name → the first level-2 row naming it.
    private var departmentRows: [String: Row] = [:]
    /// Department KPIs: lowercased department, then exact KPI name → the first level-2 row.
    private var departmentKPIRows: [String: [String: Row]] = [:]

    init(rows: [Row], source: String) {
      self.rows = rows
      self.source = source
      for row in rows {
        switch row.level {
        case 1:
          if companyRows[row.kpi] == nil { companyRows[row.kpi] = row }
        case 2 where !row.department.isEmpty:
          let key = row.department.lowercased()
          if departmentRows[key] == nil { departmentRows[key] = row }
          if departmentKPIRows[key]?[row.kpi] == nil { departmentKPIRows[key, default: [:]][row.kpi] = row }
        default:
          break
        }
      }
    }

    /// What is wrong with rows because of other rows: references that lead nowhere and names
    /// the model keeps unique used twice. The second of two duplicates is the bad row.
    func crossCheck() -> [RowProblem] {
      var problems: [RowProblem] = []
      var seenCompany: [String: Row] = [:]
      var seenDepartmentKPI: [String: Row] = [:]
      var seenIndividual: [String: Row] = [:]
      for row in rows {
        func problem(_ column: String, _ message: String) {
          problems.append(RowProblem(row: row.number, column: column, message))
        }
        switch row.level {
        case 1:
          if let first = seenCompany[row.kpi.lowercased()] {
            problem(
              "kpi",
              "'\(shown(row.kpi))' is already a company KPI on row \(first.number); company KPI names are unique"
            )
          } else {
            seenCompany[row.kpi.lowercased()] = row
          }
        case 2:
          if let message = spellingProblem(department: row.department) {
            problem("department", message); continue
          }
          if let message = companyProblem(row["company_kpi"]) { problem("company_kpi", message); continue }
          let key = row.department.lowercased() + "\u{0}" + row.kpi.lowercased()
          if let first = seenDepartmentKPI[key] {
            problem(
              "kpi",
              "'\(shown(row.kpi))' is already a KPI of \(shown(row.department)) on row \(first.number); a department's KPI names are unique"
            )
          } else {
            seenDepartmentKPI[key] = row
          }
        default:
          guard departmentRows[row.department.lowercased()] != nil else {
            problem(
              "department",
              "no level-2 row has the department '\(shown(row.department))'; an individual KPI sits under a KPI of its own department"
            )
            continue
          }
          if let message = spellingProblem(department: row.department) {
            problem("department", message); continue
          }
          guard let parent = parentRow(of: row) else {
            problem("parent_kpi", parentProblem(row))
            continue
          }
          let company = row["company_kpi"]
          if !company.isEmpty, company != parent["company_kpi"] {
            problem(
              "company_kpi",
              "'\(shown(company))', but its parent '\(shown(parent.kpi))' (row \(parent.number)) moves '\(shown(parent["company_kpi"]))'; leave it empty or name that one"
            )
            continue
          }
          let key = "\(parent.number)\u{0}" + row.kpi.lowercased()
          if let first = seenIndividual[key] {
            problem(
              "kpi",
              "'\(shown(row.kpi))' is already under '\(shown(parent.kpi))' on row \(first.number); the KPI names under one department KPI are unique"
            )
          } else {
            seenIndividual[key] = row
          }
        }
      }
      return problems
    }

    private func spellingProblem(department: String) -> String? {
      guard let first = departmentRows[department.lowercased()], first.department != department else {
        return nil
      }
      return
        "'\(shown(department))' is spelled '\(shown(first.department))' on row \(first.number); spell a department the same way on every row"
    }

    private func companyProblem(_ name: String) -> String? {
      guard companyRows[name] == nil else { return nil }
      if let near = companyRows.values.first(where: { $0.kpi.lowercased() == name.lowercased() }) {
        return "'\(shown(name))' is spelled '\(shown(near.kpi))' on row \(near.number); spell it the same way"
      }
      return "no level-1 row names the company KPI '\(shown(name))'; add it as a level-1 row"
    }

    private func parentRow(of row: Row) -> Row? {
      departmentKPIRows[row.department.lowercased()]?[row["parent_kpi"]]
    }

    private func parentProblem(_ row: Row) -> String {
      let parent = row["parent_kpi"]
      let elsewhere = departmentKPIRows.values.compactMap { $0[parent] }.min { $0.number < $1.number }
      if let elsewhere {
        return
          "'\(shown(parent))' is a KPI of \(shown(elsewhere.department)) (row \(elsewhere.number)), not of \(shown(row.department)); an individual KPI sits under a KPI of its own department"
      }
      return
        "no level-2 row in \(shown(row.department)) is named '\(shown(parent))'; an individual KPI sits under a department KPI"
    }

    /// The events, applied one by one (so the reducer checks them too), and the lists closed.
    func build() throws(RowRejection) -> (Cascade, [WorkshopEvent]) {
      var cascade = Cascade()
      var events: [CascadeEvent] = []
      // The checks above leave the reducer nothing to refuse; should one slip through, the
      // row is still named rather than half of the file imported.
      func add(_ new: [CascadeEvent], for row: Row?) throws(RowRejection) {
        for event in new {
          do {
            try cascade.apply(event)
          } catch {
            throw RowRejection(problems: [
              RowProblem(row: row?.number, column: nil, error.description)
            ])
          }
          events.append(event)
        }
      }
      var ids: [Int: String] = [:]
      var departments: [String: String] = [:]
      var contributions = Set<String>()
      var verdicts: [String: (row: Row, checks: Set<String>)] = [:]
      for row in rows where row.level == 1 {
        let id = "c\(cascade.companyKPIs.count + 1)"
        ids[row.number] = id
        try add([.companyKPIAdded(id: id, name: row.kpi)] + Self.targetAndOwner(of: id, row), for: row)
      }
      let companyIDs = Dictionary(
        rows.filter { $0.level == 1 }.map { ($0.kpi, ids[$0.number]!) },
        uniquingKeysWith: { first, _ in first })
      var kpiCount = 0
      for row in rows where row.level == 2 {
        var new: [CascadeEvent] = []
        let departmentKey = row.department.lowercased()
        if departments[departmentKey] == nil {
          departments[departmentKey] = "d\(departments.count + 1)"
          new.append(.departmentAdded(id: departments[departmentKey]!, name: row.department))
        }
        let department = departments[departmentKey]!
        let company = companyIDs[row["company_kpi"]]!
        if contributions.insert("\(company):\(department)").inserted {
          new.append(
            .contributionRecorded(
              companyKPI: company, department: department, text: "imported from \(source)"))
        }
        kpiCount += 1
        let id = "k\(kpiCount)"
        ids[row.number] = id
        new.append(.departmentKPIAdded(id: id, department: department, companyKPI: company, name: row.kpi))
        if let days = Row.days(row["lead_time_days"]) { new.append(.leadTimeSet(kpi: id, days: days)) }
        if !row["link_sentence"].isEmpty {
          new.append(.linkSentenceSet(kpi: id, sentence: row["link_sentence"]))
        }
        new += Self.targetAndOwner(of: id, row)
        try add(new, for: row)
        if let checks = Self.listedChecks(row["verdicts"]) { verdicts[id] = (row, checks) }
      }
      var individualCount = 0
      for row in rows where row.level == 3 {
        let parent = departmentKPIRows[row.department.lowercased()]![row["parent_kpi"]]!
        individualCount += 1
        let id = "i\(individualCount)"
        var new: [CascadeEvent] = [.individualKPIAdded(id: id, parent: ids[parent.number]!, name: row.kpi)]
        if !row["role"].isEmpty { new.append(.roleSet(kpi: id, role: row["role"])) }
        new += Self.targetAndOwner(of: id, row)
        try add(new, for: row)
      }
      // Judged on the cascade before any acceptance, so each candidate is looked at once.
      let acceptances = ConflictCandidates.find(in: cascade).compactMap { conflict -> CascadeEvent? in
        guard conflict.structural == nil,
          let settled = [conflict.first, conflict.second].compactMap({ verdicts[$0] }).first(where: {
            !$0.checks.contains(CheckKind.conflicts.rawValue)
          })
        else { return nil }
        return .findingAccepted(
          finding: "\(CheckKind.conflicts.rawValue):\(conflict.key)",
          reason:
            "settled before the import: \(source) row \(settled.row.number) lists no open conflict for '\(settled.row.kpi)'"
        )
      }
      for event in acceptances { try add([event], for: nil) }
      var lists: [WorkshopEvent] = []
      if !cascade.companyKPIs.isEmpty { lists.append(.listClosed(Agenda.companyKPIList)) }
      if !cascade.departments.isEmpty { lists.append(.listClosed(Agenda.departmentList)) }
      lists += cascade.contributions.map {
        .listClosed(Agenda.kpiList(companyKPI: $0.companyKPI, department: $0.department))
      }
      var filled = Set<String>()
      for kpi in cascade.individualKPIs where filled.insert(kpi.parent).inserted {
        lists.append(.listClosed(Agenda.individualList(parent: kpi.parent)))
      }
      return (cascade, events.map(WorkshopEvent.cascade) + lists)
    }

    private static func targetAndOwner(of id: String, _ row: Row) -> [CascadeEvent] {
      var events: [CascadeEvent] = []
      if !row["target"].isEmpty { events.append(.targetSet(kpi: id, target: row["target"], reason: nil)) }
      if !row["owner"].isEmpty { events.append(.ownerSet(kpi: id, person: row["owner"])) }
      return events
    }

    /// The checks a verdicts cell lists, when it is in the export's own wording: `pass`, or
    /// `check:verdict` entries joined by `; `. Anything else (empty, hand-written) is `nil`:
    /// it says nothing the import can rely on.
    static func listedChecks(_ cell: String) -> Set<String>? {
      if cell == Verdict.pass.rawValue { return [] }
      var checks = Set<String>()
      for entry in cell.split(separator: ";", omittingEmptySubsequences: false) {
        let parts = String(entry).trimmed.split(separator: ":", omittingEmptySubsequences: false).map(
          String.init)
        guard parts.count == 2, CheckKind(rawValue: parts[0]) != nil,
          let verdict = Verdict(rawValue: parts[1]), verdict != .pass
        else { return nil }
        checks.insert(parts[0])
      }
      return checks
    }
  }
}

import KPICascade

/// A spreadsheet of readings, in either shape spreadsheets use:
///
/// - long: a header naming `kpi`, `date`, `value`, and optionally `note`, `confidence`,
///   `recorded by` (any order, any case), then one reading per row;
/// - wide: a header `kpi` followed by one `YYYY-MM-DD` column per day, then one row per KPI;
///   an empty cell is no reading.
///
/// A KPI is named by id (`k4`) or by its exact name (any case) when no other KPI shares it.
/// Every bad row is reported by row and column and nothing from a file with one is applied.
public struct ReadingsFile: Sendable {
  public enum Shape: String, Sendable {
    case long
    case wide
  }

  public let shape: Shape
  public let readings: [Reading]

  /// Reads and checks a whole file against the cascade; throws every problem found, row by row.
  public init(_ bytes: [UInt8], cascade: Cascade) throws(RowRejection) {
    let records = CSVReader.records(bytes).filter { !$0.isBlank }
    guard let header = records.first else {
      throw RowRejection(problems: [RowProblem(row: nil, column: nil, "the file is empty: no readings in it")]
      )
    }
    let typed = header.cells.map { ($0.text ?? "").trimmed }
    let titles = typed.map { $0.lowercased() }
    let names = KPINames(cascade: cascade)
    var problems: [RowProblem] = []
    var readings: [Reading] = []
    if titles.count >= 2, titles.dropFirst().contains(where: { CalendarDay($0) != nil }) {
      shape = .wide
      readings = Self.wide(records, titles: typed, names: names, cascade: cascade, problems: &problems)
    } else {
      shape = .long
      readings = Self.long(records, titles: titles, names: names, cascade: cascade, problems: &problems)
    }
    if problems.isEmpty, readings.isEmpty {
      problems.append(RowProblem(row: nil, column: nil, "the file has a header but no readings"))
    }
    guard problems.isEmpty else { throw RowRejection(problems: problems) }
    self.readings = readings
  }

  private enum Column: String, CaseIterable {
    case kpi, date, value, note, confidence, recordedBy = "recorded by"

    init?(title: String) {
      let plain = title.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
      switch plain {
      case "kpi", "kpi id", "id": self = .kpi
      case "date", "day": self = .date
      case "value", "reading": self = .value
      case "note", "notes", "comment": self = .note
      case "confidence": self = .confidence
      case "recorded by", "recordedby", "by", "who": self = .recordedBy
      default: return nil
      }
    }
  }

  private static func long(
    _ records: [CSVReader.Record], titles: [String], names: KPINames, cascade: Cascade,
    problems: inout [RowProblem]
  ) -> [Reading] {
    var columns: [Column: Int] = [:]
    for (index, title) in titles.enumerated() {
      guard let column = Column(title: title) else {
        problems.append(
          RowProblem(
            row: records[0].row, column: "\(index + 1)",
            "'\(DisplayText.safe(title))' is not a readings column; the header is kpi,date,value[,note,confidence,recorded by], or kpi then one YYYY-MM-DD column per day"
          ))
        return []
      }
      guard columns[column] == nil else {
        problems.append(RowProblem(row: records[0].row, column: title, "the column appears twice"))
        return []
      }
      columns[column] = index
    }
    let missing = [Column.kpi, .date, .value].filter { columns[$0] == nil }
    guard missing.isEmpty else {
      problems.append(
        RowProblem(
          row: records[0].row, column: nil,
          "the header has no \(missing.map(\.rawValue).joined(separator: ", ")) column; a long readings file starts kpi,date,value"
        ))
      return []
    }
    var readings: [Reading] = []
    readings.reserveCapacity(records.count - 1)
    for record in records.dropFirst() {
      func cell(_ column: Column) -> (text: String?, problem: RowProblem?) {
        guard let index = columns[column] else { return (nil, nil) }
        guard index < record.cells.count else { return ("", nil) }
        let raw = record.cells[index]
        if let malformation = raw.malformation {
          return (nil, RowProblem(row: record.row, column: column.rawValue, malformation.description))
        }
        guard let text = raw.text else {
          return (nil, RowProblem(row: record.row, column: column.rawValue, "the cell is not valid UTF-8"))
        }
        if text.unicodeScalars.contains(where: DisplayText.isUnsafe) {
          return (
            nil,
            RowProblem(
              row: record.row, column: column.rawValue,
              "the cell holds a control character (\(DisplayText.safe(text))); type it as plain text")
          )
        }
        return (text.trimmed, nil)
      }
      if record.cells.count > titles.count {
        problems.append(
          RowProblem(row: record.row, column: "\(titles.count + 1)", "the row has more cells than the header")
        )
        continue
      }
      var cells: [Column: String] = [:]
      var bad = false
      for column in Column.allCases {
        let (text, problem) = cell(column)
        if let problem {
          problems.append(problem)
          bad = true
        } else if let text {
          cells[column] = text
        }
      }
      guard !bad else { continue }
      let kpi: String
      switch names.find(cells[.kpi] ?? "") {
      case .failure(let problem):
        problems.append(RowProblem(row: record.row, column: Column.kpi.rawValue, problem.message))
        continue
      case .success(let id): kpi = id
      }
      guard let day = CalendarDay(cells[.date] ?? "") else {
        problems.append(
          RowProblem(
            row: record.row, column: Column.date.rawValue,
            "'\(DisplayText.safe(cells[.date] ?? ""))' is not a day (YYYY-MM-DD)"))
        continue
      }
      let value: Double
      switch ReadingValue.parse(cells[.value] ?? "", target: names.target(of: kpi)) {
      case .failure(let problem):
        problems.append(RowProblem(row: record.row, column: Column.value.rawValue, problem.description))
        continue
      case .success(let number): value = number
      }
      var confidence: Int?
      if let text = cells[.confidence], !text.isEmpty {
        guard let number = Int(text), (0...10).contains(number) else {
          problems.append(
            RowProblem(
              row: record.row, column: Column.confidence.rawValue,
              "'\(DisplayText.safe(text))' is not a confidence from 0 to 10"))
          continue
        }
        confidence = number
      }
      readings.append(
        Reading(
          kpi: kpi, day: day, value: value, note: cells[.note].flatMap { $0.isEmpty ? nil : $0 },
          confidence: confidence, recordedBy: cells[.recordedBy].flatMap { $0.isEmpty ? nil : $0 }))
    }
    return readings
  }

  private static func wide(
    _ records: [CSVReader.Record], titles: [String], names: KPINames, cascade: Cascade,
    problems: inout [RowProblem]
  ) -> [Reading] {
    var days: [CalendarDay] = []
    for (index, title) in titles.enumerated().dropFirst() {
      guard let day = CalendarDay(title) else {
        problems.append(
          RowProblem(
            row: records[0].row, column: "\(index + 1)",
            "'\(DisplayText.safe(title))' is not a day (YYYY-MM-DD); a wide readings file has kpi then one column per day"
          ))
        return []
      }
      guard !days.contains(day) else {
        problems.append(RowProblem(row: records[0].row, column: title, "the day appears twice"))
        return []
      }
      days.append(day)
    }
    var readings: [Reading] = []
    for record in records.dropFirst() {
      if record.cells.count > titles.count {
        problems.append(
          RowProblem(row: record.row, column: "\(titles.count + 1)", "the row has more cells than the header")
        )
        continue
      }
      let first = record.cells[0]
      guard first.malformation == nil, let name = first.text else {
        problems.append(
          RowProblem(
            row: record.row, column: "kpi", first.malformation?.description ?? "the cell is not valid UTF-8"))
        continue
      }
      let kpi: String
      switch names.find(name.trimmed) {
      case .failure(let problem):
        problems.append(RowProblem(row: record.row, column: "kpi", problem.message))
        continue
      case .success(let id): kpi = id
      }
      let target = names.target(of: kpi)
      for (offset, cell) in record.cells.enumerated().dropFirst() {
        let column = days[offset - 1].description
        if let malformation = cell.malformation {
          problems.append(RowProblem(row: record.row, column: column, malformation.description))
          continue
        }
        guard let text = cell.text?.trimmed else {
          problems.append(RowProblem(row: record.row, column: column, "the cell is not valid UTF-8"))
          continue
        }
        guard !text.isEmpty else { continue }
        switch ReadingValue.parse(text, target: target) {
        case .failure(let problem):
          problems.append(RowProblem(row: record.row, column: column, problem.description))
        case .success(let value):
          readings.append(Reading(kpi: kpi, day: days[offset - 1], value: value))
        }
      }
    }
    return readings
  }
}

/// KPIs by id or exact name, built once per file: a year of readings is many rows.
struct KPINames {
  private var ids: Set<String> = []
  private var byName: [String: [String]] = [:]
  private var targets: [String: Target] = [:]

  init(cascade: Cascade) {
    self.cascade = cascade
    var parsed: [String: Target?] = [:]
    func add(_ id: String, _ name: String, _ target: String?) {
      ids.insert(id)
      byName[name.lowercased(), default: []].append(id)
      if let target {
        if parsed[target] == nil { parsed[target] = .some(Target.parse(target)) }
        if let value = parsed[target] ?? nil { targets[id] = value }
      }
    }
    for kpi in cascade.companyKPIs { add(kpi.id, kpi.name, kpi.target) }
    for kpi in cascade.departmentKPIs { add(kpi.id, kpi.name, kpi.target) }
    for kpi in cascade.individualKPIs { add(kpi.id, kpi.name, kpi.target) }
  }

  private let cascade: Cascade

  /// The id a cell names, or why it names none (or several).
  func find(_ text: String) -> Result<String, LookupProblem> {
    guard !text.isEmpty else { return .failure(LookupProblem("no KPI named")) }
    if ids.contains(text) { return .success(text) }
    let named = byName[text.lowercased()] ?? []
    switch named.count {
    case 1: return .success(named[0])
    case 0: return .failure(LookupProblem("no KPI called '\(DisplayText.safe(text))'"))
    default:
      let listed = named.prefix(4).map { id in
        let home =
          cascade.owningDepartment(ofKPI: id)
          ?? cascade.individualKPI(id).flatMap { cascade.owningDepartment(ofKPI: $0.parent) }
        return "\(id) (\(DisplayText.safe(home?.name ?? "company KPI")))"
      }
      return .failure(
        LookupProblem(
          "'\(DisplayText.safe(text))' names \(named.count) KPIs: \(listed.joined(separator: ", ")); use the id"
        ))
    }
  }

  /// The KPI's parsed target, `nil` when it has none the parser can read.
  func target(of kpi: String) -> Target? {
    targets[kpi]
  }
}

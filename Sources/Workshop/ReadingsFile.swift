import Exports
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

  /// A cell holds at most this many bytes: a reading, a name or a note, not a document.
  public static let maximumCellLength = 1_000

  /// Reads and checks a whole file against the cascade; throws every problem found, the first
  /// in each bad row. With `today`, a reading of a later day is refused: it would move every
  /// view's default day into the future and make everything else look stale.
  public init(_ bytes: [UInt8], cascade: Cascade, today: CalendarDay? = nil) throws(RowRejection) {
    if let plain = Self.plain(bytes, cascade: cascade, today: today) {
      shape = .long
      readings = plain
      return
    }
    let records = CSVReader.records(bytes).filter { !$0.isBlank }
    guard let header = records.first else {
      throw RowRejection(problems: [RowProblem(row: nil, column: nil, "the file is empty: no readings in it")]
      )
    }
    let typed = header.cells.map { String(($0.text ?? "").trimmed.prefix(Self.maximumCellLength)) }
    let titles = typed.map { $0.lowercased() }
    let names = KPINames(cascade: cascade)
    var checks = RowChecks(today: today, rows: records.count)
    var problems: [RowProblem] = []
    var readings: [Reading] = []
    if titles.count >= 2, titles.dropFirst().contains(where: { CalendarDay($0) != nil }) {
      shape = .wide
      readings = Self.wide(records, titles: typed, names: names, checks: &checks, problems: &problems)
    } else {
      shape = .long
      readings = Self.long(records, titles: titles, names: names, checks: &checks, problems: &problems)
    }
    if problems.isEmpty, readings.isEmpty {
      problems.append(RowProblem(row: nil, column: nil, "the file has a header but no readings"))
    }
    guard problems.isEmpty else { throw RowRejection(problems: problems) }
    self.readings = readings
  }

  /// The common case read fast: a machine-written long file, header exactly `kpi,date,value`,
  /// ASCII, no quotes, three cells a row. `nil` (and the general reader runs, with its messages)
  /// as soon as anything is not so, including any row that would be refused.
  private static func plain(_ bytes: [UInt8], cascade: Cascade, today: CalendarDay?) -> [Reading]? {
    let comma = UInt8(ascii: ","), lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
    let header = Array("kpi,date,value".utf8)
    guard bytes.starts(with: header), !bytes.contains(UInt8(ascii: "\"")), bytes.allSatisfy({ $0 < 0x80 })
    else { return nil }
    let names = KPINames(cascade: cascade)
    var seen = Set<Int>(minimumCapacity: bytes.count / 24)  // KPI position and day, packed
    var readings: [Reading] = []
    readings.reserveCapacity(bytes.count / 24)
    return bytes.withUnsafeBufferPointer { buffer -> [Reading]? in
      var lineStart = header.count
      while lineStart < buffer.count {
        var lineEnd = lineStart
        while lineEnd < buffer.count, buffer[lineEnd] != lineFeed { lineEnd += 1 }
        var end = lineEnd
        if end > lineStart, buffer[end - 1] == carriageReturn { end -= 1 }
        defer { lineStart = lineEnd + 1 }
        if lineStart == header.count {
          guard end == lineStart else { return nil }  // the header line is exactly the header
          continue
        }
        if end == lineStart { continue }  // a blank line
        var commas = (first: -1, second: -1)
        for index in lineStart..<end {
          let byte = buffer[index]
          if byte == comma {
            guard commas.first < 0 || commas.second < 0 else { return nil }  // a fourth cell
            if commas.first < 0 { commas.first = index } else { commas.second = index }
          } else if byte < 0x20
            || byte == 0x20
              && (index == lineStart || index + 1 == end || buffer[index - 1] == comma
                || buffer[index + 1] == comma)
          {
            return nil  // a control character, or a space around a cell: the general reader
          }
        }
        guard commas.first > lineStart, commas.second > commas.first + 1, commas.second + 1 < end else {
          return nil
        }
        let cells = (
          UnsafeBufferPointer(rebasing: buffer[lineStart..<commas.first]),
          UnsafeBufferPointer(rebasing: buffer[(commas.first + 1)..<commas.second]),
          UnsafeBufferPointer(rebasing: buffer[(commas.second + 1)..<end])
        )
        guard let position = names.position(of: String(decoding: cells.0, as: UTF8.self)),
          let day = CalendarDay(utf8: cells.1), today.map({ day <= $0 }) ?? true,
          seen.insert(position << 32 | (day.ordinal & 0xFFFF_FFFF)).inserted,
          let value = Self.decimal(cells.2)
            ?? (try? Self.value(String(decoding: cells.2, as: UTF8.self), target: names.kpis[position].target)
              .get())
        else { return nil }
        readings.append(Reading(kpi: names.kpis[position].id, day: day, value: value))
      }
      return readings.isEmpty ? nil : readings
    }
  }

  /// A plain decimal (`-12.34`, at most 15 digits) read from its bytes: an integer divided by
  /// a power of ten, both exact in a `Double`, so the one rounding is the division's and the
  /// result is what `Double("-12.34")` gives. `nil` for anything else.
  private static let powersOfTen: [Double] = [
    1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
  ]

  private static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    var mantissa = 0
    var digits = 0
    var decimals = -1
    var negative = false
    for (offset, byte) in bytes.enumerated() {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        mantissa = mantissa * 10 + Int(byte - UInt8(ascii: "0"))
        digits += 1
        if decimals >= 0 { decimals += 1 }
      case UInt8(ascii: ".") where decimals < 0: decimals = 0
      case UInt8(ascii: "-") where offset == 0: negative = true
      default: return nil
      }
    }
    guard digits > 0, digits <= 15 else { return nil }
    let value = Double(mantissa) / powersOfTen[max(decimals, 0)]
    return negative ? -value : value
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
    _ records: [CSVReader.Record], titles: [String], names: KPINames, checks: inout RowChecks,
    problems: inout [RowProblem]
  ) -> [Reading] {
    var columns: [Column: Int] = [:]
    for (index, title) in titles.enumerated() {
      guard let column = Column(title: title) else {
        problems.append(
          RowProblem(
            row: records[0].row, column: "\(index + 1)",
            "'\(DisplayText.excerpt(title))' is not a readings column; the header is kpi,date,value[,note,confidence,recorded by], or kpi then one YYYY-MM-DD column per day"
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
    let required = (kpi: columns[.kpi]!, date: columns[.date]!, value: columns[.value]!)
    let note = columns[.note]
    let confidenceColumn = columns[.confidence]
    let recorder = columns[.recordedBy]
    var readings: [Reading] = []
    readings.reserveCapacity(records.count - 1)
    for record in records.dropFirst() {
      if record.cells.count > titles.count {
        problems.append(
          RowProblem(row: record.row, column: "\(titles.count + 1)", "the row has more cells than the header")
        )
        continue
      }
      var bad = false
      /// The cell's text, trimmed; "" when the row is short; `nil` (problem noted) when bad.
      func text(_ index: Int?, _ column: Column, plain: Bool = false) -> String? {
        guard let index else { return nil }
        guard index < record.cells.count else { return "" }
        switch Self.text(of: record.cells[index], plain: plain) {
        case .success(let text): return text
        case .failure(let problem):
          problems.append(RowProblem(row: record.row, column: column.rawValue, problem.message))
          bad = true
          return nil
        }
      }
      let name = text(required.kpi, .kpi)
      let dayText = text(required.date, .date)
      let valueText = text(required.value, .value)
      let noteText = text(note, .note, plain: true)
      let confidenceText = text(confidenceColumn, .confidence)
      let recordedBy = text(recorder, .recordedBy, plain: true)
      guard !bad, let name, let dayText, let valueText else { continue }
      let kpi: String
      switch names.find(name) {
      case .failure(let problem):
        problems.append(RowProblem(row: record.row, column: Column.kpi.rawValue, problem.message))
        continue
      case .success(let id): kpi = id
      }
      guard let day = CalendarDay(dayText) else {
        problems.append(
          RowProblem(
            row: record.row, column: Column.date.rawValue,
            "'\(DisplayText.excerpt(dayText))' is not a day (YYYY-MM-DD)"))
        continue
      }
      if let problem = checks.problem(kpi: kpi, day: day, row: record.row) {
        problems.append(RowProblem(row: record.row, column: Column.date.rawValue, problem))
        continue
      }
      let value: Double
      switch Self.value(valueText, target: names.target(of: kpi)) {
      case .failure(let problem):
        problems.append(RowProblem(row: record.row, column: Column.value.rawValue, problem.description))
        continue
      case .success(let number): value = number
      }
      var confidence: Int?
      if let confidenceText, !confidenceText.isEmpty {
        guard let number = Int(confidenceText), (0...10).contains(number) else {
          problems.append(
            RowProblem(
              row: record.row, column: Column.confidence.rawValue,
              "'\(DisplayText.excerpt(confidenceText))' is not a confidence from 0 to 10"))
          continue
        }
        confidence = number
      }
      readings.append(
        Reading(
          kpi: kpi, day: day, value: value,
          note: noteText.flatMap { $0.isEmpty ? nil : CascadeCSV.neutralised($0) },
          confidence: confidence,
          recordedBy: recordedBy.flatMap { $0.isEmpty ? nil : CascadeCSV.neutralised($0) }))
    }
    return readings
  }

  /// A cell's text without the spaces around it, or why it can't be read. `plain` cells (notes,
  /// names of people) are kept as text, so a control character in one is refused.
  private static func text(of cell: CSVReader.Cell, plain: Bool) -> Result<String, LookupProblem> {
    if let malformation = cell.malformation { return .failure(LookupProblem(malformation.description)) }
    let bytes = cell.bytes
    guard bytes.count <= maximumCellLength else {
      return .failure(
        LookupProblem("the cell is \(bytes.count) bytes long; a cell holds at most \(maximumCellLength)"))
    }
    var start = bytes.startIndex
    var end = bytes.endIndex
    while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    let trimmed = bytes[start..<end]
    let text: String
    if trimmed.allSatisfy({ $0 < 0x80 }) {
      text = String(decoding: trimmed, as: UTF8.self)  // ASCII: valid as it is
    } else if let valid = String(validating: trimmed, as: UTF8.self) {
      text = valid
    } else {
      return .failure(LookupProblem("the cell is not valid UTF-8"))
    }
    if plain, text.unicodeScalars.contains(where: DisplayText.isUnsafe) {
      return .failure(
        LookupProblem("the cell holds a control character (\(DisplayText.safe(text))); type it as plain text")
      )
    }
    return .success(text)
  }

  /// A value: a plain decimal (what most spreadsheets export) is read directly, anything with a
  /// unit, a sign or separators by `ReadingValue`, which checks the unit against the target.
  private static func value(_ text: String, target: Target?) -> Result<Double, ReadingValue.Problem> {
    guard text.utf8.count <= 40 else { return .failure(.notANumber(DisplayText.excerpt(text))) }
    var digits = 0
    var points = 0
    for (offset, byte) in text.utf8.enumerated() {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
      case UInt8(ascii: "."): points += 1
      case UInt8(ascii: "-") where offset == 0: break
      default: return ReadingValue.parse(text, target: target)
      }
    }
    guard digits > 0, points <= 1, let number = Double(text) else {
      return ReadingValue.parse(text, target: target)
    }
    return .success(number)
  }

  private static func wide(
    _ records: [CSVReader.Record], titles: [String], names: KPINames, checks: inout RowChecks,
    problems: inout [RowProblem]
  ) -> [Reading] {
    var days: [CalendarDay] = []
    for (index, title) in titles.enumerated().dropFirst() {
      guard let day = CalendarDay(title) else {
        problems.append(
          RowProblem(
            row: records[0].row, column: "\(index + 1)",
            "'\(DisplayText.excerpt(title))' is not a day (YYYY-MM-DD); a wide readings file has kpi then one column per day"
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
      let name: String
      switch Self.text(of: record.cells[0], plain: false) {
      case .failure(let problem):
        problems.append(RowProblem(row: record.row, column: "kpi", problem.message))
        continue
      case .success(let text): name = text
      }
      let kpi: String
      switch names.find(name) {
      case .failure(let problem):
        problems.append(RowProblem(row: record.row, column: "kpi", problem.message))
        continue
      case .success(let id): kpi = id
      }
      let target = names.target(of: kpi)
      for (offset, cell) in record.cells.enumerated().dropFirst() {
        let column = days[offset - 1].description
        let text: String
        switch Self.text(of: cell, plain: false) {
        case .failure(let problem):
          problems.append(RowProblem(row: record.row, column: column, problem.message))
          continue
        case .success(let typed): text = typed
        }
        guard !text.isEmpty else { continue }
        if let problem = checks.problem(kpi: kpi, day: days[offset - 1], row: record.row) {
          problems.append(RowProblem(row: record.row, column: column, problem))
          continue
        }
        switch Self.value(text, target: target) {
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
  /// Every KPI by position: company, department, then Level 3, with its parsed target.
  private(set) var kpis: [(id: String, target: Target?)] = []
  /// Ids, and names spelled as in the cascade that name one KPI only: one hash a row, no
  /// lowercasing, for the fast path.
  private var positions: [String: Int] = [:]
  /// Ids by lowercased name, for names typed in another case (and to find the ambiguous ones).
  private var byName: [String: [String]] = [:]

  init(cascade: Cascade) {
    self.cascade = cascade
    let all =
      cascade.companyKPIs.map { ($0.id, $0.name, $0.parsedTarget) }
      + cascade.departmentKPIs.map { ($0.id, $0.name, $0.parsedTarget) }
      + cascade.individualKPIs.map { ($0.id, $0.name, $0.parsedTarget) }
    for (id, name, target) in all {
      positions[id] = kpis.count
      byName[name.lowercased(), default: []].append(id)
      kpis.append((id, target))
    }
    for (id, name, _) in all where positions[name] == nil && byName[name.lowercased()]?.count == 1 {
      positions[name] = positions[id]
    }
  }

  /// The position of the KPI a cell names exactly (an id, or a name as spelled); `nil` for
  /// anything the full lookup must judge.
  func position(of text: String) -> Int? {
    positions[text]
  }

  private let cascade: Cascade

  /// The id a cell names, or why it names none (or several).
  func find(_ text: String) -> Result<String, LookupProblem> {
    guard !text.isEmpty else { return .failure(LookupProblem("no KPI named")) }
    if let position = positions[text], kpis[position].id == text { return .success(text) }
    let named = byName[text.lowercased()] ?? []
    switch named.count {
    case 1: return .success(named[0])
    case 0: return .failure(LookupProblem("no KPI called '\(DisplayText.excerpt(text))'"))
    default:
      let listed = named.prefix(4).map { id in
        let home =
          cascade.owningDepartment(ofKPI: id)
          ?? cascade.individualKPI(id).flatMap { cascade.owningDepartment(ofKPI: $0.parent) }
        return "\(id) (\(DisplayText.safe(home?.name ?? "company KPI")))"
      }
      return .failure(
        LookupProblem(
          "'\(DisplayText.excerpt(text))' names \(named.count) KPIs: \(listed.joined(separator: ", ")); use the id"
        ))
    }
  }

  /// The KPI's parsed target, `nil` when it has none the parser can read.
  func target(of kpi: String) -> Target? {
    positions[kpi].flatMap { kpis[$0].target }
  }
}

/// What a readings file may not hold across rows: a day after today, or two readings of one
/// KPI on one day (which would silently keep only the second).
struct RowChecks {
  private struct Key: Hashable {
    var kpi: String
    var day: Int
  }

  let today: CalendarDay?
  private var seen: [Key: Int] = [:]

  init(today: CalendarDay?, rows: Int = 0) {
    self.today = today
    seen.reserveCapacity(rows)
  }

  /// Why this reading can't be taken, or `nil`; remembers it for the rows after.
  mutating func problem(kpi: String, day: CalendarDay, row: Int) -> String? {
    if let today, day > today {
      return "\(day) is after today (\(today)): a reading records a day that has happened"
    }
    if let first = seen.updateValue(row, forKey: Key(kpi: kpi, day: day.ordinal)) {
      seen[Key(kpi: kpi, day: day.ordinal)] = first
      return "\(kpi) already has a reading on \(day) in row \(first); one reading per KPI and day"
    }
    return nil
  }
}

/// What is wrong with one row of a spreadsheet (a KPI inventory, a readings file), said so a
/// person can find and fix it: `row 7, column target: …`.
///
/// Rows are numbered as a spreadsheet numbers them (the header is row 1), counting records,
/// not lines, so a cell with a line break inside its quotes does not shift the count.
public struct RowProblem: Equatable, Sendable, CustomStringConvertible {
  /// 1-based; `nil` for a problem with the file as a whole (it is empty).
  public var row: Int?
  /// The column's header name, or its number when the cell lies beyond the header.
  public var column: String?
  public var message: String

  public init(row: Int?, column: String?, _ message: String) {
    self.row = row
    self.column = column
    self.message = message
  }

  public var description: String {
    switch (row, column) {
    case (let row?, let column?): "row \(row), column \(column): \(message)"
    case (let row?, nil): "row \(row): \(message)"
    case (nil, _): message
    }
  }
}

/// Why a spreadsheet was refused: one problem per bad row, in row order. Nothing is imported
/// while any is left.
public struct RowRejection: Error, Equatable, Sendable {
  public var problems: [RowProblem]

  public init(problems: [RowProblem]) {
    self.problems = problems
  }
}

extension RowRejection {
  /// At most this many problems are listed; a file wrong throughout says how many more.
  public static let listed = 50

  /// One line per problem (`readings.csv: row 3, column value: …`), the first `listed` of them.
  public func message(file: String) -> String {
    let name = DisplayText.safe(file)
    var lines = problems.prefix(Self.listed).map { "\(name): \($0)" }
    if problems.count > Self.listed {
      lines.append("\(name): … and \(problems.count - Self.listed) more problems")
    }
    return lines.joined(separator: "\n")
  }
}

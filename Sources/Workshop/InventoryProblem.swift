/// What is wrong with one row of a KPI inventory, said so a person can find and fix it in the
/// spreadsheet: `row 7, column target: …`.
///
/// Rows are numbered as a spreadsheet numbers them (the header is row 1), counting records,
/// not lines, so a cell with a line break inside its quotes does not shift the count.
public struct InventoryProblem: Equatable, Sendable, CustomStringConvertible {
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

/// Why an inventory was refused: one problem per bad row, in row order. Nothing is imported
/// while any is left.
public struct InventoryRejection: Error, Equatable, Sendable {
  public var problems: [InventoryProblem]

  public init(problems: [InventoryProblem]) {
    self.problems = problems
  }
}

/// Reads RFC 4180 CSV: cells separated by commas, records ended by CRLF or LF, a cell in
/// double quotes may hold commas, quotes (doubled) and line breaks; a UTF-8 byte order mark
/// at the very start is skipped, and a final line break does not start another record.
///
/// It reads bytes, not text, so a file with one badly encoded cell still yields every other
/// cell and the importer can name the one bad row and column instead of refusing the file
/// whole. It never fails: a cell that breaks the quoting rules comes back with what is wrong.
public enum CSVReader {
  /// One record; its number is the spreadsheet's row number (the first record is row 1).
  public struct Record: Equatable, Sendable {
    public var row: Int
    public var cells: [Cell]

    /// Whether the record holds nothing: a blank line, or a row of empty cells.
    public var isBlank: Bool { cells.allSatisfy { $0.bytes.isEmpty && $0.malformation == nil } }
  }

  /// One cell's bytes, quotes removed and doubled quotes undone.
  public struct Cell: Equatable, Sendable {
    public var bytes: [UInt8]
    /// What broke the quoting rules in this cell, if anything; the bytes are kept as read.
    public var malformation: Malformation?

    public init(bytes: [UInt8], malformation: Malformation? = nil) {
      self.bytes = bytes
      self.malformation = malformation
    }

    /// The cell as text, or `nil` when its bytes are not valid UTF-8.
    public var text: String? { String(validating: bytes, as: UTF8.self) }
  }

  /// The ways a cell can break RFC 4180's quoting rules.
  public enum Malformation: Equatable, Sendable, CustomStringConvertible {
    /// `ab"c`: a quote inside a cell that did not start with one.
    case quoteInUnquotedCell
    /// `"ab"c`: text between a closing quote and the next comma or line break.
    case textAfterClosingQuote
    /// `"ab…` to the end of the file: the quote never closes.
    case unclosedQuote

    public var description: String {
      switch self {
      case .quoteInUnquotedCell:
        "a quote inside an unquoted cell; quote the whole cell and double the quote (\"a \"\"b\"\"\")"
      case .textAfterClosingQuote: "text after the closing quote; quote the whole cell"
      case .unclosedQuote: "a quoted cell that never closes; every opening quote needs a closing one"
      }
    }
  }

  /// Every record in `bytes`, in order.
  public static func records(_ bytes: [UInt8]) -> [Record] {
    var parser = Parser()
    var index = bytes.starts(with: byteOrderMark) ? byteOrderMark.count : 0
    while index < bytes.count {
      let byte = bytes[index]
      let next: UInt8? = index + 1 < bytes.count ? bytes[index + 1] : nil
      index += parser.take(byte, next: next)
    }
    return parser.finish()
  }

  /// Every record in `text` (its UTF-8 bytes).
  public static func records(_ text: String) -> [Record] {
    records(Array(text.utf8))
  }

  static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
}

// MARK: - The state machine

extension CSVReader {
  private static let quote = UInt8(ascii: "\"")
  private static let comma = UInt8(ascii: ",")
  private static let lineFeed = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")

  /// Bytes in, records out; one byte (two for CRLF or a doubled quote) at a time.
  private struct Parser {
    var records: [Record] = []
    var cells: [Cell] = []
    var cell = Cell(bytes: [])
    /// Inside an opened quote.
    var inQuotes = false
    /// The cell started with a quote (so a later quote is its end, not an error).
    var wasQuoted = false
    /// The cell's closing quote has been read.
    var closed = false
    /// Anything read since the last record ended.
    var pending = false

    /// Reads `byte`; returns how many bytes it consumed (1, or 2 for CRLF and `""`).
    mutating func take(_ byte: UInt8, next: UInt8?) -> Int {
      pending = true
      if inQuotes {
        guard byte == quote else {
          cell.bytes.append(byte)
          return 1
        }
        if next == quote {
          cell.bytes.append(quote)
          return 2
        }
        inQuotes = false
        closed = true
        return 1
      }
      switch byte {
      case comma:
        endCell()
      case lineFeed:
        endRecord()
      case carriageReturn where next == lineFeed:
        endRecord()
        return 2
      case quote where cell.bytes.isEmpty && !wasQuoted:
        inQuotes = true
        wasQuoted = true
      default:
        if closed {
          cell.malformation = cell.malformation ?? .textAfterClosingQuote
        } else if byte == quote {
          cell.malformation = cell.malformation ?? .quoteInUnquotedCell
        }
        cell.bytes.append(byte)
      }
      return 1
    }

    mutating func finish() -> [Record] {
      if inQuotes { cell.malformation = .unclosedQuote }
      if pending { endRecord() }
      return records
    }

    private mutating func endCell() {
      cells.append(cell)
      cell = Cell(bytes: [])
      inQuotes = false
      wasQuoted = false
      closed = false
    }

    private mutating func endRecord() {
      endCell()
      records.append(Record(row: records.count + 1, cells: cells))
      cells = []
      pending = false
    }
  }
}

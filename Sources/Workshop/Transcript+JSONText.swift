import Foundation
import KPICascade

/// The transcript read and written without `Codable` (see `JSONTextCodable`): opening, saving
/// and importing a session of 40,000 exchanges spends its time here.
extension Transcript: JSONTextCodable {
  public init(json reader: inout JSONPullReader) throws(JSONBail) {
    var format: String?
    var version: Int?
    var session: SessionInfo?
    var exchanges: [Exchange]?
    var cascade: Cascade?
    try reader.object { reader, key throws(JSONBail) in
      switch key {
      case "format": format = try reader.string()
      case "version": version = try reader.int()
      case "session": session = try SessionInfo(json: &reader)
      case "exchanges": exchanges = try reader.array(of: Exchange.self)
      case "cascade": cascade = try Cascade(json: &reader)
      default: throw JSONBail()
      }
    }
    guard let format, let version, let session, let exchanges, let cascade else { throw JSONBail() }
    self.format = format
    self.version = version
    self.session = session
    self.exchanges = exchanges
    self.cascade = cascade
  }

  public func write(json writer: inout PrettyJSONWriter) {
    writer.object { writer in
      writer.field("cascade", cascade)
      writer.key("exchanges")
      writer.array(exchanges)
      writer.field("format", format)
      writer.field("session", session)
      writer.field("version", version)
    }
  }
}

extension SessionInfo: JSONTextCodable {
  public init(json reader: inout JSONPullReader) throws(JSONBail) {
    var name: String?
    var slug: String?
    var created: Date?
    try reader.object { reader, key throws(JSONBail) in
      switch key {
      case "name": name = try reader.string()
      case "slug": slug = try reader.string()
      case "created": created = try reader.date()
      default: throw JSONBail()
      }
    }
    guard let name, let slug, let created else { throw JSONBail() }
    self.init(name: name, slug: slug, created: created)
  }

  public func write(json writer: inout PrettyJSONWriter) {
    writer.object { writer in
      writer.key("created")
      writer.date(created)
      writer.field("name", name)
      writer.field("slug", slug)
    }
  }
}

extension Exchange: JSONTextCodable {
  public init(json reader: inout JSONPullReader) throws(JSONBail) {
    var seq: Int?
    var at: Date?
    var step: Int?
    var question: String?
    var answer: String?
    var changes: [WorkshopEvent]?
    try reader.object { reader, key throws(JSONBail) in
      switch key {
      case "seq": seq = try reader.int()
      case "at": at = try reader.date()
      case "step": step = try reader.int()
      case "question": question = try reader.string()
      case "answer": answer = try reader.string()
      case "changes": changes = try reader.array(of: WorkshopEvent.self)
      default: throw JSONBail()
      }
    }
    guard let seq, let at, let step, let question, let answer, let changes else { throw JSONBail() }
    self.init(seq: seq, at: at, step: step, question: question, answer: answer, changes: changes)
  }

  public func write(json writer: inout PrettyJSONWriter) {
    writer.object { writer in
      writer.field("answer", answer)
      writer.key("at")
      writer.date(at)
      writer.key("changes")
      writer.array(changes)
      writer.field("question", question)
      writer.field("seq", seq)
      writer.field("step", step)
    }
  }
}

extension WorkshopEvent: JSONTextCodable {
  public init(json reader: inout JSONPullReader) throws(JSONBail) {
    var event: WorkshopEvent?
    try reader.singleKeyObject { reader, key throws(JSONBail) in
      switch key {
      case "stepEntered":
        var step: Int?
        try reader.object { reader, key throws(JSONBail) in
          guard case "step" = key else { throw JSONBail() }
          step = try reader.int()
        }
        guard let step else { throw JSONBail() }
        event = .stepEntered(step)
      case "listClosed":
        event = .listClosed(try reader.stringFields(["list"]).required(0))
      case "listReopened":
        event = .listReopened(try reader.stringFields(["list"]).required(0))
      case "undone":
        var seq: Int?
        try reader.object { reader, key throws(JSONBail) in
          guard case "seq" = key else { throw JSONBail() }
          seq = try reader.int()
        }
        guard let seq else { throw JSONBail() }
        event = .undone(seq: seq)
      case "adjustmentChosen":
        let fields = try reader.stringFields(["conflict", "kpi"])
        event = .adjustmentChosen(conflict: try fields.required(0), kpi: try fields.required(1))
      case "adjustmentNamed":
        let fields = try reader.stringFields(["conflict", "name"])
        event = .adjustmentNamed(conflict: try fields.required(0), name: try fields.required(1))
      case "varianceExplained":
        let fields = try reader.stringFields(["kpi", "explanation"])
        event = .varianceExplained(kpi: try fields.required(0), explanation: fields[1])
      default:
        event = .cascade(try CascadeEvent(json: &reader, named: key))
      }
    }
    self = event!
  }

  public func write(json writer: inout PrettyJSONWriter) {
    switch self {
    case .cascade(let event):
      event.write(json: &writer)
    case .stepEntered(let step):
      writer.singleKeyObject("stepEntered") { writer in writer.field("step", step) }
    case .listClosed(let list):
      writer.singleKeyObject("listClosed") { writer in writer.field("list", list) }
    case .listReopened(let list):
      writer.singleKeyObject("listReopened") { writer in writer.field("list", list) }
    case .undone(let seq):
      writer.singleKeyObject("undone") { writer in writer.field("seq", seq) }
    case .adjustmentChosen(let conflict, let kpi):
      writer.singleKeyObject("adjustmentChosen") { writer in
        writer.field("conflict", conflict)
        writer.field("kpi", kpi)
      }
    case .adjustmentNamed(let conflict, let name):
      writer.singleKeyObject("adjustmentNamed") { writer in
        writer.field("conflict", conflict)
        writer.field("name", name)
      }
    case .varianceExplained(let kpi, let explanation):
      writer.singleKeyObject("varianceExplained") { writer in
        writer.field("explanation", explanation)
        writer.field("kpi", kpi)
      }
    }
  }
}

/// Dates as the `.iso8601` strategy writes them: `2027-04-01T12:05:21Z`, whole seconds, UTC.
extension JSONPullReader {
  /// Exactly `YYYY-MM-DDTHH:MM:SSZ` with a real day and time from 1600 on; anything else bails, for
  /// `JSONDecoder` to judge.
  mutating func date() throws(JSONBail) -> Date {
    var text = try string()
    let seconds = text.withUTF8 { bytes -> Int? in
      guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
        bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z"),
        let day = CalendarDay(utf8: UnsafeBufferPointer(rebasing: bytes[0..<10])),
        PrettyJSONWriter.gregorianYears.contains(
          (0..<4).reduce(0) { year, index in year * 10 + Int(bytes[index] - UInt8(ascii: "0")) })
      else { return nil }
      func number(_ at: Int) -> Int? {
        let (tens, ones) = (bytes[at] &- 0x30, bytes[at + 1] &- 0x30)
        return tens < 10 && ones < 10 ? Int(tens) * 10 + Int(ones) : nil
      }
      guard let hour = number(11), let minute = number(14), let second = number(17),
        hour < 24, minute < 60, second < 60
      else { return nil }
      return day.ordinal * 86_400 + hour * 3_600 + minute * 60 + second
    }
    guard let seconds else { throw JSONBail() }
    return Date(timeIntervalSince1970: TimeInterval(seconds))
  }
}

extension PrettyJSONWriter {
  /// The years written and read here. `Foundation` counts days before the Gregorian reform
  /// (1582) in the Julian calendar, and writes years past 9999 with more digits.
  static let gregorianYears = 1600...9999

  /// Whole seconds, rounded down as `JSONEncoder` rounds them; a year outside `gregorianYears`
  /// (which the encoder writes in its own way) makes the writer `failed`.
  mutating func date(_ date: Date) {
    guard abs(date.timeIntervalSince1970) < 1e12 else {
      fail()
      return
    }
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let (days, rest) = (seconds.floorDivided(by: 86_400), seconds.floorModulo(86_400))
    let day = CalendarDay(ordinal: days)
    guard Self.gregorianYears.contains(day.components.year) else {
      fail()
      return
    }
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
    string("\(day.description)T\(two(rest / 3_600)):\(two(rest % 3_600 / 60)):\(two(rest % 60))Z")
  }
}

extension Int {
  fileprivate func floorDivided(by divisor: Int) -> Int {
    let quotient = self / divisor
    return self % divisor < 0 ? quotient - 1 : quotient
  }

  fileprivate func floorModulo(_ divisor: Int) -> Int {
    let remainder = self % divisor
    return remainder < 0 ? remainder + divisor : remainder
  }
}

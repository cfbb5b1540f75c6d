import Foundation
import Testing

@testable import KPICascade
@testable import Workshop

/// `JSONPullReader` and `PrettyJSONWriter` stand in for `JSONDecoder` and `JSONEncoder` on
/// session files. `Codable` stays the definition of the format: every test here holds the fast
/// path against it, byte for byte when writing and value for value when reading.
@Suite("Transcript JSON without Codable")
struct TranscriptJSONTextTests {
  /// Text that needs every kind of care: quotes, backslashes, slashes, every control
  /// character, DEL, bidi and line-separator scalars, a BOM, accents both composed and not,
  /// an astral emoji.
  static let awkward: [String] = [
    "", "plain", "quote \" and backslash \\ and slash /", "tab\tnew\nline\r\u{8}\u{C}",
    String(String.UnicodeScalarView((0..<0x20).map { Unicode.Scalar(UInt8($0)) })),
    "del \u{7F} c1 \u{85} bidi \u{202E}x\u{2066} ls \u{2028} bom \u{FEFF}", "café cafe\u{301} 😀 日本",
    "\\u0041 is not an escape here", "ends with backslash \\",
  ]

  static let events: [WorkshopEvent] = {
    let text = awkward
    let reading = Reading(
      kpi: "k1", day: CalendarDay("2027-03-01")!, value: 23.5, note: text[2], confidence: 7,
      recordedBy: text[6])
    var cascade = Cascade()
    cascade.companyKPIs = [
      CompanyKPI(
        id: "c1", name: text[6], target: "48%", changes: [LockedChange(what: "target", reason: text[3])])
    ]
    cascade.departments = [
      Department(
        id: "d1", name: "Sales", head: text[5], function: .customerSuccess,
        kpis: [
          DepartmentKPI(
            id: "k1", name: "Pipeline", companyKPI: "c1", leadTimeDays: 30, linkSentence: text[2],
            target: ">= 4x",
            tension: .with(kpi: "k2"), owner: "Mia", contributors: ["d2", "d3"]),
          DepartmentKPI(id: "k2", name: "Margin", companyKPI: "c1", tension: Tension.none),
        ])
    ]
    cascade.individualKPIs = [
      IndividualKPI(id: "i1", name: "Calls", parent: "k1", role: "AEs", target: "21", owner: "Emil")
    ]
    cascade.contributions = [Contribution(companyKPI: "c1", department: "d1", text: nil)]
    cascade.conflicts = [
      Conflict(
        first: "k1", second: "k2", companyKPI: "c1", origin: .declared, structural: true,
        resolution: Resolution(kpi: "k2", oldName: "a", newName: "b", oldTarget: nil, newTarget: "5%"))
    ]
    cascade.governance.velocity = .high
    cascade.governance.missPolicy = text[7]
    cascade.overrides = [Override(finding: "count:d1", reason: text[8])]
    cascade.scorecard = Scorecard([reading, Reading(kpi: "k2", day: CalendarDay("2027-03-08")!, value: -0.0)])
    cascade.reviews = [
      Review(
        kind: .strategic, day: CalendarDay("2027-03-09")!, offTrack: ["k1"],
        variances: [Variance(kpi: "k1", explanation: text[4], plan: nil)])
    ]
    let cascadeEvents: [CascadeEvent] = [
      .companyKPIAdded(id: "c1", name: text[1]), .companyKPIsLocked(on: "2027-04-01"),
      .departmentAdded(id: "d1", name: text[6]), .headSet(department: "d1", person: text[2]),
      .functionSet(department: "d1", function: .hr),
      .contributionRecorded(companyKPI: "c1", department: "d1", text: nil),
      .contributionRecorded(companyKPI: "c1", department: "d1", text: text[3]),
      .departmentKPIAdded(id: "k1", department: "d1", companyKPI: "c1", name: text[5]),
      .individualKPIAdded(id: "i1", parent: "k1", name: text[4]), .roleSet(kpi: "i1", role: text[8]),
      .leadTimeSet(kpi: "k1", days: -3), .leadTimeSet(kpi: "k1", days: 1_000_000_000_000),
      .linkSentenceSet(kpi: "k1", sentence: text[7]), .tensionSet(kpi: "k1", tension: Tension.none),
      .tensionSet(kpi: "k1", tension: .with(kpi: "k2")), .contributorAdded(kpi: "k1", department: "d2"),
      .targetSet(kpi: "k1", target: ">= 4x", reason: nil),
      .targetSet(kpi: "c1", target: "48%", reason: text[2]),
      .ownerSet(kpi: "k1", person: "Mia"), .ownerSet(kpi: "c1", person: "Ines", reason: "left"),
      .renamed(id: "k1", name: "New", reason: nil), .renamed(id: "k1", name: "New", reason: text[0]),
      .removed(id: "k1", reason: nil), .removed(id: "d1", reason: "merged"),
      .conflictRaised(first: "k1", second: "k2", companyKPI: "c1", origin: .raised),
      .conflictAnswered(first: "k1", second: "k2", structural: false),
      .conflictResolved(
        first: "k1", second: "k2",
        resolution: Resolution(kpi: "k1", oldName: text[1], newName: text[6], oldTarget: "1", newTarget: nil)),
      .velocitySet(velocity: .steady), .operationalReviewSet(cadence: .biweekly),
      .strategicReviewSet(cadence: .quarterly), .governanceSet(field: .changeProcess, value: text[2]),
      .findingAccepted(finding: "lead-time:k1", reason: text[5]), .readingsRecorded(readings: [reading]),
      .readingsRecorded(readings: []),
      .reviewHeld(kind: .operational, on: CalendarDay("2027-05-03")!, offTrack: []),
      .varianceRecorded(kpi: "k1", explanation: nil, plan: text[2]),
      .varianceRecorded(kpi: "k1", explanation: "x", plan: nil), .restored(cascade: cascade),
      .restored(cascade: Cascade()),
    ]
    return cascadeEvents.map(WorkshopEvent.cascade) + [
      .stepEntered(3), .listClosed("kpis:c1:d2"), .listReopened(text[2]), .undone(seq: 12),
      .adjustmentChosen(conflict: "k1~k2", kpi: "k2"), .adjustmentNamed(conflict: "k1~k2", name: text[6]),
      .varianceExplained(kpi: "k1", explanation: nil), .varianceExplained(kpi: "k1", explanation: text[3]),
    ]
  }()

  /// A transcript holding every kind of change and awkward text everywhere (it need not replay:
  /// only its JSON is under test).
  static func everything() -> Transcript {
    var transcript = Transcript(session: SampleSession.session(.init(readings: true, weeks: 3)))
    transcript.session.name = awkward[6]
    let start = Date(timeIntervalSince1970: 1_806_000_000)
    transcript.exchanges = events.enumerated().map { index, event in
      Exchange(
        seq: index + 1, at: start.addingTimeInterval(Double(index) * 3_601), step: 1 + index % 6,
        question: awkward[index % awkward.count], answer: awkward[(index + 3) % awkward.count],
        changes: [event])
    }
    transcript.exchanges.append(
      Exchange(seq: 999, at: start, step: 2, question: "many", answer: "", changes: Array(events.prefix(5))))
    transcript.exchanges.append(
      Exchange(seq: 1000, at: start, step: 2, question: "none", answer: "", changes: []))
    if case .cascade(.restored(let cascade)) = events.first(where: {
      if case .cascade(.restored(let cascade)) = $0 { !cascade.departments.isEmpty } else { false }
    }) {
      transcript.cascade = cascade
    }
    return transcript
  }

  static func codableBytes(_ value: some Encodable) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return Array(try encoder.encode(value))
  }

  static func fastBytes(_ value: some JSONTextCodable) -> [UInt8]? {
    var writer = PrettyJSONWriter()
    value.write(json: &writer)
    return writer.failed ? nil : writer.bytes
  }

  static func fastRead<T: JSONTextCodable>(_: T.Type, _ bytes: [UInt8]) -> T? {
    bytes.withUnsafeBytes { JSONPullReader.read(T.self, from: $0) }
  }

  static func codableRead<T: Decodable>(_: T.Type, _ bytes: [UInt8]) -> T? {
    try? TranscriptCodec.decoder.decode(T.self, from: Data(bytes))
  }

  // MARK: Writing: the same bytes as JSONEncoder

  @Test func everyChangeIsWrittenAsJSONEncoderWritesIt() throws {
    for event in Self.events {
      #expect(Self.fastBytes(event) == (try Self.codableBytes(event)), "\(event)")
    }
  }

  @Test func aWholeTranscriptIsWrittenAsJSONEncoderWritesIt() throws {
    let transcript = Self.everything()
    #expect(Self.fastBytes(transcript) == (try Self.codableBytes(transcript)))
  }

  @Test(arguments: [
    SampleSession.Options(), SampleSession.Options(readings: true),
    SampleSession.Options(
      departments: 9, kpisPerDepartment: 5, individualPerKPI: 2, seed: 4, readings: true, weeks: 8),
  ])
  func sampleSessionsAreWrittenAsJSONEncoderWritesThem(options: SampleSession.Options) throws {
    let session = SampleSession.session(options)
    let bytes = TranscriptCodec.encode(session)
    #expect(bytes == TranscriptCodec.encodeByCodable(Transcript(session: session)))
    #expect(bytes.last == 0x0A)
  }

  @Test func numbersAreWrittenAsJSONEncoderWritesThem() throws {
    var generator = SplitMix64(seed: 99)
    var values: [Double] = [
      0, -0.0, 1, -1, 2.4, 100, 1e-7, 1.2e21, 0.1 + 0.2, 123_456_789.125, .leastNonzeroMagnitude,
      .greatestFiniteMagnitude,
      1e15, 1e16, 1e17, 12_345_678.0, -98.6, 0.001, 1 / 3,
    ]
    for _ in 0..<2_000 {
      values.append(Double(bitPattern: generator.next()))
      values.append(Double(Int64(bitPattern: generator.next()) % 1_000_000) / 100)
    }
    for value in values where value.isFinite {
      let reading = Reading(kpi: "k1", day: CalendarDay(ordinal: 20_000), value: value)
      let bytes = try Self.codableBytes(reading)
      #expect(Self.fastBytes(reading) == bytes, "\(value)")
      #expect(Self.fastRead(Reading.self, bytes)?.value.bitPattern == value.bitPattern, "\(value)")
    }
    var writer = PrettyJSONWriter()
    writer.double(.nan)
    #expect(writer.failed)
  }

  @Test func datesAreWrittenAsJSONEncoderWritesThem() throws {
    var generator = SplitMix64(seed: 5)
    var dates = [
      0, -0.5, 0.999_9, -86_400.7, 1_806_000_000.25, 253_402_300_799.9, -30_610_224_000, -62_135_596_800,
      -11_676_096_000, -12_219_292_800,
    ]
    .map(Date.init(timeIntervalSince1970:))
    for _ in 0..<2_000 {
      dates.append(
        Date(timeIntervalSince1970: Double(generator.next() % 400_000_000_000) - 62_000_000_000 + 0.37))
    }
    for date in dates {
      let info = SessionInfo(name: "n", slug: "n", created: date)
      let bytes = try Self.codableBytes(info)
      if let fast = Self.fastBytes(info) {
        #expect(fast == bytes, "\(date.timeIntervalSince1970)")
        // Read back: the whole second written, as JSONDecoder reads it.
        #expect(Self.fastRead(SessionInfo.self, bytes) == Self.codableRead(SessionInfo.self, bytes))
      } else {
        let year = Calendar(identifier: .gregorian).dateComponents(
          in: TimeZone(identifier: "UTC")!, from: date
        ).year!
        #expect(!PrettyJSONWriter.gregorianYears.contains(year), "\(date.timeIntervalSince1970)")
      }
    }
    var writer = PrettyJSONWriter()
    writer.date(Date(timeIntervalSince1970: 1e300))
    #expect(writer.failed)
  }

  // MARK: Reading: the same values as JSONDecoder

  @Test func whatIsWrittenReadsBackAsJSONDecoderReadsIt() throws {
    let transcript = Self.everything()
    let bytes = try Self.codableBytes(transcript)
    let fast = try #require(Self.fastRead(Transcript.self, bytes))
    #expect(fast == Self.codableRead(Transcript.self, bytes))
    // Equal, not only canonically equivalent: the very scalars came back.
    #expect(
      fast.exchanges.map(\.question.unicodeScalars).map(Array.init)
        == transcript.exchanges.map { Array($0.question.unicodeScalars) })
    let compact = JSONEncoder()
    compact.dateEncodingStrategy = .iso8601
    compact.outputFormatting = [.sortedKeys]
    for event in Self.events {
      let line = Array(try compact.encode(event))
      #expect(Self.fastRead(WorkshopEvent.self, line) == event, "\(event)")
    }
  }

  /// Escapes a writer never produces (`\/`, `\u00e9`, surrogate pairs, upper-case hex) read as
  /// JSONDecoder reads them; broken ones bail.
  @Test func escapesReadAsJSONDecoderReadsThem() {
    let good = [
      #"{"list":"a\/b"}"#, #"{"list":"\u00e9\u00E9"}"#, #"{"list":"\ud83d\ude00"}"#,
      #"{"list":"\b\f\n\r\t\"\\"}"#,
      #"{"list":"\u0000x"}"#, "{\"list\":\"é\"}", #"{ "list" : "spaced" }"#,
    ]
    for json in good {
      let bytes = Array(("{\"listClosed\":" + json + "}").utf8)
      let fast = Self.fastRead(WorkshopEvent.self, bytes)
      #expect(fast != nil, "\(json)")
      #expect(fast == Self.codableRead(WorkshopEvent.self, bytes), "\(json)")
    }
    let bad = [
      #"{"list":"\ud83d"}"#, #"{"list":"\ude00x"}"#, #"{"list":"\x"}"#, #"{"list":"\u12"}"#,
      "{\"list\":\"a\u{1}b\"}",
      #"{"list":"unterminated}"#,
    ]
    for json in bad {
      #expect(
        Self.fastRead(WorkshopEvent.self, Array(("{\"listClosed\":" + json + "}").utf8)) == nil, "\(json)")
    }
    #expect(
      Self.fastRead(WorkshopEvent.self, Array("{\"listClosed\":{\"list\":\"\u{FF}\"}}".utf8) + [0xFF]) == nil)
    var invalid = Array("{\"listClosed\":{\"list\":\"ab\"}}".utf8)
    invalid[23] = 0xC3  // a lead byte with no continuation
    #expect(Self.fastRead(WorkshopEvent.self, invalid) == nil)
  }

  /// Strings are scanned eight bytes at a time: a quote, backslash, control character or
  /// non-ASCII byte at any place in a word, or right after one, is still seen.
  @Test func everyPlaceInAWordIsSeen() throws {
    let specials = ["\"", "\\", "\n", "\u{1}", "\u{1F}", "é", "😀", "\u{7F}", " ", "~"]
    for length in 0..<20 {
      for place in 0...length {
        for special in specials {
          var text = String(repeating: "a", count: length)
          text.insert(contentsOf: special, at: text.index(text.startIndex, offsetBy: place))
          let bytes = try Self.codableBytes(WorkshopEvent.listClosed(text))
          #expect(
            Self.fastRead(WorkshopEvent.self, bytes) == .listClosed(text), "\(length) \(place) \(special)")
        }
        // A raw control character inside a string is not JSON: refused wherever it is.
        var raw =
          Array("{\"listClosed\":{\"list\":\"".utf8) + Array(repeating: UInt8(ascii: "b"), count: length)
        raw.insert(0x01, at: raw.count - length + place)
        raw += Array("\"}}".utf8)
        #expect(Self.fastRead(WorkshopEvent.self, raw) == nil, "\(length) \(place)")
      }
    }
  }

  /// Anything outside the one shape kpi-align writes is left to JSONDecoder, whatever it makes
  /// of it: a key twice, an unknown key, a number where a string goes, `1.0` for an integer, a
  /// second change in one object, trailing bytes.
  @Test func theFastReaderBailsOnAnythingUnusual() {
    let bail = [
      #"{"stepEntered":{"step":2,"step":3}}"#, #"{"stepEntered":{"step":2,"extra":1}}"#,
      #"{"stepEntered":{"step":2.0}}"#, #"{"stepEntered":{"step":02}}"#, #"{"stepEntered":{"step":"2"}}"#,
      #"{"stepEntered":{"step":99999999999999999999}}"#, #"{"stepEntered":{}}"#,
      #"{"stepEntered":{"step":2},"listClosed":{"list":"x"}}"#, #"{}"#, #"{"nonsense":{}}"#,
      #"{"stepEntered":{"step":2}} x"#, #"{"stepEntered":{"step":2}"#, #"{"listClosed":{"list":null}}"#,
      #"{"tensionSet":{"kpi":"k1","tension":{"none":{"x":1}}}}"#,
      #"{"functionSet":{"department":"d1","function":"Sales"}}"#,
      #"{"leadTimeSet":{"kpi":"k1","days":true}}"#, #"{"list\u0043losed":{"list":"x"}}"#, #"[]"#, "",
    ]
    for json in bail {
      #expect(Self.fastRead(WorkshopEvent.self, Array(json.utf8)) == nil, "\(json)")
    }
  }

  /// Random damage to a real file: whatever the fast reader accepts, JSONDecoder reads to the
  /// same transcript. (Whatever it refuses goes to JSONDecoder anyway.)
  @Test func damagedFilesNeverReadDifferently() throws {
    let original = Array(
      TranscriptCodec.encode(
        SampleSession.session(.init(departments: 2, kpisPerDepartment: 1, individualPerKPI: 1))))
    var generator = SplitMix64(seed: 17)
    let inserts = Array(#"{}[],:" \0-1e.tnulx"#.utf8)
    var accepted = 0
    for _ in 0..<1_500 {
      var bytes = original
      for _ in 0..<(1 + Int(generator.next() % 3)) {
        let at = Int(generator.next() % UInt64(bytes.count))
        switch generator.next() % 3 {
        case 0: bytes.remove(at: at)
        case 1: bytes.insert(inserts[Int(generator.next() % UInt64(inserts.count))], at: at)
        default: bytes[at] = inserts[Int(generator.next() % UInt64(inserts.count))]
        }
      }
      guard let fast = Self.fastRead(Transcript.self, bytes) else { continue }
      accepted += 1
      #expect(fast == Self.codableRead(Transcript.self, bytes))
    }
    // Some damage lands in white space or string contents and must still read.
    #expect(accepted > 0)
  }

  // MARK: Through the codec

  @Test func theCodecReadsItsOwnFilesFastAndOthersByCodable() throws {
    let session = SampleSession.session(.init(readings: true, weeks: 4))
    let data = TranscriptCodec.encode(session)
    #expect(TranscriptCodec.readFast(data) == Transcript(session: session))
    guard case .transcript(let read) = try TranscriptCodec.decode(data, file: "f.json") else {
      Issue.record("not a transcript")
      return
    }
    #expect(read.exchanges == session.exchanges)
    #expect(read.cascade == session.cascade)
    // The same file with a key twice is left to JSONDecoder, which reads it (last one wins or
    // not: whatever it does, the fast reader did not decide it).
    let text = String(decoding: data, as: UTF8.self)
    let doubled = Data(
      text.replacingOccurrences(of: "\"format\" :", with: "\"format\" : \"x\", \"format\" :").utf8)
    #expect(TranscriptCodec.readFast(doubled) == nil)
    // Another format or version is never taken by the fast reader.
    let version2 = Data(text.replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : 2").utf8)
    #expect(TranscriptCodec.readFast(version2) == nil)
    #expect(throws: ExitError.self) { _ = try TranscriptCodec.decode(version2, file: "f.json") }
  }

  @Test func unsafeTextIsStillFoundWhereItIs() {
    var cascade = SampleSession.session(.init()).cascade
    #expect(CascadeAudit.unsafeText(in: cascade, prefix: "cascade") == nil)
    cascade.departments[1].kpis[0].owner = "Mia \u{202E}Ade"
    #expect(
      CascadeAudit.unsafeText(in: cascade, prefix: "cascade")
        == "cascade.departments[1].kpis[0].owner: contains a control character")
    cascade.departments[1].kpis[0].owner = "Mia Adé"
    cascade.governance.missPolicy = "two\u{7}"
    #expect(
      CascadeAudit.unsafeText(in: cascade, prefix: "cascade")
        == "cascade.governance.missPolicy: contains a control character")
  }
}

import Exports
import Foundation
import KPICascade

/// Reads and writes session files, and checks everything it reads.
///
/// Reading is where bad input is stopped: wrong format or version, wrong types, references to
/// things that don't exist, reused ids, control characters in names, and a snapshot that does
/// not match the replayed exchanges each give one message naming the place in the file.
public enum TranscriptCodec {
  /// Files larger than this are refused before parsing.
  public static let maximumFileSize = 512 * 1024 * 1024

  /// The session file's bytes: what `JSONEncoder` would write (pretty-printed, sorted keys), by
  /// `PrettyJSONWriter`, which writes a large session many times faster; `JSONEncoder` itself
  /// only for a value the writer does not take (see `PrettyJSONWriter.failed`).
  public static func encode(_ session: Session) -> Data {
    let transcript = Transcript(session: session)
    var writer = PrettyJSONWriter()
    transcript.write(json: &writer)
    if !writer.failed {
      writer.endLine()
      let bytes = writer.takeBytes()
      return Data(bytesNoCopy: bytes.baseAddress!, count: bytes.count, deallocator: .free)
    }
    return encodeByCodable(transcript)
  }

  /// `encode(_:)` by `JSONEncoder`: the format's definition, which `PrettyJSONWriter` matches.
  static func encodeByCodable(_ transcript: Transcript) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    var data = (try? encoder.encode(transcript)) ?? Data()
    data.append(0x0A)
    return data
  }

  static let decoder: JSONDecoder = {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return decoder
  }()

  /// What a kpi-align file turned out to be.
  public enum Contents: Sendable {
    case transcript(Session)
    case cascade(CascadeDocument)
  }

  /// Reads a file given by the user; `file` names it in messages.
  public static func read(_ file: String) throws(ExitError) -> Contents {
    let data = try load(file)
    return try decode(data, file: file)
  }

  static func load(_ file: String) throws(ExitError) -> Data {
    try InputFile.read(file, kind: "a session file", limit: maximumFileSize) {
      "\(file): \($0) bytes is larger than a session file can be."
    }
  }

  private struct Header: Decodable {
    var format: String?
    var version: Int?
  }

  /// The header and, when it names a transcript this version reads, the transcript, from one
  /// parse of the file: decoding the header alone parsed all of it once more (a 21 MB session
  /// is parsed whole whatever is asked of it). Errors are thrown in the order the two decodes
  /// threw them: the header's first.
  private struct Envelope: Decodable {
    var header: Header
    var transcript: Transcript?

    init(from decoder: any Decoder) throws {
      header = try Header(from: decoder)
      let readable =
        header.format == Transcript.formatTag && header.version == Transcript.currentVersion
      transcript = readable ? try Transcript(from: decoder) : nil
    }
  }

  static func decode(_ data: Data, file: String) throws(ExitError) -> Contents {
    if let transcript = readFast(data) {
      return .transcript(try verify(transcript, file: file))
    }
    return try decodeByCodable(data, file: file)
  }

  /// The transcript, read by `JSONPullReader` when the file is one in the shape kpi-align
  /// writes (nil for anything else, which `decodeByCodable` reads or refuses with a message):
  /// what makes opening a large session fast.
  static func readFast(_ data: Data) -> Transcript? {
    guard
      let transcript = data.withUnsafeBytes({ JSONPullReader.read(Transcript.self, from: $0) }),
      transcript.format == Transcript.formatTag, transcript.version == Transcript.currentVersion
    else { return nil }
    return transcript
  }

  /// `decode(_:file:)` by `JSONDecoder`: any file, read or refused with the place at fault.
  static func decodeByCodable(_ data: Data, file: String) throws(ExitError) -> Contents {
    guard String(data: data, encoding: .utf8) != nil else {
      throw .badInput("\(file): not UTF-8 text, so not a kpi-align session file.")
    }
    let envelope: Envelope
    do {
      envelope = try decoder.decode(Envelope.self, from: data)
    } catch {
      throw .badInput("\(file): \(JSONLocation.describe(error, in: data)).")
    }
    let header = envelope.header
    switch header.format {
    case Transcript.formatTag?:
      try checkVersion(header.version, supported: Transcript.currentVersion, file: file)
      guard let transcript = envelope.transcript else {
        throw .badInput("\(file): version: not readable.")  // checkVersion has refused it already
      }
      return .transcript(try verify(transcript, file: file))
    case CascadeDocument.formatTag?:
      try checkVersion(header.version, supported: CascadeDocument.currentVersion, file: file)
      let document: CascadeDocument
      do {
        document = try decoder.decode(CascadeDocument.self, from: data)
      } catch {
        throw .badInput("\(file): \(JSONLocation.describe(error, in: data)).")
      }
      do {
        _ = try Cascade(events: [.restored(cascade: document.cascade)])
      } catch {
        throw .badInput("\(file): cascade: \(error.description).")
      }
      if let problem = CascadeAudit.unsafeText(in: document.cascade, prefix: "cascade") {
        throw .badInput("\(file): \(problem).")
      }
      if let problem = AnswerText.fileProblem(document.workshop) {
        throw .badInput("\(file): workshop: \(problem).")
      }
      return .cascade(document)
    case let other?:
      throw .badInput(
        "\(file): format is \"\(DisplayText.safe(other))\", not a kpi-align transcript (\"\(Transcript.formatTag)\") or cascade (\"\(CascadeDocument.formatTag)\")."
      )
    case nil:
      throw .badInput("\(file): format: missing; this is not a kpi-align file.")
    }
  }

  private static func checkVersion(_ version: Int?, supported: Int, file: String) throws(ExitError) {
    guard let version else { throw .badInput("\(file): version: missing.") }
    guard version == supported else {
      throw .badInput(
        "\(file): version: \(version) is not supported; this kpi-align reads version \(supported).")
    }
  }

  /// Replays a decoded transcript and checks it against its own snapshot.
  static func verify(_ transcript: Transcript, file: String) throws(ExitError) -> Session {
    let info = transcript.session
    guard Slug.isValid(info.slug) else {
      throw .badInput("\(file): session.slug: '\(DisplayText.safe(info.slug))' is not a valid slug.")
    }
    if AnswerText.fileProblem(info.name) != nil || info.name.trimmed.isEmpty {
      throw .badInput("\(file): session.name: must be plain, non-empty text.")
    }
    if let problem = CascadeAudit.unsafeText(in: transcript.exchanges) {
      throw .badInput("\(file): \(problem).")
    }
    let session: Session
    do {
      session = try Session(info: info, exchanges: transcript.exchanges)
    } catch {
      throw .badInput("\(file): \(error.description).")
    }
    if let problem = CascadeAudit.unsafeText(in: session.cascade, prefix: "cascade") {
      throw .badInput("\(file): \(problem).")
    }
    if session.cascade != transcript.cascade {
      let place = CascadeAudit.firstDifference(session.cascade, transcript.cascade) ?? "cascade"
      throw .badInput(
        "\(file): \(place): the snapshot does not match what the exchanges add up to.")
    }
    return session
  }
}

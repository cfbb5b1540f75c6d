import Exports
import Foundation
import KPICascade

@testable import Workshop

/// The transcript importer: the bytes of a file given to `kpi-align import FILE` or `open`.
///
/// Reads them as `TranscriptCodec` does (format, version, types, references, control
/// characters, replay against the snapshot), turns what is accepted into the imported session
/// as `SessionStore.importFile` does, then holds the product to what it promises about an
/// accepted file: it saves and reopens unchanged, it opens on screen, every report and export
/// renders, and its JSON export imports back to the same cascade and the same bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTranscript(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let data = Data(bytes: bytes, count: count)
  let file = "fuzz.json"

  // The fast reader takes a file only as `JSONDecoder` reads it; what it takes is written back
  // as `JSONEncoder` writes it.
  if let fast = TranscriptCodec.readFast(data) {
    expect(
      (try? TranscriptCodec.decoder.decode(Transcript.self, from: data)) == fast,
      "JSONDecoder reads what the fast reader took to the same transcript")
    var writer = PrettyJSONWriter()
    fast.write(json: &writer)
    expect(
      writer.failed || Array(TranscriptCodec.encodeByCodable(fast).dropLast()) == writer.bytes,
      "the fast writer writes what JSONEncoder writes")
  }
  guard let contents = try? TranscriptCodec.decode(data, file: file),
    let session = try? SessionStore.session(importing: contents, from: file, at: clock)
  else { return 0 }

  // `importFile` renames the session to a free slug and replays it under the new name.
  var renamed = session.info
  renamed.slug = String(session.info.slug.prefix(Slug.maximumLength - 4)) + "-2"
  expect(Slug.isValid(renamed.slug), "the renamed slug \(renamed.slug) is valid")
  expect(
    (try? Session(info: renamed, exchanges: session.exchanges))?.cascade == session.cascade,
    "an accepted file replays under a free slug")

  // Saved, it reopens as the same session.
  let saved = TranscriptCodec.encode(session)
  switch Result(catching: { () throws(ExitError) in try TranscriptCodec.decode(saved, file: file) }) {
  case .success(.transcript(let reopened)):
    expect(reopened.info == session.info, "the reopened session has the same name, slug and date")
    expect(reopened.exchanges == session.exchanges, "the reopened session has the same exchanges")
    expect(reopened.cascade == session.cascade, "the reopened session has the same cascade")
    expect(reopened.progress == session.progress, "the reopened session is at the same place")
  case .success(.cascade):
    expect(false, "a saved session reads back as a transcript")
  case .failure(let error):
    expect(false, "a saved session reopens, but: \(error.message)")
  }

  // It opens on screen, and the read-only commands answer.
  var workshop = Workshop(session: session)
  _ = workshop.opening(at: clock)
  for line in ["/status", "/show", "/check", "/score"] {
    let reply = workshop.handle(line, at: clock)
    expect(reply.exchange == nil, "\(line) records nothing")
  }
  _ = workshop.completions(for: "/show ")

  // Every export renders; the JSON export imports back and exports the same bytes.
  let findings = AlignmentReport(cascade: session.cascade).findings
  for format in ExportFormat.allCases {
    _ = Exporter.render(format, workshop: session.info.name, cascade: session.cascade, findings: findings)
  }
  let exported = Exporter.render(
    .json, workshop: session.info.name, cascade: session.cascade, findings: findings)
  switch Result(catching: { () throws(ExitError) in
    try TranscriptCodec.decode(Data(exported.utf8), file: "export.json")
  }) {
  case .success(.cascade(let document)):
    expect(document.cascade == session.cascade, "the JSON export imports back to the same cascade")
    let again = Exporter.render(
      .json, workshop: document.workshop, cascade: document.cascade,
      findings: AlignmentReport(cascade: document.cascade).findings)
    expect(again == exported, "export → import → export gives the same bytes")
  case .success(.transcript):
    expect(false, "the JSON export reads back as a cascade")
  case .failure(let error):
    expect(false, "the JSON export of an accepted file imports, but: \(error.message)")
  }
  return 0
}

/// 2026-11-26 10:00 UTC, the tests' clock: inputs decide everything else.
private let clock = Date(timeIntervalSince1970: 1_795_687_200)

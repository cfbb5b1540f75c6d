import Exports
import Foundation
import KPICascade

@testable import Workshop

/// The command parser and the engine behind it: typed lines fed to `Workshop.handle`, the
/// path every answer and `/command` takes, with no terminal and no files.
///
/// The first byte picks where the room is (a new workshop, or a point along a small sample
/// workshop: mid-step 1, step 2, … complete); each further line of the input is typed there,
/// one after another. Besides not crashing, the engine must keep the promise that makes crash
/// recovery work: what it recorded replays to exactly the session on screen, and that session
/// saves and reopens unchanged.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommand(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  guard count > 0 else { return 0 }
  let start = starts[Int(bytes[0]) % starts.count]
  var workshop = Workshop(session: start)
  var clock = (start.exchanges.last?.at ?? start.info.created).addingTimeInterval(60)
  let typed = text(bytes + 1, count - 1)
  for line in typed.split(separator: "\n", omittingEmptySubsequences: false).prefix(40) {
    let line = String(line)
    _ = CommandLineText(line).rest(from: 1)
    _ = workshop.completions(for: line)
    clock += 7
    let before = workshop.session.exchanges.count
    let reply = workshop.handle(line, at: clock)
    if reply.exchange == nil {
      expect(workshop.session.exchanges.count == before, "a line without an exchange records nothing")
    } else {
      expect(reply.refusal == nil, "an accepted line is not also refused")
      expect(
        reply.exchange == workshop.session.exchanges.last, "the reply carries the exchange recorded")
    }
    switch reply.effect {
    case .export(let format, _, let options)?:
      _ = Exporter.render(
        format, workshop: workshop.session.info.name, cascade: workshop.cascade,
        findings: AlignmentReport(cascade: workshop.cascade).findings, options: options)
    case .quit?:
      return 0
    case .save?, .diff?, .readings?, nil:
      break
    }
  }
  let session = workshop.session
  guard session.exchanges.count > start.exchanges.count else { return 0 }

  // Crash recovery: the exchanges journaled replay to the session on screen…
  let replayed = Result { () throws(ReplayError) in
    try Session(info: session.info, exchanges: session.exchanges)
  }
  switch replayed {
  case .success(let again):
    expect(again.cascade == session.cascade, "the recorded exchanges replay to the same cascade")
    expect(again.progress == session.progress, "the recorded exchanges replay to the same place")
  case .failure(let error):
    expect(false, "the recorded exchanges replay, but: \(error.description)")
  }
  // …and the saved transcript reopens.
  switch Result(catching: { () throws(ExitError) in
    try TranscriptCodec.decode(TranscriptCodec.encode(session), file: "fuzz.json")
  }) {
  case .success(.transcript(let reopened)):
    expect(reopened.exchanges == session.exchanges, "the saved session reopens with its exchanges")
  case .success(.cascade):
    expect(false, "a saved session reads back as a transcript")
  case .failure(let error):
    expect(false, "a saved session reopens, but: \(error.message)")
  }
  return 0
}

/// Where the room can be when the fuzzed lines are typed: a new workshop, then points along a
/// two-department sample (every step, mid-list and at the end).
private let starts: [Session] = {
  let fresh = Session(
    info: SessionInfo(
      name: "Acme Retail", slug: "acme-retail", created: Date(timeIntervalSince1970: 1_795_687_200)))
  let script = SampleSession.script(
    SampleSession.Options(departments: 2, kpisPerDepartment: 1, individualPerKPI: 1))
  let all = script.exchanges
  let points = [2, 5, 9, 14, 20, 26, 32, 40, 48, 56, all.count]
  let prefixes = points.filter { $0 <= all.count }.map { count in
    try! Session(info: script.info, exchanges: Array(all.prefix(count)))
  }
  return [fresh] + prefixes
}()

import Exports
import Foundation
import KPICascade
import Workshop

/// Wires a parsed command line to the library: one function per subcommand.
struct Runner {
  let arguments: Arguments
  let store: SessionStore
  /// Every "now" of the run: the real time, or `KPI_ALIGN_NOW`.
  let clock: Clock

  init(arguments: Arguments, clock: Clock) {
    self.arguments = arguments
    self.clock = clock
    store = SessionStore(directory: Locations.sessions(flag: arguments.sessionsDirectory))
  }

  func run() throws(ExitError) -> ExitCode {
    switch arguments.command {
    case .help(let verb):
      Console.out(verb.flatMap(Arguments.usage(of:)) ?? Arguments.usage)
      return .success
    case .version:
      Console.out("kpi-align \(Locations.version)")
      return .success
    case .list:
      return list()
    case .importFile(let path):
      let (session, url) = try store.importFile(path, at: clock.now)
      let count = session.exchanges.count
      Console.out(
        "Imported '\(DisplayText.safe(session.info.name))' as \(DisplayText.safe(url.path)) (\(count) exchange\(count == 1 ? "" : "s"), replay verified)."
      )
      return .success
    case .importCSV(let path, let name):
      return try importCSV(path, name: name)
    case .export(let name, let formatName, let output, let firstDay, let asOf, let replacing):
      guard let format = ExportFormat(rawValue: formatName.lowercased()) else {
        throw .init(
          .usage,
          "Unknown format '\(DisplayText.safe(formatName))'. Formats: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))."
        )
      }
      let session = try store.read(name)
      let text = Self.render(
        format, session, options: ExportOptions(startDay: firstDay, asOf: asOf.flatMap { CalendarDay($0) }))
      if let output {
        try OutputFile.write(Data(text.utf8), to: output, replacing: replacing)
      } else {
        Console.raw(text)
      }
      return .success
    case .check(let name, let format):
      guard ["text", "json"].contains(format.lowercased()) else {
        throw .init(.usage, "Unknown check format '\(DisplayText.safe(format))'. Formats: text, json.")
      }
      let session = try store.read(name)
      let report = AlignmentReport(cascade: session.cascade)
      let style: TextStyle = Console.wantsColour ? .fancy : .plain
      let check = CheckReport(cascade: session.cascade, style: style, report: report)
      Console.out(format.lowercased() == "json" ? check.json(workshop: session.info.name) : check.text())
      return report.passes ? .success : .failed
    case .score(let name):
      let session = try store.read(name)
      Console.out(ScoreReport(cascade: session.cascade, style: Console.wantsColour ? .fancy : .plain).text())
      return .success
    case .diff(let oldName, let newName, let formatName):
      guard let format = DiffReport.Format(rawValue: formatName.lowercased()) else {
        throw .init(.usage, "Unknown diff format '\(DisplayText.safe(formatName))'. Formats: text, json.")
      }
      let old = try store.cascadeToCompare(oldName)
      let new = try store.cascadeToCompare(newName)
      let diff = CascadeDiff(old: old.cascade, new: new.cascade)
      let report = DiffReport(old: old.workshop, new: new.workshop, diff: diff)
      Console.out(report.render(format, style: Console.wantsColour ? .fancy : .plain))
      return diff.isEmpty ? .success : .failed
    case .readings(let name, let file):
      return try recordReadings(file, into: name)
    case .dashboard(let name, let asOf):
      return try dashboard(name, asOf: asOf)
    case .diagnose(let name, let kpi, let asOf, let format):
      return try diagnose(kpi, in: name, asOf: asOf, format: format)
    case .new(let name):
      let input = try InputSource(scriptPath: arguments.script)
      return try workshop(
        try store.create(name: name, at: clock.now, memoryOnly: input.isInteractive), input: input)
    case .open(let name):
      let input = try InputSource(scriptPath: arguments.script)
      return try workshop(try store.open(name, memoryOnly: input.isInteractive), input: input)
    case .sample(let options, let output):
      return try sample(options, to: output)
    case .start:
      return try start()
    }
  }

  static func render(_ format: ExportFormat, _ session: Session, options: ExportOptions = ExportOptions())
    -> String
  {
    var options = options
    if format == .md { options.changes = ChangeLog(events: session.cascadeEvents) }
    return Exporter.render(
      format, workshop: session.info.name, cascade: session.cascade,
      findings: AlignmentReport(cascade: session.cascade).findings, options: options)
  }

  private func list() -> ExitCode {
    Console.out(SessionMenu(summaries: store.summaries(at: clock.now), folder: store.directory).table)
    return .success
  }

  /// No subcommand: choose a session to resume, or name a new one.
  private func start() throws(ExitError) -> ExitCode {
    let input = try InputSource(scriptPath: arguments.script)
    // A damaged session can't be resumed; `kpi-align list` shows it with the reason.
    let menu = SessionMenu(summaries: store.summaries(at: clock.now), folder: store.directory)
    if input.isInteractive { Console.out(menu.greeting) }
    while true {
      switch input.read(prompt: "workshop› ") {
      case .line(let text):
        do throws(ExitError) {
          switch try menu.choice(text) {
          case .none: continue
          case .resume(let slug):
            return try workshop(try store.open(slug, memoryOnly: input.isInteractive), input: input)
          case .start(let name):
            return try workshop(
              try store.create(name: name, at: clock.now, memoryOnly: input.isInteractive), input: input)
          }
        } catch  where input.isInteractive && error.code == .usage {
          Console.error(error.message)
        } catch  where !input.isInteractive {
          // A script's first line is an answer like any other: a refusal names its place.
          throw ExitError(error.code, "\(input.location): \(error.message)")
        }
      case .interrupted:
        continue
      case .controlSequence:
        guard input.isInteractive else {
          throw ExitError(.failed, "\(input.location): \(REPL.controlSequenceRefusal)")
        }
        Console.error(REPL.controlSequenceRefusal)
      case .end, .terminated:
        return .success
      case .invalidUTF8:
        throw .init(.failed, input.location + ": not valid UTF-8.")
      }
    }
  }

  private func workshop(_ open: OpenSession, input: InputSource) throws(ExitError) -> ExitCode {
    defer { open.close() }
    let style: TextStyle = input.isInteractive && Console.wantsColour ? .fancy : .plain
    return REPL(open: open, input: input, style: style, clock: clock).run()
  }
}

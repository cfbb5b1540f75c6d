import Exports
import Foundation
import KPICascade
import LineEditing
import Workshop

/// The workshop loop: read a line, let the engine answer, journal what it accepted, show the
/// reply, carry out its effect. Nothing here decides anything about the workshop.
struct REPL {
  let open: OpenSession
  let input: InputSource
  let style: TextStyle
  let clock: Clock

  func run() -> ExitCode {
    var workshop = Workshop(session: open.session, style: style)
    defer { input.close() }
    show(workshop.opening(at: clock.now))
    if let detachment = open.detachment {
      Console.error("kpi-align: \(detachment) /save PATH writes the session elsewhere.")
    }
    if !input.isInteractive { Console.out("") }
    // Set when leaving was refused because answers are in memory only: a second /quit leaves.
    var warnedBeforeLeaving = false
    while true {
      // Between lines, not on the first Tab after a name changed: that Tab then waits for nothing.
      if input.isInteractive { workshop.prepareCompletions() }
      input.completer = { [workshop] typed in workshop.completions(for: typed) }
      switch input.read(prompt: workshop.prompt) {
      case .line(let line):
        // The dashboard fits the screen, leaving the prompt's row.
        workshop.screenRows = input.isInteractive ? LineWrapping.terminalHeight.map { $0 - 1 } : nil
        let reply = soleOwner(of: &workshop) { $0.handle(line, at: clock.now) }
        let leavingAgain = warnedBeforeLeaving
        warnedBeforeLeaving = false
        var wrote = reply.exchange.map { keep($0, of: workshop) } ?? true
        if !line.trimmingCharacters(in: .whitespaces).isEmpty,
          !line.unicodeScalars.contains(where: DisplayText.isUnsafe)
        {
          input.remember(line)
        }
        show(reply.text)
        if let refusal = reply.refusal, !input.isInteractive {
          Console.error("kpi-align: \(input.location): \(refusal)")
          return save(quietly: true) ? .failed : .io
        }
        switch reply.effect {
        case nil: break
        case .quit?:
          if save(quietly: false) { return .success }
          if mayLeave(again: leavingAgain) { return .io }
          warnedBeforeLeaving = true
          continue
        case .save(let path, let replacing)?:
          // The copy first: when the session's own file can't be written, the room hears that
          // its answers are safe in the copy.
          if let path { wrote = copy(to: path, replacing: replacing) && wrote }
          wrote = save(quietly: false) && wrote
        case .export(let format, let path, let options, let replacing)?:
          wrote =
            export(format, to: path, options: options, replacing: replacing, session: workshop.session)
            && wrote
        case .readings(let path)?:
          // A file that can't be read or has a bad row is a refused line: a script stops there.
          if !recordReadings(path, into: &workshop), !input.isInteractive {
            Console.error("kpi-align: \(input.location): stopped because the readings file was refused.")
            return save(quietly: true) ? .failed : .io
          }
        case .diff(let path)?:
          // A file that can't be compared is a refused line: a script stops there.
          if !compare(path, with: workshop.session), !input.isInteractive {
            return save(quietly: true) ? .failed : .io
          }
        }
        // A script cannot react to a file it could not write: it stops there.
        if !wrote, !input.isInteractive {
          Console.error("kpi-align: \(input.location): stopped because a file could not be written.")
          _ = save(quietly: true)
          return .io
        }
        if !input.isInteractive { Console.out("") }
      case .interrupted:
        continue
      case .end:
        if save(quietly: false) { return .success }
        if mayLeave(again: warnedBeforeLeaving) { return .io }
        warnedBeforeLeaving = true
      case .terminated:
        let saved = save(quietly: false)
        guard !input.isInteractive else { return saved ? .success : .io }
        Console.error(
          "kpi-align: \(input.location): stopped by a signal after this line; every answer up to it is saved, and no later line was run."
        )
        return saved ? .failed : .io
      case .controlSequence:
        Console.out(style.problem(Self.controlSequenceRefusal))
      case .invalidUTF8:
        Console.error(
          "kpi-align: \(input.location): the line is not valid UTF-8; nothing was recorded from it.")
        return save(quietly: true) ? .failed : .io
      }
    }
  }

  /// Runs the engine with `workshop` holding the only reference to its session. Between lines
  /// `open` and the Tab completer each keep a copy; while they do, the session's arrays are
  /// shared, and appending one exchange copies all of them first (Swift arrays copy on write):
  /// on a 43,000-exchange session that copy was most of each answer's time. `open` gets the
  /// session back before anything can save it.
  private func soleOwner<T>(of workshop: inout Workshop, _ body: (inout Workshop) -> T) -> T {
    input.completer = { Completion(stem: $0, candidates: []) }
    open.update(Session(info: workshop.session.info))
    let result = body(&workshop)
    open.update(workshop.session)
    return result
  }

  /// `/readings FILE`: reads and checks the whole file, then records it as one exchange.
  /// `false` when nothing was recorded (the file could not be read, or a row was bad).
  private func recordReadings(_ path: String, into workshop: inout Workshop) -> Bool {
    let place = input.isInteractive ? "" : "\(input.location): "
    let file: ReadingsFile
    do {
      file = try ReadingsFile(
        try SessionStore.loadSpreadsheet(path), cascade: workshop.cascade, today: clock.today)
    } catch let error as ExitError {
      Console.error("kpi-align: \(place)\(error.message)")
      return false
    } catch let rejection as RowRejection {
      let lines = rejection.message(file: path).split(separator: "\n").map { "kpi-align: \(place)\($0)" }
      Console.error(
        lines.joined(separator: "\n")
          + "\nkpi-align: \(place)nothing from \(DisplayText.safe(path)) was recorded.")
      return false
    } catch {
      return false
    }
    let reply = soleOwner(of: &workshop) { $0.recordReadings(file, from: path, at: clock.now) }
    if let exchange = reply.exchange, !keep(exchange, of: workshop) { return false }
    show(reply.text)
    return reply.refusal == nil
  }

  /// Prints engine text, wrapped between words at the terminal's width when there is one.
  private func show(_ text: String) {
    if input.isInteractive, let width = LineWrapping.terminalWidth {
      Console.out(LineWrapping.wrap(text, width: width))
    } else {
      Console.out(text)
    }
  }

  static let controlSequenceRefusal =
    "That line held terminal control characters (pasted escape codes?); nothing was recorded. Type it as plain text."

  /// Journals an accepted answer (and any still waiting in memory) before the next prompt,
  /// saving the transcript when it moved a step; `false` (after telling the room where its
  /// answers are) when the disk refused.
  private func keep(_ exchange: Exchange, of workshop: Workshop) -> Bool {
    do {
      if let notice = try open.record(exchange, in: workshop.session) {
        Console.error("kpi-align: \(notice)")
      }
    } catch {
      Console.error("kpi-align: \(Self.sentence(error.message)) \(open.safety.whereTheAnswersAre)")
      return false
    }
    return exchange.movesStep ? save(quietly: true) : true
  }

  /// `text` ending with a full stop, so another sentence can follow it.
  static func sentence(_ text: String) -> String {
    text.hasSuffix(".") || text.hasSuffix("?") ? text : text + "."
  }

  /// After a save failed on the way out: a person whose answers are in memory only is told so
  /// once and stays; a script, or a second /quit, leaves.
  private func mayLeave(again: Bool) -> Bool {
    guard let warning = open.safety.leavingWarning(interactive: input.isInteractive, warnedBefore: again)
    else {
      return true
    }
    Console.error("kpi-align: \(warning)")
    return false
  }

  /// Rewrites the transcript; `false` (after saying why) when it could not.
  private func save(quietly: Bool) -> Bool {
    do {
      try open.save()
      if !quietly && input.isInteractive {
        Console.out(style.dim("Saved \(DisplayText.safe(open.url.path))."))
      }
      return true
    } catch {
      Console.error("kpi-align: \(Self.sentence(error.message)) \(open.safety.whereTheAnswersAre)")
      return false
    }
  }

  private func copy(to path: String, replacing: Bool) -> Bool {
    do {
      try open.saveCopy(to: path, replacing: replacing)
      Console.out("Wrote a copy to \(DisplayText.safe(path)).")
      return true
    } catch {
      Console.error("kpi-align: \(error.message)")
      return false
    }
  }

  /// `/diff FILE`: FILE (a path, or a slug in this session's folder) is the old side, the
  /// session on screen the new one. Reads only; `false` (after saying why) when FILE can't be.
  private func compare(_ path: String, with session: Session) -> Bool {
    let store = SessionStore(directory: open.url.deletingLastPathComponent())
    do {
      let (workshop, cascade) = try store.cascadeToCompare(path)
      let diff = CascadeDiff(old: cascade, new: session.cascade)
      show(DiffReport(old: workshop, new: session.info.name, diff: diff).text(style: style))
      return true
    } catch {
      let place = input.isInteractive ? "" : "\(input.location): "
      Console.error("kpi-align: \(place)\(error.message)")
      return false
    }
  }

  private func export(
    _ format: ExportFormat, to path: String, options: ExportOptions, replacing: Bool, session: Session
  ) -> Bool {
    let text = Runner.render(format, session, options: options)
    do {
      try OutputFile.write(Data(text.utf8), to: path, replacing: replacing)
      Console.out("Wrote \(DisplayText.safe(path)) (\(format.rawValue), \(text.utf8.count) bytes).")
      return true
    } catch {
      Console.error("kpi-align: \(error.message)")
      return false
    }
  }
}

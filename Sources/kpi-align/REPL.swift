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

  func run() -> ExitCode {
    var workshop = Workshop(session: open.session, style: style)
    input.completer = { [workshop] typed in workshop.completions(for: typed) }
    defer { input.close() }
    show(workshop.opening(at: Date()))
    if !input.isInteractive { Console.out("") }
    while true {
      input.completer = { [workshop] typed in workshop.completions(for: typed) }
      let read = input.read(prompt: workshop.prompt)
      switch read {
      case .line(let line):
        let reply = workshop.handle(line, at: Date())
        if let exchange = reply.exchange {
          do {
            try open.record(exchange, in: workshop.session)
          } catch {
            Console.error(
              "kpi-align: \(error.message) The answer is kept in memory; /save PATH writes a copy elsewhere.")
            open.update(workshop.session)
          }
          if exchange.changes.contains(where: { if case .stepEntered = $0 { true } else { false } }) {
            save(quietly: true)
          }
        }
        if !line.trimmingCharacters(in: .whitespaces).isEmpty,
          !line.unicodeScalars.contains(where: DisplayText.isUnsafe)
        {
          input.remember(line)
        }
        show(reply.text)
        if let refusal = reply.refusal, !input.isInteractive {
          Console.error("kpi-align: \(input.location): \(refusal)")
          save(quietly: true)
          return .failed
        }
        switch reply.effect {
        case nil: break
        case .quit?:
          save(quietly: false)
          return .success
        case .save(let path)?:
          save(quietly: false)
          if let path { copy(to: path) }
        case .export(let format, let path)?:
          export(format, to: path, session: workshop.session)
        }
        if !input.isInteractive { Console.out("") }
      case .interrupted:
        continue
      case .end, .terminated:
        save(quietly: false)
        return .success
      case .controlSequence:
        Console.out(style.problem(Self.controlSequenceRefusal))
      case .invalidUTF8:
        Console.error(
          "kpi-align: \(input.location): the line is not valid UTF-8; nothing was recorded from it.")
        save(quietly: true)
        return .failed
      }
    }
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

  private func save(quietly: Bool) {
    do {
      try open.save()
      if !quietly && input.isInteractive { Console.out(style.dim("Saved \(open.url.path).")) }
    } catch {
      Console.error(
        "kpi-align: \(error.message) The session is still open in memory; /save PATH writes a copy elsewhere."
      )
    }
  }

  private func copy(to path: String) {
    do {
      try open.saveCopy(to: path)
      Console.out("Wrote a copy to \(path).")
    } catch {
      Console.error("kpi-align: \(error.message)")
    }
  }

  private func export(_ format: ExportFormat, to path: String, session: Session) {
    let text = Runner.render(format, session)
    do {
      try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: path))
      Console.out("Wrote \(path) (\(format.rawValue), \(text.utf8.count) bytes).")
    } catch {
      Console.error("kpi-align: \(error.message)")
    }
  }
}

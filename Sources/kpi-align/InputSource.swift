import Foundation
import LineEditing
import Workshop

#if canImport(Glibc)
  import Glibc
#endif

/// Where lines come from: libedit on a terminal, or a script (a file or piped stdin) read
/// without prompts. One type so the workshop loop treats both alike.
final class InputSource {
  private let reader: LineReader?
  private let script: ScriptReader?
  private let scriptName: String
  /// Tab's candidates; set by the workshop loop once a session is open.
  var completer: (String) -> Completion = { Completion(stem: $0, candidates: []) }

  init(scriptPath: String?) throws(ExitError) {
    if let scriptPath {
      let shown = DisplayText.safe(scriptPath)
      let fd = open(scriptPath, O_RDONLY | O_CLOEXEC)
      guard fd >= 0 else {
        throw ExitError(.usage, "Can't read the script \(shown): \(String(cString: strerror(errno))).")
      }
      var status = stat()
      guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR else {
        Glibc.close(fd)
        throw ExitError(.usage, "The script \(shown) is a folder; give a file with one answer per line.")
      }
      script = ScriptReader(fileDescriptor: fd)
      scriptName = shown
      reader = nil
    } else if Console.isInteractive {
      script = nil
      scriptName = ""
      var box: InputSource?
      reader = LineReader(programName: "kpi-align", historyPath: Locations.history()) { typed in
        let completion = box?.completer(typed) ?? Completion(stem: typed, candidates: [])
        return CompletionCandidates(stem: completion.stem, candidates: completion.candidates)
      }
      box = self
      _ = box
    } else {
      script = ScriptReader(fileDescriptor: 0)
      scriptName = "stdin"
      reader = nil
    }
  }

  var isInteractive: Bool { reader != nil }

  /// `script.txt:12` for messages about the line just read.
  var location: String { "\(scriptName):\(script?.lineNumber ?? 0)" }

  func read(prompt: String) -> LineInput {
    if let reader { return reader.readLine(prompt: prompt) }
    return script?.readLine() ?? .end
  }

  /// Keeps a typed line in history (interactive only).
  func remember(_ line: String) {
    reader?.remember(line)
  }

  func close() {
    reader?.close()
  }
}

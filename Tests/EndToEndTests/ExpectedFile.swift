import Foundation
import Testing

/// A file in `Tests/EndToEndTests/Expected/` that an output must equal byte for byte, and the one
/// way to change such files: rewrite them all from the binary's outputs, then review the diff.
enum ExpectedFile {
  /// The folder in the checkout (not a copy in the test bundle), so a rewrite lands in git.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Expected")

  /// `KPI_ALIGN_REWRITE_EXPECTED=1`: write this run's outputs over the expected files instead of
  /// comparing with them.
  static let rewriteVariable = "KPI_ALIGN_REWRITE_EXPECTED"

  static var isRewriting: Bool { ProcessInfo.processInfo.environment[rewriteVariable] == "1" }

  /// What a failure tells the reader to do when the change is meant.
  static let advice =
    "If the change is intended, rewrite the expected files with scripts/rewrite-expected "
    + "(\(rewriteVariable)=1 swift test --filter ExpectedOutputTests) and review their diff."

  /// How a file is named in messages: from the repository's root.
  static func shown(_ name: String) -> String { "Tests/EndToEndTests/Expected/\(name)" }

  /// Compares `actual` with the expected file `name` (a path inside the folder), recording an
  /// issue that names the file and its first differing line; when rewriting, writes `actual`
  /// there instead (only if it differs, so an unchanged file keeps its time stamp).
  static func match(_ actual: Data, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = folder.appendingPathComponent(name)
    let expected = FileManager.default.contents(atPath: url.path)
    if isRewriting {
      guard expected != actual else { return }
      do {
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try actual.write(to: url)
      } catch {
        Issue.record("Can't rewrite \(shown(name)): \(error)", sourceLocation: sourceLocation)
      }
      return
    }
    guard let expected else {
      Issue.record(
        "\(shown(name)) does not exist (\(actual.count) bytes of output to compare). \(advice)",
        sourceLocation: sourceLocation)
      return
    }
    if let difference = difference(expected: expected, actual: actual) {
      Issue.record(
        "\(shown(name)) differs from the output, \(difference)\n\(advice)", sourceLocation: sourceLocation)
    }
  }

  /// Every file in the folder that `names` does not account for: an output no longer made, or
  /// a misspelt name. Rewriting removes them. Dot files (`.gitattributes`) are the folder's own.
  static func checkNothingElse(besides names: Set<String>, sourceLocation: SourceLocation = #_sourceLocation)
  {
    let base = folder.standardizedFileURL.path + "/"
    let enumerator = FileManager.default.enumerator(
      at: folder, includingPropertiesForKeys: [.isRegularFileKey])
    var extra: [String] = []
    while let url = enumerator?.nextObject() as? URL {
      guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
        !url.lastPathComponent.hasPrefix(".")
      else { continue }
      let name = String(url.standardizedFileURL.path.dropFirst(base.count))
      if !names.contains(name) { extra.append(name) }
    }
    guard !extra.isEmpty else { return }
    if isRewriting {
      for name in extra { try? FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
      return
    }
    let files = extra.sorted().map(shown).joined(separator: ", ")
    let pronoun = extra.count == 1 ? "it" : "them"
    Issue.record(
      "No output is compared with \(files): rewriting removes \(pronoun). \(advice)",
      sourceLocation: sourceLocation)
  }

  /// Where `actual` first departs from `expected`, as a person reads it: the line (and column)
  /// and that line on both sides, quoted with escapes so that spaces, tabs and CR show; `nil`
  /// when the bytes are equal.
  static func difference(expected: Data, actual: Data) -> String? {
    guard expected != actual else { return nil }
    let old = Array(expected).split(separator: 0x0A, omittingEmptySubsequences: false)
    let new = Array(actual).split(separator: 0x0A, omittingEmptySubsequences: false)
    var index = 0
    while index < old.count, index < new.count, old[index] == new[index] { index += 1 }
    let sizes =
      "(expected \(lineCount(expected)) lines, \(expected.count) bytes; "
      + "output \(lineCount(actual)) lines, \(actual.count) bytes)"
    let oldLine = line(index, of: old)
    let newLine = line(index, of: new)
    guard oldLine != nil || newLine != nil else {
      // Both end here: the only difference is the newline after the last line.
      let (with, without) =
        old.count > new.count ? ("the expected file", "the output") : ("the output", "the expected file")
      return
        "at the end of line \(index) \(sizes):\n  \(with) ends with a newline there, \(without) does not."
    }
    let column = zip(Array(oldLine ?? ""), Array(newLine ?? "")).prefix { $0 == $1 }.count
    return "first at line \(index + 1), column \(column + 1) \(sizes):\n"
      + "  expected: \(quoted(oldLine, around: column))\n"
      + "  output:   \(quoted(newLine, around: column))"
  }

  /// Line `index` of text split at each newline, or `nil` past the end, where the empty piece
  /// after a final newline also is: that piece is no line.
  private static func line(_ index: Int, of pieces: [ArraySlice<UInt8>]) -> String? {
    guard index < pieces.count, index < pieces.count - 1 || !pieces[index].isEmpty else { return nil }
    return String(decoding: pieces[index], as: UTF8.self)
  }

  /// Lines as a text editor counts them: a final newline ends the last line, it starts none.
  private static func lineCount(_ data: Data) -> Int {
    let newlines = data.count(where: { $0 == 0x0A })
    return data.last == 0x0A || data.isEmpty ? newlines : newlines + 1
  }

  /// A line quoted, or `(end of file)`; a long line is cut to the part around `column`.
  private static func quoted(_ line: String?, around column: Int) -> String {
    guard let line else { return "(end of file)" }
    let characters = Array(line)
    let limit = 160
    guard characters.count > limit else { return String(reflecting: line) }
    let start = max(0, min(column - 60, characters.count - limit))
    let end = min(characters.count, start + limit)
    return (start > 0 ? "…" : "") + String(reflecting: String(characters[start..<end]))
      + (end < characters.count ? "…" : "")
  }
}

import Foundation
import KPICascade

/// `kpi-align diff` and `/diff`: a `CascadeDiff` as text for people or JSON for tools.
///
/// Text: a header (`2 changes`, `1 change`, `No changes`) that also gives the maturity score
/// when it did not move, then one indented line per change; when the score moved, its change
/// (`Maturity 72% → 81%`) is the last line. JSON: the `kpi-align-diff` document of
/// docs/diff.md.
public struct DiffReport {
  /// Identifies the JSON document whatever the file is called.
  public static let formatTag = "kpi-align-diff"
  /// Raised when a reader of version 1 could misread the document, not for additions.
  public static let currentVersion = 1

  /// How `kpi-align diff --format` renders.
  public enum Format: String, CaseIterable, Sendable {
    case text, json
  }

  /// The old side's workshop name.
  public let old: String
  /// The new side's workshop name.
  public let new: String
  public let diff: CascadeDiff

  public init(old: String, new: String, diff: CascadeDiff) {
    self.old = old
    self.new = new
    self.diff = diff
  }

  public func render(_ format: Format, style: TextStyle = .plain) -> String {
    switch format {
    case .text: text(style: style)
    case .json: json()
    }
  }

  /// The changes for a terminal: every user-typed name made safe to print.
  public func text(style: TextStyle) -> String {
    let count = diff.changes.count
    var header = count == 0 ? "No changes" : "\(count) change\(count == 1 ? "" : "s")"
    if diff.scoreBefore.percent == diff.scoreAfter.percent {
      let score = "maturity \(diff.scoreAfter.percent)% \(diff.scoreAfter.level.title)"
      header += style.dim(count == 0 ? " (\(score))" : " (\(score), unchanged)")
    }
    let lines = diff.changes.map { "  " + DisplayText.safe($0.sentence) }
    return ([style.heading(header)] + lines).joined(separator: "\n")
  }

  /// The `kpi-align-diff` document, pretty-printed with sorted keys so equal diffs are equal
  /// bytes; ends with a newline.
  public func json() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let document = Document(
      format: Self.formatTag, version: Self.currentVersion, old: old, new: new, equal: diff.isEmpty,
      score: .init(before: diff.scoreBefore, after: diff.scoreAfter), changes: diff.changes)
    do {
      return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    } catch {
      // Only strings, integers, booleans and containers are encoded: nothing can fail.
      preconditionFailure("encoding a diff failed: \(error)")
    }
  }

  /// docs/diff.md describes each field.
  struct Document: Encodable {
    struct Scores: Encodable {
      var before: CascadeDiff.Score
      var after: CascadeDiff.Score
    }
    var format: String
    var version: Int
    var old: String
    var new: String
    var equal: Bool
    var score: Scores
    var changes: [CascadeDiff.Change]
  }
}

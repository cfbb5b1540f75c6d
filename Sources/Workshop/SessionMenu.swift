import Foundation

/// The sessions in a folder as a person chooses among them: the `kpi-align list` table, and
/// the start menu of a bare `kpi-align` with what a typed choice means.
///
/// Pure text and decisions over `SessionStore.Summary` values, so the executable only prints
/// and opens; every wording and every choice is a unit test.
public struct SessionMenu: Sendable {
  /// Every session, readable ones newest first, then the damaged ones (`SessionStore.summaries`).
  public let summaries: [SessionStore.Summary]
  /// The folder they are in, as shown (made safe to print).
  public let folder: String

  /// At most this many are offered by number; `list` shows them all.
  public static let offered = 9

  public init(summaries: [SessionStore.Summary], folder: URL) {
    self.summaries = summaries
    self.folder = DisplayText.safe(folder.path)
  }

  /// The sessions that can be resumed, in the order offered.
  public var resumable: [SessionStore.Summary] { summaries.filter { $0.damage == nil } }

  // MARK: - kpi-align list

  /// The `list` table: name, slug, step, last change (UTC) and open findings, a damaged
  /// session's reason on the line below it; or the one line saying the folder is empty.
  public var table: String {
    guard !summaries.isEmpty else { return "No sessions in \(folder). Start one with: kpi-align new NAME" }
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [
      .withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime,
    ]
    let names = summaries.map { DisplayText.safe($0.damage == nil ? $0.name : "?") }
    let nameWidth = min(40, max(4, names.map(\.count).max() ?? 4))
    let slugWidth = min(40, max(4, summaries.map(\.slug.count).max() ?? 4))
    func padded(_ text: String, _ width: Int) -> String {
      text.padding(toLength: width, withPad: " ", startingAt: 0)
    }
    var lines = [
      padded("NAME", nameWidth + 2) + padded("SLUG", slugWidth + 2)
        + "STEP         LAST CHANGE (UTC)    OPEN FINDINGS"
    ]
    for (summary, name) in zip(summaries, names) {
      let updated = summary.updated.map { String(formatter.string(from: $0).prefix(16)) } ?? "-"
      lines.append(
        padded(String(name.prefix(nameWidth)), nameWidth + 2) + padded(summary.slug, slugWidth + 2)
          + padded(Self.stepLabel(summary), 13) + padded(updated, 21)
          + (summary.damage == nil ? "\(summary.openFindings)" : "-"))
      if let damage = summary.damage {
        // The reason names a file in the folder listed above: said once is enough.
        let shown = DisplayText.safe(damage)
        lines.append(
          "  damaged: " + (shown.hasPrefix(folder + "/") ? String(shown.dropFirst(folder.count + 1)) : shown))
      }
    }
    return lines.joined(separator: "\n")
  }

  /// `3/6 select`, `6/6 done` when every step is complete, or `damaged`.
  public static func stepLabel(_ summary: SessionStore.Summary) -> String {
    guard summary.damage == nil else { return "damaged" }
    guard !summary.isComplete else { return "6/6 done" }
    return WorkshopStep(rawValue: summary.step).map { "\($0.rawValue)/6 \($0.keyword)" } ?? "?"
  }

  // MARK: - The start menu

  /// What a bare `kpi-align` shows on a terminal before its `workshop›` prompt.
  public var greeting: String {
    var lines: [String] = []
    let damaged = summaries.count - resumable.count
    if damaged > 0 {
      lines.append(
        "\(damaged) session\(damaged == 1 ? " can't" : "s can't") be read: kpi-align list says why.")
    }
    let resumable = self.resumable
    guard !resumable.isEmpty else {
      lines.append("No workshops yet. What is this workshop called? (e.g. Acme Retail 2027)")
      return lines.joined(separator: "\n")
    }
    lines.append("Resume a workshop, or start a new one:")
    for (index, summary) in resumable.prefix(Self.offered).enumerated() {
      lines.append(
        "  \(index + 1)  \(DisplayText.safe(summary.name))  (\(summary.slug), \(Self.stepLabel(summary)))")
    }
    if resumable.count > Self.offered {
      lines.append("  … and \(resumable.count - Self.offered) more: kpi-align list shows them all.")
    }
    lines.append("Type a number or a workshop's name to resume it, or a new name to start one.")
    return lines.joined(separator: "\n")
  }

  /// What a line typed at the start menu asks for.
  public enum Choice: Equatable, Sendable {
    /// Nothing typed: ask again.
    case none
    /// Resume the session with this slug.
    case resume(slug: String)
    /// Start a new workshop with this name.
    case start(name: String)
  }

  /// A number resumes the session offered under it; a name that is a resumable session's
  /// resumes it; anything else starts a new workshop of that name. A number no session is
  /// offered under is a usage error, not a workshop called "12".
  public func choice(_ line: String) throws(ExitError) -> Choice {
    let choice = line.trimmingCharacters(in: .whitespaces)
    guard !choice.isEmpty else { return .none }
    let resumable = self.resumable
    let shown = min(Self.offered, resumable.count)
    if let number = Int(choice), shown > 0 {
      guard number >= 1, number <= shown else {
        let range = shown == 1 ? "type 1" : "type 1–\(shown)"
        throw ExitError(
          .usage, "There is no workshop \(number): \(range) to resume, or a name with letters for a new one.")
      }
      return .resume(slug: resumable[number - 1].slug)
    }
    if let slug = try? Slug.make(from: choice), resumable.contains(where: { $0.slug == slug }) {
      return .resume(slug: slug)
    }
    return .start(name: choice)
  }
}

import Foundation
import KPICascade

extension CheckReport {
  /// The format tag and version of `kpi-align check --format json` (docs/check.md).
  public static let formatTag = "kpi-align-check"
  public static let currentVersion = 1

  /// Every finding of every test, for CI: its id, test, verdict, subjects, message and advice,
  /// and the room's reason where it was accepted on purpose. Pretty-printed with sorted keys;
  /// ends with a newline. docs/check.schema.json is its schema.
  public func json(workshop: String) -> String {
    let report = self.report ?? AlignmentReport(cascade: cascade)
    let accepted = Dictionary(
      report.overridden.map { ($0.finding.id, $0.reason) }, uniquingKeysWith: { first, _ in first })
    let open = report.open
    let failing = open.filter { $0.verdict == .fail }.count
    let document = Document(
      format: Self.formatTag, version: Self.currentVersion, workshop: workshop, passes: failing == 0,
      failing: failing, warnings: open.count - failing,
      findings: report.findings.map { finding in
        Document.Item(
          id: finding.id, test: finding.check.rawValue, verdict: finding.verdict.rawValue,
          subjects: finding.subject.split(separator: "~").map(String.init), message: finding.reason,
          advice: finding.remedy, accepted: accepted[finding.id])
      })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
      return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    } catch {
      // Only strings, integers, booleans and containers are encoded: nothing can fail.
      preconditionFailure("encoding a check failed: \(error)")
    }
  }

  struct Document: Encodable {
    struct Item: Encodable {
      var id: String
      var test: String
      var verdict: String
      var subjects: [String]
      var message: String
      var advice: String?
      var accepted: String?
    }
    var format: String
    var version: Int
    var workshop: String
    var passes: Bool
    var failing: Int
    var warnings: Int
    var findings: [Item]
  }
}

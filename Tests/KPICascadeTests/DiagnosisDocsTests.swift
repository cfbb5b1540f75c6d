import Foundation
import Testing

@testable import KPICascade

@Suite("docs/diagnosis.md")
struct DiagnosisDocsTests {
  /// The constants table in docs/diagnosis.md holds the values the code uses.
  @Test func theDocumentedConstantsAreTheCodes() throws {
    let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("docs/diagnosis.md")
    let text = try String(contentsOf: docs, encoding: .utf8)
    var documented: [String: String] = [:]
    for row in text.split(separator: "\n") where row.hasPrefix("| `") {
      let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      guard cells.count >= 2, cells[0].hasPrefix("`"), cells[0].hasSuffix("`") else { continue }
      documented[String(cells[0].dropFirst().dropLast())] = cells[1]
    }
    let code: [String: String] = [
      "Threshold.riskShare": "\(Threshold.riskShare)", "Trend.window": "\(Trend.window)",
      "Trend.flatShare": "\(Trend.flatShare)", "Episode.trailing": "\(Episode.trailing)",
      "Episode.share": "\(Episode.share)", "Diagnosis.lookbackDays": "\(Diagnosis.lookbackDays)",
      "Diagnosis.fullSeverity": "\(Diagnosis.fullSeverity)",
      "Diagnosis.recoveredWeight": "\(Diagnosis.recoveredWeight)",
      "Diagnosis.toleranceDays": "\(Diagnosis.toleranceDays)",
      "Diagnosis.toleranceShare": "\(Diagnosis.toleranceShare)",
    ]
    for (name, value) in code {
      #expect(documented[name] == value, "\(name)")
    }
  }
}

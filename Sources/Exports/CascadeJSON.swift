import Foundation
import KPICascade

/// Renders the cascade as a `CascadeDocument` in JSON.
///
/// Byte-identical for equal input (sorted keys, no "now" anywhere), so exports can be diffed
/// and checked in; pretty-printed because people read them in reviews too.
public enum CascadeJSON {
  /// The document for this cascade, with only the open findings, ending with a newline.
  ///
  /// - Parameter findings: every finding of every check; passes and accepted ones are dropped.
  public static func render(workshop: String, cascade: Cascade, findings: [Finding]) -> String {
    let document = CascadeDocument(
      workshop: workshop, cascade: cascade,
      findings: Exporter.openFindings(findings, in: cascade))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
      return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    } catch {
      // Only strings, integers, booleans and containers are encoded: nothing can fail.
      preconditionFailure("encoding a CascadeDocument failed: \(error)")
    }
  }
}

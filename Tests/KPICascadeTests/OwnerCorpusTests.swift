import Foundation
import Testing

@testable import KPICascade

/// Owners as rooms in twelve industries answer "who is accountable?", each labelled by the
/// seed's rule (one named person; a role may ride along with any words) with why, run through
/// the real reader. Every answer must agree; a disagreement is fixed or written down as a known
/// limit in docs/checks.md and taken out of the file.
@Suite("Owner corpus")
struct OwnerCorpusTests {
  struct Labelled: Sendable, CustomTestStringConvertible {
    let industry: String
    let answer: String
    let verdict: Verdict
    let why: String
    var testDescription: String { "\(industry): '\(answer)'" }
  }

  static let corpus: [Labelled] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "Corpus/owners.tsv")
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 4, let verdict = Verdict(rawValue: fields[2]) else { return nil }
      return Labelled(industry: fields[0], answer: fields[1], verdict: verdict, why: fields[3])
    }
  }()

  @Test func theCorpusIsBroad() {
    #expect(Self.corpus.count >= 120)
    #expect(Set(Self.corpus.map(\.industry)).count >= 8)
  }

  @Test(arguments: corpus)
  func agreesWithTheLabel(_ labelled: Labelled) {
    let assessment = AccountablePerson.assess(labelled.answer)
    #expect(assessment.verdict == labelled.verdict, "\(labelled.why): \(assessment.reason)")
  }

  /// The agreement per verdict, printed for the record (the test above fails on any miss).
  @Test func agreementPerVerdict() {
    for verdict in [Verdict.pass, .warn, .fail] {
      let labelled = Self.corpus.filter { $0.verdict == verdict }
      let agreed = labelled.filter { AccountablePerson.assess($0.answer).verdict == verdict }.count
      print("owner corpus, \(verdict.rawValue): \(agreed) of \(labelled.count) agree")
    }
  }
}

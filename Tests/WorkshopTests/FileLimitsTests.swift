import Foundation
import Testing

@testable import KPICascade
@testable import Workshop

/// A file holds no more than the room could have typed, and a file that can't be read says
/// where it goes wrong.
@Suite("Files hold what a room could type")
struct FileLimitsTests {
  /// A session from the sample generator, as its transcript's JSON text.
  static func sampleTranscript() -> String {
    String(decoding: TranscriptCodec.encode(SampleSession.session(.init())), as: UTF8.self)
  }

  static func problem(_ text: String) -> String? {
    do {
      _ = try TranscriptCodec.decode(Data(text.utf8), file: "in.json")
      return nil
    } catch {
      return error.message
    }
  }

  /// The transcript with its first exchange's answer replaced (a JSON string without escapes).
  static func withFirstAnswer(_ answer: String) throws -> String {
    let text = sampleTranscript()
    let open = try #require(text.range(of: #""answer" : ""#))
    let close = try #require(text[open.upperBound...].firstIndex(of: "\""))
    return text.replacingCharacters(in: open.upperBound..<close, with: answer)
  }

  @Test func anAnswerLongerThanATypedLineIsRefusedWithItsPlace() throws {
    #expect(
      Self.problem(try Self.withFirstAnswer(String(repeating: "x", count: 1001)))
        == "in.json: exchanges[0].answer: longer than 1000 characters, which is all a typed answer can hold.")
    // Exactly as long as a typed line may be is fine, in characters, not bytes.
    #expect(Self.problem(try Self.withFirstAnswer(String(repeating: "ü", count: 1000))) == nil)
  }

  @Test func controlCharactersInAnAnswerOrQuestionAreRefused() {
    let text = Self.sampleTranscript()
    let answer = text.replacingOccurrences(of: #""answer" : ""#, with: #""answer" : "\u001b[31m"#)
    #expect(Self.problem(answer) == "in.json: exchanges[0].answer: contains a control character.")
    let question = text.replacingOccurrences(of: #""question" : ""#, with: #""question" : "\u0007"#)
    #expect(Self.problem(question) == "in.json: exchanges[0].question: contains a control character.")
  }

  @Test func aCascadeTextLongerThanATypedAnswerIsRefused() {
    var cascade = SampleSession.session(.init()).cascade
    #expect(CascadeAudit.unsafeText(in: cascade, prefix: "cascade") == nil)
    cascade.departments[1].kpis[0].linkSentence = String(repeating: "é", count: 1001)
    #expect(
      CascadeAudit.unsafeText(in: cascade, prefix: "cascade")
        == "cascade.departments[1].kpis[0].linkSentence: longer than 1000 characters, which is all a typed answer can hold"
    )
    // 1,000 characters of two bytes each is 2,000 bytes, and still fine.
    cascade.departments[1].kpis[0].linkSentence = String(repeating: "é", count: 1000)
    #expect(CascadeAudit.unsafeText(in: cascade, prefix: "cascade") == nil)
  }

  @Test(arguments: [
    (
      #"{"a": [1, 2, 100000000000000000000]}"#,
      "a[2]: 100000000000000000000 is a larger number than a kpi-align file holds (line 1, column 14)"
    ),
    (
      "{\n  \"days\" : 1e30\n}",
      "days: 1e30 is a larger number than a kpi-align file holds (line 2, column 12)"
    ),
    (#"{"x": 1.5e400}"#, "x: 1.5e400 is a larger number than a kpi-align file holds (line 1, column 7)"),
    (#"{"a": {"b": [true, fals]}}"#, "a.b[1]: not valid JSON: expected a value (line 1, column 20)"),
    (#"{"a": 1 "b": 2}"#, "a: not valid JSON: expected , or } after a member (line 1, column 9)"),
    (
      "{\"a\": \"tab\there\"}",
      "a: not valid JSON: a control character inside a string; JSON writes it as an escape (line 1, column 11)"
    ),
    (#"{"a": [1, 2"#, "a[1]: not valid JSON: the file ends inside the JSON (truncated?) (line 1, column 12)"),
    (#"{"a": 1} x"#, "(top level): not valid JSON: more text after the end of the JSON (line 1, column 10)"),
    (#"{"a": -}"#, "a: not valid JSON: expected a digit (line 1, column 8)"),
  ])
  func aFaultIsFoundWithItsPathLineAndColumn(json: String, fault: String) {
    #expect(JSONFault.locate(Data(json.utf8)) == fault)
  }

  @Test func validJSONWhoseNumbersFitHasNoFault() {
    #expect(JSONFault.locate(Data(Self.sampleTranscript().utf8)) == nil)
    #expect(
      JSONFault.locate(Data(#"[-9223372036854775808, 2.5e-3, 123.25, 1e18, "\"\\", {}, []]"#.utf8)) == nil)
  }

  @Test func nestingDeeperThanADecoderReadsSaysSo() {
    let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
    let fault = JSONFault.locate(Data(deep.utf8))
    #expect(fault?.hasSuffix(": nested more than 512 deep (line 1, column 513)") == true, "\(fault ?? "nil")")
    // Through the codec, the same line, not "truncated or damaged".
    #expect(Self.problem(deep)?.contains("nested more than 512 deep") == true)
  }

  @Test func aLeadTimeTooLargeNamesItsPlaceInTheTranscript() throws {
    let text = Self.sampleTranscript()
    let days = try #require(text.range(of: #""days" : 30"#))
    let changed = text.replacingCharacters(in: days, with: #""days" : 1000000000000000000000000000000"#)
    let message = try #require(Self.problem(changed))
    #expect(message.hasPrefix("in.json: exchanges["), "\(message)")
    #expect(
      message.contains(
        ".leadTimeSet.days: 1000000000000000000000000000000 is a larger number than a kpi-align file holds (line "
      ),
      "\(message)")
  }

  @Test func aTargetThatWouldBeCutIsRefusedAtEveryWayIn() throws {
    #expect(
      AnswerText.cutTargetProblem("=1+2")
        == "'=1+2' would be read as '= 1', leaving '+2' out. Give the target as one number with its unit (e.g. >= 78%, 42%, < 3 days)."
    )
    #expect(AnswerText.cutTargetProblem(">= 78%") == nil)
    #expect(AnswerText.cutTargetProblem("increase customer satisfaction") == nil)
  }
}

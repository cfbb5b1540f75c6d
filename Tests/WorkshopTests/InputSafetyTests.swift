import Foundation
import KPICascade
import Testing

@testable import Workshop

@Suite("Bad input is refused with one clear message")
struct InputSafetyTests {
  @Test func escapeSequencesInANameAreRefusedAndNothingIsRecorded() {
    var room = Room()
    let reply = room.say("Revenue \u{1B}[31mgrowth")
    #expect(reply.refusal == "That line contains a control character (^[ at column 9); type plain text.")
    #expect(reply.exchange == nil)
    #expect(room.cascade.companyKPIs.isEmpty)
    #expect(!reply.text.contains("\u{1B}[31m"))
  }

  @Test func aMegabyteLineIsRefused() {
    var room = Room()
    let reply = room.say(String(repeating: "x", count: 1_048_576))
    #expect(reply.refusal == "That line is 1048576 characters long; an answer can be at most 1000.")
    #expect(room.session.exchanges.isEmpty)
  }

  @Test func longNamesAreRefusedButLongSentencesAreNot() {
    var room = Room()
    #expect(room.say(String(repeating: "n", count: 200)).refusal?.contains("keep names under 120") == true)
    #expect(room.cascade.companyKPIs.isEmpty)
  }

  @Test func bidiOverridesAreRefusedToo() {
    var room = Room()
    #expect(room.say("Revenue \u{202E}htworg").refusal?.contains("<U+202E>") == true)
  }

  @Test func displayTextNeutralisesEveryControlCharacter() {
    #expect(DisplayText.safe("a\u{1B}[2Jb") == "a^[[2Jb")
    #expect(DisplayText.safe("bell\u{07}") == "bell^G")
    #expect(DisplayText.safe("c1\u{9B}x") == "c1<U+009B>x")
    #expect(DisplayText.safe("plain café") == "plain café")
  }

  @Test func tabsBecomeSpacesAndEdgesAreTrimmed() {
    var room = Room()
    room.say("  Revenue\tgrowth  ")
    #expect(room.cascade.companyKPIs.first?.name == "Revenue growth")
  }

  @Test func anAnswerWhereNoQuestionIsOpenIsRefused() {
    var room = Room()
    room.say("Revenue growth", ">= 20% YoY", "Dana Ruiz", "", "yes", "Sales", "Sam Lee", "", "")
    room.say("/goto 1")
    #expect(room.say("Something").refusal?.hasPrefix("There is no open question in step 1.") == true)
  }
}

@Suite("Slugs never leave the sessions folder")
struct SlugTests {
  @Test(
    arguments: [
      ("Acme Retail", "acme-retail"), ("  Acme   Retail 2027 ", "acme-retail-2027"),
      ("Café Ops", "cafe-ops"), ("Q3/Q4 review", nil), ("../../etc/x", nil), ("..", nil),
      ("", nil), ("***", nil), ("a\u{1B}b", nil), ("中文", "w-4e2d-6587"),
      ("Ελλάδα", "w-3b5-3bb-3bb-3ac-3b4-3b1"),
    ] as [(String, String?)])
  func slugOf(name: String, expected: String?) {
    #expect((try? Slug.make(from: name)) == expected)
  }

  @Test func aPathLikeNameGetsAMessageSayingSo() {
    #expect(throws: ExitError.self) { try Slug.make(from: "../../etc/x") }
    do {
      _ = try Slug.make(from: "../../etc/x")
    } catch {
      #expect(error.code == .usage)
      #expect(error.message.contains("looks like a path"))
    }
  }
}

@Suite("Command lines")
struct CommandLineTextTests {
  @Test func quotesKeepSpacesAndBecauseStartsTheReason() {
    let parsed = CommandLineText(#"/rename "Pipeline cov" 'New name' because the board asked"#)
    #expect(parsed.name == "rename")
    #expect(parsed.arguments == ["Pipeline cov", "New name"])
    #expect(parsed.reason == "the board asked")
  }

  @Test func aQuotedBecauseIsAName() {
    let parsed = CommandLineText(#"/remove "because""#)
    #expect(parsed.arguments == ["because"])
    #expect(parsed.reason == nil)
  }

  @Test func anOpenQuoteIsNoticed() {
    let parsed = CommandLineText(#"/owner "Pipeline co"#)
    #expect(parsed.hasOpenQuote)
    #expect(parsed.arguments == ["Pipeline co"])
  }
}

@Suite("Quotes and apostrophes in commands")
struct QuotingTests {
  @Test(arguments: [
    (#"/owner Bob Sean O'Reilly"#, ["Bob", "Sean", "O'Reilly"]),
    (#"/rename Bob's "Bob's store sales""#, ["Bob's", "Bob's store sales"]),
    (#"/rename Same "Like-for-like \"LFL\" sales""#, ["Same", #"Like-for-like "LFL" sales"#]),
    (#"/show 'Customer Success'"#, ["Customer Success"]),
    (#"/rename "Rock 'n' roll" Jazz"#, ["Rock 'n' roll", "Jazz"]),
  ])
  func wordsComeOutAsTyped(line: String, expected: [String]) {
    #expect(CommandLineText(line).arguments == expected)
  }
}

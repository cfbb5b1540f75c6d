import Testing

@testable import KPICascade

@Suite("OneSentenceLinkCheck")
struct OneSentenceLinkCheckTests {
  @Test(
    arguments: [
      (nil, Verdict.fail),
      ("   ", .fail),
      ("More demos mean more deals. More deals mean more revenue.", .fail),
      ("It grows revenue! Trust us.", .fail),
      ("Faster demos", .warn),
      ("More qualified demos turn into more new revenue.", .pass),
      ("Coverage of 2.5x pipeline, e.g. for enterprise, lifts revenue growth.", .pass),
      ("Renewals signed 60 days early vs. late renewals keep revenue growing.", .pass),
    ] as [(String?, Verdict)])
  func verdictForLink(_ link: String?, _ verdict: Verdict) throws {
    let events: [CascadeEvent] = link.map { [.linkSentenceSet(kpi: "k1", sentence: $0)] } ?? []
    #expect(Room.verdicts(OneSentenceLinkCheck(), try Room.withOneKPI(events)) == ["link:k1": verdict])
  }

  @Test func missingLinkNamesTheCompanyKPIInTheRemedyOnly() throws {
    let finding = try Room.finding(OneSentenceLinkCheck(), try Room.withOneKPI(), "link:k1")
    #expect(finding.message == .noLink("Revenue growth"))
  }

  @Test func severalSentencesSayHowManyWithoutRepeatingTheRemedy() throws {
    let cascade = try Room.withOneKPI([
      .linkSentenceSet(kpi: "k1", sentence: "More demos mean more deals. More deals mean more revenue.")
    ])
    let finding = try Room.finding(OneSentenceLinkCheck(), cascade, "link:k1")
    #expect(finding.message == .linkOfSentences(2, "Revenue growth"))
  }

  @Test(arguments: [
    ("", 0), ("One sentence.", 1), ("One. Two.", 2), ("One! Two? Three.", 3), ("Up 2.5 points.", 1),
    ("See e.g. the churn report.", 1), ("Ask J. Smith about it.", 1), ("Wait... then it grows.", 2),
    ("It grows (see above). Then margin follows.", 2), ("Visit acme.com for more", 1),
  ])
  func countsSentences(_ text: String, _ count: Int) {
    #expect(OneSentenceLinkCheck.sentenceCount(text) == count)
  }
}

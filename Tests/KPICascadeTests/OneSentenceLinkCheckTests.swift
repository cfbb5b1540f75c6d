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
      ("Faster demos", .fail),
      ("brand awareness", .fail),
      ("Builds brand awareness among young buyers.", .fail),
      ("Revenue, revenue, revenue", .fail),
      ("Drives revenue", .warn),
      ("Orders that arrive on time bring customers back to buy again.", .pass),
      ("Demos booked this week are the sales we close next quarter.", .pass),
      ("More qualified demos turn into more new revenue.", .pass),
      ("Coverage of 2.5x pipeline, e.g. for enterprise, lifts revenue growth.", .pass),
      ("Renewals signed 60 days early vs. late renewals keep revenue growing.", .pass),
    ] as [(String?, Verdict)])
  func verdictForLink(_ link: String?, _ verdict: Verdict) throws {
    let events: [CascadeEvent] = link.map { [.linkSentenceSet(kpi: "k1", sentence: $0)] } ?? []
    #expect(Room.verdicts(OneSentenceLinkCheck(), try Room.withOneKPI(events)) == ["link:k1": verdict])
  }

  /// The seed's vanity trap: a link that never reaches the outcome fails, and says which part is
  /// missing; a KPI named like a vanity metric fails on a link too short to show how.
  @Test func vanityFailsWithWhatIsMissing() throws {
    let noOutcome = try Room.withOneKPI([.linkSentenceSet(kpi: "k1", sentence: "brand awareness")])
    #expect(
      try Room.finding(OneSentenceLinkCheck(), noOutcome, "link:k1").message
        == .vanityLink("brand awareness", "Revenue growth", namesOutcome: false))
    let noHow = try Room.withOneKPI([.linkSentenceSet(kpi: "k1", sentence: "Revenue and our brand, together")]
    )
    let finding = try Room.finding(OneSentenceLinkCheck(), noHow, "link:k1")
    #expect(
      finding.reason
        == "'Revenue and our brand, together' names Revenue growth but not how this KPI moves it: vanity-metric candidate"
    )
    #expect(finding.remedy == "say how it moves Revenue growth, or remove it")

    let followers = try Cascade(
      events: Room.companyKPIs + Room.department("d1", "Marketing") + [
        .departmentKPIAdded(id: "k1", department: "d1", companyKPI: "c1", name: "Social media followers"),
        .linkSentenceSet(kpi: "k1", sentence: "Drives revenue"),
        .departmentKPIAdded(id: "k2", department: "d1", companyKPI: "c3", name: "Instagram followers"),
        .linkSentenceSet(kpi: "k2", sentence: "Followers who see our offers come back and buy again."),
      ])
    #expect(Room.verdicts(OneSentenceLinkCheck(), followers) == ["link:k1": .fail, "link:k2": .pass])
    #expect(
      try Room.finding(OneSentenceLinkCheck(), followers, "link:k1").message
        == .vanityName("Social media followers", "Revenue growth"))
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

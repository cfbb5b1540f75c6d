import Testing

@testable import Workshop

/// The words after a failed write, branch by branch: the same sentences docs/faults.md quotes.
@Suite("Where the answers are after a failed write")
struct AnswerSafetyTests {
  @Test func answersInMemoryAreCountedAndTheRetryIsPromisedOnlyWhenItWillHappen() {
    let retrying = AnswerSafety(onlyInMemory: 3, notStored: 3, copyPath: nil, retriesWrites: true)
    #expect(
      retrying.whereTheAnswersAre
        == "3 answers are kept in memory only: kpi-align tries again with every answer, and /save PATH writes a copy elsewhere now."
    )
    let detached = AnswerSafety(onlyInMemory: 1, notStored: 1, copyPath: nil, retriesWrites: false)
    #expect(
      detached.whereTheAnswersAre
        == "1 answer is kept in memory only: /save PATH writes the session elsewhere.")
  }

  @Test func answersInACopyOrTheJournalAreNotLost() {
    let copied = AnswerSafety(onlyInMemory: 0, notStored: 2, copyPath: "/tmp/copy.json", retriesWrites: true)
    #expect(
      copied.whereTheAnswersAre
        == "Every answer is in the copy at /tmp/copy.json; /save PATH writes it again there or elsewhere.")
    let journaled = AnswerSafety(onlyInMemory: 0, notStored: 0, copyPath: nil, retriesWrites: true)
    #expect(
      journaled.whereTheAnswersAre
        == "Every answer is on disk in the journal beside it, so none is lost; /save PATH also writes a copy elsewhere."
    )
  }

  @Test func aPersonIsWarnedOnceBeforeLeavingAnswersBehindAScriptNever() {
    let atRisk = AnswerSafety(onlyInMemory: 2, notStored: 2, copyPath: nil, retriesWrites: true)
    #expect(
      atRisk.leavingWarning(interactive: true, warnedBefore: false)
        == "2 answers are in memory only and would be lost: /save PATH keeps them; /quit again leaves without them."
    )
    #expect(atRisk.leavingWarning(interactive: true, warnedBefore: true) == nil)
    #expect(atRisk.leavingWarning(interactive: false, warnedBefore: false) == nil)
    let safe = AnswerSafety(onlyInMemory: 0, notStored: 2, copyPath: "/tmp/c.json", retriesWrites: true)
    #expect(safe.leavingWarning(interactive: true, warnedBefore: false) == nil)
  }
}

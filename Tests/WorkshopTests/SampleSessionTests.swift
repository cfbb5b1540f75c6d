import Foundation
import KPICascade
import Testing

@testable import Workshop

@Suite("SampleSession")
struct SampleSessionTests {
  typealias Options = SampleSession.Options

  /// The sample's exchanges are the engine's own: its answers typed into `Workshop.handle` at
  /// the same moments record the very same exchanges, none refused, and leave nothing to ask.
  @Test(arguments: [
    Options(), Options(seed: 7), Options(departments: 1, kpisPerDepartment: 1, individualPerKPI: 0),
    Options(departments: 8, kpisPerDepartment: 8, individualPerKPI: 5, seed: 3),
    Options(departments: 15, kpisPerDepartment: 2, individualPerKPI: 2, seed: 42),
  ])
  func engineRecordsTheSameExchanges(_ options: Options) {
    let sample = SampleSession.session(options)
    var workshop = Workshop(session: Session(info: sample.info))
    for exchange in sample.exchanges {
      let reply = workshop.handle(exchange.answer, at: exchange.at)
      #expect(reply.refusal == nil, "seq \(exchange.seq) '\(exchange.answer)': \(reply.text)")
      if reply.refusal != nil { return }
    }
    for (made, expected) in zip(workshop.session.exchanges, sample.exchanges) where made != expected {
      #expect(made == expected)
      return
    }
    #expect(workshop.session.exchanges.count == sample.exchanges.count)
    #expect(workshop.session.cascade == sample.cascade)
    #expect(workshop.currentQuestion(at: sample.exchanges.last!.at) == nil)
    #expect(SampleSession.answers(options) == sample.exchanges.map(\.answer))
  }

  @Test func sameOptionsSameBytes() {
    let options = Options(departments: 12, kpisPerDepartment: 5, individualPerKPI: 3, seed: 99)
    #expect(
      TranscriptCodec.encode(SampleSession.session(options))
        == TranscriptCodec.encode(SampleSession.session(options)))
  }

  @Test(arguments: [
    Options(seed: 2), Options(departments: 5), Options(kpisPerDepartment: 4), Options(individualPerKPI: 2),
  ])
  func otherOptionsOtherBytes(_ other: Options) {
    #expect(
      TranscriptCodec.encode(SampleSession.session(Options()))
        != TranscriptCodec.encode(SampleSession.session(other)))
  }

  /// What a newcomer opens: complete, passing, structural conflicts resolved, and a file that
  /// reads back as the same session.
  @Test func theDefaultSampleIsACompleteWorkshop() throws {
    let session = SampleSession.session(Options())
    let cascade = session.cascade
    let report = AlignmentReport(cascade: cascade)
    #expect(report.passes, "\(report.failures)")
    #expect(
      Agenda(cascade: cascade, progress: session.progress, today: session.exchanges.last!.at)
        .firstIncompleteStep == nil)
    #expect(session.progress.step == WorkshopStep.govern.rawValue)
    #expect(cascade.isLocked)
    #expect(cascade.conflicts.count == 2)
    #expect(cascade.conflicts.contains { $0.structural == true && $0.resolution != nil })
    #expect(cascade.governance.processOwner != nil && cascade.governance.disputeResolver != nil)
    let data = TranscriptCodec.encode(session)
    guard case .transcript(let read) = try TranscriptCodec.decode(data, file: "sample.json") else {
      Issue.record("the sample did not read back as a transcript")
      return
    }
    #expect(read.exchanges == session.exchanges)
    #expect(read.cascade == cascade)
    #expect(read.info == session.info)
  }

  /// Every size the command line accepts passes `check`: warnings, never a failure.
  @Test(arguments: [1, 2, 7, 8, 23], Array(Options.kpiRange))
  func everySizePassesCheck(departments: Int, kpis: Int) {
    for individuals in Options.individualRange {
      let options = Options(
        departments: departments, kpisPerDepartment: kpis, individualPerKPI: individuals,
        seed: UInt64(departments * 100 + kpis * 10 + individuals))
      let cascade = SampleSession.session(options).cascade
      let report = AlignmentReport(cascade: cascade)
      #expect(report.passes, "\(options): \(report.failures.map { "\($0.id) \($0.reason)" })")
      #expect(cascade.departments.count == departments)
      #expect(cascade.departments.allSatisfy { $0.kpis.count == kpis }, "\(options)")
      #expect(cascade.individualKPIs.count == departments * kpis * individuals)
      let parents = Dictionary(grouping: cascade.individualKPIs, by: \.parent)
      #expect(individuals == 0 ? parents.isEmpty : parents.values.allSatisfy { $0.count == individuals })
      #expect((3...5).contains(cascade.companyKPIs.count))
    }
  }
}

/// The sample's own link sentences are what the link test asks for: each names its company KPI's
/// outcome and says how, so a sample never teaches a room a link the test would refuse.
@Suite("Sample link sentences")
struct SampleLinkSentenceTests {
  @Test func everySampleLinkPassesForItsCompanyKPI() {
    var checked = 0
    for function in SampleVocabulary.functions {
      for kpi in function.kpis {
        guard let company = SampleVocabulary.companyKPIs.first(where: { $0.outcome == kpi.outcome }) else {
          continue
        }
        let link = LinkSentence(kpi.link)
        #expect(link?.hasMechanism == true, "\(kpi.name): '\(kpi.link)' says no mechanism")
        #expect(
          link?.names(Outcome(name: company.name)) == true,
          "\(kpi.name): '\(kpi.link)' misses \(company.name)")
        checked += 1
      }
    }
    #expect(checked >= 60)
  }
}

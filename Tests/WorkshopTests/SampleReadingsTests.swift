import Foundation
import KPICascade
import Testing

@testable import Workshop

/// `kpi-align sample --readings`: weeks of plausible readings after the workshop, with one dip
/// planted that `diagnose` must trace to the indicator that went first.
@Suite("Sample readings")
struct SampleReadingsTests {
  typealias Options = SampleSession.Options

  static let samples = [
    Options(readings: true), Options(seed: 2, readings: true), Options(seed: 7, readings: true, weeks: 52),
    Options(departments: 1, kpisPerDepartment: 3, individualPerKPI: 0, seed: 5, readings: true),
    Options(departments: 9, kpisPerDepartment: 5, individualPerKPI: 2, seed: 4, readings: true, weeks: 52),
    Options(departments: 15, kpisPerDepartment: 8, individualPerKPI: 5, seed: 23, readings: true, weeks: 40),
  ]

  @Test func sameOptionsSameBytes() {
    let options = Options(departments: 6, kpisPerDepartment: 4, individualPerKPI: 2, seed: 11, readings: true)
    let bytes = TranscriptCodec.encode(SampleSession.session(options))
    #expect(bytes == TranscriptCodec.encode(SampleSession.session(options)))
    var longer = options
    longer.weeks = 27
    #expect(bytes != TranscriptCodec.encode(SampleSession.session(longer)))
    var other = options
    other.seed = 12
    #expect(bytes != TranscriptCodec.encode(SampleSession.session(other)))
  }

  /// Readings come after the workshop and change nothing in it; `--weeks` alone changes nothing.
  @Test func theWorkshopIsUntouched() {
    let workshop = SampleSession.session(Options(seed: 3))
    let withReadings = SampleSession.session(Options(seed: 3, readings: true))
    #expect(Array(withReadings.exchanges.prefix(workshop.exchanges.count)) == workshop.exchanges)
    #expect(withReadings.exchanges.count == workshop.exchanges.count + 26)
    #expect(
      TranscriptCodec.encode(SampleSession.session(Options(seed: 3, weeks: 52)))
        == TranscriptCodec.encode(workshop))
    #expect(SampleSession.generate(Options(seed: 3)).story == nil)
  }

  /// One exchange a week, all readings of a week on its Friday, the first week after the
  /// workshop, the last on the story's last day; every KPI with a target at all three levels
  /// read every week.
  @Test(arguments: samples)
  func everyKPIWithATargetIsReadEveryWeek(_ options: Options) throws {
    let (session, story) = SampleSession.generate(options)
    let cascade = session.cascade
    let workshop = SampleSession.session(
      Options(
        departments: options.departments, kpisPerDepartment: options.kpisPerDepartment,
        individualPerKPI: options.individualPerKPI, seed: options.seed))
    let weeks = Array(session.exchanges.dropFirst(workshop.exchanges.count))
    #expect(weeks.count == options.weeks)
    var days: [CalendarDay] = []
    for exchange in weeks {
      #expect(exchange.question == SampleReadings.question)
      #expect(exchange.isUndoable)
      guard exchange.changes.count == 1, case .cascade(.readingsRecorded(let readings)) = exchange.changes[0]
      else {
        Issue.record("exchange \(exchange.seq) records something else: \(exchange.changes)")
        return
      }
      let day = try #require(readings.first?.day)
      #expect(readings.allSatisfy { $0.day == day })
      #expect(exchange.answer == "readings for \(day)")
      #expect(Day.string(exchange.at) == day.description)
      days.append(day)
    }
    let workshopEnd = try #require(CalendarDay(Day.string(workshop.exchanges.last!.at)))
    #expect(days.first! > workshopEnd.adding(days: 6) && days.first! <= workshopEnd.adding(days: 13))
    #expect(zip(days, days.dropFirst()).allSatisfy { $0.days(to: $1) == 7 })
    #expect(days.allSatisfy { ($0.ordinal + 4) % 7 == 5 }, "Fridays")
    #expect(story.map { $0.lastDay == days.last! } ?? true)
    #expect(zip(weeks, weeks.dropFirst()).allSatisfy { $0.at < $1.at })

    let targets: [(String, String?)] =
      cascade.companyKPIs.map { ($0.id, $0.target) } + cascade.departmentKPIs.map { ($0.id, $0.target) }
      + cascade.individualKPIs.map { ($0.id, $0.target) }
    let measured = Set(targets.filter { $0.1.flatMap(Target.parse) != nil }.map(\.0))
    #expect(measured.count == targets.count, "every target in the vocabulary parses")
    #expect(cascade.scorecard.kpis == measured)
    for kpi in measured {
      #expect(cascade.scorecard.readings(of: kpi).map(\.day) == days, "\(kpi)")
    }
    #expect(cascade.scorecard.count == measured.count * options.weeks)
  }

  /// A percentage within 0–100 (a change may be negative when the target is), money, durations
  /// and ratios above 0, counts at or above 0; never more than two decimals; and mostly on track.
  @Test(arguments: samples)
  func valuesArePlausibleForTheirTargets(_ options: Options) throws {
    let (session, story) = SampleSession.generate(options)
    let cascade = session.cascade
    let targets =
      cascade.companyKPIs.map { ($0.id, $0.target) } + cascade.departmentKPIs.map { ($0.id, $0.target) }
      + cascade.individualKPIs.map { ($0.id, $0.target) }
    let planted = Set([story?.companyKPI, story?.indicator, story?.individual].compactMap { $0 })
    var met = 0
    var offTrack = 0
    var total = 0
    for (kpi, text) in targets {
      let target = try #require(text.flatMap(Target.parse))
      let threshold = Threshold(target)
      for reading in cascade.scorecard.readings(of: kpi) {
        let value = reading.value
        switch target.unit {
        case .percent?:
          #expect((threshold.level < 0 ? -100.0 : 0)...100 ~= value, "\(kpi) \(text!): \(value)")
        case .currency?, .days?, .hours?, .multiple?:
          #expect(value > 0, "\(kpi) \(text!): \(value)")
        default:
          #expect(value >= 0, "\(kpi) \(text!): \(value)")
        }
        #expect(abs(value * 100 - (value * 100).rounded()) < 1e-6, "\(kpi): \(value)")
        guard !planted.contains(kpi) else { continue }
        total += 1
        switch KPIStatus.of(value, against: threshold) {
        case .onTrack: met += 1
        case .offTrack: offTrack += 1
        default: break
        }
      }
    }
    #expect(Double(met) >= 0.97 * Double(total), "\(met) of \(total) on track")
    #expect(Double(offTrack) <= 0.005 * Double(total), "\(offTrack) of \(total) off track")
  }

  /// The file reads back as the same session, and the exchanges replay to the same cascade.
  @Test func theTranscriptReplays() throws {
    let session = SampleSession.session(Options(departments: 5, individualPerKPI: 2, seed: 9, readings: true))
    guard
      case .transcript(let read) = try TranscriptCodec.decode(TranscriptCodec.encode(session), file: "s.json")
    else {
      Issue.record("the sample did not read back as a transcript")
      return
    }
    #expect(read.exchanges == session.exchanges)
    #expect(read.cascade == session.cascade)
    #expect(read.cascade.scorecard.count == 26 * (3 + 5 * 3 * 3))
    let replayed = try Session(info: session.info, exchanges: session.exchanges)
    #expect(replayed.cascade == session.cascade)
    #expect(AlignmentReport(cascade: replayed.cascade).passes)
  }

  /// The planted story, as `diagnose` reads it on the last day: the company KPI turned
  /// (missed its target) in the week it was made to, traced first to the indicator that
  /// dropped, with a lag within a week of its stated lead time, and below it to the Level 3
  /// KPI that went first. Nothing else is off track at the company level.
  @Test(arguments: samples)
  func theStoryIsTracedToItsIndicator(_ options: Options) throws {
    let (session, found) = SampleSession.generate(options)
    let story = try #require(found)
    let cascade = session.cascade
    let diagnosis = Diagnosis(of: story.companyKPI, in: cascade, asOf: story.lastDay)
    #expect(diagnosis.finding == .traced)
    #expect(diagnosis.standing.status == .offTrack)
    #expect(diagnosis.episode?.onset == story.companyFell)
    let chain = diagnosis.chain
    let first = try #require(chain.first)
    #expect(first.kpi == story.indicator, "\(chain.map(\.kpi)), planted \(story)")
    #expect(first.episode.onset == story.indicatorFell)
    let stated = try #require(cascade.departmentKPI(story.indicator)?.leadTimeDays)
    #expect(first.statedLeadDays == stated)
    let lag = try #require(first.lagDays)
    #expect(abs(lag - stated) <= 7, "lag \(lag), stated \(stated)")
    #expect(diagnosis.calibration.first { $0.kpi == story.indicator }?.agrees == true)
    #expect(first.owner == cascade.departmentKPI(story.indicator)?.owner)
    if let individual = story.individual {
      #expect(chain.count == 2)
      #expect(chain.last?.kpi == individual)
      #expect(chain.last.map { $0.episode.onset < first.episode.onset } == true)
      #expect(cascade.individualKPI(individual)?.parent == story.indicator)
    } else {
      #expect(chain.count == 1)
    }
    // Weeks before the indicator fell, the company KPI had not turned and nothing beneath it had.
    let before = Diagnosis(of: story.companyKPI, in: cascade, asOf: story.indicatorFell.adding(days: -7))
    #expect(before.finding == .notTurned)
    #expect(before.indicators.isEmpty, "\(before.indicators.map(\.kpi))")
    for kpi in cascade.companyKPIs where kpi.id != story.companyKPI {
      let other = Diagnosis(of: kpi.id, in: cascade, asOf: story.lastDay)
      #expect(other.standing.status != .offTrack, "\(kpi.id) \(kpi.name)")
    }
  }

  /// With too few weeks for any lead time there is no story, and the readings are still there.
  @Test func aShortSpanHasNoStory() {
    let (session, story) = SampleSession.generate(Options(readings: true, weeks: 4))
    #expect(story == nil)
    #expect(session.cascade.scorecard.count == 4 * (3 + 12 + 12))
    let one = SampleSession.session(Options(readings: true, weeks: 1))
    #expect(one.cascade.scorecard.count == 3 + 12 + 12)
  }
}

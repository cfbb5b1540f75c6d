import Synchronization

/// What kpi-align understood of one KPI's answers (its target, owner, link sentence, name and
/// role), read the first time anything asks and kept with the KPI from then on.
///
/// A box shared by the KPI's copies and replaced whenever one of its answers changes, so the
/// KPI stays small to copy (the reducer copies KPIs on every event) and a cascade that is only
/// compared, never read (the snapshot a transcript is checked against), is never read at all.
/// Equal whatever it holds: it is a function of answers the KPI compares itself.
final class KPIReadings: Sendable, Equatable {
  /// The answers as typed.
  struct Answers: Sendable {
    var name: String
    var target: String?
    var owner: String?
    var link: String?
    var role: String?
  }

  /// The answers as understood.
  struct Values: Sendable {
    let target: Target?
    let owner: Assessment?
    let link: LinkSentence?
    let measuresActivity: Bool
    let isVanityShaped: Bool
    let roleSubject: String

    init(_ answers: Answers) {
      target = Understanding.target(answers.target)
      owner = Understanding.assessment(answers.owner)
      link = LinkSentence(answers.link)
      measuresActivity = Understanding.measuresActivity(answers.name)
      isVanityShaped = OneSentenceLinkCheck.isVanityShaped(answers.name)
      roleSubject = Understanding.roleSubject(answers.role)
    }
  }

  private let answers: Answers
  private let kept = Mutex<Values?>(nil)

  init(_ answers: Answers) {
    self.answers = answers
  }

  var values: Values {
    kept.withLock { kept in
      if let kept { return kept }
      let values = Values(answers)
      kept = values
      return values
    }
  }

  static func == (_: KPIReadings, _: KPIReadings) -> Bool { true }
}

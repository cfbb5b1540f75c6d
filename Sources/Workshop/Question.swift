import KPICascade

/// What the workshop asks next, and how to read the answer.
///
/// Questions are never stored: they are derived from the cascade and progress by `Agenda`,
/// so after `/undo`, `/back` or a reopen the room is asked exactly what is still open.
public struct Question: Equatable, Sendable {
  public var key: QuestionKey
  public var text: String
  /// A line of help under the question: an example, a proposal, the window.
  public var hint: String?

  public init(key: QuestionKey, text: String, hint: String? = nil) {
    self.key = key
    self.text = text
    self.hint = hint
  }
}

/// Which blank in the cascade a question fills.
public enum QuestionKey: Equatable, Sendable {
  case companyKPIName
  case companyKPITarget(kpi: String)
  case companyKPIOwner(kpi: String)
  case lock
  case departmentName
  case departmentHead(department: String)
  case departmentFunction(department: String)
  case contribution(companyKPI: String, department: String)
  case departmentKPIName(companyKPI: String, department: String)
  case leadTime(kpi: String)
  case linkSentence(kpi: String)
  case target(kpi: String)
  case tension(kpi: String)
  case conflict(Conflict)
  case adjustmentChoice(Conflict)
  case adjustmentName(Conflict, kpi: String)
  case adjustmentTarget(Conflict, kpi: String, name: String)
  case owner(kpi: String)
  /// Step 5's Level 3 sub-flow: the next individual KPI under a department KPI.
  case individualKPIName(parent: String)
  case individualRole(kpi: String)
  case velocity
  case operationalReview
  case strategicReview
  case governance(GovernanceField)
  /// At a review: why an off-track KPI is off track.
  case varianceExplanation(kpi: String)
  /// At a review: what will bring it back.
  case improvementPlan(kpi: String)

  /// Whether the question collects names into a list that a blank line ends.
  var collectsNames: Bool {
    switch self {
    case .companyKPIName, .departmentName, .departmentKPIName, .individualKPIName: true
    default: false
    }
  }

  /// What Tab should offer for an answer to this question.
  var answerKind: AnswerKind {
    switch self {
    case .companyKPIOwner, .departmentHead, .owner: .person
    case .governance(.processOwner), .governance(.disputeResolver): .person
    case .departmentFunction: .function
    case .tension: .kpi
    case .individualRole: .role
    case .departmentKPIName: .kpi
    case .lock, .conflict: .yesNo
    case .adjustmentChoice: .kpi
    case .velocity: .velocity
    case .operationalReview, .strategicReview: .cadence
    default: .text
    }
  }
}

/// The shape of an answer, for completion.
enum AnswerKind {
  case text, person, function, kpi, yesNo, velocity, cadence, role
}

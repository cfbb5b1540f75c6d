import Testing

@testable import KPICascade

@Suite("AccountablePerson.assess")
struct AccountablePersonTests {
  @Test(arguments: [
    "", "   ", "TBD", "n/a", "nobody", "everyone", "All", "Sales team", "Finance team",
    "Growth squad", "Steering committee", "The board", "Marketing department", "Pricing council",
    "Ana and Bo", "Ana & Bo", "Ana, Bo", "Ana/Bo", "Ana + Bo", "Dana Ruiz and Bo Li",
    "Dana Ruiz, Bo Li", "Sales", "Marketing", "CFO", "Head of Sales", "VP Marketing",
    "the ops lead", "Customer Success Manager", "sales@acme.com", "Bo Li (and Ana)", "Dana Ruiz & team",
    "Sales team, Marketing team", "Sales/Marketing", "Dana Ruiz - Bo Li", "Ruiz, Dana",
  ])
  func fails(_ answer: String) {
    let assessment = AccountablePerson.assess(answer)
    #expect(assessment.verdict == .fail)
    #expect(assessment.reason.contains("Name"))
  }

  @Test(arguments: [
    "Dana Ruiz", "Dana Ruiz (CFO)", "Dana Ruiz, CFO", "Dana Ruiz, Head of Sales",
    "Dana Ruiz – Head of Sales", "CFO Dana Ruiz", "dana ruiz", "Ana de la Cruz", "Priya R.",
    "dana.ruiz@acme.com", "Dana Ruiz (Board member)", "Head of Sales (Dana Ruiz)", "Dana Ruiz / CFO",
    "Marketing: Ana Lima", "Dana Ruiz, Finance team lead", "Jean-Luc Picard",
  ])
  func passes(_ answer: String) {
    #expect(AccountablePerson.assess(answer).verdict == .pass)
  }

  @Test(arguments: [("Priya", "Priya"), ("Priya (Head of Sales)", "Priya"), ("CFO Dana", "Dana")])
  func warnsForAGivenNameOnly(_ answer: String, _ given: String) {
    let assessment = AccountablePerson.assess(answer)
    #expect(assessment.verdict == .warn)
    #expect(assessment.problem == "only a given name: nobody can tell which \(given)")
    #expect(assessment.remedy == "add a surname")
    #expect(assessment.reason == "Only a given name: nobody can tell which \(given). Add a surname.")
  }

  @Test func teamReasonSaysWhatToDo() {
    let assessment = AccountablePerson.assess("Sales team")
    #expect(assessment.problem == "'Sales team' is a group: a team can't be accountable")
    #expect(assessment.remedy == "name one person, e.g. 'Dana Ruiz (Head of Sales)'")
    #expect(
      assessment.reason
        == "'Sales team' is a group: a team can't be accountable. Name one person, e.g. 'Dana Ruiz (Head of Sales)'."
    )
  }

  @Test func passNamesThePersonWithoutARemedy() {
    let assessment = AccountablePerson.assess("Dana Ruiz (CFO)")
    #expect(assessment.problem == "one named person: Dana Ruiz (CFO)")
    #expect(assessment.remedy == nil)
    #expect(assessment.reason == "One named person: Dana Ruiz (CFO).")
  }

  @Test func roleReasonOffersTheRoleAsExample() {
    #expect(AccountablePerson.assess("CFO").reason.contains("e.g. 'Dana Ruiz (CFO)'"))
  }
}

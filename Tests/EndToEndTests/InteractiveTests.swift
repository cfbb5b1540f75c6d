import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The built kpi-align on a pseudo-terminal, typed into as a facilitator would: libedit's line
/// editing, history and Tab completion, Ctrl-C and Ctrl-D, signals, the lock, colour, and what
/// the program shows back. Every test checks the saved session (or the CLI's verdict on it),
/// not only the screen.
@Suite(.serialized) struct InteractiveTests {

  // MARK: - A whole workshop, typed

  @Test func aFacilitatorTypesAWholeWorkshopWithEditingKeysAndCorrections() throws {
    try withScratchDirectory { directory in
      let app = try Facilitator(["new", "Acme Retail"], in: directory)
      let opening = try app.waitForPrompt()
      #expect(opening.contains("Step 1/6"))
      #expect(opening.contains("[1/6 lock] acme-retail› "))

      // Step 1: company KPIs. Ctrl-C in the middle of a line drops that line, not the session.
      try app.type("Revenue growth")
      try app.type(">= 20% YoY")
      try app.type("Dana Ruiz (CEO)")
      try app.typeWithoutEnter("Gross mar", echo: "Gross mar")
      let afterInterrupt = try app.interrupt()
      #expect(!afterInterrupt.contains("Target for"), "Ctrl-C must not answer the question")
      #expect(afterInterrupt.contains("[1/6 lock] acme-retail› "))
      #expect(
        afterInterrupt.hasPrefix("^C"), "the dropped line is marked: \(afterInterrupt.debugDescription)")
      let named = try app.type("Gross margin")
      #expect(named.contains("Target for Gross margin?"))
      try app.type("40%")  // corrected with /retarget in step 5
      try app.type("Omar Haddad (CFO)")
      try app.typeAll(["Customer retention", ">= 90%", "Lena Park (COO)", ""])
      #expect(try app.type("yes").contains("Locked."))
      try app.typeAll([
        "Sales", "Sam Lee", "", "Marketing", "Mia Chen", "", "Operations", "Olu Ade", "",
        "Customer Success", "Cara Diaz", "", "Finance", "Finn Berg", "",
      ])
      let stepTwo = try app.type("")
      #expect(stepTwo.contains("Step 2/6"))
      #expect(stepTwo.contains("[2/6 map] acme-retail› "))

      // Step 2: contributions. Up twice recalls "nothing" from two lines back.
      try app.typeAll([
        "Closes new business with mid-market retailers", "Generates qualified demand", "nothing",
        "Expands existing accounts", "nothing", "Sells at list price instead of discounting",
      ])
      let recalled = try app.type(upArrow + upArrow)
      #expect(recalled.contains("What does Operations do that directly moves Gross margin?"))
      try app.typeAll([
        "Keeps fulfilment costs down", "nothing", "Negotiates supplier terms", "nothing",
        "Runs loyalty campaigns", "Ships on time", "Resolves issues at first contact",
      ])
      #expect(try app.type("nothing").contains("Step 3/6"))

      // Step 3: a wrong lead time, taken back with /undo and typed again.
      try app.type("Qualified pipeline coverage")
      try app.type("4")
      let undone = try app.type("/undo")
      #expect(undone.contains("Undone: "))
      #expect(undone.contains("How many days before Revenue growth does Qualified pipeline coverage move?"))
      try app.type("45")
      try app.typeAll([
        "More qualified pipeline converts into bookings within the quarter, which grows revenue.",
        ">= 3x", "no", "",
      ])
      // A typo in a KPI name, fixed with /rename in step 5.
      try app.typeAll([
        "Marketing qualified lead", "60", "Qualified leads become pipeline that Sales converts into revenue.",
        ">= 400 per month", "no", "",
      ])
      // /back to step 2, then /goto 3 resumes where step 3 was left.
      let back = try app.type("/back")
      #expect(back.contains("Step 2/6"))
      #expect(back.contains("[2/6 map] acme-retail› "))
      let resumed = try app.type("/goto 3")
      #expect(resumed.contains("Step 3/6"))
      #expect(resumed.contains("Customer Success → Revenue growth: what can we measure today"))
      #expect(resumed.contains("[3/6 select] acme-retail› "))
      try app.typeAll([
        "Expansion pipeline", "30",
        "Expansion opportunities in existing accounts turn into upsell revenue next quarter.",
        ">= $250k per quarter", "no", "",
        "Average discount", "30", "Smaller discounts keep more of each sale as gross margin.", "<= 12%", "no",
        "",
        "Fulfilment cost per order", "45",
        "Lower fulfilment cost per order raises gross margin on every sale.",
        "< $4.50", "no", "",
        "Purchase price variance", "60",
        "Buying below standard cost lifts gross margin when the stock is sold.",
        "<= -2%", "no", "",
        "Loyalty programme engagement", "45",
        "Engaged loyalty members renew more often, which lifts retention.",
        ">= 35%", "no", "",
        "On-time delivery rate", "30", "Orders that arrive on time keep customers from leaving.", ">= 97%",
        "Qualified pipeline coverage", "",
        "First contact resolution", "30", "Issues solved at first contact keep customers from churning.",
        ">= 78%", "no",
      ])
      #expect(try app.type("").contains("Step 4/6"))

      // Step 4: conflicts, as the fixture answers them.
      try app.typeAll(["yes", "Average discount", "", "<= 10%", "no", "yes", "On-time"])
      try app.type("On-time delivery rate within capacity")
      #expect(try app.type("").contains("Step 5/6"))

      // Step 5: fix the step 3 typo and the step 1 target; Tab completes the quoted names.
      let renamed = try app.type("/rename \"Marketing qualified l\t\"Marketing qualified leads\"")
      #expect(renamed.contains("Renamed Marketing qualified lead → Marketing qualified leads."))
      let retargeted = try app.type("/retarget \"Gross m\t42% because the board raised the bar")
      #expect(!retargeted.contains("Usage:"))
      #expect(!retargeted.contains("No department or KPI"))
      // Owners: Up recalls the previous person, Tab completes people already named.
      // After each owner, Enter skips the optional Level 3 KPIs (the blank line is not history).
      for owner in ["Sam Lee", upArrow, "Mia\t", "Noor Ali", "Olu Ade", upArrow, "Car\t", "Ben Ito"] {
        try app.type(owner)
        #expect(try app.type("").contains("?"))
      }
      try app.type("Finn Berg")
      #expect(try app.type("").contains("Step 6/6"))

      // Tab completes a department name in /show; the branch shown is that department's.
      let shown = try app.type("/show Sal\t")
      #expect(shown.contains("    Sales"))
      #expect(shown.contains("Qualified pipeline coverage"))
      #expect(shown.contains("Average discount"))
      #expect(!shown.contains("Fulfilment cost per order"))
      #expect(!shown.contains("Marketing qualified leads"))

      // Step 6: governance, accepting the proposals.
      try app.typeAll(["high", "", "", "", "", "Lena Park", "Dana Ruiz", ""])
      #expect(try app.type("").contains("Every step is complete."))

      // Ctrl-D on the empty line saves and leaves.
      #expect(try app.endOfInput() == 0)
      #expect(app.terminal.output.contains("Saved \(directory.path)/acme-retail.json."))

      // The transcript holds what was meant, not what was typed on the way.
      let saved = try SavedSession(directory: directory)
      #expect(
        saved.companyKPIs.compactMap { $0["name"] as? String } == [
          "Revenue growth", "Gross margin", "Customer retention",
        ])
      #expect(saved.companyKPI("Gross margin")?["target"] as? String == "42%")
      let marginChanges = saved.companyKPI("Gross margin")?["changes"] as? [[String: Any]] ?? []
      #expect(marginChanges.count == 1)
      #expect(marginChanges.first?["reason"] as? String == "the board raised the bar")
      #expect(marginChanges.first?["what"] as? String == "target: 40% → 42%")
      #expect(
        saved.owners == [
          "Qualified pipeline coverage": "Sam Lee",
          "Average discount": "Sam Lee",
          "Marketing qualified leads": "Mia Chen",
          "Loyalty programme engagement": "Noor Ali",
          "Fulfilment cost per order": "Olu Ade",
          "On-time delivery rate within capacity": "Olu Ade",
          "Expansion pipeline": "Cara Diaz",
          "First contact resolution": "Ben Ito",
          "Purchase price variance": "Finn Berg",
        ])
      #expect(saved.departmentKPI("Qualified pipeline coverage")?["leadTimeDays"] as? Int == 45)
      #expect(saved.departmentKPI("Average discount")?["target"] as? String == "<= 10%")
      // The recalled "nothing": Marketing moves nothing on Gross margin.
      let contributions = saved.cascade["contributions"] as? [[String: Any]] ?? []
      let marketingOnMargin = contributions.first {
        $0["department"] as? String == "d2" && $0["companyKPI"] as? String == "c2"
      }
      #expect(marketingOnMargin != nil)
      #expect(marketingOnMargin?["text"] == nil)
      // The interrupted half line never reached the session.
      #expect(!saved.everyAnswer.contains("Gross mar"))
      #expect(
        saved.answers.prefix(5) == ["Revenue growth", ">= 20% YoY", "Dana Ruiz (CEO)", "Gross margin", "40%"])
      #expect(saved.undone.count == 1)

      // The Tab-completed line is what went into history.
      let history = try String(contentsOf: directory.appendingPathComponent("history"), encoding: .utf8)
        .replacingOccurrences(of: "\\040", with: " ")
      #expect(history.contains("/show Sales"))
      #expect(history.contains("/retarget \"Gross margin\" 42% because"))

      // The finished session passes the alignment check…
      let check = try runScripted(["check", "acme-retail"], in: directory)
      #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
      #expect(check.stdout.contains("check passes"))

      // …and its JSON export survives import and export unchanged, byte for byte.
      let first = directory.appendingPathComponent("first.json")
      let second = directory.appendingPathComponent("second.json")
      let elsewhere = directory.appendingPathComponent("elsewhere")
      try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
      let exported = try runScripted(
        ["export", "acme-retail", "--format", "json", "-o", first.path], in: directory)
      #expect(exported.status == 0, "\(exported.stderr)")
      let imported = try runScripted(["import", first.path], in: elsewhere)
      #expect(imported.status == 0, "\(imported.stderr)")
      let again = try runScripted(
        ["export", "acme-retail", "--format", "json", "-o", second.path], in: elsewhere)
      #expect(again.status == 0, "\(again.stderr)")
      let firstBytes = try Data(contentsOf: first)
      #expect(!firstBytes.isEmpty)
      #expect(firstBytes == (try Data(contentsOf: second)))
      #expect(String(decoding: firstBytes, as: UTF8.self).contains("Marketing qualified leads"))
    }
  }

  // MARK: - Colour

  struct ColourCase: CustomTestStringConvertible, Sendable {
    let name: String
    let environment: [String: String]
    let coloured: Bool
    var testDescription: String { name }
  }

  @Test(arguments: [
    ColourCase(name: "xterm", environment: [:], coloured: true),
    ColourCase(name: "NO_COLOR=1", environment: ["NO_COLOR": "1"], coloured: false),
    ColourCase(name: "TERM=dumb", environment: ["TERM": "dumb"], coloured: false),
  ])
  func colourOnlyOnAColourTerminal(_ colour: ColourCase) throws {
    try withScratchDirectory { directory in
      let app = try Facilitator(["new", "Acme Retail"], in: directory, environment: colour.environment)
      let opening = try app.waitForPrompt()
      #expect(opening.contains("Step 1/6 — Lock company KPIs"))
      #expect(opening.contains("[1/6 lock] acme-retail› "))
      try app.type("Revenue growth")
      let verdict = try app.type(">= 20% YoY")
      #expect(verdict.contains("Accountable executive for Revenue growth?"))
      let help = try app.type("/help")
      #expect(help.contains("/retarget KPI TARGET"))
      #expect(try app.quit() == 0)
      let all = app.terminal.output
      if colour.coloured {
        #expect(all.hasColourSequence)
        #expect(verdict.contains("\u{1B}[32m✓\u{1B}[0m"))
        #expect(help.contains("\u{1B}[1mCommands\u{1B}[0m"))
      } else {
        #expect(!all.hasColourSequence, "\(all.debugDescription)")
        #expect(verdict.contains("[pass] ≥ 20% YoY"))
        #expect(help.contains("Commands  (Tab completes"))
      }
      // Either way the answers were recorded.
      let saved = try SavedSession(directory: directory)
      #expect(saved.companyKPI("Revenue growth")?["target"] as? String == ">= 20% YoY")
    }
  }

  // MARK: - The lock

  @Test func aSecondProcessIsRefusedWhileTheSessionIsOpen() throws {
    try withScratchDirectory { directory in
      let first = try Facilitator(["new", "Acme Retail"], in: directory)
      try first.waitForPrompt()
      try first.type("Revenue growth")

      // Through a pipe…
      let piped = try runScripted(["open", "acme-retail"], in: directory, input: "Gross margin\n")
      #expect(piped.status == 5)
      #expect(piped.stderr.contains("open in another kpi-align"), "\(piped.stderr)")

      // …and on a terminal of its own.
      let second = try Facilitator(["open", "acme-retail"], in: directory)
      try second.terminal.expect("open in another kpi-align", timeout: Facilitator.timeout)
      #expect(try second.terminal.waitForExit(timeout: Facilitator.timeout) == 5)
      #expect(!second.terminal.output.contains("acme-retail› "))

      // The first one carries on undisturbed, and nothing the refused ones sent was recorded.
      #expect(try first.type(">= 20% YoY").contains("Accountable executive for Revenue growth?"))
      #expect(try first.quit() == 0)
      let saved = try SavedSession(directory: directory)
      #expect(saved.answers == ["Revenue growth", ">= 20% YoY"])

      // Once the first has quit, opening works.
      let later = try runScripted(["open", "acme-retail"], in: directory, input: "Dana Ruiz (CEO)\n")
      #expect(later.status == 0, "\(later.stderr)")
      #expect(
        try SavedSession(directory: directory).answers == ["Revenue growth", ">= 20% YoY", "Dana Ruiz (CEO)"])
    }
  }

  // MARK: - Signals

  @Test(arguments: [SIGTERM, SIGHUP])
  func aTerminationSignalAtThePromptSavesAndExits(_ signal: Int32) throws {
    try withScratchDirectory { directory in
      let app = try Facilitator(["new", "Acme Retail"], in: directory)
      try app.waitForPrompt()
      try app.typeAll(["Revenue growth", ">= 20% YoY", "Dana Ruiz (CEO)"])
      // A half-typed line is in the editor when the signal lands.
      try app.typeWithoutEnter("Gross mar", echo: "Gross mar")
      app.terminal.signal(signal)
      #expect(try app.terminal.waitForExit(timeout: Facilitator.timeout) == 0)
      #expect(app.terminal.output.contains("Saved \(directory.path)/acme-retail.json."))

      // The JSON itself holds the answers (the save folded the journal in).
      let saved = try SavedSession(directory: directory)
      #expect(saved.answers == ["Revenue growth", ">= 20% YoY", "Dana Ruiz (CEO)"])
      #expect(saved.companyKPI("Revenue growth")?["owner"] as? String == "Dana Ruiz (CEO)")

      // Reopened, the session carries on at the next question.
      let again = try Facilitator(["open", "acme-retail"], in: directory)
      let resumed = try again.waitForPrompt()
      #expect(resumed.contains("Resuming: Acme Retail"))
      #expect(resumed.contains("Company KPI 2: name?"))
      #expect(!resumed.contains("kpi-align:"))
      #expect(try again.quit() == 0)
    }
  }

  // MARK: - What the program shows back

  struct TypedControl: CustomTestStringConvertible, Sendable {
    let name: String
    /// The keys typed.
    let keys: String
    /// What must never reach the terminal from the program's reply.
    let raw: String
    var testDescription: String { name }
  }

  @Test(arguments: [
    // Pasted or typed as is: libedit sees ESC [ 2 J as keys.
    TypedControl(name: "ESC[2J typed", keys: "Revenue \u{1B}[2J growth", raw: "\u{1B}[2J"),
    // Ctrl-V first: the escape character itself goes into the line.
    TypedControl(name: "Ctrl-V ESC[2J", keys: "Revenue \u{16}\u{1B}[2J growth", raw: "\u{1B}[2J"),
    // The one-character CSI of the C1 controls.
    TypedControl(name: "C1 CSI", keys: "Revenue \u{9B}2J growth", raw: "\u{9B}2J"),
    // A right-to-left override that would reverse the rest of a printed line.
    TypedControl(name: "RLO", keys: "Revenue \u{202E}growth", raw: "\u{202E}growth?"),
  ])
  func controlSequencesInAnAnswerAreRefusedAndNeverShownRaw(_ typed: TypedControl) throws {
    try withScratchDirectory { directory in
      let app = try Facilitator(["new", "Acme Retail"], in: directory)
      try app.waitForPrompt()
      let start = app.mark()
      app.terminal.send(typed.keys + "\r")
      try app.waitForPrompt(since: start)
      let reply = app.output(since: start)
      #expect(reply.contains("control character"), "no refusal in \(reply.debugDescription)")
      #expect(!reply.contains("Target for"), "the line was taken as an answer: \(reply.debugDescription)")
      // The program's own lines (after libedit's echo of the typed line) never carry it raw.
      let programLines = reply.components(separatedBy: "\r\n").dropFirst().joined(separator: "\r\n")
      #expect(!programLines.contains(typed.raw), "\(programLines.debugDescription)")

      // The question is still open: the next plain line answers it.
      #expect(try app.type("Revenue growth").contains("Target for Revenue growth?"))
      #expect(try app.quit() == 0)
      let saved = try SavedSession(directory: directory)
      #expect(saved.everyAnswer == ["Revenue growth"])
      #expect(saved.companyKPIs.compactMap { $0["name"] as? String } == ["Revenue growth"])
    }
  }
}

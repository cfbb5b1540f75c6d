/// The REPL's commands, with the help each one shows.
public enum WorkshopCommand: String, CaseIterable, Sendable {
  case help, status, show, next, back, goto, undo, check, score, diff, accept
  case add, rename, remove, retarget, owner, head, contribution, lead, link, governance, conflict
  case record, readings, dashboard, review, diagnose
  case export, save, quit

  /// How to type it.
  public var usage: String {
    switch self {
    case .help: "/help [command]"
    case .status: "/status"
    case .show: "/show [department|kpi]"
    case .next: "/next"
    case .back: "/back"
    case .goto: "/goto N"
    case .undo: "/undo"
    case .check: "/check [all | TEST]"
    case .score: "/score"
    case .diff: "/diff FILE"
    case .accept: "/accept FINDING because REASON"
    case .add: "/add department|kpi|individual …"
    case .head: "/head DEPARTMENT PERSON"
    case .contribution: "/contribution DEPARTMENT COMPANY-KPI TEXT|nothing"
    case .lead: "/lead KPI DAYS"
    case .link: "/link KPI SENTENCE"
    case .governance: "/governance PART VALUE"
    case .rename: "/rename NAME NEW-NAME [because REASON]"
    case .remove: "/remove NAME [because REASON]"
    case .retarget: "/retarget KPI TARGET [because REASON]"
    case .owner: "/owner KPI PERSON [because REASON]"
    case .conflict: "/conflict KPI KPI"
    case .record: "/record KPI VALUE [DATE] [NOTE]"
    case .readings: "/readings FILE"
    case .dashboard: "/dashboard [--as-of DATE]"
    case .review: "/review [operational|strategic] [DATE]"
    case .diagnose: "/diagnose KPI [--as-of DATE]"
    case .export: "/export FORMAT FILE [FIRST-DAY] [--force]"
    case .save: "/save [PATH [--force]]"
    case .quit: "/quit"
    }
  }

  /// One line for the command list.
  public var summary: String {
    switch self {
    case .help: "list the commands, or explain one"
    case .status: "steps done, counts and open findings"
    case .show: "the cascade as a tree, or one department or KPI"
    case .next: "go to the next step"
    case .back: "go back one step"
    case .goto: "go to step N (1–6)"
    case .undo: "take back the last answer (repeat to go further)"
    case .check: "run every alignment test; findings grouped by test"
    case .score: "the maturity score, its rubric and the next three steps"
    case .diff: "what changed since FILE (a saved session or exported cascade)"
    case .accept: "accept a finding on purpose, with the reason recorded"
    case .add: "add a department, a department KPI, or individual KPIs after a list was closed"
    case .head: "change who heads a department"
    case .contribution: "change what a department does that moves a company KPI"
    case .lead: "change a KPI's lead time in days"
    case .link: "change the sentence linking a KPI to its company KPI"
    case .governance: "change a part of governance (step 6)"
    case .rename: "rename a department or KPI"
    case .remove: "remove a department or KPI"
    case .retarget: "change a KPI's target"
    case .owner: "change who is accountable for a KPI"
    case .conflict: "put a pair of KPIs to the room in step 4"
    case .record: "record one reading of a KPI (today unless DATE is given)"
    case .readings: "record every reading in a CSV file (long or wide)"
    case .dashboard: "company KPIs, leading indicators and flagged variances, as of a day"
    case .review: "run a review meeting: statuses, then each off-track KPI's explanation and plan"
    case .diagnose: "trace a KPI's dip down the cascade to the leading indicator where it started"
    case .export: "write the cascade, minutes, a spreadsheet, a diagram, the review calendar or a page"
    case .save: "save now; with a path, also write a copy there"
    case .quit: "save and leave (Ctrl-D does the same)"
    }
  }

  /// The longer explanation `/help NAME` shows.
  public var detail: String {
    switch self {
    case .help: "Without a name, lists every command. Tab completes command names."
    case .status:
      "Shows each step as done or open, how many KPIs and departments there are, and the open findings."
    case .show:
      "Shows company KPIs with the department KPIs under them: targets, lead times, owners and a verdict mark. Give a department or KPI name (or prefix) to show only that branch."
    case .next: "Moves to the next step even if this one has open questions; /status shows what is left."
    case .back: "Moves back one step. Answers are kept; fix them with /rename, /retarget, /owner, /remove."
    case .goto: "Moves to step N. Steps: 1 lock, 2 map, 3 select, 4 resolve, 5 assign, 6 govern."
    case .undo:
      "Takes back the last accepted answer or change and asks that question again. Repeat to go further back. The transcript keeps the undone answer, marked as undone."
    case .check:
      "Runs every alignment test on the cascade and shows, in at most 20 lines, the tests that fail or warn, how many pass, and the five findings that matter most with what to do. /check all lists every finding grouped by test with the ids /accept takes; /check TEST lists one test (lock, counts, line-of-sight, link, lead-time, target, activity, conflicts, accountability, governance, miss-policy)."
    case .score:
      "Scores the cascade 0–100% against an explicit rubric (Fragmented, Basic, Structured, Aligned, Optimized), lists each criterion with its weight and whether it is met, and the three most valuable things to do next. docs/score.md explains the rubric."
    case .diff:
      "Compares FILE (the old side: a session's .json, or an exported cascade) with the session on screen (the new side): KPIs added, removed, renamed, retargeted, re-owned or relinked, lead times, departments, conflicts opened or resolved, governance, accepted findings and the maturity score. Changes nothing. A session in the same folder may be named by its slug: /diff acme-retail-q1."
    case .accept:
      "Records that the room accepts a finding on purpose, e.g. /accept lead-time:k4 because churn data arrives monthly. The finding no longer counts as open; the minutes list it with its reason."
    case .add:
      "Opens a closed list again and goes to its step: /add department asks for more departments (step 1); /add kpi Sales \"Revenue growth\" asks for more Sales KPIs for Revenue growth (step 3); /add individual \"Pipeline coverage\" asks for Level 3 KPIs under that department KPI (step 5). A blank line closes the list again."
    case .head: "Sets the one person who heads a department: /head Sales Sam Lee."
    case .contribution:
      "Re-answers step 2 for one department and company KPI: /contribution Sales \"Gross margin\" Sells at list price. 'nothing' records that it does not move it."
    case .lead:
      "Sets a KPI's lead time: /lead \"Pipeline coverage\" 45 (days; '6 weeks' works too; 0 is lagging)."
    case .link:
      "Sets the one sentence saying how a KPI moves its company KPI: /link pipe More pipeline becomes bookings next quarter."
    case .governance:
      "Changes one part of step 6. PART is one of: velocity, operational-review, strategic-review, alignment-review, annual-realignment, process-owner, dispute-resolver, change-process, miss-policy. Example: /governance strategic-review quarterly."
    case .rename:
      "Renames a department or a KPI. Quote names with spaces, or give an unambiguous prefix: /rename \"Pipeline cov\" \"Qualified pipeline coverage\". A locked company KPI needs 'because REASON'."
    case .remove:
      "Removes a department (with its KPIs) or a KPI. A locked company KPI needs 'because REASON'."
    case .retarget:
      "Sets a new target: /retarget \"Pipeline coverage\" >= 3.5x. A locked company KPI needs 'because REASON'."
    case .owner:
      "Sets the one person accountable for a KPI: /owner \"Pipeline coverage\" Sam Lee. Replacing a locked company KPI's executive needs 'because REASON'."
    case .conflict:
      "Adds a pair of department KPIs to step 4's questions: can both hit target while their company KPI gets worse?"
    case .record:
      "Records a reading: /record \"Revenue growth\" 18.5% 2026-03-02 Slow March. VALUE may carry the target's unit (23%, $58, 2.4); DATE (YYYY-MM-DD) defaults to today; the rest is a note. --confidence N (0–10) and --by NAME say how sure and who recorded it. A second reading on the same day replaces the first. /undo takes it back."
    case .readings:
      "Records every reading in a CSV file, all or nothing. Long: a header kpi,date,value[,note,confidence,recorded by] and one reading per row. Wide: a header kpi,2026-01-05,2026-01-12,… and one row per KPI. KPIs by id or exact name. A bad row is reported by row and column and nothing from the file is recorded. /undo takes the whole file back."
    case .dashboard:
      "Shows company KPIs (latest value, target, status, trend), the department leading indicators under the company KPI they move, and the flagged variances: off-track and stale KPIs with owner and how long. As of the latest reading unless --as-of DATE. docs/diagnosis.md explains the statuses."
    case .review:
      "Runs a review meeting as of the latest reading (or DATE): operational walks department and Level 3 KPIs, strategic company and department KPIs. Shows each KPI that is not on track, then asks each off-track KPI's owner for the explanation and the improvement plan ('skip' moves on). /check applies the miss policy: off track at consecutive reviews without a plan fails."
    case .diagnose:
      "Walks down the cascade from a KPI to find where its dip started: the KPIs beneath it that turned first, ranked by how far they fell, weighed by how well the lag matches their stated lead time, the chain down to the earliest with dates, values and whom to call, and stated against observed lead times. --format json writes it for tools. docs/diagnosis.md has the rules."
    case .export:
      "Writes FILE in FORMAT: json (the agreed cascade, importable), md (the minutes), csv (one row per KPI, for spreadsheets), mermaid or dot (the three levels as a diagram), ics (the review calendar, starting on FIRST-DAY, YYYY-MM-DD), html (the executive page). A file already at FILE is left as it is unless --force is given; a session's transcript, journal or lock never is replaced."
    case .save:
      "Saves the session file now (answers are journaled as they are given anyway). With a path, also writes a copy of the transcript there: never over a file already there unless --force is given, and never over a session's own files."
    case .quit: "Saves and leaves. Reopen with: kpi-align open NAME."
    }
  }
}

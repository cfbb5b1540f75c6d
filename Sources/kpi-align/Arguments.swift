import KPICascade
import Workshop

/// The command line, read without any outside package: a subcommand, its operands, and flags
/// that may appear anywhere.
struct Arguments: Equatable {
  enum Command: Equatable {
    /// No subcommand: pick a session to resume or start a new one.
    case start
    case new(name: String)
    case open(session: String)
    case list
    case importFile(path: String)
    /// Starts the session `name` from a KPI inventory in the csv export's columns.
    case importCSV(path: String, name: String)
    /// `asOf`: the day the html page's dashboard is as of (`--as-of`).
    case export(
      session: String, format: String, output: String?, firstDay: String?, asOf: String? = nil,
      replacing: Bool = false)
    /// `format` is text or json, checked by the runner.
    case check(session: String, format: String)
    case score(session: String)
    /// Records every reading in a CSV file into a session, all or nothing.
    case readings(session: String, file: String)
    case dashboard(session: String, asOf: String?)
    /// `format` is text or json, checked by the runner.
    case diagnose(session: String, kpi: String, asOf: String?, format: String)
    /// `format` is checked by the runner against `DiffReport.Format`.
    case diff(old: String, new: String, format: String)
    /// A generated workshop written to `output`, which must not exist yet.
    case sample(options: SampleSession.Options, output: String)
    /// The help: the whole page, or one command's part of it (`kpi-align check --help`).
    case help(command: String? = nil)
    case version
  }

  var command: Command = .start
  var sessionsDirectory: String?
  var script: String?

  static let usage = """
    kpi-align — run a department KPI alignment workshop and export the agreed cascade.

    Usage:
      kpi-align                          start a new workshop, or pick one to resume
      kpi-align new NAME                 start a new workshop called NAME
      kpi-align open NAME|PATH           resume a workshop by name, slug or file path
      kpi-align list                     sessions: name, step reached, last change, open findings
      kpi-align import FILE              copy a transcript or exported cascade into the sessions folder
      kpi-align import-csv FILE --name NAME
                                         start workshop NAME from a KPI inventory in the csv export's
                                         columns; every test is run on it; bad rows: one line each, exit 3
      kpi-align export SESSION [--format FORMAT] [-o|--output FILE] [--from YYYY-MM-DD]
                       [--as-of YYYY-MM-DD] [--force]
                                         FORMAT: json (default; the agreed cascade), md (minutes),
                                         csv, mermaid, dot, ics (reviews from --from), html (with
                                         readings: the dashboard as of --as-of); stdout by default;
                                         -o replaces a file only with --force, a session's never
      kpi-align check SESSION [--format text|json]
                                         run the alignment tests; exit 1 when any fails
      kpi-align score SESSION            the maturity score, its rubric and the next three steps
      kpi-align readings SESSION FILE    record the readings in a CSV file (long: kpi,date,value[,note,
                                         confidence,recorded by]; wide: kpi then one YYYY-MM-DD column per
                                         day); a bad row is reported by row and column, nothing is recorded
      kpi-align dashboard SESSION [--as-of YYYY-MM-DD]
                                         company KPIs, leading indicators and flagged variances; as of the
                                         latest reading by default
      kpi-align diagnose SESSION KPI [--as-of YYYY-MM-DD] [--format text|json]
                                         trace a KPI's dip down the cascade to where it started
      kpi-align diff OLD NEW [--format text|json]
                                         what changed from OLD to NEW (sessions by name, slug or path, or
                                         exported cascades); exit 0 when equal, 1 when different
      kpi-align sample -o FILE [--departments N] [--kpis-per-department K]
                       [--individual-per-kpi I] [--seed S] [--readings [--weeks W]]
                                         write a made-up, complete workshop to FILE (a new file) to explore
                                         with open, check and export; default 4 departments, 3 KPIs each,
                                         1 Level 3 KPI under each; N 1–10000, K 1–8, I 0–5; the same
                                         options write the same bytes; --readings adds W weeks (default
                                         26, 1–520) of weekly readings with one dip to diagnose

    Options:
      --sessions DIR      where sessions live (also KPI_ALIGN_SESSIONS); default: sessions/ in the repository
      --script FILE       read answers from FILE instead of the keyboard (piped stdin works too)
      KPI_ALIGN_NOW=TIME  take TIME (e.g. 2027-07-19T09:00:00Z) as now, for a reproducible run
      -h, --help, help    this help; kpi-align COMMAND --help: only that command
      --version           the version

    Exit codes: 0 success, 1 failed check, refused script line or diff with changes,
    2 usage, 3 bad input file, 4 I/O error, 5 session open in another kpi-align.
    In the workshop, /help lists the commands.
    """

  /// `verb`'s lines of the usage (its synopsis and what it does), with the options every
  /// command takes and the exit codes; `nil` for a word that is no command.
  static func usage(of verb: String) -> String? {
    let lines = usage.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard !verb.isEmpty, !verb.hasPrefix("-"),
      let start = lines.firstIndex(where: {
        $0 == "  kpi-align \(verb)" || $0.hasPrefix("  kpi-align \(verb) ")
      })
    else { return nil }
    var block = [lines[start]]
    for line in lines[(start + 1)...] {
      guard line.hasPrefix("    "), !line.hasPrefix("  kpi-align") else { break }
      block.append(line)
    }
    let options = lines.drop { $0 != "Options:" }
    return (["Usage:"] + block + [""] + options).joined(separator: "\n")
  }

  init(_ arguments: [String]) throws(ExitError) {
    var operands: [String] = []
    var format: String?
    var output: String?
    var firstDay: String?
    var name: String?
    /// `sample`'s sizes by flag, read once the subcommand is known.
    var sampleFlags: [String: String] = [:]
    var readings = false
    var force = false
    var asOf: String?
    var index = 0
    func value(for flag: String) throws(ExitError) -> String {
      index += 1
      guard index < arguments.count, !arguments[index].isEmpty else {
        throw ExitError(.usage, "\(flag) needs a value. kpi-align --help shows the usage.")
      }
      return arguments[index]
    }
    var onlyOperands = false
    while index < arguments.count {
      let argument = arguments[index]
      if onlyOperands || !argument.hasPrefix("-") || argument == "-" {
        operands.append(argument)
      } else {
        switch argument {
        case "--": onlyOperands = true
        case "-h", "--help": command = .help()
        case "--version": command = .version
        case "--sessions": sessionsDirectory = try value(for: argument)
        case "--script": script = try value(for: argument)
        case "--format": format = try value(for: argument)
        case "-o", "--output": output = try value(for: argument)
        case "--from": firstDay = try value(for: argument)
        case "--name": name = try value(for: argument)
        case "--as-of": asOf = try value(for: argument)
        case "--departments", "--kpis-per-department", "--individual-per-kpi", "--seed", "--weeks":
          sampleFlags[argument] = try value(for: argument)
        case "--readings": readings = true
        case "--force": force = true
        default:
          if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
            let flag = String(argument[..<equals])
            let given = String(argument[argument.index(after: equals)...])
            switch flag {
            case "--sessions": sessionsDirectory = given
            case "--script": script = given
            case "--format": format = given
            case "--output": output = given
            case "--from": firstDay = given
            case "--name": name = given
            case "--as-of": asOf = given
            case "--departments", "--kpis-per-department", "--individual-per-kpi", "--seed", "--weeks":
              sampleFlags[flag] = given
            default: throw ExitError(.usage, "Unknown option \(flag). kpi-align --help lists them.")
            }
          } else {
            throw ExitError(.usage, "Unknown option \(argument). kpi-align --help lists them.")
          }
        }
      }
      index += 1
    }
    if case .help = command {
      // `kpi-align check --help`, `kpi-align help check`: the command's own part of the page.
      let verb = operands.first == "help" ? operands.dropFirst().first : operands.first
      if let verb, Self.usage(of: verb) != nil { command = .help(command: verb) }
      return
    }
    if command == .version { return }
    if !sampleFlags.isEmpty || readings, operands.first != "sample" {
      throw ExitError(
        .usage,
        "--departments, --kpis-per-department, --individual-per-kpi, --seed, --readings and --weeks go with sample."
      )
    }
    guard let verb = operands.first else {
      if format != nil || output != nil {
        throw ExitError(
          .usage, "--format and -o go with export: kpi-align export SESSION --format md -o FILE")
      }
      return
    }
    let rest = Array(operands.dropFirst())
    func one(_ what: String) throws(ExitError) -> String {
      guard rest.count == 1 else {
        throw ExitError(
          .usage,
          rest.isEmpty
            ? "kpi-align \(verb) needs \(what)."
            : "kpi-align \(verb) takes only \(what); quote a name with spaces: kpi-align \(verb) \"Acme Retail\""
        )
      }
      return rest[0]
    }
    switch verb {
    case "new": command = .new(name: try one("a workshop name"))
    case "open": command = .open(session: try one("a session name or path"))
    case "list":
      guard rest.isEmpty else { throw ExitError(.usage, "kpi-align list takes no operands.") }
      command = .list
    case "import": command = .importFile(path: try one("a file"))
    case "import-csv":
      let path = try one("a file")
      guard let name else {
        throw ExitError(
          .usage,
          "kpi-align import-csv needs the new workshop's name: "
            + "kpi-align import-csv FILE --name \"Acme Retail\"")
      }
      command = .importCSV(path: path, name: name)
    case "export":
      let session = try one("a session")
      let chosen = format ?? "json"
      if let firstDay, !Cascade.isDay(firstDay) {
        throw ExitError(.usage, "--from takes a day as YYYY-MM-DD, e.g. 2027-01-04.")
      }
      if force, output == nil {
        throw ExitError(.usage, "--force replaces the file -o names: it goes with -o FILE.")
      }
      command = .export(
        session: session, format: chosen, output: output, firstDay: firstDay, asOf: asOf, replacing: force)
    case "check": command = .check(session: try one("a session"), format: format ?? "text")
    case "score": command = .score(session: try one("a session"))
    case "diff":
      guard rest.count == 2 else {
        throw ExitError(
          .usage,
          "kpi-align diff takes two sessions or files, OLD then NEW: kpi-align diff acme-q1 acme-q2")
      }
      guard output == nil else { throw ExitError(.usage, "diff prints to stdout; -o goes with export.") }
      command = .diff(old: rest[0], new: rest[1], format: format ?? "text")
    case "readings":
      guard rest.count == 2 else {
        throw ExitError(
          .usage, "kpi-align readings takes a session and a CSV file: kpi-align readings acme readings.csv")
      }
      command = .readings(session: rest[0], file: rest[1])
    case "dashboard":
      command = .dashboard(session: try one("a session"), asOf: asOf)
    case "diagnose":
      guard rest.count == 2 else {
        throw ExitError(
          .usage, "kpi-align diagnose takes a session and a KPI: kpi-align diagnose acme \"Revenue growth\"")
      }
      command = .diagnose(session: rest[0], kpi: rest[1], asOf: asOf, format: format ?? "text")
    case "sample":
      command = try Self.sample(rest, output: output, flags: sampleFlags, readings: readings)
    case "help": command = .help(command: rest.first.flatMap { Self.usage(of: $0) == nil ? nil : $0 })
    default:
      throw ExitError(.usage, "Unknown command '\(DisplayText.safe(verb))'. kpi-align --help lists them.")
    }
    if name != nil, case .importCSV = command {
    } else if name != nil {
      throw ExitError(.usage, "--name goes with import-csv.")
    }
    if force, case .export = command {
    } else if force {
      throw ExitError(.usage, "--force goes with export -o FILE.")
    }
    if format != nil || output != nil, case .export = command {
    } else if format != nil, case .diff = command {
    } else if format != nil, case .diagnose = command {
    } else if format != nil, case .check = command {
    } else if format == nil, case .sample = command {
    } else if format != nil || output != nil {
      throw ExitError(
        .usage, "--format goes with export, check, diff and diagnose, -o with export and sample.")
    }
    switch command {
    case .dashboard, .diagnose, .export: break
    default:
      if asOf != nil { throw ExitError(.usage, "--as-of goes with dashboard, diagnose and export.") }
    }
    if let asOf, CalendarDay(asOf) == nil {
      throw ExitError(.usage, "--as-of takes a day as YYYY-MM-DD, e.g. 2026-06-29.")
    }
  }
}

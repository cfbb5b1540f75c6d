import Exports
import Foundation
import KPICascade
import Testing

@testable import Workshop

/// One inventory row in the export's columns; cells must not hold commas or quotes.
private func row(
  _ level: String, department: String = "", role: String = "", kpi: String, parent: String = "",
  company: String = "", link: String = "", target: String = "", direction: String = "", lead: String = "",
  owner: String = "", verdicts: String = ""
) -> String {
  [level, department, role, kpi, parent, company, link, target, direction, lead, "", "", owner, verdicts]
    .joined(separator: ",")
}

/// Rows 2–6 of a good inventory (the header is row 1).
private let goodRows = [
  row("1", kpi: "Revenue growth", target: ">= 20% YoY", owner: "Dana Ruiz"),
  row("1", kpi: "Gross margin", company: "Gross margin", target: "42%", owner: "Omar Haddad"),
  row(
    "2", department: "Sales", kpi: "Pipeline coverage", company: "Revenue growth",
    link: "More pipeline becomes revenue.", target: ">= 3x", lead: "45", owner: "Sam Lee"),
  row(
    "2", department: "Operations", kpi: "On-time delivery", parent: "Gross margin", company: "Gross margin",
    target: ">= 97%", lead: "30", owner: "Olu Ade"),
  row(
    "3", department: "Sales", role: "Account executives", kpi: "Discovery calls", parent: "Pipeline coverage",
    target: ">= 40 per week", owner: "Ava Stone"),
]

private func file(_ rows: [String], lineEnd: String = "\r\n") -> [UInt8] {
  Array(([CascadeCSV.columns.joined(separator: ",")] + rows).map { $0 + lineEnd }.joined().utf8)
}

private func problems(_ bytes: [UInt8]) -> [String] {
  do {
    _ = try KPIInventory.read(bytes, source: "inventory.csv")
    return []
  } catch {
    return error.problems.map(\.description)
  }
}

@Suite("KPI inventory import")
struct KPIInventoryTests {
  @Test func aGoodInventoryBecomesTheCascade() throws {
    let inventory = try KPIInventory.read(file(goodRows, lineEnd: "\n"), source: "inventory.csv")
    let cascade = inventory.cascade
    #expect(
      cascade.companyKPIs == [
        CompanyKPI(id: "c1", name: "Revenue growth", target: ">= 20% YoY", owner: "Dana Ruiz"),
        CompanyKPI(id: "c2", name: "Gross margin", target: "42%", owner: "Omar Haddad"),
      ])
    #expect(cascade.departments.map(\.name) == ["Sales", "Operations"])
    #expect(
      cascade.departmentKPIs == [
        DepartmentKPI(
          id: "k1", name: "Pipeline coverage", companyKPI: "c1", leadTimeDays: 45,
          linkSentence: "More pipeline becomes revenue.", target: ">= 3x", owner: "Sam Lee"),
        DepartmentKPI(
          id: "k2", name: "On-time delivery", companyKPI: "c2", leadTimeDays: 30, target: ">= 97%",
          owner: "Olu Ade"),
      ])
    #expect(
      cascade.individualKPIs == [
        IndividualKPI(
          id: "i1", name: "Discovery calls", parent: "k1", role: "Account executives",
          target: ">= 40 per week", owner: "Ava Stone")
      ])
    #expect(
      cascade.contributions == [
        Contribution(companyKPI: "c1", department: "d1", text: "imported from inventory.csv"),
        Contribution(companyKPI: "c2", department: "d2", text: "imported from inventory.csv"),
      ])
    #expect(cascade.overrides.isEmpty, "no verdicts in the file: nothing is taken as settled")
  }

  @Test func theSessionStartsAtTheLockAndCannotUndoTheImport() throws {
    let inventory = try KPIInventory.read(file(goodRows), source: "inventory.csv")
    var session = Session(info: SessionInfo(name: "Acme", slug: "acme", created: Date()))
    try session.record(inventory.exchange(at: Date()))
    #expect(session.cascade == inventory.cascade)
    for list in ["companyKPIs", "departments", "kpis:c1:d1", "kpis:c2:d2", "individuals:k1"] {
      #expect(session.progress.closedLists.contains(list), "\(list) is filled by the file")
    }
    #expect(!session.progress.closedLists.contains("individuals:k2"), "an empty list stays open to ask")
    #expect(session.lastUndoable == nil)
    let workshop = Workshop(session: session)
    #expect(workshop.step == .lock)
    #expect(workshop.currentQuestion()?.key == .lock)
  }

  @Test func neutralisedCellsAreUndoneExactlyAndDerivedColumnsIgnored() throws {
    let rows = [
      row(
        "1", kpi: "''=x", target: "'-15% QoQ", direction: "sideways", owner: "'90s Dana", verdicts: "whatever"
      )
    ]
    let kpi = try KPIInventory.read(file(rows), source: "f.csv").cascade.companyKPIs[0]
    #expect(kpi.name == "'=x")
    #expect(kpi.target == "-15% QoQ")
    #expect(kpi.owner == "'90s Dana", "a quote before no formula character is text")
  }

  @Test(arguments: [
    ("1,,,Short", "row 7, column parent_kpi: missing: the row has 4 cells and the header 14"),
    (
      row("1", kpi: "Extra") + ",more",
      "row 7, column 15: beyond the last column: the row has 15 cells and the header 14"
    ),
    (
      row("4", kpi: "Profit"),
      "row 7, column level: '4' is not a level; use 1 (company KPI), 2 (department KPI) or 3 (individual KPI)"
    ),
    (
      row("2", department: "Sales", kpi: "", company: "Revenue growth"),
      "row 7, column kpi: empty; every row names its KPI"
    ),
    (
      row("2", department: "Sales", kpi: "Win rate", company: "Profit"),
      "row 7, column company_kpi: no level-1 row names the company KPI 'Profit'; add it as a level-1 row"
    ),
    (
      row("2", department: "Sales", kpi: "Win rate", company: "revenue growth"),
      "row 7, column company_kpi: 'revenue growth' is spelled 'Revenue growth' on row 2; spell it the same way"
    ),
    (
      row("3", department: "Operations", kpi: "Stops", parent: "Pipeline coverage"),
      "row 7, column parent_kpi: 'Pipeline coverage' is a KPI of Sales (row 4), not of Operations; an individual KPI sits under a KPI of its own department"
    ),
    (
      row("3", department: "Sales", kpi: "Calls", parent: "Revenue growth"),
      "row 7, column parent_kpi: no level-2 row in Sales is named 'Revenue growth'; an individual KPI sits under a department KPI"
    ),
    (
      row("3", department: "Finance", kpi: "Calls", parent: "Pipeline coverage"),
      "row 7, column department: no level-2 row has the department 'Finance'; an individual KPI sits under a KPI of its own department"
    ),
    (
      row("1", kpi: "GROSS MARGIN"),
      "row 7, column kpi: 'GROSS MARGIN' is already a company KPI on row 3; company KPI names are unique"
    ),
    (
      row("2", department: "Sales", kpi: "pipeline coverage", company: "Gross margin"),
      "row 7, column kpi: 'pipeline coverage' is already a KPI of Sales on row 4; a department's KPI names are unique"
    ),
    (
      row("3", department: "Sales", kpi: "Discovery calls", parent: "Pipeline coverage"),
      "row 7, column kpi: 'Discovery calls' is already under 'Pipeline coverage' on row 6; the KPI names under one department KPI are unique"
    ),
    (
      row("2", department: "sales", kpi: "Win rate", company: "Revenue growth"),
      "row 7, column department: 'sales' is spelled 'Sales' on row 4; spell a department the same way on every row"
    ),
    (
      row("2", department: "Sales", kpi: "Win rate", company: "Revenue growth", lead: "6 weeks"),
      "row 7, column lead_time_days: '6 weeks' is not a whole number of days from 0 to 3650, e.g. 45 (0 for lagging)"
    ),
    (
      row("2", department: "Sales", kpi: "Win rate", company: "Revenue growth", lead: "3651"),
      "row 7, column lead_time_days: '3651' is not a whole number of days from 0 to 3650, e.g. 45 (0 for lagging)"
    ),
    (
      row("2", department: "Sales", kpi: "Win rate", company: "Revenue growth", lead: "'-5"),
      "row 7, column lead_time_days: '-5' is not a whole number of days from 0 to 3650, e.g. 45 (0 for lagging)"
    ),
    (
      row("1", kpi: "Profit", owner: "Dana\u{1B}[31m"),
      "row 7, column owner: contains a control character (^[ at character 5); type plain text"
    ),
    (
      row("1", department: "Sales", kpi: "Profit"),
      "row 7, column department: a company KPI (level 1) has no department; leave it empty"
    ),
    (
      row("3", department: "Sales", kpi: "Calls", parent: "Pipeline coverage", lead: "5"),
      "row 7, column lead_time_days: an individual KPI (level 3) has no lead time days; leave it empty"
    ),
    (
      "1,,,\"Pro\"fit,,,,,,,,,,",
      "row 7, column kpi: text after the closing quote; quote the whole cell"
    ),
  ])
  func eachBadRowGetsOneMessageNamingRowAndColumn(bad: String, message: String) {
    #expect(problems(file(goodRows + [bad])) == [message])
  }

  @Test func invalidUTF8IsNamedByRowAndColumn() {
    let bytes = file(goodRows) + Array("1,,,Profit,,,,".utf8) + [0xC3, 0x28] + Array(",,,,,,\r\n".utf8)
    #expect(problems(bytes) == ["row 7, column target: not valid UTF-8; save the file as UTF-8"])
  }

  @Test func everyBadRowIsReportedOnceInRowOrder() {
    let bad = [
      goodRows[0],
      row("9", kpi: "x"),
      row("2", department: "Sales", kpi: "", company: "Nope", lead: "soon"),
      goodRows[1],
      row("2", department: "Sales", kpi: "Pipeline", company: "Nope"),
    ]
    let found = problems(file(bad))
    #expect(found.count == 3)
    #expect(found.map { $0.prefix(6) } == ["row 3,", "row 4,", "row 6,"])
    #expect(
      found[1] == "row 4, column kpi: empty; every row names its KPI", "the first problem of the row only")
  }

  @Test func theHeaderMustNameEveryColumnOnce() {
    var columns = CascadeCSV.columns
    columns[13] = "status"
    let bytes = Array((columns.joined(separator: ",") + "\r\n" + goodRows[0] + "\r\n").utf8)
    #expect(
      problems(bytes) == [
        "row 1, column verdicts: missing (also status: unknown); the header is: "
          + CascadeCSV.columns.joined(separator: ",")
      ])
    let reordered = ["kpi", "LEVEL "] + CascadeCSV.columns.filter { $0 != "kpi" && $0 != "level" }
    let moved =
      reordered.joined(separator: ",") + "\r\nRevenue growth,1" + String(repeating: ",", count: 12) + "\r\n"
    #expect(problems(Array(moved.utf8)).isEmpty, "columns are found by name, in any order and case")
  }

  @Test func anEmptyFileOrOneWithOnlyAHeaderIsRefused() {
    #expect(problems([])[0].hasPrefix("the file is empty; its first row is the header: level,department,"))
    #expect(problems(file([])) == ["the file has a header but no KPI rows"])
    #expect(problems(file(["", ",,,,,,,,,,,,,"] + goodRows)).isEmpty, "blank rows are skipped")
  }

  @Test func aConflictTheExportMarkedSettledStaysSettled() throws {
    // Sales and Operations are a classic pair: a candidate conflict as soon as both have KPIs.
    var rows = goodRows
    rows[2] += "pass"
    let settled = try KPIInventory.read(file(rows), source: "q3.csv").cascade
    #expect(
      settled.overrides == [
        Override(
          finding: "conflicts:k1~k2",
          reason: "settled before the import: q3.csv row 4 lists no open conflict for 'Pipeline coverage'")
      ])
    #expect(AlignmentReport(cascade: settled).open.allSatisfy { $0.check != .conflicts })

    rows[2] = goodRows[2] + "conflicts:fail"
    let open = try KPIInventory.read(file(rows), source: "q3.csv").cascade
    #expect(open.overrides.isEmpty)
    rows[2] = goodRows[2] + "looks fine to me"
    #expect(try KPIInventory.read(file(rows), source: "q3.csv").cascade.overrides.isEmpty)
  }
}

@Suite("KPI inventory import on disk", .serialized)
final class InventoryStorageTests {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
    "kpi-align-inventory-\(UUID().uuidString)")
  var store: SessionStore { SessionStore(directory: directory) }

  deinit { try? FileManager.default.removeItem(at: directory) }

  private func write(_ bytes: [UInt8]) throws -> String {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent("inventory.csv")
    try Data(bytes).write(to: url)
    return url.path
  }

  private func files() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
  }

  @Test func oneBadRowAmongGoodOnesCreatesNothing() throws {
    let path = try write(file(goodRows + [row("2", department: "Sales", kpi: "Win rate", company: "Profit")]))
    #expect(throws: ExitError.self) { try store.importInventory(path, name: "Acme", at: Date()) }
    do {
      _ = try store.importInventory(path, name: "Acme", at: Date())
    } catch {
      #expect(error.code == .badInput)
      #expect(
        error.message
          == "\(path): row 7, column company_kpi: no level-1 row names the company KPI 'Profit'; add it as a level-1 row"
      )
    }
    #expect(files() == ["inventory.csv"])
  }

  @Test func aGoodFileBecomesASessionAndAnExistingOneIsNeverReplaced() throws {
    let path = try write(file(goodRows))
    let (session, url) = try store.importInventory(path, name: "Acme Retail", at: Date())
    #expect(url.lastPathComponent == "acme-retail.json")
    #expect(try store.read("acme-retail").cascade == session.cascade)
    let before = try Data(contentsOf: url)
    do {
      _ = try store.importInventory(path, name: "acme retail", at: Date())
      Issue.record("an existing session was replaced")
    } catch {
      #expect(error.code == .usage)
    }
    #expect(try Data(contentsOf: url) == before)
    #expect(files() == ["acme-retail.json", "inventory.csv"])
  }
}

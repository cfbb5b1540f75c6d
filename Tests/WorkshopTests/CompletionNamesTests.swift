import KPICascade
import Testing

@testable import Workshop

/// Tab's sorted names answer exactly what walking every name answered: the same candidates,
/// in the same order, however the names change between two Tabs.
@Suite("Sorted completion names")
struct CompletionNamesTests {
  /// Names chosen to trouble a byte-wise index: case twins, the same name at several levels,
  /// a department and a KPI of one name, non-ASCII letters, a Kelvin sign that equals "K",
  /// a combining accent, a carriage return, a semicolon twin.
  static let departmentNames = [
    "Sales", "sales Ops", "Café", "\u{212A}PI Office", "Zoe\u{0301}", "Ops;", "Line\r\nTwo",
  ]
  static let kpiNames = [
    "Sales", "SALES floor", "Sales floor", "KPI board", "\u{212A}PI board", "Café Ops", "CAFÉ", "straße",
    "STRASSE", "Ops\u{037E}", "k12", "K12 team", "Ab\u{0301}c", "Abd", "ab", "Sa", "İstanbul", "ǅemal", "Zoë",
    "Line\r", "Revenue", "revenue growth", "Revenue growth", "Repeat orders", "Renewal quotes issued early",
  ]

  /// Every prefix of every name, as typed and lowercased, and a few that match nothing.
  static var typed: [String] {
    var all: Set<String> = ["", "x", "zz", "\"", "'s", "\"sales f", "ｓ", "\u{0301}", " ", "sales  "]
    for name in departmentNames + kpiNames {
      var prefix = ""
      for character in name {
        prefix.append(character)
        all.insert(prefix)
        all.insert(prefix.lowercased())
        all.insert(prefix.uppercased())
        all.insert("\"" + prefix)
      }
    }
    return all.sorted()
  }

  /// A cascade holding every name above at every level it can, several times over.
  static func cascade() throws -> Cascade {
    var events: [CascadeEvent] = [
      .companyKPIAdded(id: "c1", name: "Revenue"), .companyKPIAdded(id: "c2", name: "Sales"),
    ]
    for (d, name) in departmentNames.enumerated() { events.append(.departmentAdded(id: "d\(d)", name: name)) }
    for d in departmentNames.indices {
      var used = Set<String>()  // a department holds no two KPIs of one name, whatever the case
      for (k, name) in kpiNames.enumerated() where (k + d) % 3 != 0 && used.insert(name.lowercased()).inserted
      {
        let parent = "k\(d * 100 + k)"
        events.append(.departmentKPIAdded(id: parent, department: "d\(d)", companyKPI: "c1", name: name))
        var siblings = Set<String>()
        for (i, child) in kpiNames.enumerated()
        where (i + k) % 4 == 0 && siblings.insert(child.lowercased()).inserted {
          events.append(.individualKPIAdded(id: "i\(d * 10_000 + k * 100 + i)", parent: parent, name: child))
        }
      }
    }
    return try Cascade(events: events)
  }

  /// What Tab answered before the index: every name in order, lowercased and compared.
  static func walked(_ cascade: Cascade, _ stem: String, kpisOnly: Bool, quote: Bool) -> [String] {
    var wanted = stem.lowercased()
    if let first = wanted.first, first == "\"" || first == "'" { wanted.removeFirst() }
    let names =
      (kpisOnly ? [] : cascade.departments.map(\.name)) + cascade.companyKPIs.map(\.name)
      + cascade.departmentKPIs.map(\.name) + cascade.individualKPIs.map(\.name)
    var seen = Set<String>()
    var result: [String] = []
    for name in names where name.lowercased().hasPrefix(wanted) && seen.insert(name).inserted {
      result.append(quote && name.contains(" ") ? "\"" + name + "\"" : name)
    }
    return result
  }

  static func indexed(_ cascade: Cascade, _ stem: String, pool: CompletionNames.Pool, quote: Bool) -> [String]
  {
    var wanted = stem.lowercased()
    if let first = wanted.first, first == "\"" || first == "'" { wanted.removeFirst() }
    return CompletionNames(cascade).matching(wanted, among: pool, quote: quote)
  }

  @Test func everyPrefixAnswersAsTheWalkDid() throws {
    let cascade = try Self.cascade()
    let names = CompletionNames(cascade)
    var compared = 0
    for stem in Self.typed {
      var wanted = stem.lowercased()
      if let first = wanted.first, first == "\"" || first == "'" { wanted.removeFirst() }
      for quote in [true, false] {
        #expect(
          names.matching(wanted, among: .all, quote: quote)
            == Self.walked(cascade, stem, kpisOnly: false, quote: quote),
          "all names, \(stem.debugDescription)")
        #expect(
          names.matching(wanted, among: .kpis, quote: quote)
            == Self.walked(cascade, stem, kpisOnly: true, quote: quote), "KPIs, \(stem.debugDescription)")
        compared += 2
      }
    }
    #expect(compared > 500)
  }

  @Test func plainNamesOnlyAnswerAsTheWalkDid() throws {
    // Without any name that is not plain ASCII, duplicates are dropped without a set.
    var events: [CascadeEvent] = [.companyKPIAdded(id: "c1", name: "Sales")]
    for d in 0..<30 {
      events.append(.departmentAdded(id: "d\(d)", name: d % 2 == 0 ? "Sales \(d)" : "Ops \(d)"))
      for (k, name) in ["Sales", d % 2 == 0 ? "sales mix" : "Sales mix", "Ops cost", "Sales \(d)"]
        .enumerated()
      {
        events.append(
          .departmentKPIAdded(id: "k\(d * 10 + k)", department: "d\(d)", companyKPI: "c1", name: name))
        events.append(.individualKPIAdded(id: "i\(d * 10 + k)", parent: "k\(d * 10 + k)", name: "Sales \(k)"))
      }
    }
    let cascade = try Cascade(events: events)
    for stem in ["", "s", "S", "sales", "sales ", "sales m", "sales 1", "sales 2", "o", "ops 1", "q", "\"sa"]
    {
      for pool in [CompletionNames.Pool.all, .kpis] {
        #expect(
          Self.indexed(cascade, stem, pool: pool, quote: true)
            == Self.walked(cascade, stem, kpisOnly: pool == .kpis, quote: true), "\(stem.debugDescription)")
      }
    }
  }

  @Test func tabAnswersTheWalkAfterNamesChangeBetweenTabs() {
    var room = Room.complete()
    func check(_ when: String) {
      for stem in ["", "S", "sa", "Pipe", "q", "\"Re", "Discovery", "Sales", "Ops", "Store", "X"] {
        #expect(
          room.workshop.completions(for: "/show " + stem).candidates
            == Self.walked(room.cascade, stem, kpisOnly: false, quote: true), "\(when): /show \(stem)")
        #expect(
          room.workshop.completions(for: "/retarget " + stem).candidates
            == Self.walked(room.cascade, stem, kpisOnly: true, quote: true), "\(when): /retarget \(stem)")
      }
    }
    check("at first")
    let before = room.cascade.nameRevision
    let department = room.cascade.departments[0]
    let kpi = room.cascade.departmentKPIs[0]
    room.say(#"/lead "\#(kpi.name)" 12"#)
    #expect(room.cascade.nameRevision == before, "a lead time changes no name")
    check("after a lead time")
    room.say(#"/rename "\#(kpi.name)" "Sales pipeline quality" because the room asked"#)
    #expect(room.cascade.departmentKPIs[0].name == "Sales pipeline quality")
    #expect(room.cascade.nameRevision != before)
    check("after renaming a KPI")
    room.say(#"/rename "\#(department.name)" "Östergötland Sales" because the room asked"#)
    #expect(room.cascade.departments[0].name == "Östergötland Sales")
    check("after renaming a department to a non-ASCII name")
    let removed = room.cascade.individualKPIs.last?.name ?? ""
    room.say(#"/remove "\#(removed)" because it went"#)
    #expect(!room.cascade.individualKPIs.contains { $0.name == removed })
    check("after removing a Level 3 KPI")
    room.say("/undo")
    check("after undo")
  }
}

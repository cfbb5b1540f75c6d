import Testing

@testable import Workshop

/// The byte-wise comparisons behind Tab and name lookups answer exactly as lowercasing did.
@Suite("Case-insensitive name comparisons")
struct CaselessTextTests {
  static let names = [
    "Sales", "SALES floor", "sales", "Sa", "", "Café Ops", "CAFÉ", "\u{212A}PI board", "KPI board",
    "Line\r\nbreak", "Line\r", "Zoë", "straße", "STRASSE", "Ops;", "Ops\u{037E}", "k12", "K12 team",
    "Zoe\u{0301} team", "Ab\u{0301}c", "Abd", "ab", "Sales\u{0301}", "SALES\r", "İstanbul", "ǅemal",
  ]
  static let typed = [
    "", "s", "sa", "sales", "sales floor", "sales floorx", "café", "caf", "kpi", "\u{212A}pi", "line\r",
    "line\r\n", "zo", "zoë", "stra", "strasse", "ops;", "ops\u{037E}", "k12", "x", "zoe", "ab", "abc",
    "ab\u{0301}", "i̇stanbul", "istanbul", "ǆemal", "sales\u{0301}", "salesz", "zz",
  ]

  @Test func equalsAndHasPrefixMatchLowercasing() {
    for name in Self.names {
      for typed in Self.typed {
        let wanted = typed.lowercased()
        #expect(
          CaselessText.equals(name, lowercased: wanted) == (name.lowercased() == wanted),
          "equals(\(name.debugDescription), \(wanted.debugDescription))")
        #expect(
          CaselessText.hasPrefix(name, lowercased: wanted) == name.lowercased().hasPrefix(wanted),
          "hasPrefix(\(name.debugDescription), \(wanted.debugDescription))")
        #expect(
          CaselessText.Prefix(lowercased: wanted).matches(name) == name.lowercased().hasPrefix(wanted),
          "Prefix(\(wanted.debugDescription)).matches(\(name.debugDescription))")
      }
    }
  }

  @Test func plainNamesCompareWithoutRegardToCase() {
    #expect(CaselessText.equals("Qualified Pipeline", lowercased: "qualified pipeline"))
    #expect(!CaselessText.equals("Qualified Pipeline", lowercased: "qualified"))
    #expect(CaselessText.hasPrefix("Qualified Pipeline", lowercased: "qualified p"))
    #expect(!CaselessText.hasPrefix("Qualified Pipeline", lowercased: "pipeline"))
  }
}

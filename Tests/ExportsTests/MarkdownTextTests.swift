import Testing

@testable import Exports

@Suite struct MarkdownTextTests {
  @Test(arguments: [
    ("plain words", "plain words"),
    ("a | b", "a \\| b"),
    ("*bold* _it_", "\\*bold\\* \\_it\\_"),
    ("# heading", "\\# heading"),
    ("`code`", "\\`code\\`"),
    ("<script>alert(1)</script>", "&lt;script>alert(1)&lt;/script>"),
    // A comparison is no tag: targets read as typed, like ">=" beside them.
    ("<= 10%", "<= 10%"), ("< 3 days", "< 3 days"), ("<!-- x -->", "&lt;!-- x -->"),
    ("a <b> c", "a &lt;b> c"),
    ("R&D", "R&D"), ("&copy; 2027", "&amp;copy; 2027"), ("a &#60; b", ##"a &amp;\#60; b"##),
    ("Warehouse & Logistics", "Warehouse & Logistics"),
    ("[link](http://x)", "\\[link\\](http://x)"),
    ("back\\slash", "back\\\\slash"),
    ("two\nlines", "two lines"),
    ("crlf\r\nand\n\nmore", "crlf and more"),
    ("esc\u{1B}[31mred", "esc \\[31mred"),
  ])
  func escapes(_ input: String, _ expected: String) {
    #expect(MarkdownText.escape(input) == expected)
  }

  @Test func missingValuesSayNotSet() {
    #expect(MarkdownText.value(nil) == "_not set_")
    #expect(MarkdownText.value("") == "_not set_")
    #expect(MarkdownText.value("x_y") == "x\\_y")
  }
}

@Suite struct LockPeriodTests {
  @Test(arguments: [
    ("2026-03-02", "2027-03-02"),
    ("2028-02-29", "2029-02-28"),
    ("2026-12-31", "2027-12-31"),
  ])
  func twelveMonthsLater(_ day: String, _ until: String) {
    #expect(LockPeriod.lockedUntil(day) == until)
  }

  @Test(arguments: ["", "2026-3-2", "2026-02-30", "2026-13-01", "tomorrow"])
  func notADay(_ text: String) {
    #expect(LockPeriod.lockedUntil(text) == nil)
  }
}

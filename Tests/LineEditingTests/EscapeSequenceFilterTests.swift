import Testing

@testable import LineEditing

/// The scalars of `text`, as the reader hands them to the filter one typed character at a time.
private func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

/// Runs `input` through a fresh filter; returns what `accept` said for each scalar and the filter.
private func feed(_ input: [UInt32]) -> (accepted: [Bool], filter: EscapeSequenceFilter) {
  var filter = EscapeSequenceFilter()
  let accepted = input.map { filter.accept($0) }
  return (accepted, filter)
}

private let esc: UInt32 = 0x1B

@Suite("EscapeSequenceFilter")
struct EscapeSequenceFilterTests {
  @Test("a new filter has seen nothing foreign")
  func startsClean() {
    #expect(!EscapeSequenceFilter().sawForeignSequence)
  }

  @Test(
    "plain text is shown and not foreign",
    arguments: ["Revenue growth 12%", "é", "中文", "Café €5 🙂", "tab\there", "\u{A0}nbsp", "\u{202F}narrow"]
  )
  func plainText(_ text: String) {
    let (accepted, filter) = feed(scalars(text))
    #expect(accepted.allSatisfy { $0 })
    #expect(!filter.sawForeignSequence)
  }

  @Test(
    "editing keys are shown and not foreign",
    arguments: [
      ("up", "\u{1B}[A"), ("down", "\u{1B}[B"), ("right", "\u{1B}[C"), ("left", "\u{1B}[D"),
      ("home", "\u{1B}[H"), ("end", "\u{1B}[F"), ("delete", "\u{1B}[3~"), ("page up", "\u{1B}[5~"),
      ("ctrl-right", "\u{1B}[1;5C"), ("ctrl-left", "\u{1B}[1;5D"), ("keypad up", "\u{1B}OA"),
      ("keypad home", "\u{1B}OH"), ("meta-b", "\u{1B}b"), ("meta-f", "\u{1B}f"),
      ("meta-B", "\u{1B}B"), ("meta-DEL", "\u{1B}\u{7F}"), ("meta-backspace", "\u{1B}\u{8}"),
      ("meta-digit", "\u{1B}3"),
    ]
  )
  func editingKey(_ name: String, _ sequence: String) {
    // Text around the key, and a second key right after it: the sequence must be closed cleanly.
    let (accepted, filter) = feed(scalars("ab" + sequence + "c" + sequence + sequence + "中"))
    #expect(accepted.allSatisfy { $0 }, "\(name)")
    #expect(!filter.sawForeignSequence, "\(name)")
  }

  @Test(
    "pasted control sequences are foreign",
    arguments: [
      ("clear screen", "\u{1B}[2J"), ("colour", "\u{1B}[31m"), ("reset colours", "\u{1B}[0m"),
      ("window title", "\u{1B}]0;title\u{7}"), ("hide cursor", "\u{1B}[?25l"),
      ("private parameter", "\u{1B}[>c"), ("device control", "\u{1B}P1$r\u{1B}\\"),
      ("double escape", "\u{1B}\u{1B}"), ("escape space", "\u{1B} x"),
      ("long parameter run", "\u{1B}[" + String(repeating: "1", count: 13)),
    ]
  )
  func foreignSequence(_ name: String, _ sequence: String) {
    let (_, filter) = feed(scalars("Revenue " + sequence + " growth"))
    #expect(filter.sawForeignSequence, "\(name)")
  }

  @Test("ESC[2J is told apart from ESC[2~ only by its final byte")
  func finalByteDecides() {
    #expect(!feed(scalars("\u{1B}[2~")).filter.sawForeignSequence)
    #expect(feed(scalars("\u{1B}[2J")).filter.sawForeignSequence)
  }

  @Test("an unfinished sequence is not foreign yet")
  func unfinishedSequence() {
    for prefix in [
      "\u{1B}", "\u{1B}[", "\u{1B}[1;5", "\u{1B}O", "\u{1B}[" + String(repeating: "1", count: 11),
    ] {
      let (accepted, filter) = feed(scalars(prefix))
      #expect(accepted.allSatisfy { $0 })
      #expect(!filter.sawForeignSequence, "\(prefix.unicodeScalars.map(\.value))")
    }
  }

  @Test(
    "C1 controls and invisible direction marks are hidden and foreign",
    arguments: [
      0x80, 0x85, 0x9B, 0x9F, 0x200E, 0x200F, 0x202A, 0x202E, 0x2066, 0x2069, 0x061C, 0x2028, 0x2029,
    ] as [UInt32]
  )
  func hiddenControl(_ scalar: UInt32) {
    var filter = EscapeSequenceFilter()
    let textBefore = filter.accept(0x61)
    let control = filter.accept(scalar)
    let foreign = filter.sawForeignSequence
    let textAfter = filter.accept(0x62)
    #expect(textBefore)
    #expect(!control, "U+\(String(scalar, radix: 16, uppercase: true)) must not be shown")
    #expect(foreign)
    #expect(textAfter, "text after a hidden control is shown again")
  }

  @Test(
    "characters next to the hidden ranges are ordinary text",
    arguments: [0x7F, 0xA0, 0x200D, 0x202F, 0x2065, 0x206A] as [UInt32])
  func neighboursOfHiddenRanges(_ scalar: UInt32) {
    let (accepted, filter) = feed([scalar])
    #expect(accepted == [true])
    #expect(!filter.sawForeignSequence)
  }

  @Test("once foreign, the filter stays foreign whatever follows")
  func foreignIsSticky() {
    var filter = EscapeSequenceFilter()
    for scalar in scalars("\u{1B}[2J") { _ = filter.accept(scalar) }
    #expect(filter.sawForeignSequence)
    for scalar in scalars("plain \u{1B}[A\u{1B}b text é") { _ = filter.accept(scalar) }
    #expect(filter.sawForeignSequence)
  }

  @Test("text after a finished editing key is plain text again, not part of a sequence")
  func sequenceClosesAfterEditingKey() {
    // After ESC[A the sequence is over: "[2J" that follows is three plain characters.
    #expect(!feed(scalars("\u{1B}[A[2J")).filter.sawForeignSequence)
    #expect(!feed(scalars("\u{1B}OA]0;x")).filter.sawForeignSequence)
    #expect(!feed(scalars("\u{1B}b[31m")).filter.sawForeignSequence)
  }

  @Test("a hidden control inside an escape sequence is not shown either")
  func hiddenControlInsideSequence() {
    for hidden in [0x9B, 0x202E] as [UInt32] {
      let (accepted, filter) = feed([esc, hidden])
      #expect(accepted == [true, false], "ESC U+\(String(hidden, radix: 16, uppercase: true))")
      #expect(filter.sawForeignSequence)
    }
  }
}

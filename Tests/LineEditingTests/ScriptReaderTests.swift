import Dispatch
import Testing

@testable import LineEditing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Feeds `pieces` into a fresh pipe from a background thread (so a large input cannot fill the
/// pipe and block the test), closes the write end, and hands a `ScriptReader` over the read end to
/// `body`. Whatever `body` leaves unread is drained before the read end is closed, so the writer
/// never meets a closed pipe.
private func withScriptReader<Result>(
  pieces: [[UInt8]], pauseMicroseconds: UInt32 = 0,
  _ body: (ScriptReader) throws -> Result
) throws -> Result {
  var ends: [Int32] = [-1, -1]
  try #require(pipe(&ends) == 0, "pipe() failed")
  let (readEnd, writeEnd) = (ends[0], ends[1])
  let writerDone = DispatchSemaphore(value: 0)
  DispatchQueue.global().async {
    for piece in pieces {
      if pauseMicroseconds > 0 { usleep(pauseMicroseconds) }
      var offset = 0
      while offset < piece.count {
        let written = piece.withUnsafeBytes {
          write(writeEnd, $0.baseAddress! + offset, piece.count - offset)
        }
        if written > 0 {
          offset += written
        } else if written < 0 && errno != EINTR {
          break
        }
      }
    }
    close(writeEnd)
    writerDone.signal()
  }
  defer {
    var scratch = [UInt8](repeating: 0, count: 64 * 1024)
    while scratch.withUnsafeMutableBytes({ read(readEnd, $0.baseAddress, $0.count) }) > 0 {}
    writerDone.wait()
    close(readEnd)
  }
  return try body(ScriptReader(fileDescriptor: readEnd))
}

private func withScriptReader<Result>(
  _ bytes: [UInt8], _ body: (ScriptReader) throws -> Result
) throws -> Result {
  try withScriptReader(pieces: [bytes], body)
}

/// Every answer up to and including the first `.end` (or anything that is neither a line nor
/// `.invalidUTF8`), each with the `lineNumber` the reader reported right after it.
private func readAll(_ reader: ScriptReader, limit: Int = 100_000) -> [(LineInput, Int)] {
  var answers: [(LineInput, Int)] = []
  for _ in 0..<limit {
    let answer = reader.readLine()
    answers.append((answer, reader.lineNumber))
    switch answer {
    case .line, .invalidUTF8: continue
    default: return answers
    }
  }
  return answers
}

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

@Suite("ScriptReader over a pipe")
struct ScriptReaderTests {
  @Test("splits on LF, strips a CR before it, returns an unterminated last line, then .end")
  func splitsLines() throws {
    let answers = try withScriptReader(bytes("alpha\nbeta\r\ngamma")) { readAll($0).map(\.0) }
    #expect(answers == [.line("alpha"), .line("beta"), .line("gamma"), .end])
  }

  @Test(".end keeps coming once the input is exhausted")
  func endIsRepeated() throws {
    try withScriptReader(bytes("only\n")) { reader in
      #expect(reader.readLine() == .line("only"))
      #expect(reader.readLine() == .end)
      #expect(reader.readLine() == .end)
      #expect(reader.lineNumber == 1)
    }
  }

  @Test("empty input gives .end at once and no line number")
  func emptyInput() throws {
    try withScriptReader([]) { reader in
      #expect(reader.lineNumber == 0)
      #expect(reader.readLine() == .end)
      #expect(reader.lineNumber == 0)
    }
  }

  @Test("lineNumber is 0 before the first read and counts 1-based per returned line")
  func lineNumbers() throws {
    try withScriptReader(bytes("one\ntwo\n\nfour")) { reader in
      #expect(reader.lineNumber == 0)
      let answers = readAll(reader)
      #expect(answers.map(\.0) == [.line("one"), .line("two"), .line(""), .line("four"), .end])
      #expect(answers.map(\.1) == [1, 2, 3, 4, 4])
    }
  }

  @Test("empty lines, LF-only and CRLF-only, come back as empty strings")
  func emptyLines() throws {
    let answers = try withScriptReader(bytes("\n\r\n\nx\n\n")) { readAll($0).map(\.0) }
    #expect(answers == [.line(""), .line(""), .line(""), .line("x"), .line(""), .end])
  }

  @Test("only one CR right before the LF is stripped; CRs elsewhere stay")
  func onlyTrailingCarriageReturnIsStripped() throws {
    let answers = try withScriptReader(bytes("a\rb\nc\r\r\n\rd\ne\r")) { readAll($0).map(\.0) }
    #expect(answers == [.line("a\rb"), .line("c\r"), .line("\rd"), .line("e"), .end])
  }

  @Test("an invalid UTF-8 line gives .invalidUTF8 and reading goes on with the next line")
  func invalidUTF8LineIsSkippable() throws {
    let input =
      bytes("good\n") + [0x66, 0xFF, 0x6F] + bytes("\n")  // a stray 0xFF
      + [0xE4, 0xB8] + bytes("\r\n")  // a truncated 3-byte character
      + [0xC0, 0xAF] + bytes("\n")  // an overlong '/'
      + [0xED, 0xA0, 0x80] + bytes("\n")  // an encoded surrogate
      + bytes("after\n") + [0x80]  // an unterminated bad last line
    let answers = try withScriptReader(input) { readAll($0) }
    #expect(
      answers.map(\.0) == [
        .line("good"), .invalidUTF8, .invalidUTF8, .invalidUTF8, .invalidUTF8, .line("after"),
        .invalidUTF8, .end,
      ])
    #expect(answers.map(\.1) == [1, 2, 3, 4, 5, 6, 7, 7])
  }

  @Test("a NUL byte inside a line is kept")
  func nulByteIsKept() throws {
    let answers = try withScriptReader([0x61, 0x00, 0x62, 0x0A, 0x00, 0x0A]) { readAll($0).map(\.0) }
    #expect(answers == [.line("a\u{0}b"), .line("\u{0}"), .end])
    if case .line(let text) = answers.first {
      #expect(Array(text.utf8) == [0x61, 0x00, 0x62])
    }
  }

  @Test("UTF-8 text, including characters split across read chunks, is decoded whole")
  func multibyteText() throws {
    // 3-byte characters: 64 KiB is not a multiple of 3, so some character straddles a chunk.
    let wide = String(repeating: "中", count: 50_000)
    let answers = try withScriptReader(bytes("é🙂\n\(wide)\nend")) { readAll($0).map(\.0) }
    #expect(answers.count == 4)
    #expect(answers.first == .line("é🙂"))
    let whole = answers.dropFirst().first == .line(wide)  // a failure would print 150 KB
    #expect(whole, "the line of 50,000 中 did not come back whole")
    #expect(answers.dropFirst(2) == [.line("end"), .end])
  }

  @Test("a 1 MiB line comes back whole, and the lines around it too")
  func megabyteLine() throws {
    let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
    let long = (0..<(1 << 20)).map { alphabet[$0 % alphabet.count] }
    let expected = String(decoding: long, as: UTF8.self)
    let answers = try withScriptReader(bytes("before\n") + long + bytes("\r\nafter\n")) {
      readAll($0)
    }
    #expect(answers.count == 4)
    #expect(answers.first?.0 == .line("before"))
    if answers.count > 1, case .line(let text) = answers[1].0 {
      #expect(text.utf8.count == 1 << 20)
      let whole = text == expected  // compared outside #expect: a failure would print 1 MiB
      #expect(whole, "the long line differs from what was written")
    } else {
      Issue.record(
        "expected the long line second, got \(answers.dropFirst().first.map { "\($0.0)" } ?? "nothing")")
    }
    #expect(answers.dropFirst(2).map(\.0) == [.line("after"), .end])
    #expect(answers.map(\.1) == [1, 2, 3, 3])
  }

  @Test("a 1 MiB final line without a newline comes back whole")
  func megabyteFinalLine() throws {
    let long = [UInt8](repeating: 0x78, count: 1 << 20)
    let answers = try withScriptReader(long) { readAll($0).map(\.0) }
    let whole = answers == [.line(String(repeating: "x", count: 1 << 20)), .end]
    #expect(whole, "expected the 1 MiB line then .end; got \(answers.count) answers")
  }

  @Test("many short lines across many read chunks all come back, in order")
  func manyLinesAcrossChunks() throws {
    let lines = (1...30_000).map { "line \($0) " + String(repeating: "·", count: $0 % 17) }
    let input = bytes(lines.joined(separator: "\n") + "\n")
    let answers = try withScriptReader(input) { readAll($0) }
    let expected = lines.map(LineInput.line) + [.end]
    let got = answers.map(\.0)
    #expect(got.count == expected.count)
    let firstDifference = got.indices.first { $0 < expected.count && got[$0] != expected[$0] }
    #expect(
      firstDifference == nil,
      "answer \(firstDifference ?? 0) differs: \(firstDifference.map { "\(got[$0])" } ?? "")")
    #expect(answers.last?.1 == lines.count)
  }

  @Test("a line that arrives in several writes is waited for, not cut short")
  func slowWriter() throws {
    let pieces = [bytes("hel"), bytes("lo\r"), bytes("\nwor"), bytes("ld")]
    let answers = try withScriptReader(pieces: pieces, pauseMicroseconds: 20_000) {
      readAll($0).map(\.0)
    }
    #expect(answers == [.line("hello"), .line("world"), .end])
  }
}

import Foundation
import KPICascade

@testable import Workshop

/// The answer readers: `Target.parse` (every target the room types, `/retarget`, imported
/// spreadsheets), `LeadTime.parse`, `AccountablePerson.assess` and the line check every typed
/// answer passes first.
///
/// A target that reads must show a summary that reads again as the same target: the summary
/// is what the minutes, the exports and the diff show, and what a facilitator copies back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTarget(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let typed = text(bytes, count)
  _ = AnswerText.check(typed)
  if let days = LeadTime.parse(typed) {
    expect((0...LeadTime.longest).contains(days), "a lead time is 0–\(LeadTime.longest) days")
  }
  _ = AccountablePerson.assess(typed)
  if let target = Target.parse(typed) {
    expect(target.value.isFinite, "a target's value is a finite number")
    let summary = target.summary
    let again = Target.parse(summary)
    expect(again != nil, "the summary '\(summary)' of '\(typed)' reads as a target")
    expect(
      again?.summary == summary,
      "the summary '\(summary)' of '\(typed)' reads back as '\(again?.summary ?? "")'")
  }
  return 0
}

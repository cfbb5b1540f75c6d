import Testing

@testable import KPICascade

@Suite("LockCheck")
struct LockCheckTests {
  @Test func passesWhenLocked() throws {
    let cascade = try Cascade(events: Room.companyKPIs + [.companyKPIsLocked(on: "2026-01-15")])
    #expect(Room.verdicts(LockCheck(), cascade) == ["lock:cascade": .pass])
  }

  @Test func failsWhenCompanyKPIsAreNotLocked() throws {
    let cascade = try Cascade(events: Room.companyKPIs)
    #expect(Room.verdicts(LockCheck(), cascade) == ["lock:cascade": .fail])
    #expect(
      try Room.finding(LockCheck(), cascade, "lock:cascade").message == .notLocked(3))
  }

  @Test func failsWhenThereIsNothingToLock() {
    #expect(Room.verdicts(LockCheck(), Cascade()) == ["lock:cascade": .fail])
  }
}

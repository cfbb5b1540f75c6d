import Foundation
import KPICascade
import Workshop

// The in-process half of the benchmark (scripts/bench): what a command costs inside an open
// session, without process start, terminal or disk. Prints one line per figure: the median,
// min and max in milliseconds over the runs.
//
//   kpi-align-bench SESSION.json READINGS.csv [RUNS]

func milliseconds(_ body: () -> Void) -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

func report(_ name: String, _ times: [Double]) {
  let sorted = times.sorted()
  let median = sorted[sorted.count / 2]
  let line = String(
    format: "%@ median %9.2f ms  (min %.2f – max %.2f, n=%d)",
    name.padding(toLength: 48, withPad: " ", startingAt: 0),
    median, sorted[0], sorted[sorted.count - 1], sorted.count)
  print(line)
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
  FileHandle.standardError.write(Data("usage: kpi-align-bench SESSION.json READINGS.csv [RUNS]\n".utf8))
  exit(2)
}
let runs = arguments.count > 3 ? max(1, Int(arguments[3]) ?? 5) : 5
let url = URL(fileURLWithPath: arguments[1])
let session: Session
do {
  session = try SessionStore(directory: url.deletingLastPathComponent()).read(url.path)
} catch {
  FileHandle.standardError.write(Data("kpi-align-bench: \(error.message)\n".utf8))
  exit(3)
}
guard let data = FileManager.default.contents(atPath: arguments[2]) else {
  FileHandle.standardError.write(Data("kpi-align-bench: can't read \(arguments[2])\n".utf8))
  exit(4)
}
let bytes = [UInt8](data)
var workshop = Workshop(session: session)

var parsed: ReadingsFile?
report(
  "readings file read and checked",
  (0..<runs).map { _ in
    milliseconds {
      parsed = try? ReadingsFile(bytes, cascade: workshop.cascade)
    }
  })
guard let file = parsed else {
  FileHandle.standardError.write(Data("kpi-align-bench: the readings file was refused\n".utf8))
  exit(3)
}
print("readings: \(file.readings.count)")
report(
  "readings recorded in the session",
  [milliseconds { _ = workshop.recordReadings(file, from: "bench", at: Date()) }])

let day = Dashboard.defaultDay(of: workshop.cascade) ?? CalendarDay(ordinal: 0)
report(
  "dashboard (model + text)", (0..<runs).map { _ in milliseconds { _ = workshop.dashboardText(asOf: day) } })
for kpi in workshop.cascade.companyKPIs.prefix(3) {
  report(
    "diagnose \(kpi.id) (model + text)",
    (0..<runs).map { _ in milliseconds { _ = workshop.diagnosisText(of: kpi.id, asOf: day, json: false) } })
}

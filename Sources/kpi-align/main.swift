import Foundation
import LineEditing
import Workshop

Signals.install()
let code: ExitCode
do {
  let arguments = try Arguments(Array(CommandLine.arguments.dropFirst()))
  let clock = try Clock(environment: ProcessInfo.processInfo.environment)
  code = try Runner(arguments: arguments, clock: clock).run()
} catch {
  Console.error("kpi-align: \(error.message)")
  code = error.code
}
exit(code.rawValue)

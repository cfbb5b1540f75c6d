import Foundation
import LineEditing
import Workshop

Signals.install()
let code: ExitCode
do {
  let arguments = try Arguments(Array(CommandLine.arguments.dropFirst()))
  code = try Runner(arguments: arguments).run()
} catch {
  Console.error("kpi-align: \(error.message)")
  code = error.code
}
exit(code.rawValue)

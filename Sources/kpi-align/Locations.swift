import Foundation

/// Where files go: the sessions folder and the per-user history file.
enum Locations {
  static let version = "0.1.0"

  /// `--sessions`, else `KPI_ALIGN_SESSIONS`, else `sessions/` in the repository the binary was
  /// built in, else `./sessions`.
  static func sessions(flag: String?) -> URL {
    if let flag { return URL(fileURLWithPath: flag) }
    let environment = ProcessInfo.processInfo.environment
    if let value = environment["KPI_ALIGN_SESSIONS"], !value.isEmpty { return URL(fileURLWithPath: value) }
    if let root = repositoryRoot() { return root.appendingPathComponent("sessions") }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("sessions")
  }

  /// The history file, outside the repository: `KPI_ALIGN_HISTORY`, else
  /// `$XDG_STATE_HOME/kpi-align/history`, else `~/.local/state/kpi-align/history`.
  static func history() -> String? {
    let environment = ProcessInfo.processInfo.environment
    if let value = environment["KPI_ALIGN_HISTORY"] { return value.isEmpty ? nil : value }
    if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return state + "/kpi-align/history" }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return home + "/.local/state/kpi-align/history"
  }

  /// The package root above `.build/…/kpi-align`, when the binary runs from a checkout.
  private static func repositoryRoot() -> URL? {
    var url = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
      .deletingLastPathComponent()
    for _ in 0..<6 {
      if url.lastPathComponent == ".build" {
        let root = url.deletingLastPathComponent()
        if FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
          return root
        }
        return nil
      }
      url.deleteLastPathComponent()
    }
    return nil
  }
}

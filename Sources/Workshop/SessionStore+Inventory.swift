import Foundation
import KPICascade

extension SessionStore {
  /// Spreadsheets, not database dumps: anything larger is refused unread.
  public static let maximumInventorySize = 64 * 1024 * 1024

  /// Starts a session called `name` from a KPI inventory in the `csv` export's columns
  /// (`kpi-align import-csv FILE --name NAME`).
  ///
  /// Nothing is written unless every row is good: the name is checked and the session must not
  /// exist yet (exit 2), then every bad row is reported at once, one line each (exit 3), and
  /// only then is `<slug>.json` written, atomically. The session opens at step 1.
  public func importInventory(
    _ path: String, name: String, at date: Date
  ) throws(ExitError) -> (session: Session, url: URL) {
    let slug = try Slug.make(from: name)
    let url = transcriptURL(slug: slug)
    if FileManager.default.fileExists(atPath: url.path) {
      throw ExitError(
        .usage,
        "A session '\(slug)' already exists; choose another --name, or reopen it with: kpi-align open \(slug)"
      )
    }
    let file = DisplayText.safe(path)
    let bytes = try Self.loadSpreadsheet(path)
    let inventory: KPIInventory
    do {
      inventory = try KPIInventory.read(bytes, source: URL(fileURLWithPath: path).lastPathComponent)
    } catch {
      throw ExitError(.badInput, error.message(file: path))
    }
    var session = Session(info: SessionInfo(name: name.trimmed, slug: slug, created: date.wholeSeconds))
    do { try session.record(inventory.exchange(at: date.wholeSeconds)) } catch {
      throw ExitError(.badInput, "\(file): \(error.problem)")
    }
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw ExitError(
        .io, "Can't create the sessions folder \(directory.path): \(error.localizedDescription)")
    }
    try AtomicFile.write(TranscriptCodec.encode(session), to: url)
    return (session, url)
  }

  /// A spreadsheet's bytes (a KPI inventory, a readings file): a missing file or a folder is
  /// a usage error (exit 2), an oversized one bad input (exit 3).
  public static func loadSpreadsheet(_ path: String) throws(ExitError) -> [UInt8] {
    let file = DisplayText.safe(path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ExitError(.usage, "\(file): no such file.")
    }
    guard !isDirectory.boolValue else { throw ExitError(.usage, "\(file) is a folder, not a CSV file.") }
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    guard size <= maximumInventorySize else {
      throw ExitError(
        .badInput,
        "\(file): \(size) bytes is larger than a spreadsheet kpi-align reads (\(maximumInventorySize / 1_048_576) MB)."
      )
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ExitError(.io, "\(file): can't read it (\(AtomicFile.lastError())).")
    }
    return [UInt8](data)
  }
}

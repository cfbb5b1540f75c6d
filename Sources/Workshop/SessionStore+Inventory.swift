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
    let taken = ExitError(
      .usage,
      "A session '\(slug)' already exists; choose another --name, or reopen it with: kpi-align open \(slug)")
    if FileManager.default.fileExists(atPath: url.path) { throw taken }
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
    // Never over a file: a session created meanwhile under this name stays as it is.
    guard try AtomicFile.create(url, with: TranscriptCodec.encode(session)) else { throw taken }
    return (session, url)
  }

  /// A spreadsheet's bytes (a KPI inventory, a readings file): a missing file or a folder is
  /// a usage error (exit 2), an oversized one bad input (exit 3).
  public static func loadSpreadsheet(_ path: String) throws(ExitError) -> [UInt8] {
    let data = try InputFile.read(path, kind: "a CSV file", limit: maximumInventorySize) {
      "\(DisplayText.safe(path)): \($0) bytes is larger than a spreadsheet kpi-align reads (\(maximumInventorySize / 1_048_576) MB)."
    }
    return [UInt8](data)
  }
}

import Foundation
import KPICascade

#if canImport(Glibc)
  import Glibc
#endif

/// The append-only log of accepted exchanges beside the transcript: one JSON line each,
/// flushed to disk before the next prompt, folded into the transcript on save.
final class Journal {
  let path: String
  private var fd: Int32
  private let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return encoder
  }()

  /// The journal's length after the last append or reset that reached the disk.
  private var committedSize: off_t

  init(path: String) throws(ExitError) {
    self.path = path
    fd = try ConfinedFile.open(path, O_WRONLY | O_CREAT | O_APPEND, role: "the session's journal")
    committedSize = lseek(fd, 0, SEEK_END)
  }

  /// Appends exchanges, in order, and waits until they are on disk: all of them or none.
  func append(_ exchanges: some Collection<Exchange>) throws(ExitError) {
    var data = Data()
    for exchange in exchanges {
      do { data.append(try encoder.encode(exchange)) } catch { throw .io("Can't encode an answer: \(error)") }
      data.append(0x0A)
    }
    // A write cut short (a full disk) must not leave half a line for the next one to join: cut
    // back to the last complete line, now if an earlier attempt could not.
    if lseek(fd, 0, SEEK_END) != committedSize, ftruncate(fd, committedSize) != 0 {
      throw .io("Can't write \(path): \(AtomicFile.lastError())")
    }
    do throws(ExitError) {
      try AtomicFile.writeAll(fd, data, path: path)
      guard fdatasync(fd) == 0 else { throw ExitError.io("Can't write \(path): \(AtomicFile.lastError())") }
    } catch {
      ftruncate(fd, committedSize)
      throw error
    }
    committedSize += off_t(data.count)
  }

  /// Appends one exchange and waits until it is on disk.
  func append(_ exchange: Exchange) throws(ExitError) {
    try append(CollectionOfOne(exchange))
  }

  /// Empties the journal once the transcript holds everything in it.
  func clear() throws(ExitError) {
    guard ftruncate(fd, 0) == 0 else {
      throw .io("Can't reset the journal \(path): \(AtomicFile.lastError())")
    }
    committedSize = 0
    guard fsync(fd) == 0 else { throw .io("Can't reset the journal \(path): \(AtomicFile.lastError())") }
  }

  /// Whether the file this journal writes is still the one at its path: `false` once it was
  /// deleted (writes would go to a file nobody can find) or another file put in its place.
  var isStillAtItsPath: Bool {
    guard let open = FileIdentity.of(descriptor: fd), let there = FileIdentity.of(path: path) else {
      return false
    }
    return open.isSameFile(as: there)
  }

  func close() {
    guard fd >= 0 else { return }
    Glibc.close(fd)
    fd = -1
  }

  deinit { close() }

  /// The exchanges in a journal file; a torn last line (a crash mid-write) is dropped, since
  /// its answer's next prompt never appeared. A journal that is a link, or has other names, is
  /// refused: its lines would be folded into the session and the file emptied afterwards.
  static func read(path: String, decoder: JSONDecoder) throws(ExitError) -> [Exchange] {
    guard let fd = try ConfinedFile.openIfPresent(path, O_RDONLY, role: "the session's journal") else {
      return []
    }
    defer { Glibc.close(fd) }
    let data = try ConfinedFile.readAll(fd, path: path, limit: TranscriptCodec.maximumFileSize) {
      "\(path): \($0) bytes is larger than a journal can be (\(TranscriptCodec.maximumFileSize) bytes at most)."
    }
    guard !data.isEmpty else { return [] }
    var exchanges: [Exchange] = []
    let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
    for (index, line) in lines.enumerated() where !line.isEmpty {
      let isLast = index == lines.count - 1
      if let exchange = line.withUnsafeBytes({ JSONPullReader.read(Exchange.self, from: $0) }) {
        exchanges.append(exchange)
        continue
      }
      do {
        exchanges.append(try decoder.decode(Exchange.self, from: Data(line)))
      } catch {
        if isLast { break }
        throw .badInput("\(path) line \(index + 1): \(JSONLocation.describe(error, in: Data(line)))")
      }
    }
    return exchanges
  }
}

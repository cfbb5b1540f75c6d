import Foundation
import KPICascade

extension SessionStore {
  /// One side of a diff: a session by name, slug or path (journal included, nothing locked or
  /// written), or an exported cascade JSON by path. `workshop` is the name the file gives.
  public func cascadeToCompare(_ nameOrPath: String) throws(ExitError) -> (workshop: String, cascade: Cascade)
  {
    let url = try locate(nameOrPath)
    // A transcript is decoded twice (here and by `read(url:)`, which folds in the journal):
    // simpler than a second journal reader, and diff runs once per command.
    switch try TranscriptCodec.read(url.path) {
    case .cascade(let document):
      return (document.workshop, document.cascade)
    case .transcript:
      let session = try read(url: url)
      return (session.info.name, session.cascade)
    }
  }
}

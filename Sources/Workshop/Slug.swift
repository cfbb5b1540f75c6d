import Foundation

/// File-safe names for sessions: `Acme Retail Q3` → `acme-retail-q3`.
///
/// A slug is only lowercase ASCII letters, digits and single dashes, so it can never name a
/// path outside the sessions folder, whatever the workshop is called.
public enum Slug {
  public static let maximumLength = 64

  /// The slug of a workshop name, or why the name can't be one.
  public static func make(from name: String) throws(ExitError) -> String {
    let trimmed = name.trimmed
    guard !trimmed.isEmpty else { throw .usage("A workshop needs a name.") }
    if trimmed.contains("/") || trimmed.contains("\\") || trimmed.hasPrefix(".") {
      throw .usage(
        "'\(DisplayText.safe(trimmed))' looks like a path; a workshop name is words, e.g. \"Acme Retail\". To open a file, use: kpi-align open PATH."
      )
    }
    if trimmed.unicodeScalars.contains(where: DisplayText.isUnsafe) {
      throw .usage("A workshop name can't contain control characters.")
    }
    if trimmed.count > AnswerText.maximumNameLength {
      throw .usage("A workshop name is at most \(AnswerText.maximumNameLength) characters.")
    }
    var slug = ""
    for scalar in trimmed.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
      .lowercased().unicodeScalars
    {
      if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
        slug.unicodeScalars.append(scalar)
      } else if !slug.isEmpty, !slug.hasSuffix("-") {
        slug += "-"
      }
    }
    while slug.hasSuffix("-") { slug.removeLast() }
    slug = String(slug.prefix(maximumLength))
    while slug.hasSuffix("-") { slug.removeLast() }
    if slug.isEmpty {
      // A name in another script (中文, Ελληνικά) still needs a file: its letters' code points.
      let letters = trimmed.lowercased().unicodeScalars.filter {
        $0.properties.isAlphabetic || $0.properties.numericType != nil
      }
      guard !letters.isEmpty else {
        throw .usage(
          "'\(DisplayText.safe(trimmed))' has no letters or digits to name a file by; add some, e.g. \"Acme 2027\"."
        )
      }
      slug = "w-" + letters.prefix(12).map { String($0.value, radix: 16) }.joined(separator: "-")
    }
    return slug
  }

  /// Whether a string is already a well-formed slug (for names found on disk).
  public static func isValid(_ text: String) -> Bool {
    !text.isEmpty && text.count <= maximumLength && !text.hasPrefix("-") && !text.hasSuffix("-")
      && text.unicodeScalars.allSatisfy {
        $0.isASCII && ($0.properties.isLowercase || ("0"..."9").contains($0) || $0 == "-")
      }
  }
}

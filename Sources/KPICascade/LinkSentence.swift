/// A one-sentence link as kpi-align reads it once, when it is given: how many sentences it
/// takes and how many words, which is all the one-sentence-link test asks of it.
public struct LinkSentence: Equatable, Sendable {
  /// Sentences: terminators (. ! ? …) followed by a space and more text, plus one; decimals
  /// ("2.5") and abbreviations ("e.g.", "vs.", "J. Smith") do not end a sentence.
  public let sentences: Int
  /// Words, as runs of anything but whitespace.
  public let words: Int

  /// The link read from an answer, or `nil` when nothing was answered.
  public init?(_ answer: String?) {
    guard let text = answer.answered else { return nil }
    let tokens = AnswerTokens(text)
    sentences = OneSentenceLinkCheck.sentenceCount(tokens)
    words = tokens.tokens.count { $0.spaced }
  }
}

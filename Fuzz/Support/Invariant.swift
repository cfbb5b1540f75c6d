/// Stops the fuzz run when a promise the product makes does not hold for this input.
///
/// libFuzzer only notices a crash, so a broken promise (a saved session that no longer opens, a
/// replay that disagrees with the session on screen) is turned into one, with the reason on
/// stderr next to the input libFuzzer saves.
func expect(_ condition: Bool, _ promise: @autoclosure () -> String) {
  if !condition { fatalError("broken promise: \(promise())") }
}

/// The input as text the way the product receives it: a file's bytes go through `Data`, but
/// typed lines and targets are Swift strings, so invalid UTF-8 becomes U+FFFD as it would in
/// the line reader.
func text(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> String {
  String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
}

/// A tiny seeded generator (SplitMix64) for the sample workshop.
///
/// Written out rather than taken from the standard library so that one seed gives the same
/// sample on every platform and toolchain: `Int.random(in:using:)` may change how it draws.
struct SplitMix64 {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// 0..<count; the modulo bias is far below anything a sample could show.
  mutating func below(_ count: Int) -> Int {
    precondition(count > 0)
    return Int(next() % UInt64(count))
  }

  mutating func int(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + below(range.count)
  }

  /// A uniform draw from 0 up to, not including, 1 (53 random bits).
  mutating func fraction() -> Double { Double(next() >> 11) * 0x1p-53 }

  mutating func double(in range: ClosedRange<Double>) -> Double {
    range.lowerBound + (range.upperBound - range.lowerBound) * fraction()
  }

  /// Close to a standard normal draw (mean 0, deviation 1, within ±3.5): the centred sum of
  /// four uniform draws, scaled. Plain arithmetic rather than `log` and `cos`, whose last bits
  /// may differ between C libraries, so readings stay the same bytes everywhere.
  mutating func normal() -> Double {
    let sum = fraction() + fraction() + fraction() + fraction()
    return (sum - 2) * 3.0.squareRoot()
  }

  /// True `percent` times in a hundred.
  mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

  mutating func pick<Element>(_ items: [Element]) -> Element { items[below(items.count)] }

  /// Fisher–Yates, drawn from this generator only.
  mutating func shuffled<Element>(_ items: [Element]) -> [Element] {
    var result = items
    var index = result.count - 1
    while index > 0 {
      result.swapAt(index, below(index + 1))
      index -= 1
    }
    return result
  }
}

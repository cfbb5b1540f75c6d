extension Dictionary {
  /// The value kept for `key`, made by `make` and kept the first time it is asked for: how a
  /// pass over a cascade judges each distinct text once when many KPIs share it.
  public mutating func memo(_ key: Key, _ make: () -> Value) -> Value {
    if let known = self[key] { return known }
    let value = make()
    self[key] = value
    return value
  }
}

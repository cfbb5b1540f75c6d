/// What a typed word names among a few fixed names (commands, governance parts, finding ids):
/// the exact name, or the only one it begins. Names of KPIs and departments go through
/// `NameLookup`, which also reports ambiguity in the workshop's words.
struct PrefixMatch<Item> {
  /// The item meant, when there is exactly one.
  let match: Item?
  /// Every item the word begins (for "did you mean").
  let candidates: [Item]

  init(_ typed: String, in items: [Item], name: (Item) -> String) {
    let wanted = typed.lowercased()
    candidates = items.filter { name($0).lowercased().hasPrefix(wanted) }
    if let exact = items.first(where: { name($0).lowercased() == wanted }) {
      match = exact
    } else {
      match = !wanted.isEmpty && candidates.count == 1 ? candidates[0] : nil
    }
  }
}

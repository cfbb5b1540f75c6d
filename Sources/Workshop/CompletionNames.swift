import KPICascade
import Synchronization

/// Every department and KPI name of one cascade, sorted caselessly, so Tab finds the names a
/// typed prefix begins with a binary search instead of comparing it with all of them: on a
/// 200-department session that walk of ≈ 8,200 names was most of a Tab.
///
/// Answers exactly what walking the names did (`walk(_:among:)`, kept as the reference): the
/// names that `CaselessText.Prefix` matches, each once, in the order the walk visits them
/// (departments, company KPIs, department KPIs, Level 3 KPIs). Names that are plain ASCII
/// (almost all) are in the sorted part; any other name is tested one by one, and a typed prefix
/// that is not plain ASCII walks every name, as before.
struct CompletionNames: Sendable {
  /// Which names: every department and KPI (`/show`, a text answer) or only the KPIs.
  enum Pool: Sendable {
    case all
    case kpis
  }

  /// The cascade's `nameRevision` these names were read at.
  let revision: UInt64
  /// Every name, in the order the walk visits them.
  private let names: [String]
  /// How many of `names` are departments (they come first).
  private let departmentCount: Int
  /// Each plain name's lowercased bytes: those of `names[p]` are
  /// `keys[keyStart[p]..<keyStart[p + 1]]`; a name that is not plain has none.
  private let keys: [UInt8]
  private let keyStart: [Int32]
  /// Positions of the plain names, sorted by key, leaving out a name already seen earlier in
  /// the walk (plain names are equal only byte for byte): the walk never offers it twice. One
  /// list per pool, since a department's name does not hide a KPI of the same name among the
  /// KPIs only.
  private let sortedAll: [Int32]
  private let sortedKPIs: [Int32]
  /// Positions of the names that are not plain ASCII (or hold a carriage return).
  private let others: [Int32]

  /// Reads the cascade's names; about 1 ms for 8,200 names.
  init(_ cascade: Cascade) {
    revision = cascade.nameRevision
    var names: [String] = []
    names.reserveCapacity(cascade.individualKPIs.count + cascade.departments.count * 9 + 5)
    Self.forEachName(in: cascade) { names.append($0) }
    departmentCount = cascade.departments.count

    var keys: [UInt8] = []
    var keyStart: [Int32] = []
    var heads: [UInt64] = []
    var plain: [Int32] = []
    var others: [Int32] = []
    keyStart.reserveCapacity(names.count + 1)
    heads.reserveCapacity(names.count)
    plain.reserveCapacity(names.count)
    for (p, name) in names.enumerated() {
      keyStart.append(Int32(keys.count))
      let start = keys.count
      var isPlain = true
      for byte in name.utf8 {
        guard CaselessText.isPlain(byte) else {
          isPlain = false
          break
        }
        keys.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
      }
      if !isPlain {
        keys.removeSubrange(start...)
        others.append(Int32(p))
      } else {
        plain.append(Int32(p))
      }
      var head: UInt64 = 0
      for i in 0..<8 { head = head << 8 | UInt64(start + i < keys.count ? keys[start + i] : 0) }
      heads.append(head)
    }
    keyStart.append(Int32(keys.count))

    // Only the first copy of a name is ever offered (per pool: a department's name does not
    // hide a KPI of the same name among the KPIs only), so only first copies are sorted.
    var firsts: [String: (all: Int32, kpi: Int32)] = [:]
    firsts.reserveCapacity(plain.count)
    for p in plain {
      let name = names[Int(p)]
      let isKPI = Int(p) >= departmentCount
      if let found = firsts.index(forKey: name) {
        if isKPI, firsts.values[found].kpi < 0 { firsts.values[found].kpi = p }
      } else {
        firsts[name] = (all: p, kpi: isKPI ? p : -1)
      }
    }
    var unique = Array(firsts.values)
    unique.sort { a, b in
      let ha = heads[Int(a.all)]
      let hb = heads[Int(b.all)]
      if ha != hb { return ha < hb }
      let order = Self.compare(keys, keyStart, a.all, b.all)
      return order != 0 ? order < 0 : a.all < b.all
    }
    let all = unique.map(\.all)
    let kpis = unique.compactMap { $0.kpi >= 0 ? $0.kpi : nil }

    self.names = names
    self.keys = keys
    self.keyStart = keyStart
    self.others = others
    sortedAll = all
    sortedKPIs = kpis
  }

  /// The names in `pool` that begin with `wanted` (already lowercased, any opening quote
  /// removed), each once, in walk order; quoted when they hold a space and `quote`.
  func matching(_ wanted: String, among pool: Pool, quote: Bool) -> [String] {
    let prefix = CaselessText.Prefix(lowercased: wanted)
    let typed = Array(wanted.utf8)
    guard typed.allSatisfy(CaselessText.isPlain) else { return walk(prefix, among: pool, quote: quote) }
    let first = pool == .all ? 0 : departmentCount
    let sorted = pool == .all ? sortedAll : sortedKPIs
    var positions: [Int32] = []
    var i = lowerBound(of: typed, in: sorted)
    while i < sorted.count, hasPrefix(sorted[i], typed) {
      positions.append(sorted[i])
      i += 1
    }
    for p in others where Int(p) >= first && prefix.matches(names[Int(p)]) { positions.append(p) }
    positions.sort()
    var candidates: [String] = []
    candidates.reserveCapacity(positions.count)
    // Two different plain names are never equal, and a later copy of a plain name was left
    // out above; only a name that is not plain can equal another (a Kelvin sign and a K).
    var seen: Set<String>? = others.isEmpty ? nil : []
    for p in positions {
      let name = names[Int(p)]
      if seen != nil, seen?.insert(name).inserted == false { continue }
      candidates.append(quote && name.contains(" ") ? "\"" + name + "\"" : name)
    }
    return candidates
  }

  /// The reference answer: every name in `pool`, in order, tested against the prefix.
  func walk(_ prefix: CaselessText.Prefix, among pool: Pool, quote: Bool) -> [String] {
    let first = pool == .all ? 0 : departmentCount
    var seen = Set<String>()
    var candidates: [String] = []
    for name in names[first...] {
      guard prefix.matches(name), seen.insert(name).inserted else { continue }
      candidates.append(quote && name.contains(" ") ? "\"" + name + "\"" : name)
    }
    return candidates
  }

  /// Visits departments, company KPIs, department KPIs and Level 3 KPIs, in that order,
  /// reading each name through the arrays' buffers: `for kpi in array` copies each whole KPI
  /// (every field retained and released) to read one name.
  static func forEachName(in cascade: Cascade, _ visit: (String) -> Void) {
    cascade.departments.withUnsafeBufferPointer { departments in
      for d in departments.indices { visit(departments[d].name) }
    }
    cascade.companyKPIs.withUnsafeBufferPointer { kpis in
      for k in kpis.indices { visit(kpis[k].name) }
    }
    cascade.departments.withUnsafeBufferPointer { departments in
      for d in departments.indices {
        departments[d].kpis.withUnsafeBufferPointer { kpis in
          for k in kpis.indices { visit(kpis[k].name) }
        }
      }
    }
    cascade.individualKPIs.withUnsafeBufferPointer { kpis in
      for k in kpis.indices { visit(kpis[k].name) }
    }
  }

  // MARK: - Keys

  /// The first place in `sorted` whose key is not below `typed`.
  private func lowerBound(of typed: [UInt8], in sorted: [Int32]) -> Int {
    var low = 0
    var high = sorted.count
    while low < high {
      let middle = (low + high) / 2
      if compare(sorted[middle], typed) < 0 { low = middle + 1 } else { high = middle }
    }
    return low
  }

  private func hasPrefix(_ p: Int32, _ typed: [UInt8]) -> Bool {
    let start = Int(keyStart[Int(p)])
    let end = Int(keyStart[Int(p) + 1])
    guard end - start >= typed.count else { return false }
    for i in typed.indices where keys[start + i] != typed[i] { return false }
    return true
  }

  /// The key of `p` against `typed`, byte by byte: negative, zero or positive.
  private func compare(_ p: Int32, _ typed: [UInt8]) -> Int {
    let start = Int(keyStart[Int(p)])
    let count = Int(keyStart[Int(p) + 1]) - start
    for i in 0..<min(count, typed.count) where keys[start + i] != typed[i] {
      return Int(keys[start + i]) - Int(typed[i])
    }
    return count - typed.count
  }

  private static func compare(_ keys: [UInt8], _ keyStart: [Int32], _ a: Int32, _ b: Int32) -> Int {
    let startA = Int(keyStart[Int(a)])
    let countA = Int(keyStart[Int(a) + 1]) - startA
    let startB = Int(keyStart[Int(b)])
    let countB = Int(keyStart[Int(b) + 1]) - startB
    for i in 0..<min(countA, countB) where keys[startA + i] != keys[startB + i] {
      return Int(keys[startA + i]) - Int(keys[startB + i])
    }
    return countA - countB
  }
}

/// The sorted names of the latest cascade completed, shared by every copy of a `Workshop`
/// (the Tab completer holds one): read again only when the cascade's `nameRevision` moved.
final class CompletionNamesCache: Sendable {
  private let latest = Mutex<CompletionNames?>(nil)

  /// The cascade's names, sorted once per name revision.
  func names(of cascade: Cascade) -> CompletionNames {
    latest.withLock { latest in
      if let names = latest, names.revision == cascade.nameRevision { return names }
      let names = CompletionNames(cascade)
      latest = names
      return names
    }
  }
}

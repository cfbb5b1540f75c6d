/// A value that reads itself from, and writes itself as, the JSON of a kpi-align file without
/// going through `Codable`: what makes opening and saving a large session fast.
///
/// Both directions must agree with the type's `Codable` conformance byte for byte: `write`
/// produces what `JSONEncoder` (pretty-printed, sorted keys, slashes unescaped) produces, and
/// `init(json:)` accepts a subset of what `JSONDecoder` accepts and reads it to the same value.
/// Tests compare the two on every kind of value; a field added to a type must be added here too,
/// and those tests fail until it is.
public protocol JSONTextCodable {
  init(json: inout JSONPullReader) throws(JSONBail)
  func write(json: inout PrettyJSONWriter)
}

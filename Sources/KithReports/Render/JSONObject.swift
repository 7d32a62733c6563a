import KithStatistics

/// The one JSON writer of Kith's reports and commands: an ordered object written field by
/// field (a stable key order for diffs and tests), nested by value. Non-finite numbers are null.
package struct JSONObject: Sendable {
    private var fields: [String] = []

    package init() {}

    /// A field whose value is already JSON text.
    package mutating func raw(_ key: String, _ json: String) { fields.append("\(TextFormat.json(key)):\(json)") }
    package mutating func add(_ key: String, _ value: String?) { raw(key, TextFormat.json(value)) }
    package mutating func add(_ key: String, _ value: Double?) { raw(key, Self.number(value)) }
    package mutating func add(_ key: String, _ value: Int?) { raw(key, TextFormat.json(value)) }
    package mutating func add(_ key: String, _ value: Bool) { raw(key, value ? "true" : "false") }
    /// A count; null when withheld.
    package mutating func add(_ key: String, _ count: ShownCount) { raw(key, TextFormat.json(count.shown)) }
    /// A count; when withheld, null and a sibling `<key>_suppressed` with the policy's marker.
    package mutating func add(_ key: String, marked count: ShownCount) {
        add(key, count)
        if count.shown == nil { add(key + "_suppressed", count.text) }
    }
    package mutating func add(_ key: String, _ ci: ConfidenceInterval?) { add(key, pair: ci.map { ($0.lower, $0.upper) }) }
    /// `[lower, upper]`, or null.
    package mutating func add(_ key: String, pair: (Double, Double)?) {
        raw(key, pair.map { "[\(Self.number($0.0)),\(Self.number($0.1))]" } ?? "null")
    }
    package mutating func add(_ key: String, strings: [String]) {
        raw(key, "[" + strings.map { TextFormat.json($0) }.joined(separator: ",") + "]")
    }
    package mutating func add(_ key: String, numbers: [Double?]) { raw(key, "[" + numbers.map(Self.number).joined(separator: ",") + "]") }
    package mutating func add(_ key: String, objects: [JSONObject], separator: String = ",") {
        raw(key, "[" + objects.map(\.text).joined(separator: separator) + "]")
    }
    package mutating func add(_ key: String, object: JSONObject?) { raw(key, object?.text ?? "null") }

    /// A number as JSON: the shortest form that reads back exactly; null when absent or not finite.
    package static func number(_ value: Double?) -> String { TextFormat.json(value.flatMap { $0.isFinite ? $0 : nil }) }

    package var text: String { "{" + fields.joined(separator: ",") + "}" }

    /// The object with its fields on lines of their own (a command's top-level answer).
    package var lines: String { "{" + fields.joined(separator: ",\n") + "}" }

    /// Objects as a JSON array, one to a line by default (how the commands list surveys and batches).
    package static func array(_ objects: [JSONObject], separator: String = ",\n") -> String {
        "[" + objects.map(\.text).joined(separator: separator) + "]"
    }

    /// The object without its closing brace, for a writer that streams a last field after it.
    package var opening: String { "{" + fields.joined(separator: ",") }

    static func disclosure(_ policy: DisclosurePolicy) -> JSONObject {
        var d = JSONObject()
        d.add("policy", policy.rawValue)
        d.add("statement", policy.statement)
        return d
    }
}

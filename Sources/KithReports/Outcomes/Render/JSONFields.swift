import KithStatistics

/// An ordered JSON object written field by field (stable key order for diffs and tests).
struct JSONFields {
    private var fields: [String] = []

    mutating func raw(_ key: String, _ json: String) { fields.append("\(TextFormat.json(key)):\(json)") }
    mutating func add(_ key: String, _ value: String?) { raw(key, TextFormat.json(value)) }
    mutating func add(_ key: String, _ value: Double?) { raw(key, TextFormat.json(value.flatMap { $0.isFinite ? $0 : nil })) }
    mutating func add(_ key: String, _ value: Int?) { raw(key, TextFormat.json(value)) }
    mutating func add(_ key: String, _ value: Bool) { raw(key, value ? "true" : "false") }
    mutating func add(_ key: String, _ count: ShownCount) { raw(key, TextFormat.json(count.shown)) }
    mutating func add(_ key: String, _ ci: ConfidenceInterval?) {
        raw(key, ci.map { "[\(TextFormat.json($0.lower)),\(TextFormat.json($0.upper))]" } ?? "null")
    }
    mutating func add(_ key: String, strings: [String]) { raw(key, "[" + strings.map { TextFormat.json($0) }.joined(separator: ",") + "]") }
    mutating func add(_ key: String, objects: [JSONFields]) { raw(key, "[" + objects.map(\.text).joined(separator: ",") + "]") }
    mutating func add(_ key: String, object: JSONFields?) { raw(key, object?.text ?? "null") }

    var text: String { "{" + fields.joined(separator: ",") + "}" }

    static func disclosure(_ policy: DisclosurePolicy) -> JSONFields {
        var d = JSONFields()
        d.add("policy", policy.rawValue)
        d.add("statement", policy.statement)
        return d
    }
}

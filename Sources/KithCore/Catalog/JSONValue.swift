import Foundation

/// A parsed JSON document, kept as values so that definition errors can name
/// the exact path of the offending value and unknown keys can be rejected.
enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// Walks a `JSONValue`, tracking the JSON path, and throws `InstrumentError`s
/// that name the file, the path and what was expected.
struct JSONCursor {
    let value: JSONValue
    let file: String
    let path: String

    init(_ value: JSONValue, file: String, path: String = "") {
        self.value = value
        self.file = file
        self.path = path
    }

    func error(_ message: String, at key: String? = nil) -> InstrumentError {
        InstrumentError(.invalidDefinition, file: file, path: key.map(childPath) ?? path, message)
    }

    private func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private func object() throws(InstrumentError) -> [String: JSONValue] {
        guard case .object(let fields) = value else { throw error("expected an object, found \(value.typeName)") }
        return fields
    }

    /// Rejects keys this object may not have (catches typos such as `clasifications`).
    func allowKeys(_ allowed: Set<String>) throws(InstrumentError) {
        let unknown = try object().keys.filter { !allowed.contains($0) }.sorted()
        if let first = unknown.first {
            throw error("unknown key '\(first)'; expected one of: \(allowed.sorted().joined(separator: ", "))", at: first)
        }
    }

    /// The member `key`, or nil when absent or null.
    func optional(_ key: String) throws(InstrumentError) -> JSONCursor? {
        guard let member = try object()[key], member != .null else { return nil }
        return JSONCursor(member, file: file, path: childPath(key))
    }

    func required(_ key: String) throws(InstrumentError) -> JSONCursor {
        guard let member = try optional(key) else { throw error("missing required key '\(key)'", at: key) }
        return member
    }

    func string() throws(InstrumentError) -> String {
        guard case .string(let text) = value else { throw error("expected a string, found \(value.typeName)") }
        return text
    }

    func nonEmptyString() throws(InstrumentError) -> String {
        let text = try string()
        if text.allSatisfy(\.isWhitespace) { throw error("expected a non-empty string") }
        return text
    }

    func number() throws(InstrumentError) -> Double {
        guard case .number(let number) = value, number.isFinite else { throw error("expected a number, found \(value.typeName)") }
        return number
    }

    func integer() throws(InstrumentError) -> Int {
        let number = try number()
        guard number == number.rounded(), abs(number) < 1e15 else { throw error("expected a whole number, found \(number)") }
        return Int(number)
    }

    func bool() throws(InstrumentError) -> Bool {
        guard case .bool(let flag) = value else { throw error("expected true or false, found \(value.typeName)") }
        return flag
    }

    func array() throws(InstrumentError) -> [JSONCursor] {
        guard case .array(let elements) = value else { throw error("expected an array, found \(value.typeName)") }
        return elements.enumerated().map { JSONCursor($0.element, file: file, path: "\(path)[\($0.offset)]") }
    }

    /// The members of an object, in key order, each with its path.
    func members() throws(InstrumentError) -> [(key: String, value: JSONCursor)] {
        try object().sorted { $0.key < $1.key }.map { ($0.key, JSONCursor($0.value, file: file, path: childPath($0.key))) }
    }

    func strings() throws(InstrumentError) -> [String] {
        var result: [String] = []
        for element in try array() { result.append(try element.string()) }
        return result
    }

    func `enum`<E: RawRepresentable & CaseIterable>(_ type: E.Type) throws(InstrumentError) -> E where E.RawValue == String {
        let text = try string()
        guard let value = E(rawValue: text) else {
            let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
            throw error("'\(text)' is not one of: \(allowed)")
        }
        return value
    }
}

import Foundation
import Testing

/// A parsed JSON value from a fixture file written by `Fixtures/make_fixtures.py`.
enum JSON: Sendable, CustomStringConvertible {
    case number(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])
    case null

    init(_ any: Any) {
        switch any {
        case let n as NSNumber: self = .number(n.doubleValue) // make_fixtures.py writes booleans as 0/1
        case let s as String: self = .string(s)
        case let a as [Any]: self = .array(a.map(JSON.init))
        case let o as [String: Any]: self = .object(o.mapValues(JSON.init))
        default: self = .null
        }
    }

    subscript(key: String) -> JSON {
        if case let .object(o) = self, let v = o[key] { return v }
        return .null
    }

    subscript(index: Int) -> JSON {
        if case let .array(a) = self, index < a.count { return a[index] }
        return .null
    }

    /// Numbers; "Infinity", "-Infinity" and "NaN" strings map to the IEEE values.
    var double: Double {
        switch self {
        case let .number(n): return n
        case .string("Infinity"): return .infinity
        case .string("-Infinity"): return -.infinity
        case .string("NaN"): return .nan
        default: return .nan
        }
    }

    /// Integer value; Int.min for a missing or non-numeric entry (never traps).
    var int: Int {
        let d = double
        return d.isFinite ? Int(d) : Int.min
    }
    var string: String? {
        if case let .string(s) = self { return s }
        return nil
    }
    var bool: Bool { double != 0 }
    var array: [JSON] {
        if case let .array(a) = self { return a }
        return []
    }
    var doubles: [Double] { array.map(\.double) }
    var ints: [Int] { array.map(\.int) }
    var matrix: [[Double]] { array.map(\.doubles) }
    var intMatrix: [[Int]] { array.map(\.ints) }
    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    var description: String {
        switch self {
        case let .number(n): return "\(n)"
        case let .string(s): return "\"\(s)\""
        case let .array(a): return "[" + a.map(\.description).joined(separator: ", ") + "]"
        case let .object(o): return "{" + o.keys.sorted().map { "\($0): \(o[$0]!)" }.joined(separator: ", ") + "}"
        case .null: return "null"
        }
    }
}

/// One reference case: the Python expression, its inputs and the expected value.
struct FixtureCase: CustomStringConvertible {
    let raw: JSON
    var expr: String { raw["expr"].string ?? "?" }
    var inputs: JSON { raw["inputs"] }
    var expected: JSON { raw["expected"] }
    subscript(key: String) -> JSON { raw[key] }
    var description: String { "\(expr) with \(inputs)" }
}

enum Fixtures {
    /// Loads `Fixtures/<name>.json` from the test bundle. Throws if missing or empty,
    /// so a test can never pass vacuously on a missing fixture.
    static func load(_ name: String) throws -> [FixtureCase] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
            throw FixtureError.missing(name)
        }
        let data = try Data(contentsOf: url)
        let json = JSON(try JSONSerialization.jsonObject(with: data))
        let cases = json["cases"].array.map(FixtureCase.init)
        guard !cases.isEmpty else { throw FixtureError.empty(name) }
        return cases
    }

    enum FixtureError: Error {
        case missing(String)
        case empty(String)
    }
}

/// Relative closeness: |actual − expected| ≤ rel·|expected| (or ≤ abs when given).
/// Infinite expectations must match exactly; NaN never matches.
func isClose(_ actual: Double, _ expected: Double, rel: Double = 1e-9, abs absolute: Double = 0) -> Bool {
    if expected.isInfinite || actual.isInfinite { return actual == expected }
    if actual.isNaN || expected.isNaN { return false }
    return Swift.abs(actual - expected) <= max(rel * Swift.abs(expected), absolute)
}

/// `#expect` wrapper for relative closeness that names the case on failure.
func expectClose(
    _ actual: Double, _ expected: Double, rel: Double = 1e-9, abs absolute: Double = 0,
    _ context: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation
) {
    let ok = isClose(actual, expected, rel: rel, abs: absolute)
    let relErr = expected == 0 ? Swift.abs(actual) : Swift.abs(actual - expected) / Swift.abs(expected)
    #expect(ok, "\(context()): got \(actual), expected \(expected) (relative error \(relErr))", sourceLocation: sourceLocation)
}

/// Element-wise `expectClose`; lengths must agree.
func expectClose(
    _ actual: [Double], _ expected: [Double], rel: Double = 1e-9, abs absolute: Double = 0,
    _ context: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual.count == expected.count, "\(context()): length \(actual.count) vs \(expected.count)", sourceLocation: sourceLocation)
    for (i, (a, e)) in zip(actual, expected).enumerated() {
        expectClose(a, e, rel: rel, abs: absolute, "\(context())[\(i)]", sourceLocation: sourceLocation)
    }
}

/// Every fixture file must say which library versions made it, and every case
/// must carry the expression that produced its expected value.
@Suite("Fixture provenance")
struct FixtureProvenanceTests {
    @Test(arguments: ["distributions", "large_df", "descriptive", "estimators", "ttests", "contingency", "models", "funnel"])
    func everyCaseHasItsExpression(_ name: String) throws {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
            Issue.record("missing fixture \(name).json")
            return
        }
        let json = JSON(try JSONSerialization.jsonObject(with: Data(contentsOf: url)))
        #expect(json["versions"]["scipy"].string != nil && json["versions"]["numpy"].string != nil)
        let cases = json["cases"].array
        #expect(!cases.isEmpty)
        for c in cases {
            #expect(!(c["expr"].string ?? "").isEmpty, "case without an expression in \(name): \(c)")
            #expect(!c["expected"].isNull, "case without an expected value in \(name)")
        }
    }
}

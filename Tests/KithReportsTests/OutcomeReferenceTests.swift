import Foundation
import KithTestSupport
import Testing

/// `kith change` and `kith compare` on the service-outcomes sample, end to end (import,
/// pairing, scoring, statistics, JSON), against values computed from the CSV alone
/// with pandas, SciPy and statsmodels by `Fixtures/make_outcome_fixtures.py`.
@Suite("Outcome reports match the SciPy / statsmodels reference")
struct OutcomeReferenceTests {
    static var fixture: [String: Any] {
        let url = packageRoot.appendingPathComponent("Tests/KithReportsTests/Fixtures/outcome-fixtures.json")
        guard let data = try? Data(contentsOf: url), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        return object
    }

    static var cases: [String] { (fixture["cases"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String } }

    @Test("the fixture file holds the three cases and its tolerance")
    func fixtureLoads() throws {
        #expect(Self.cases.count == 3)
        let tolerance = try #require(Self.fixture["tolerance"] as? [String: Any])
        #expect(tolerance["relative"] as? Double == 1e-9)
    }

    @Test("every reference number", arguments: cases)
    func matches(name: String) throws {
        let entry = try #require((Self.fixture["cases"] as? [[String: Any]])?.first { $0["name"] as? String == name })
        let command = try #require(entry["command"] as? [String])
        let run = kith(command)
        #expect(run.status == .ok, "\(run.err)")
        let actual = try JSONSerialization.jsonObject(with: Data(run.out.utf8))
        var problems: [String] = []
        var compared = 0
        JSONComparison.compare(try #require(entry["expected"]), actual, path: "", problems: &problems, compared: &compared)
        #expect(problems.isEmpty, "\(problems.count) differences:\n\(problems.prefix(30).joined(separator: "\n"))")
        #expect(compared > 60, "only \(compared) numbers compared")
    }

    @Test("the comparison is able to fail: a changed number is reported")
    func comparisonFails() throws {
        var problems: [String] = []
        var compared = 0
        JSONComparison.compare(
            ["groups": [["provider": NSNull(), "scales": [["scale": "x", "t": 2.0, "ci": [1.0, 2.0]]]]]],
            ["groups": [["provider": NSNull(), "scales": [["scale": "x", "t": 2.0 * (1 + 2e-9), "ci": [1.0, 2.0]]]]]],
            path: "", problems: &problems, compared: &compared)
        #expect(problems.count == 1)
        problems = []
        JSONComparison.compare(
            ["providers": [["provider": "A", "paired": 3]]], ["providers": [["provider": "B", "paired": 3]]],
            path: "", problems: &problems, compared: &compared)
        #expect(problems.count == 1)
    }
}

/// Compares an expected JSON value (a subset) with an actual one: numbers to 1e-9
/// relative or 1e-12 absolute, strings and nulls exactly; objects in arrays are matched
/// by `provider`, then `scale` and `classification`, then `term`.
enum JSONComparison {
    static func compare(_ expected: Any, _ actual: Any?, path: String, problems: inout [String], compared: inout Int) {
        switch expected {
        case let object as [String: Any]:
            guard let other = actual as? [String: Any] else {
                problems.append("\(path): expected an object, got \(String(describing: actual))")
                return
            }
            for (key, value) in object { compare(value, other[key], path: path + "." + key, problems: &problems, compared: &compared) }
        case let array as [Any]:
            guard let other = actual as? [Any] else {
                problems.append("\(path): expected an array, got \(String(describing: actual))")
                return
            }
            for (index, element) in array.enumerated() {
                if let object = element as? [String: Any], let key = identity(object) {
                    guard let match = other.first(where: { ($0 as? [String: Any]).flatMap(identity) == key }) else {
                        problems.append("\(path)[\(key)]: missing")
                        continue
                    }
                    compare(element, match, path: path + "[\(key)]", problems: &problems, compared: &compared)
                } else {
                    guard index < other.count else {
                        problems.append("\(path): \(other.count) elements, expected \(array.count)")
                        return
                    }
                    compare(element, other[index], path: path + "[\(index)]", problems: &problems, compared: &compared)
                }
            }
            if array.count != other.count { problems.append("\(path): \(other.count) elements, expected \(array.count)") }
        case let number as NSNumber:
            guard let value = (actual as? NSNumber)?.doubleValue else {
                problems.append("\(path): expected \(number), got \(String(describing: actual))")
                return
            }
            let e = number.doubleValue
            compared += 1
            if abs(value - e) > max(1e-9 * abs(e), 1e-12) {
                problems.append("\(path): \(value), expected \(e) (relative difference \(abs(value - e) / max(abs(e), 1e-300)))")
            }
        case let text as String:
            if actual as? String != text { problems.append("\(path): \(String(describing: actual)), expected \(text)") }
        case is NSNull:
            if !(actual is NSNull) { problems.append("\(path): \(String(describing: actual)), expected null") }
        default:
            problems.append("\(path): unexpected value \(expected)")
        }
    }

    static func identity(_ object: [String: Any]) -> String? {
        if let provider = object["provider"] { return "provider=\(provider is NSNull ? "null" : "\(provider)")" }
        if let scale = object["scale"] as? String {
            let classification = object["classification"].map { $0 is NSNull ? "null" : "\($0)" } ?? "null"
            return "scale=\(scale),classification=\(classification)"
        }
        if let term = object["term"] as? String { return "term=\(term)" }
        return nil
    }
}

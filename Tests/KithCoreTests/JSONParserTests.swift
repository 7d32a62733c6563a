import Foundation
import KithTestSupport
import Testing

@testable import KithCore

@Suite("JSON: the definitions' parser")
struct JSONParserTests {
    func parse(_ text: String) throws(InstrumentError) -> JSONValue {
        try JSONValue.parse(Array(text.utf8), file: "test.json")
    }

    func message(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error.message
        }
    }

    /// Foundation's `JSONDecoder` as the independent reference (what read the definitions before).
    struct Reference: Decodable {
        let value: JSONValue

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            if var array = try? decoder.unkeyedContainer() {
                var values: [JSONValue] = []
                while !array.isAtEnd { values.append(try array.decode(Reference.self).value) }
                value = .array(values)
            } else if let object = try? decoder.container(keyedBy: Key.self) {
                var values: [String: JSONValue] = [:]
                for key in object.allKeys { values[key.stringValue] = try object.decode(Reference.self, forKey: key).value }
                value = .object(values)
            } else {
                let single = try decoder.singleValueContainer()
                if single.decodeNil() {
                    value = .null
                } else if let bool = try? single.decode(Bool.self) {
                    value = .bool(bool)
                } else if let number = try? single.decode(Double.self) {
                    value = .number(number)
                } else {
                    value = .string(try single.decode(String.self))
                }
            }
        }
    }

    @Test("every built-in definition reads as Foundation's JSONDecoder reads it")
    func definitionsMatchFoundation() throws {
        let folder = packageRoot.appendingPathComponent("Instruments")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        #expect(files.count >= 4)
        for file in files {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            let expected = try JSONDecoder().decode(Reference.self, from: data).value
            #expect(try JSONValue.parse(Array(data), file: file) == expected, "\(file)")
        }
    }

    @Test("escapes, surrogate pairs, numbers and literals")
    func values() throws {
        let text = #"{"a": "\u00e9\ud83d\ude42\n\"\\\/\t", "b": [1, -2.5e3, 0, 0.125, 1E+2, true, false, null], "c": {}}"#
        let expected: JSONValue = .object([
            "a": .string("é🙂\n\"\\/\t"),
            "b": .array([.number(1), .number(-2500), .number(0), .number(0.125), .number(100), .bool(true), .bool(false), .null]),
            "c": .object([:])
        ])
        #expect(try parse(text) == expected)
        #expect(try parse("\u{FEFF}[]") == .array([])) // a byte order mark is skipped
        #expect(try parse(" \"naïve\" ") == .string("naïve"))
    }

    @Test(
        "syntax errors name the line, the column and what was expected",
        arguments: [
            ("{\n  \"a\": 1,\n  \"b\": ]\n}", "line 3, column 8: expected a value (object, array, string, number, true, false or null)"),
            ("[1, 2,]", "line 1, column 7: expected a value (object, array, string, number, true, false or null)"),
            ("{\"a\" 1}", "line 1, column 6: expected ':' after the member name"),
            ("{\"a\": 1 \"b\": 2}", "line 1, column 9: expected ',' or '}' in an object"),
            ("[\"é\" 1]", "line 1, column 6: expected ',' or ']' in an array"),
            ("\"open", "line 1, column 1: a string that is never closed"),
            ("\"tab\there\"", "line 1, column 5: a control character inside a string (write it as an escape)"),
            ("\"\\x\"", "line 1, column 2: an unknown escape '\\x'"),
            ("\"\\ud83d\"", "line 1, column 2: a lone surrogate escape"),
            ("012", "line 1, column 2: a number with a leading zero"),
            ("1.", "line 1, column 3: expected a digit after the decimal point"),
            ("1e999", "line 1, column 1: a number out of range"),
            ("tru", "line 1, column 1: expected a value (object, array, string, number, true, false or null)"),
            ("{} {}", "line 1, column 4: unexpected text after the document"),
            ("", "line 1, column 1: the document ends where a value was expected")
        ])
    func errors(text: String, expected: String) {
        #expect(message(text) == "not valid JSON: " + expected)
    }

    @Test("nesting deeper than the limit is refused, not a crash")
    func depth() {
        let deep = String(repeating: "[", count: JSONParser.maxDepth + 1) + String(repeating: "]", count: JSONParser.maxDepth + 1)
        #expect(message(deep)?.contains("nested more than \(JSONParser.maxDepth) levels deep") == true)
        let allowed = String(repeating: "[", count: JSONParser.maxDepth) + String(repeating: "]", count: JSONParser.maxDepth)
        #expect(message(allowed) == nil)
    }

    @Test("invalid UTF-8 inside a string is an error")
    func invalidUTF8() {
        var bytes = Array("[\"a".utf8)
        bytes += [0xFF, 0x22, 0x5D]
        #expect(throws: InstrumentError.self) { try JSONValue.parse(bytes, file: "bad.json") }
    }
}

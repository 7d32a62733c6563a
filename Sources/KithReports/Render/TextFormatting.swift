/// Number and string formatting shared by the renderers.
package enum TextFormat {
    /// A number as JSON and CSV write it: whole numbers without a decimal
    /// point, others in the shortest form that reads back exactly.
    package static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// A number rounded to `places` decimals for people (tables, Markdown).
    package static func fixed(_ value: Double, _ places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let rounded = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
        var text = places == 0 ? String(Int(rounded)) : String(rounded)
        if places > 0 {
            if !text.contains(".") { text += "." }
            let decimals = text.split(separator: ".", omittingEmptySubsequences: false).last?.count ?? 0
            text += String(repeating: "0", count: max(0, places - decimals))
        }
        return text == "-0" ? "0" : text
    }

    /// Text for HTML content or a quoted attribute: `& < > " '` escaped.
    package static func html(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A JSON string literal.
    package static func json(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case let s where s.value < 0x20:
                let hex = String(s.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    package static func json(_ text: String?) -> String { text.map { json($0) } ?? "null" }
    package static func json(_ value: Double?) -> String { value.map(number) ?? "null" }
    package static func json(_ value: Int?) -> String { value.map(String.init) ?? "null" }

    /// A CSV field, quoted when it must be (RFC 4180). A text cell that a spreadsheet would
    /// run as a formula — beginning with `=`, `+`, `-`, `@`, a tab or a carriage return — is
    /// prefixed with `'`, so an export opened in Excel cannot execute respondent text. Numbers
    /// (-0.55) are left as numbers.
    package static func csv(_ text: String) -> String {
        var text = text
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(text) == nil {
            text = "'" + text
        }
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }

    /// Pads or truncates to a display width (for terminal tables).
    package static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let count = text.count
        if count >= width { return text }
        let padding = String(repeating: " ", count: width - count)
        return right ? padding + text : text + padding
    }
}

extension String {
    /// Replaces every `target` scalar, also where it starts a grapheme (a quote followed by a
    /// combining mark is still a quote to a CSV reader).
    func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar == target { result.append(contentsOf: replacement.unicodeScalars) } else { result.append(scalar) }
        }
        return String(result)
    }
}

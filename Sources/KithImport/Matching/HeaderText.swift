import Foundation
import KithCore

/// The ways a column header can be written around an item's wording, undone
/// before matching: question numbers ("Q4.", "4)", "Question 4:"), answer-range
/// hints ("(1-3)", "(please tick one)"), and matrix layouts where a question
/// stem and an item statement share one header ("Stem - Statement",
/// "Stem [Statement]", "Stem: Statement").
enum HeaderText {
    /// The texts to try, most specific first: the whole cleaned header, then
    /// the statement part of a stem/statement header.
    static func candidates(_ header: String) -> [String] {
        let cleaned = clean(header)
        var result = [cleaned]
        for part in statementParts(cleaned) where !result.contains(part) { result.append(part) }
        // Field paths (`group/field_name`, KoboToolbox, ODK): the field name.
        if !cleaned.contains(" "), let slash = cleaned.lastIndex(of: "/"), cleaned.index(after: slash) < cleaned.endIndex {
            let name = String(cleaned[cleaned.index(after: slash)...])
            if !result.contains(name) { result.append(name) }
        }
        return result.filter { !TextKey($0).isEmpty }
    }

    /// The header without question numbering and trailing hints.
    static func clean(_ header: String) -> String {
        var text = Substring(header).trimmed()
        text = stripQuestionNumber(text)
        while text.hasSuffix(")"), let open = text.lastIndex(of: "("), open > text.startIndex {
            text = text[..<open].trimmed()
        }
        return String(text)
    }

    /// Statement parts of "Stem - Statement", "Stem [Statement]" and "Stem: Statement".
    static func statementParts(_ header: String) -> [String] {
        var parts: [String] = []
        if header.hasSuffix("]"), let open = header.lastIndex(of: "[") {
            let inner = header[header.index(after: open)..<header.index(before: header.endIndex)]
            parts.append(String(inner.trimmed()))
        }
        for separator in [" - ", " – ", " — ", ": "] {
            if let range = header.range(of: separator, options: .backwards) {
                parts.append(String(header[range.upperBound...].trimmed()))
            }
        }
        return parts.filter { !$0.isEmpty }
    }

    private static func stripQuestionNumber(_ text: Substring) -> Substring {
        var rest = text
        let lowered = rest.lowercased()
        if lowered.hasPrefix("question ") {
            rest = rest.dropFirst("question ".count)
        } else if let first = rest.first, first == "Q" || first == "q", rest.dropFirst().first?.isNumber == true {
            rest = rest.dropFirst()
        }
        guard rest.first?.isNumber == true else { return text }
        rest = rest.drop { $0.isNumber }
        if let next = rest.first, next.isLetter, rest.dropFirst().first.map({ !$0.isLetter }) ?? true { rest = rest.dropFirst() } // "Q4a"
        let separators: Set<Character> = [".", ")", ":", "-", "_", " "]
        guard let next = rest.first, separators.contains(next) else { return text }
        rest = rest.drop { separators.contains($0) }
        return rest.isEmpty ? text : rest
    }
}

extension Substring {
    func trimmed() -> Substring {
        var slice = self
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return slice
    }
}

/// Reads an answer cell of one item: an option label (or alias), or a code.
///
/// Labels are compared as `TextKey`s, so case, spacing, punctuation, curly
/// quotes and contractions don't matter. A cell that is a whole number is a
/// code; it must be one of the item's codes. Extra missing-answer codes and
/// labels (e.g. 9 = "no answer") can be declared per source.
package struct OptionResolver: Sendable {
    private var labels: [String: Int]
    private var codes: Set<Int>
    private var missingCodes: Set<Int>
    private var missingLabels: Set<String>
    private var extraLabels: [String: Int]

    /// - Parameters:
    ///   - options: the item's response options.
    ///   - missingCodes: codes that mean "no answer" in this source.
    ///   - missingLabels: labels that mean "no answer" in this source.
    ///   - extraLabels: further label → code pairs for this source (e.g. from `--map`).
    package init(options: [ResponseOption], missingCodes: Set<Int> = [], missingLabels: [String] = [], extraLabels: [String: Int] = [:]) {
        var labels: [String: Int] = [:]
        for option in options {
            for text in [option.label] + option.aliases { labels[TextKey(text).value] = labels[TextKey(text).value] ?? option.code }
        }
        self.labels = labels
        self.codes = Set(options.map(\.code))
        self.missingCodes = missingCodes
        self.missingLabels = Set(missingLabels.map { TextKey($0).value })
        self.extraLabels = Dictionary(extraLabels.map { (TextKey($0.key).value, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The answer a cell gives.
    package func resolve(_ cell: String) -> ItemAnswer {
        let trimmed = cell.trimmingWhitespace()
        if trimmed.isEmpty { return .missing(.blank) }
        switch OptionResolver.number(trimmed) {
        case .code(let code):
            if missingCodes.contains(code) { return .missing(.missingCode(code)) }
            return codes.contains(code) ? .code(code) : .invalid(InvalidAnswer(.outOfRange(code), text: String(trimmed)))
        case .notACode:
            return .invalid(InvalidAnswer(.notACode, text: String(trimmed)))
        case .text:
            break
        }
        let key = TextKey(String(trimmed)).value
        if missingLabels.contains(key) { return .missing(.missingLabel) }
        if let code = extraLabels[key] ?? labels[key] { return .code(code) }
        return .invalid(InvalidAnswer(.unknownLabel, text: String(trimmed)))
    }

    /// Whether a label (not a code) is one of the item's options.
    package func knows(label: String) -> Bool { labels[TextKey(label).value] != nil || extraLabels[TextKey(label).value] != nil }

    private enum Number {
        case code(Int)
        case notACode, text
    }

    /// Whether a trimmed cell is a number: "2" and "2.0" are the code 2
    /// (spreadsheets write whole numbers both ways); "2.5" is not a code.
    private static func number(_ text: Substring) -> Number {
        var digits = text
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        guard let first = digits.first, first.isASCII, first.isNumber,
            digits.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." })
        else { return .text }
        if let value = Int(text) { return .code(value) }
        if let value = Double(text), value == value.rounded(), abs(value) < 1e9 { return .code(Int(value)) }
        return .notACode
    }
}

extension String {
    func trimmingWhitespace() -> Substring {
        var slice = self[...]
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return slice
    }
}

import Foundation

/// The form of a piece of text used to compare labels and headers: case,
/// spacing, punctuation, curly quotes, dashes and common English contractions
/// do not matter.
///
/// ```
/// TextKey("Often / always") == TextKey("often/Always")      // "often always"
/// TextKey("I’ve felt left out") == TextKey("I have felt left out")
/// TextKey("Don't know") == TextKey("Do not know")           // "do not know"
/// ```
package struct TextKey: Hashable, Sendable, CustomStringConvertible {
    /// Lower-case words of letters and digits separated by single spaces.
    package let value: String

    package init(_ text: String) {
        var lowered = text.lowercased()
        if lowered.contains(where: { TextKey.apostrophes.contains($0) }) {
            lowered = String(lowered.map { TextKey.apostrophes.contains($0) ? "'" : $0 })
        }
        if lowered.contains("'") {
            for (contraction, expansion) in TextKey.contractions { lowered = lowered.replacingOccurrences(of: contraction, with: expansion) }
        }
        var words: [Substring] = []
        var current = ""
        func flush() {
            if !current.isEmpty { words.append(Substring(current)) }
            current = ""
        }
        for character in lowered {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if character == "'" {
                continue // possessives and leftover apostrophes join the word: "people's" → "peoples"
            } else {
                flush()
            }
        }
        flush()
        value = words.joined(separator: " ")
    }

    package var description: String { value }

    package var isEmpty: Bool { value.isEmpty }

    /// Whether `other`'s words appear in this key as consecutive whole words.
    package func contains(words other: TextKey) -> Bool {
        guard !other.value.isEmpty else { return false }
        return " \(value) ".contains(" \(other.value) ")
    }

    private static let apostrophes: Set<Character> = ["\u{2019}", "\u{2018}", "\u{02BC}", "\u{2032}", "`", "\u{00B4}"]
    private static let contractions: [(String, String)] = [
        ("can't", "can not"), ("won't", "will not"), ("n't", " not"), ("'ve", " have"), ("'m", " am"),
        ("'re", " are"), ("'ll", " will")
    ]
}

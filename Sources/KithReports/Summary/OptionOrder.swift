/// The order options are listed in: a known scale in its own order (agreement,
/// yes/no), bands that start with a number by that number (age bands), other
/// lists by frequency; "Don't know" and "Prefer not to say" always last.
enum OptionOrder {
    static let agreement = [
        "strongly agree", "agree", "tend to agree", "neither agree nor disagree", "tend to disagree", "disagree", "strongly disagree"
    ]
    static let agreeing: Set<String> = ["strongly agree", "agree", "tend to agree"]
    static let yesNo = ["yes", "partly", "no"]
    static let last = ["don't know", "dont know", "not sure", "prefer not to say", "none of these", "none of the above", "other"]

    static func key(_ label: String) -> String {
        label.lowercased().replacingOccurrences(of: "’", with: "'").split(separator: " ").joined(separator: " ")
    }

    /// Whether the labels are an agreement scale (with perhaps "Don't know").
    static func isAgreement(_ labels: [String]) -> Bool {
        let keys = labels.map(key)
        let onScale = keys.filter { agreement.contains($0) }
        return onScale.count >= 3 && keys.allSatisfy { agreement.contains($0) || last.contains($0) }
    }

    /// Whether an option is off the scale ("Don't know", "Prefer not to say").
    static func isOffScale(_ label: String) -> Bool { last.contains(key(label)) }

    static func order(_ labels: [String], counts: [Int]) -> [Int] {
        let keys = labels.map(key)
        let tail = labels.indices.filter { last.contains(keys[$0]) }.sorted { last.firstIndex(of: keys[$0])! < last.firstIndex(of: keys[$1])! }
        let head = labels.indices.filter { !last.contains(keys[$0]) }
        let ranked: [Int]
        if head.allSatisfy({ agreement.contains(keys[$0]) }), head.count >= 2 {
            ranked = head.sorted { agreement.firstIndex(of: keys[$0])! < agreement.firstIndex(of: keys[$1])! }
        } else if head.allSatisfy({ yesNo.contains(keys[$0]) }), !head.isEmpty {
            ranked = head.sorted { yesNo.firstIndex(of: keys[$0])! < yesNo.firstIndex(of: keys[$1])! }
        } else if head.count >= 2, head.allSatisfy({ leadingNumber(labels[$0]) != nil }) {
            ranked = head.sorted { (leadingNumber(labels[$0])!, $0) < (leadingNumber(labels[$1])!, $1) }
        } else {
            ranked = head.sorted { (-counts[$0], labels[$0]) < (-counts[$1], labels[$1]) }
        }
        return ranked + tail
    }

    static func leadingNumber(_ label: String) -> Double? {
        let digits = label.prefix { $0.isNumber || $0 == "." }
        return digits.isEmpty ? nil : Double(digits)
    }
}

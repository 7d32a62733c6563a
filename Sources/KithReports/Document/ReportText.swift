import KithStatistics

/// The one formatter of report numbers for people: every renderer and every sentence of a
/// report writes figures through it, so a percentage, an interval or a p-value reads the same
/// in a table, a Markdown paper and an HTML page.
package enum ReportText {
    /// A value as a table cell shows it.
    package static func cell(_ value: ReportValue) -> String {
        switch value {
        case .text(let text): text
        case .count(let count): count.text
        case .countAndPercent(let count, let percent): percent.map { "\(count.text) (\(fixed($0, 1))%)" } ?? count.text
        case .number(let number): self.number(number)
        case .interval(let lower, let upper): interval(lower, upper)
        case .estimate(let value, let lower, let upper):
            if let lower, let upper { "\(number(value)) (\(interval(lower, upper)))" } else { number(value) }
        case .pValue(let p): pValue(p)
        case .missing: "–"
        case .blank: ""
        }
    }

    /// A number to its places; a signed one with "+" or a true minus sign ("−").
    package static func number(_ number: ReportNumber) -> String {
        let text = fixed(number.value, number.places)
        guard number.signed else { return text }
        if text.hasPrefix("-") { return "−" + text.dropFirst() }
        return number.value > 0 && text != fixed(0, number.places) ? "+" + text : text
    }

    /// "31.5–43.2" for percentages that cannot be negative; "−0.30 to +2.10" otherwise.
    package static func interval(_ lower: ReportNumber, _ upper: ReportNumber) -> String {
        let plainPercent = lower.unit == .percentage && !lower.signed && lower.value >= 0
        return plainPercent ? "\(number(lower))–\(number(upper))" : "\(number(lower)) to \(number(upper))"
    }

    /// Three decimals, or "<0.001".
    package static func pValue(_ p: Double) -> String { p < 0.001 ? "<0.001" : fixed(p, 3) }

    /// A number rounded half away from zero to `places` decimals, never "-0".
    package static func fixed(_ value: Double, _ places: Int) -> String { TextFormat.fixed(value, places) }

    /// A score to two decimals, or "–".
    static func mean(_ value: Double?) -> String { value.map { fixed($0, 2) } ?? "–" }

    /// A signed change to `places` decimals, or "–".
    static func signed(_ value: Double?, _ places: Int = 2) -> String {
        value.map { number(ReportNumber($0, .score, places: places, signed: true)) } ?? "–"
    }

    /// "37.2%", or "–".
    static func percent(_ value: Double?) -> String { value.map { fixed($0, 1) + "%" } ?? "–" }

    /// "97 (37.2%)", or the count alone.
    static func count(_ count: ShownCount, percent: Double?) -> String { cell(.countAndPercent(count, percent: percent)) }

    /// "+1.20 (−0.30 to +2.10)" for a change with its interval.
    static func estimate(_ value: Double?, _ ci: ConfidenceInterval?, _ places: Int = 2) -> String {
        cell(.estimate(value, ci?.lower, ci?.upper, .score, places: places, signed: true))
    }

    static func p(_ value: Double?) -> String { value.map(pValue) ?? "–" }
}

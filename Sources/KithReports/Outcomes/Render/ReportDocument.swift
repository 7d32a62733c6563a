import KithStatistics

/// A report laid out for people: headings, paragraphs, tables and a funnel
/// plot, all numbers already formatted. The text, Markdown and HTML renderers
/// draw it; none of them computes anything.
public struct ReportDocument: Sendable {
    public enum Block: Sendable {
        case heading(String, level: Int)
        case paragraph(String)
        /// A table; `numeric[i]` right-aligns column i.
        case table(header: [String], rows: [[String]], numeric: [Bool])
        case list([String])
        /// A funnel plot (drawn as SVG in HTML; as its table elsewhere, which follows it).
        case funnel(FunnelChart, title: String, axis: String)
    }

    public var title: String
    public var blocks: [Block] = []

    public init(title: String) { self.title = title }

    /// The end of every outcome report: the notes with the disclosure statement, then the licences.
    mutating func closing(notes: [String], policy: DisclosurePolicy, licences: [String]) {
        heading("Notes")
        list(notes + [policy.statement])
        if !licences.isEmpty {
            heading("Licences")
            list(licences)
        }
    }

    mutating func heading(_ text: String, level: Int = 2) { blocks.append(.heading(text, level: level)) }
    mutating func paragraph(_ text: String) { blocks.append(.paragraph(text)) }
    mutating func list(_ items: [String]) { if !items.isEmpty { blocks.append(.list(items)) } }
    mutating func table(_ header: [String], _ rows: [[String]], numeric: [Bool]? = nil) {
        blocks.append(.table(header: header, rows: rows, numeric: numeric ?? header.indices.map { $0 > 0 }))
    }
}

/// Formatting of report numbers for people.
enum Shown {
    static func mean(_ value: Double?) -> String { value.map { TextFormat.fixed($0, 2) } ?? "–" }
    static func signed(_ value: Double?, _ places: Int = 2) -> String {
        guard let value else { return "–" }
        let text = TextFormat.fixed(value, places)
        return value > 0 && text != TextFormat.fixed(0, places) ? "+" + text : text.replacingOccurrences(of: "-", with: "−")
    }
    static func interval(_ ci: ConfidenceInterval?, _ places: Int = 2) -> String {
        guard let ci else { return "–" }
        return "\(signed(ci.lower, places)) to \(signed(ci.upper, places))"
    }
    static func estimate(_ value: Double?, _ ci: ConfidenceInterval?, _ places: Int = 2) -> String {
        guard let value else { return "–" }
        return "\(signed(value, places)) (\(interval(ci, places)))"
    }
    static func p(_ value: Double?) -> String {
        guard let value else { return "–" }
        return value < 0.001 ? "<0.001" : TextFormat.fixed(value, 3)
    }
    static func percent(_ value: Double?) -> String { value.map { TextFormat.fixed($0, 1) + "%" } ?? "–" }
    static func count(_ count: ShownCount, percent: Double?) -> String {
        percent.map { "\(count.text) (\(TextFormat.fixed($0, 1))%)" } ?? count.text
    }
}

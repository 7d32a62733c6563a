/// A report laid out for people, in one model for every report (summary, change, comparison):
/// headings, paragraphs, lists, typed tables and charts. The renderers — text, Markdown,
/// HTML — draw it and compute nothing; the figures in it are typed values, not strings, so a
/// new format renders from it without redoing the report.
public struct ReportDocument: Sendable {
    public enum Block: Sendable {
        /// A heading below the title (level 2 or more).
        case heading(String, level: Int)
        case paragraph(String)
        /// A remark set apart from the text: a withheld statistic, a caveat, a licence.
        case note(String)
        case list([String])
        case table(ReportTable)
        case chart(ReportChart)
    }

    public var title: String
    /// The language of the text, as a BCP 47 tag.
    public var language = "en-GB"
    public var blocks: [Block] = []

    package init(title: String) { self.title = title }

    package mutating func heading(_ text: String, level: Int = 2) { blocks.append(.heading(text, level: level)) }
    package mutating func paragraph(_ text: String) { blocks.append(.paragraph(text)) }
    package mutating func note(_ text: String) { blocks.append(.note(text)) }
    package mutating func list(_ items: [String]) { if !items.isEmpty { blocks.append(.list(items)) } }
    package mutating func table(_ table: ReportTable) { blocks.append(.table(table)) }
    package mutating func chart(_ chart: ReportChart) { blocks.append(.chart(chart)) }

    /// The end of every outcome report: the notes with the disclosure statement, then the licences.
    mutating func closing(notes: [String], policy: DisclosurePolicy, licences: [String]) {
        heading("Notes")
        list(notes + [policy.statement])
        if !licences.isEmpty {
            heading("Licences")
            list(licences)
        }
    }
}

/// A table of typed values. The first column names each row (a row header); the others are
/// figures or words. Every row has one value per column.
public struct ReportTable: Sendable {
    /// What the table shows, for its caption (HTML) and for readers moving between tables.
    public var caption: String
    public var columns: [String]
    public var rows: [[ReportValue]]

    package init(caption: String, columns: [String], rows: [[ReportValue]]) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "every row of '\(caption)' has one value per column")
        self.caption = caption
        self.columns = columns
        self.rows = rows
    }

    /// Whether column `index` holds figures (right-aligned): any of its cells is a figure.
    package func isFigures(_ index: Int) -> Bool { index > 0 && rows.contains { $0[index].isFigure } }
}

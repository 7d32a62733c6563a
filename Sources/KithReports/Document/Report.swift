/// The formats every report is written in.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Plain text for a terminal.
    case table
    /// Markdown to paste into a paper.
    case markdown
    /// Machine-readable rows for a spreadsheet.
    case csv
    /// One JSON object, in the shape the README documents.
    case json
    /// One self-contained HTML page.
    case html

    /// Reports meant to be shared default to `min5`; the analyst's own views show every count.
    public var defaultPolicy: DisclosurePolicy {
        switch self {
        case .markdown, .html, .csv: .min5
        case .table, .json: .none
        }
    }
}

/// A finished report: a document for people, and CSV and JSON for programs.
public protocol Report: Sendable {
    /// The report laid out for the text, Markdown and HTML renderers.
    func document() -> ReportDocument
    func csv() -> String
    func json() -> String
    /// Licence notices that must accompany the figures (WEMWBS/SWEMWBS).
    var licences: [String] { get }
}

extension Report {
    /// The report in `format`, ready to write.
    public func rendered(as format: ReportFormat) -> String {
        switch format {
        case .table: TextRenderer.render(document())
        case .markdown: MarkdownRenderer.render(document())
        case .html: HTMLRenderer.render(document())
        case .csv: csv()
        case .json: json()
        }
    }
}

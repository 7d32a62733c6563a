/// Draws a `ReportDocument` for a terminal: plain text and aligned columns. Sentences are not
/// wrapped (the terminal wraps them), so each stays one line to search and copy.
public enum TextRenderer {
    static let width = 100

    public static func render(_ document: ReportDocument) -> String {
        var out = document.title + "\n" + String(repeating: "=", count: min(width, document.title.count)) + "\n"
        for block in document.blocks {
            switch block {
            case .heading(let text, let level):
                out += "\n" + text + "\n" + (level <= 2 ? String(repeating: "-", count: min(width, text.count)) + "\n" : "")
            case .paragraph(let text):
                out += "\n" + oneLine(text) + "\n"
            case .note(let text):
                out += "\n  " + oneLine(text) + "\n"
            case .list(let items):
                out += "\n" + items.map { "  - " + oneLine($0) + "\n" }.joined()
            case .table(let table):
                out += "\n" + self.table(table)
            case .chart:
                continue // the table beside it gives the same figures
            }
        }
        return out
    }

    static func table(_ table: ReportTable) -> String {
        let cells = table.rows.map { $0.map { oneLine(ReportText.cell($0)) } }
        let widths = table.columns.indices.map { c in ([table.columns[c]] + cells.map { $0[c] }).map(\.count).max() ?? 0 }
        let figures = table.columns.indices.map(table.isFigures)
        func line(_ row: [String]) -> String {
            var text = row.indices.map { TextFormat.pad(row[$0], widths[$0], right: figures[$0]) }.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text + "\n"
        }
        return line(table.columns) + line(widths.map { String(repeating: "-", count: $0) }) + cells.map(line).joined()
    }

    private static func oneLine(_ text: String) -> String {
        text.contains(where: \.isNewline) ? String(text.map { $0.isNewline ? " " : $0 }) : text
    }
}

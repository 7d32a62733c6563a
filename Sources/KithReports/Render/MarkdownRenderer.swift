/// Draws a `ReportDocument` as Markdown ready to paste into a paper (GitHub tables). Every
/// piece of text goes through `escape`, so a label cannot become markup.
public enum MarkdownRenderer {
    public static func render(_ document: ReportDocument) -> String {
        var out = "# \(escape(document.title))\n"
        for block in document.blocks {
            switch block {
            case .heading(let text, let level):
                out += "\n" + String(repeating: "#", count: min(6, max(2, level))) + " " + escape(text) + "\n"
            case .paragraph(let text):
                out += "\n" + escape(text) + "\n"
            case .note(let text):
                out += "\n_" + escape(text) + "_\n"
            case .list(let items):
                out += "\n" + items.map { "- " + escape($0) }.joined(separator: "\n") + "\n"
            case .table(let table):
                out += "\n" + self.table(table)
            case .chart:
                continue // the table beside it gives the same figures
            }
        }
        return out
    }

    static func table(_ table: ReportTable) -> String {
        func line(_ cells: [String]) -> String { "| " + cells.map(escape).joined(separator: " | ") + " |\n" }
        let rule = "|" + table.columns.indices.map { table.isFigures($0) ? " ---: |" : " --- |" }.joined() + "\n"
        return line(table.columns) + rule + table.rows.map { line($0.map(ReportText.cell)) }.joined()
    }

    /// Escapes what Markdown would read as markup in running text or a table cell: backslash,
    /// backtick, asterisk, underscore, brackets, pipes, `&` and `~` anywhere; `<` before a
    /// letter, `/` or `!` (a tag or comment, while "<5" stays as it is); `#`, `>`, `+`, `-` or
    /// `=` first (a heading, quote, list item or underline) and the `.` or `)` of a leading
    /// "1. " (a numbered list); a line break becomes a space, so a cell cannot break its table.
    package static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let characters = Array(text)
        for (i, ch) in characters.enumerated() {
            if ch == "\n" || ch == "\r" || ch == "\r\n" {
                out.append(" ")
                continue
            }
            let next = i + 1 < characters.count ? characters[i + 1] : " "
            var active = "\\`*_[]|&~".contains(ch)
            if ch == "<", next.isLetter || next == "/" || next == "!" { active = true }
            if i == 0, "#>+-=".contains(ch), !(ch == "-" && next.isNumber) { active = true }
            if ".)".contains(ch), next == " ", i > 0, characters[..<i].allSatisfy(\.isNumber) { active = true }
            if active { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}

/// Draws a `ReportDocument` as Markdown ready to paste into a paper (GitHub tables).
public enum MarkdownRenderer {
    public static func render(_ document: ReportDocument) -> String {
        var out = "# \(escape(document.title))\n"
        for block in document.blocks {
            switch block {
            case let .heading(text, level):
                out += "\n" + String(repeating: "#", count: min(6, level + 0)) + " " + escape(text) + "\n"
            case let .paragraph(text):
                out += "\n" + escape(text) + "\n"
            case let .list(items):
                out += "\n" + items.map { "- " + escape($0) }.joined(separator: "\n") + "\n"
            case let .table(header, rows, numeric):
                out += "\n| " + header.map(cell).joined(separator: " | ") + " |\n"
                out += "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
                for row in rows { out += "| " + header.indices.map { $0 < row.count ? cell(row[$0]) : "" }.joined(separator: " | ") + " |\n" }
            case .funnel:
                continue
            }
        }
        return out
    }

    /// Markdown's active characters in running text: backslash, backtick, asterisk, brackets, pipes;
    /// `<` before a letter or slash (an HTML tag); `_` at the start of a word (emphasis); `#` first.
    static func escape(_ text: String) -> String {
        var out = ""
        let characters = Array(text)
        for (i, ch) in characters.enumerated() {
            let next = i + 1 < characters.count ? characters[i + 1] : " "
            let previous = i > 0 ? characters[i - 1] : " "
            var active = "\\`*[]|".contains(ch)
            if ch == "<", next.isLetter || next == "/" || next == "!" { active = true }
            if ch == "_", !(previous.isLetter || previous.isNumber) { active = true }
            if ch == "#", i == 0 { active = true }
            if active { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    static func cell(_ text: String) -> String { escape(text) }
}

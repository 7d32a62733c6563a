/// Draws a `ReportDocument` for a terminal: plain text, aligned columns.
public enum TextRenderer {
    public static func render(_ document: ReportDocument) -> String {
        var out = document.title + "\n" + String(repeating: "=", count: min(100, document.title.count)) + "\n"
        for block in document.blocks {
            switch block {
            case let .heading(text, level):
                out += "\n" + text + "\n" + (level <= 2 ? String(repeating: level == 1 ? "=" : "-", count: min(100, text.count)) + "\n" : "")
            case let .paragraph(text):
                out += "\n" + wrap(text, width: 100) + "\n"
            case let .list(items):
                out += "\n" + items.map { wrap("- " + $0, width: 100, indent: "  ") }.joined(separator: "\n") + "\n"
            case let .table(header, rows, numeric):
                out += "\n" + table(header, rows, numeric)
            case .funnel:
                continue // its figures follow as a table
            }
        }
        return out
    }

    static func table(_ header: [String], _ rows: [[String]], _ numeric: [Bool]) -> String {
        let widths = header.indices.map { c in ([header[c]] + rows.map { c < $0.count ? $0[c] : "" }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            header.indices.map { c in TextFormat.pad(c < cells.count ? cells[c] : "", widths[c], right: numeric[c]) }
                .joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        return ([line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(line)).joined(separator: "\n")
            + "\n"
    }

    static func wrap(_ text: String, width: Int, indent: String = "") -> String {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !current.isEmpty, current.count + 1 + word.count > width {
                lines.append(current)
                current = indent + word
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}

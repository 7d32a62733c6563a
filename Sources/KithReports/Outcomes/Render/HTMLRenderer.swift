/// Draws a `ReportDocument` as one self-contained HTML file: inline style and
/// SVG, no scripts, no network; readable on screen and when printed.
public enum HTMLRenderer {
    public static func render(_ document: ReportDocument) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(escape(document.title))</title>
            <style>
            body { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: #111; max-width: 70rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
            table { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.92rem; }
            th, td { border: 1px solid #999; padding: 0.25rem 0.5rem; vertical-align: top; }
            th { background: #eee; text-align: left; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            figure { margin: 1rem 0; page-break-inside: avoid; }
            figcaption { font-size: 0.9rem; color: #333; }
            svg text { font-family: inherit; }
            @media print { body { margin: 0; max-width: none; } th { background: #ddd; } }
            </style>
            </head>
            <body>
            <h1>\(escape(document.title))</h1>

            """
        for block in document.blocks {
            switch block {
            case let .heading(text, level):
                let h = min(6, max(2, level))
                out += "<h\(h)>\(escape(text))</h\(h)>\n"
            case let .paragraph(text):
                out += "<p>\(escape(text))</p>\n"
            case let .list(items):
                out += "<ul>\n" + items.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
            case let .table(header, rows, numeric):
                out += "<table>\n<thead><tr>" + header.map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
                for row in rows {
                    out +=
                        "<tr>"
                        + header.indices.map { c in
                            let text = c < row.count ? escape(row[c]) : ""
                            return c == 0 ? "<th scope=\"row\">\(text)</th>" : (numeric[c] ? "<td class=\"n\">\(text)</td>" : "<td>\(text)</td>")
                        }.joined() + "</tr>\n"
                }
                out += "</tbody>\n</table>\n"
            case let .funnel(chart, title, axis):
                out += "<figure>\n" + FunnelSVG.render(chart, title: title, axis: axis) + "<figcaption>\(escape(title))</figcaption>\n</figure>\n"
            }
        }
        return out + "</body>\n</html>\n"
    }

    static func escape(_ text: String) -> String { TextFormat.html(text) }
}

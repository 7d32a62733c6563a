/// Draws a `ReportDocument` as one self-contained HTML file: inline style and SVG, no scripts,
/// no network; readable on screen and when printed. Accessible by construction: the page's
/// language, one `h1`, headings in order, tables with captions and header scopes, charts as
/// `role="img"` with a title and a description that states their figures.
public enum HTMLRenderer {
    public static func render(_ document: ReportDocument) -> String {
        var body = "<h1>\(escape(document.title))</h1>\n"
        var openSection = false
        var openBlock = false
        var chartNumber = 0
        func closeBlock() {
            if openBlock { body += "</div>\n" }
            openBlock = false
        }
        for block in document.blocks {
            switch block {
            case .heading(let text, let level):
                closeBlock()
                if level <= 2 {
                    if openSection { body += "</section>\n" }
                    body += "<section>\n<h2>\(escape(text))</h2>\n"
                    openSection = true
                } else {
                    let h = min(6, level)
                    body += "<div class=\"block\">\n<h\(h)>\(escape(text))</h\(h)>\n"
                    openBlock = true
                }
            case .paragraph(let text):
                body += "<p>\(escape(text))</p>\n"
            case .note(let text):
                body += "<p class=\"note\">\(escape(text))</p>\n"
            case .list(let items):
                body += "<ul>\n" + items.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
            case .table(let table):
                body += self.table(table)
            case .chart(let chart):
                chartNumber += 1
                body += figure(chart, id: "chart-\(chartNumber)")
            }
        }
        closeBlock()
        if openSection { body += "</section>\n" }
        return """
            <!DOCTYPE html>
            <html lang="\(escape(document.language))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(document.title))</title>
            <style>
            \(HTMLStyle.sheet)</style>
            </head>
            <body>
            <main>
            \(body)</main>
            </body>
            </html>

            """
    }

    static func table(_ table: ReportTable) -> String {
        let figures = table.columns.indices.map(table.isFigures)
        var out = "<table>\n<caption>\(escape(table.caption))</caption>\n<thead><tr>"
        out += table.columns.indices.map { c in "<th scope=\"col\"\(figures[c] ? " class=\"n\"" : "")>\(escape(table.columns[c]))</th>" }.joined()
        out += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>"
            for (c, value) in row.enumerated() {
                let text = escape(ReportText.cell(value))
                out += c == 0 ? "<th scope=\"row\">\(text)</th>" : (figures[c] ? "<td class=\"n\">\(text)</td>" : "<td>\(text)</td>")
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    static func figure(_ chart: ReportChart, id: String) -> String {
        let svg: String
        switch chart {
        case .bars(let bars): svg = BarsSVG.render(bars, id: id)
        case .funnel(let funnel, let title, let axis): svg = FunnelSVG.render(funnel, title: title, axis: axis, id: id)
        }
        return "<figure>\n" + svg + "<figcaption>\(escape(chart.title))</figcaption>\n</figure>\n"
    }

    /// The opening of a chart's SVG: `role="img"`, labelled by its title and described by its figures.
    static func svgOpening(_ chart: ReportChart, id: String, width: Double, height: Double) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" "
            + "height=\"\(Int(height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">\n"
            + "<title id=\"\(id)-title\">\(escape(chart.title))</title>\n<desc id=\"\(id)-desc\">\(escape(chart.summary))</desc>\n"
    }

    /// Text for HTML content or a quoted attribute: `& < > " '` escaped.
    package static func escape(_ text: String) -> String { TextFormat.html(text) }
}

/// The one style sheet of every report, so a summary, a change report and a comparison look
/// like one family. Colours meet WCAG AA contrast; bars print in grey.
enum HTMLStyle {
    static let sheet = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: #1a1a1a; line-height: 1.45; }
        main { max-width: 64rem; margin: 2rem auto; padding: 0 1rem; }
        h1 { font-size: 1.6rem; }
        h2 { font-size: 1.3rem; border-bottom: 2px solid #005ea5; padding-bottom: .2rem; margin-top: 2rem; }
        h3, h4 { font-size: 1.05rem; margin: 1.5rem 0 .3rem; }
        table { border-collapse: collapse; margin: .4rem 0 .8rem; font-size: .9rem; }
        caption { text-align: left; font-size: .85rem; color: #444; padding-bottom: .2rem; }
        th, td { border-bottom: 1px solid #bbb; padding: .2rem .5rem; text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid #555; }
        .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .note { color: #444; font-size: .9rem; }
        figure { margin: .6rem 0 1rem; }
        figcaption { font-size: .85rem; color: #444; }
        svg { display: block; max-width: 100%; height: auto; }
        svg text { font-family: inherit; font-size: 11px; fill: #1a1a1a; }
        .bar { fill: #5694ca; } .whisker { stroke: #0b0c0c; stroke-width: 1.2; } .axis { stroke: #767676; stroke-width: 1; }
        .reference { stroke: #d4351c; stroke-width: 1.5; stroke-dasharray: 4 3; }
        @media print {
          main { max-width: none; margin: 0; } body { font-size: 10pt; }
          h2, h3 { break-after: avoid; } .block, table, figure { break-inside: avoid; }
          .bar { fill: #777; } .reference { stroke: #000; }
        }

        """
}

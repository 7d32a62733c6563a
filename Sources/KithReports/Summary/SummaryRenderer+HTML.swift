extension SummaryRenderer {
    /// One self-contained HTML file: no scripts, no network; inline SVG bar charts with
    /// interval whiskers; a print style sheet so the report reads well on paper.
    static func html(_ summary: SurveySummary) -> String {
        var body = "<h1>\(esc(title(summary)))</h1>\n<p class=\"policy\">\(esc(summary.policy.statement))</p>\n"
        body += "<section><h2>Headlines</h2><ul>\n" + summary.headlines.map { "<li>\(esc($0))</li>\n" }.joined() + "</ul></section>\n"
        body += "<section><h2>Responses</h2>\n" + htmlTable(["", "Count", ""], responseRows(summary).map { [$0.0, $0.1, $0.2] }) + "</section>\n"
        body +=
            "<section><h2>Questions</h2>\n<p>Base: \(esc(summary.response.complete.text)) complete responses. Percentages of all respondents and of those who answered, with 95% confidence intervals; bars show the percentage of those who answered, whiskers its interval.</p>\n"
        body += summary.questions.map(htmlQuestion).joined() + "</section>\n"
        if !summary.scales.isEmpty { body += "<section><h2>Scales</h2>\n" + summary.scales.map(htmlScale).joined() + "</section>\n" }
        for breakdown in summary.breakdowns { body += htmlBreakdown(breakdown) }
        body += "<section><h2>Notes</h2><ul>\n" + summary.notes.map { "<li>\(esc($0))</li>\n" }.joined() + "</ul>\n"
        body += summary.notices.map { "<p class=\"notice\">\(esc($0))</p>\n" }.joined() + "</section>\n"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(esc(title(summary)))</title>
            <style>
            body { font-family: Arial, Helvetica, sans-serif; color: #1a1a1a; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; }
            h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; border-bottom: 2px solid #005ea5; padding-bottom: .2rem; margin-top: 2rem; }
            h3 { font-size: 1.05rem; margin: 1.5rem 0 .3rem; }
            table { border-collapse: collapse; margin: .4rem 0 .8rem; font-size: .9rem; }
            th, td { border-bottom: 1px solid #ccc; padding: .2rem .5rem; text-align: right; vertical-align: top; }
            th:first-child, td:first-child { text-align: left; }
            .policy { background: #f3f2f1; padding: .5rem; border-left: 4px solid #005ea5; }
            .facts, .note { color: #444; font-size: .9rem; } .notice { font-size: .85rem; font-style: italic; }
            svg { display: block; margin: .3rem 0 .6rem; } svg text { font-size: 11px; fill: #1a1a1a; }
            .bar { fill: #5694ca; } .whisker { stroke: #0b0c0c; stroke-width: 1.2; } .axis { stroke: #999; stroke-width: 1; }
            @media print {
              body { max-width: none; margin: 0; font-size: 10pt; }
              h2 { break-after: avoid; } h3 { break-after: avoid; }
              .block { break-inside: avoid; } table, svg { break-inside: avoid; }
              .bar { fill: #777; } a { color: inherit; text-decoration: none; }
            }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    static func esc(_ text: String) -> String { TextFormat.html(text) }

    static func htmlTable(_ headers: [String], _ rows: [[String]]) -> String {
        "<table><thead><tr>" + headers.map { "<th>\(esc($0))</th>" }.joined() + "</tr></thead><tbody>\n"
            + rows.map { "<tr>" + $0.map { "<td>\(esc($0))</td>" }.joined() + "</tr>\n" }.joined() + "</tbody></table>\n"
    }

    /// Horizontal bars (0–100%) with interval whiskers; rows whose figure is withheld get no bar.
    static func bars(_ rows: [(label: String, value: Percentage?)], caption: String) -> String {
        let labelWidth = 200.0
        let plot = 300.0
        let rowHeight = 22.0
        let height = rowHeight * Double(rows.count) + 24
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(labelWidth + plot + 60))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(esc(caption))\">\n"
        for (index, row) in rows.enumerated() {
            let y = Double(index) * rowHeight
            var label = row.label
            if label.count > 32 { label = String(label.prefix(31)) + "…" }
            svg += "<text x=\"0\" y=\"\(f(y + 15))\">\(esc(label))</text>\n"
            guard let value = row.value else {
                svg += "<text x=\"\(f(labelWidth))\" y=\"\(f(y + 15))\">withheld</text>\n"
                continue
            }
            let x = { (p: Double) in labelWidth + plot * min(max(p, 0), 100) / 100 }
            svg +=
                "<rect class=\"bar\" x=\"\(f(labelWidth))\" y=\"\(f(y + 4))\" width=\"\(f(x(value.value) - labelWidth))\" height=\"14\"><title>\(esc(row.label)): \(pct(value))% (95% CI \(ci(value)))</title></rect>\n"
            svg += "<line class=\"whisker\" x1=\"\(f(x(value.lower)))\" x2=\"\(f(x(value.upper)))\" y1=\"\(f(y + 11))\" y2=\"\(f(y + 11))\"/>"
            svg += "<line class=\"whisker\" x1=\"\(f(x(value.lower)))\" x2=\"\(f(x(value.lower)))\" y1=\"\(f(y + 6))\" y2=\"\(f(y + 16))\"/>"
            svg += "<line class=\"whisker\" x1=\"\(f(x(value.upper)))\" x2=\"\(f(x(value.upper)))\" y1=\"\(f(y + 6))\" y2=\"\(f(y + 16))\"/>\n"
            svg += "<text x=\"\(f(x(value.upper) + 4))\" y=\"\(f(y + 15))\">\(pct(value))%</text>\n"
        }
        let axisY = rowHeight * Double(rows.count) + 4
        svg += "<line class=\"axis\" x1=\"\(f(labelWidth))\" x2=\"\(f(labelWidth + plot))\" y1=\"\(f(axisY))\" y2=\"\(f(axisY))\"/>\n"
        for tick in [0, 25, 50, 75, 100] {
            svg += "<text x=\"\(f(labelWidth + plot * Double(tick) / 100 - 6))\" y=\"\(f(axisY + 14))\">\(tick)%</text>\n"
        }
        return svg + "</svg>\n"
    }

    private static func f(_ value: Double) -> String { TextFormat.fixed(value, 1) }

    static func htmlQuestion(_ question: QuestionTable) -> String {
        var text = "<div class=\"block\"><h3>\(esc(question.text))</h3>\n"
        var facts = "\(kindLabel(question.kind)). Base \(question.base.text); answered \(question.answered.text); no answer \(question.noAnswer.text)"
        if let unreadable = question.unreadable { facts += "; not an option \(unreadable.text)" }
        text += "<p class=\"facts\">\(esc(facts)).</p>\n"
        if let withheld = question.withheld { text += "<p class=\"note\">\(esc(withheld)).</p>\n" }
        if let number = question.number {
            text += "<p>n \(esc(number.n.text)); mean \(SummaryRenderer.number(number.mean)); median \(SummaryRenderer.number(number.median)).</p>\n"
        }
        if !question.options.isEmpty {
            let multi = question.kind == .multiSelect
            text += bars(question.options.map { ($0.label, $0.ofAnswered) }, caption: "\(question.text): % of those who answered")
            var headers = ["Answer", "Count", "% of all (95% CI)", "% of answered (95% CI)"]
            if multi { headers.append("% of choices") }
            let rows = optionRows(question)
            text += htmlTable(headers, rows)
            if multi {
                text += "<p class=\"note\">People could choose more than one answer. Choices made: \(esc(question.choices?.text ?? "–")).</p>\n"
            }
        }
        return text + "</div>\n"
    }

    static func htmlScale(_ scale: ScaleSummary) -> String {
        var text = "<div class=\"block\"><h3>\(esc(scale.title)) (\(esc(scale.id)))</h3>\n"
        text +=
            "<p class=\"facts\">Scored \(esc(scale.scored.text)); incomplete \(esc(scale.incomplete.text)); not an option \(esc(scale.invalid.text)).</p>\n"
        if let stats = scale.statistics {
            text += htmlTable(
                ["Mean", "95% CI", "SD", "Median", "Quartiles", "Range"],
                [
                    [
                        number(stats.mean), "\(number(stats.lower)) to \(number(stats.upper))", number(stats.sd), number(stats.median),
                        "\(number(stats.lowerQuartile)) to \(number(stats.upperQuartile))", "\(number(stats.minimum)) to \(number(stats.maximum))"
                    ]
                ])
        } else if let withheld = scale.withheld {
            text += "<p class=\"note\">Statistics withheld: \(esc(withheld)).</p>\n"
        }
        for classification in scale.classifications {
            text += "<p>\(esc(classification.title)) — a \(esc(classification.status)) (\(esc(classification.source))):</p>\n"
            text += bars(classification.bands.map { ($0.label, $0.ofAnswered) }, caption: classification.title)
            text += htmlTable(["Band", "Count", "% of scored (95% CI)"], classification.bands.map { [$0.label, $0.count.text, pctCI($0.ofAnswered)] })
        }
        if let headline = scale.headline {
            var rows: [(label: String, value: Percentage?)] = [("\(headline.label): this survey", headline.ofRespondents)]
            if let benchmark = headline.benchmark {
                rows.append(("National (\(benchmark.period))", Percentage(value: benchmark.value, lower: benchmark.value, upper: benchmark.value)))
            }
            text += bars(rows, caption: "\(headline.label) beside the national benchmark")
            text += htmlTable(
                ["", "Count", "% of all (95% CI)", "% of answered (95% CI)"],
                [[headline.label, headline.count.text, pctCI(headline.ofRespondents), pctCI(headline.ofAnswered)]])
            if let benchmark = headline.benchmark { text += "<p class=\"note\">National benchmark: \(esc(benchmarkText(benchmark))).</p>\n" }
        }
        if let notice = scale.notice { text += "<p class=\"notice\">\(esc(notice))</p>\n" }
        return text + "</div>\n"
    }

    static func htmlBreakdown(_ breakdown: Breakdown) -> String {
        var text = "<section><h2>Breakdown by \(esc(breakdown.by))</h2>\n"
        for table in breakdown.tables {
            text +=
                "<div class=\"block\"><h3>\(esc(table.text)) by \(esc(breakdown.by))</h3>\n<p class=\"facts\">Counts, with the percentage of each group's answers.</p>\n"
            if let withheld = table.withheld { text += "<p class=\"note\">\(esc(withheld)).</p>\n" }
            let rows = crossRows(table)
            text += htmlTable([breakdown.by] + table.options + ["Total"], rows) + "<p class=\"note\">\(esc(testText(table.test)))</p></div>\n"
        }
        for means in breakdown.means {
            text += "<div class=\"block\"><h3>\(esc(means.title)) by \(esc(breakdown.by))</h3>\n"
            text += htmlTable(
                [breakdown.by, "n", "Mean", "95% CI", "SD"],
                means.groups.map { group in
                    [
                        group.group, group.n.text, number(group.mean), group.lower.map { "\(number($0)) to \(number(group.upper))" } ?? "–",
                        number(group.sd)
                    ]
                })
            let welch = welchText(means)
            if !welch.isEmpty { text += "<p class=\"note\">\(esc(welch))</p>\n" }
            text += "</div>\n"
        }
        return text + "</section>\n"
    }
}

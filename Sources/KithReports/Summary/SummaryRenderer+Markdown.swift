extension SummaryRenderer {
    /// Markdown ready to paste into a committee paper: headings, sentences, pipe tables.
    static func markdown(_ summary: SurveySummary) -> String {
        var text = "# \(title(summary))\n\n_\(summary.policy.statement)_\n\n## Headlines\n\n"
        text += summary.headlines.map { "- \($0)\n" }.joined() + "\n## Responses\n\n"
        text += mdTable(["", "Count", ""], responseRows(summary).map { [$0.0, $0.1, $0.2] }) + "\n"
        text +=
            "## Questions\n\nBase: \(summary.response.complete.text) complete responses. Each option is given as a percentage of all respondents and of those who answered the question, with 95% confidence intervals.\n\n"
        for question in summary.questions { text += mdQuestion(question) }
        if !summary.scales.isEmpty { text += "## Scales\n\n" + summary.scales.map(mdScale).joined() }
        for breakdown in summary.breakdowns { text += mdBreakdown(breakdown) }
        text += "## Notes\n\n" + summary.notes.map { "- \($0)\n" }.joined()
        if !summary.notices.isEmpty { text += "\n" + summary.notices.map { "_\(mdEscape($0))_\n" }.joined() }
        return text
    }

    static func mdEscape(_ text: String) -> String {
        // Escapes what Markdown would read as markup; "<5" stays as it is (not a tag).
        var result = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            let tag = character == "<" && index + 1 < characters.count && (characters[index + 1].isLetter || characters[index + 1] == "/")
            if "|*_`\\".contains(character) || tag { result.append("\\") }
            result.append(character == "\n" ? " " : character)
        }
        return result
    }

    static func mdTable(_ headers: [String], _ rows: [[String]], rightFrom: Int = 1) -> String {
        func line(_ cells: [String]) -> String { "| " + cells.map(mdEscape).joined(separator: " | ") + " |\n" }
        let rule = "|" + headers.indices.map { $0 >= rightFrom ? "---:|" : "---|" }.joined() + "\n"
        return line(headers) + rule + rows.map(line).joined()
    }

    static func mdQuestion(_ question: QuestionTable) -> String {
        var text = "### \(mdEscape(question.text))\n\n"
        var facts =
            "\(kindLabel(question.kind).prefix(1).uppercased() + kindLabel(question.kind).dropFirst()). Base \(question.base.text); answered \(question.answered.text); no answer \(question.noAnswer.text)"
        if let unreadable = question.unreadable { facts += "; not an option \(unreadable.text)" }
        text += mdEscape(facts) + ".\n\n"
        if let withheld = question.withheld { text += "_\(mdEscape(withheld))._\n\n" }
        if let number = question.number {
            text += "n \(number.n.text); mean \(SummaryRenderer.number(number.mean)); median \(SummaryRenderer.number(number.median)).\n\n"
        }
        guard !question.options.isEmpty else { return text }
        let multi = question.kind == .multiSelect
        var headers = ["Answer", "Count", "% of all", "95% CI", "% of answered", "95% CI"]
        if multi { headers.append("% of choices") }
        var rows = question.options.map { row -> [String] in
            var cells = [row.label, row.count.text, pct(row.ofRespondents), ci(row.ofRespondents), pct(row.ofAnswered), ci(row.ofAnswered)]
            if multi { cells.append(pct(row.ofResponses)) }
            return cells
        }
        if let top = question.topTwo {
            rows.append([
                "Agree (\(top.label))", top.count.text, pct(top.ofRespondents), ci(top.ofRespondents), pct(top.ofAnswered), ci(top.ofAnswered)
            ])
        }
        text += mdTable(headers, rows)
        if question.topTwo != nil { text += "\n_Agree: % of answered leaves out \"Don't know\", which is not a point of the scale._\n" }
        if multi {
            text +=
                "\n_People could choose more than one answer: percentages of people add up to more than 100. Choices made: \(question.choices?.text ?? "–")._\n"
        }
        return text + "\n"
    }

    static func mdScale(_ scale: ScaleSummary) -> String {
        var text = "### \(mdEscape(scale.title)) (`\(scale.id)`)\n\n"
        text += "Scored \(scale.scored.text); incomplete \(scale.incomplete.text); not an option \(scale.invalid.text).\n\n"
        if let stats = scale.statistics {
            text +=
                mdTable(
                    ["Mean", "95% CI", "SD", "Median", "Quartiles", "Range"],
                    [
                        [
                            number(stats.mean), "\(number(stats.lower)) to \(number(stats.upper))", number(stats.sd), number(stats.median),
                            "\(number(stats.lowerQuartile)) to \(number(stats.upperQuartile))", "\(number(stats.minimum)) to \(number(stats.maximum))"
                        ]
                    ], rightFrom: 0) + "\n"
        } else if let withheld = scale.withheld {
            text += "_Statistics withheld: \(mdEscape(withheld))._\n\n"
        }
        for classification in scale.classifications {
            text += "\(mdEscape(classification.title)) — a \(classification.status) (\(mdEscape(classification.source))):\n\n"
            text +=
                mdTable(
                    ["Band", "Count", "% of scored", "95% CI"],
                    classification.bands.map { [$0.label, $0.count.text, pct($0.ofAnswered), ci($0.ofAnswered)] }) + "\n"
        }
        if let headline = scale.headline {
            text +=
                mdTable(
                    ["", "Count", "% of all", "95% CI", "% of answered", "95% CI", "National benchmark"],
                    [
                        [
                            headline.label, headline.count.text, pct(headline.ofRespondents), ci(headline.ofRespondents), pct(headline.ofAnswered),
                            ci(headline.ofAnswered), headline.benchmark.map { "\(TextFormat.number($0.value))%" } ?? "–"
                        ]
                    ]) + "\n"
            if let benchmark = headline.benchmark { text += "Benchmark: \(mdEscape(benchmarkText(benchmark))).\n\n" }
        }
        if let notice = scale.notice { text += "_\(mdEscape(notice))_\n\n" }
        return text
    }

    static func mdBreakdown(_ breakdown: Breakdown) -> String {
        var text = "## Breakdown by \(mdEscape(breakdown.by))\n\n"
        for table in breakdown.tables {
            text += "### \(mdEscape(table.text)) by \(mdEscape(breakdown.by))\n\nCounts, with the percentage of each group's answers.\n\n"
            if let withheld = table.withheld { text += "_\(mdEscape(withheld))._\n\n" }
            let rows = crossRows(table)
            text += mdTable([breakdown.by] + table.options + ["Total"], rows) + "\n\(mdEscape(testText(table.test)))\n\n"
        }
        for means in breakdown.means {
            text += "### \(mdEscape(means.title)) by \(mdEscape(breakdown.by))\n\n"
            text += mdTable(
                [breakdown.by, "n", "Mean", "95% CI", "SD"],
                means.groups.map { group in
                    [
                        group.group, group.n.text, number(group.mean), group.lower.map { "\(number($0)) to \(number(group.upper))" } ?? "–",
                        number(group.sd)
                    ]
                })
            let welch = welchText(means)
            text += welch.isEmpty ? "\n" : "\n\(mdEscape(welch))\n\n"
        }
        return text
    }
}

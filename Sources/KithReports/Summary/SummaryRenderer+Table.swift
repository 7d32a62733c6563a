extension SummaryRenderer {
    /// The terminal view: plain text, aligned columns.
    static func table(_ summary: SurveySummary) -> String {
        var text = "\(title(summary)) (\(summary.kind.rawValue))\n\(summary.policy.statement)\n\n"
        text += "HEADLINES\n" + summary.headlines.map { "  - \($0)\n" }.joined() + "\n"
        text += "RESPONSES\n" + InstrumentText.table(["", "COUNT", ""], responseRows(summary).map { [$0.0, $0.1, $0.2] }) + "\n"
        text += "QUESTIONS (base: \(summary.response.complete.text) complete responses; % of all respondents and % of those who answered, 95% CI)\n\n"
        for question in summary.questions { text += questionBlock(question) + "\n" }
        if !summary.scales.isEmpty {
            text += "SCALES\n\n"
            for scale in summary.scales { text += scaleBlock(scale) + "\n" }
        }
        for breakdown in summary.breakdowns { text += breakdownBlock(breakdown) }
        text += "NOTES\n" + summary.notes.map { "  - \($0)\n" }.joined()
        if !summary.notices.isEmpty { text += "\n" + summary.notices.joined(separator: "\n") + "\n" }
        return text
    }

    static func questionBlock(_ question: QuestionTable) -> String {
        var text = "\(question.text)  [\(kindLabel(question.kind))]\n"
        text += "  base \(question.base.text); answered \(question.answered.text); no answer \(question.noAnswer.text)"
        if let unreadable = question.unreadable { text += "; not an option \(unreadable.text)" }
        text += "\n"
        if let withheld = question.withheld { text += "  (\(withheld))\n" }
        if let number = question.number {
            text += "  n \(number.n.text); mean \(SummaryRenderer.number(number.mean)); median \(SummaryRenderer.number(number.median))\n"
        }
        guard !question.options.isEmpty else { return text }
        let multi = question.kind == .multiSelect
        var headers = ["OPTION", "COUNT", "% OF ALL (95% CI)", "% OF ANSWERED (95% CI)"]
        if multi { headers.append("% OF CHOICES") }
        var rows = optionRows(question)
        if let choices = question.choices { rows.append(["Choices made", choices.text, "", "", multi ? "100.0" : ""]) }
        return text + InstrumentText.table(headers, rows)
    }

    static func scaleBlock(_ scale: ScaleSummary) -> String {
        var text = "\(scale.id) (\(scale.title))\n"
        text += "  scored \(scale.scored.text); incomplete \(scale.incomplete.text); not an option \(scale.invalid.text)\n"
        if let stats = scale.statistics {
            text +=
                "  mean \(number(stats.mean)) (95% CI \(number(stats.lower))–\(number(stats.upper))); SD \(number(stats.sd)); median \(number(stats.median)) (quartiles \(number(stats.lowerQuartile))–\(number(stats.upperQuartile))); range \(number(stats.minimum))–\(number(stats.maximum))\n"
        } else if let withheld = scale.withheld {
            text += "  statistics withheld: \(withheld)\n"
        }
        for classification in scale.classifications {
            text += "  \(classification.title) [\(classification.status): \(classification.source)]\n"
            text += InstrumentText.table(
                ["BAND", "COUNT", "% OF SCORED (95% CI)"], classification.bands.map { [$0.label, $0.count.text, pctCI($0.ofAnswered)] })
        }
        if let headline = scale.headline {
            text +=
                "  \(headline.label): \(headline.count.text); \(pctCI(headline.ofRespondents))% of all \(headline.respondents.text) respondents; \(pctCI(headline.ofAnswered))% of the \(headline.answered.text) who answered\n"
            if let benchmark = headline.benchmark { text += "  benchmark: \(benchmarkText(benchmark))\n" }
        }
        if let notice = scale.notice { text += "  \(notice)\n" }
        return text
    }

    static func breakdownBlock(_ breakdown: Breakdown) -> String {
        var text = "BREAKDOWN BY \(breakdown.by.uppercased())\n\n"
        for table in breakdown.tables {
            text += "\(table.text) by \(breakdown.by)  (counts, and % of each group's answers)\n"
            if let withheld = table.withheld { text += "  (\(withheld))\n" }
            let headers = [breakdown.by.uppercased()] + table.options + ["TOTAL"]
            let rows = crossRows(table)
            text += InstrumentText.table(headers, rows) + "  \(testText(table.test))\n\n"
        }
        for means in breakdown.means {
            text += "\(means.scale) by \(breakdown.by)\n"
            text += InstrumentText.table(
                [breakdown.by.uppercased(), "N", "MEAN (95% CI)", "SD"],
                means.groups.map { group in
                    [
                        group.group, group.n.text, group.mean.map { "\(number($0)) (\(number(group.lower))–\(number(group.upper)))" } ?? "–",
                        number(group.sd)
                    ]
                })
            let welch = welchText(means)
            if !welch.isEmpty { text += "  \(welch)\n" }
            text += "\n"
        }
        return text
    }
}

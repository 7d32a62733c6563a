extension SurveySummary {
    /// CSV for spreadsheets: one block per table (a title line, a header line, rows), blocks
    /// separated by a blank line. Percentages to one decimal; suppressed counts as their marker.
    public func csv() -> String {
        let summary = self
        var blocks: [[[String]]] = []
        blocks.append(
            [
                ["Survey", summary.survey], ["Wave", summary.wave ?? "all"], ["Disclosure control", summary.policy.rawValue],
                ["Statement", summary.policy.statement]
            ] + summary.headlines.map { ["Headline", $0] })
        let response = summary.response
        var responseRows = [["Response"], ["measure", "count", "percent", "ci_lower", "ci_upper"]]
        if let invited = response.invited { responseRows.append(["invited", String(invited), "", "", ""]) }
        responseRows.append(["responses", response.responses.text, "", "", ""])
        responseRows.append(["complete", response.complete.text, Self.pct(response.rate), Self.lower(response.rate), Self.upper(response.rate)])
        responseRows.append(["partial", response.partial.text, "", "", ""])
        blocks.append(responseRows)
        for question in summary.questions {
            var rows = [
                ["Question", question.text, question.kind.rawValue],
                ["base", question.base.text], ["answered", question.answered.text], ["no answer", question.noAnswer.text]
            ]
            if let unreadable = question.unreadable { rows.append(["not an option", unreadable.text]) }
            if let number = question.number {
                rows.append(["n", number.n.text])
                rows.append(["mean", number.mean.map(TextFormat.number) ?? ""])
                rows.append(["median", number.median.map(TextFormat.number) ?? ""])
            }
            if !question.options.isEmpty {
                var header = ["option", "count", "percent_of_respondents", "ci_lower", "ci_upper", "percent_of_answered", "ci_lower", "ci_upper"]
                if question.kind == .multiSelect { header.append("percent_of_choices") }
                rows.append(header)
                var options = question.options
                if let top = question.topTwo {
                    options.append(
                        OptionRow(
                            label: "Agree (\(top.label))", count: top.count, ofRespondents: top.ofRespondents, ofAnswered: top.ofAnswered,
                            ofResponses: nil))
                }
                for row in options {
                    var cells = [
                        row.label, row.count.text, Self.pct(row.ofRespondents), Self.lower(row.ofRespondents), Self.upper(row.ofRespondents),
                        Self.pct(row.ofAnswered), Self.lower(row.ofAnswered), Self.upper(row.ofAnswered)
                    ]
                    if question.kind == .multiSelect { cells.append(Self.pct(row.ofResponses)) }
                    rows.append(cells)
                }
            }
            blocks.append(rows)
        }
        for scale in summary.scales {
            let stats = scale.statistics
            var rows = [
                ["Scale", scale.id, scale.title],
                ["n", "incomplete", "invalid", "mean", "sd", "ci_lower", "ci_upper", "median", "lower_quartile", "upper_quartile", "min", "max"],
                [scale.scored.text, scale.incomplete.text, scale.invalid.text]
                    + [
                        stats?.mean, stats?.sd, stats?.lower, stats?.upper, stats?.median,
                        stats?.lowerQuartile, stats?.upperQuartile, stats?.minimum, stats?.maximum
                    ].map { $0.map(TextFormat.number) ?? "" }
            ]
            for classification in scale.classifications {
                rows.append(["classification", classification.title, classification.status])
                rows.append(["band", "count", "percent_of_scored", "ci_lower", "ci_upper"])
                rows += classification.bands.map {
                    [$0.label, $0.count.text, Self.pct($0.ofAnswered), Self.lower($0.ofAnswered), Self.upper($0.ofAnswered)]
                }
            }
            if let headline = scale.headline {
                rows.append([
                    "headline", "count", "percent_of_respondents", "ci_lower", "ci_upper", "percent_of_answered", "ci_lower", "ci_upper", "benchmark",
                    "benchmark_source"
                ])
                rows.append([
                    headline.label, headline.count.text, Self.pct(headline.ofRespondents), Self.lower(headline.ofRespondents),
                    Self.upper(headline.ofRespondents),
                    Self.pct(headline.ofAnswered), Self.lower(headline.ofAnswered), Self.upper(headline.ofAnswered),
                    headline.benchmark.map { TextFormat.number($0.value) } ?? "",
                    headline.benchmark.map { "\($0.survey) \($0.period), \($0.area): \($0.source)" } ?? ""
                ])
            }
            if let benchmark = scale.meanBenchmark {
                rows.append(["benchmark_mean", "benchmark_source"])
                rows.append([TextFormat.number(benchmark.value), "\(benchmark.survey) \(benchmark.period), \(benchmark.area): \(benchmark.source)"])
            }
            if let notice = scale.notice { rows.append(["notice", notice]) }
            blocks.append(rows)
        }
        for breakdown in summary.breakdowns {
            for table in breakdown.tables {
                var rows = [["Breakdown", table.text, "by \(breakdown.by)"], [breakdown.by] + table.options + ["total"]]
                rows += table.groups.indices.map { [table.groups[$0]] + table.cells[$0].map(\.text) + [table.groupTotals[$0].text] }
                rows.append(["total"] + table.optionTotals.map(\.text) + [table.total.text])
                rows.append(["test", Self.testText(table.test)])
                blocks.append(rows)
            }
            for means in breakdown.means {
                var rows = [["Breakdown", means.title, "by \(breakdown.by)"], [breakdown.by, "n", "mean", "ci_lower", "ci_upper", "sd"]]
                rows += means.groups.map { [$0.group, $0.n.text] + [$0.mean, $0.lower, $0.upper, $0.sd].map { $0.map(TextFormat.number) ?? "" } }
                let welch = Self.welchText(means)
                if !welch.isEmpty { rows.append(["test", welch]) }
                blocks.append(rows)
            }
        }
        blocks.append(summary.notes.map { ["Note", $0] } + summary.notices.map { ["Notice", $0] })
        return blocks.map { rows in rows.map { $0.map(TextFormat.csv).joined(separator: ",") + "\n" }.joined() }.joined(separator: "\n")
    }

    private static func pct(_ value: Percentage?) -> String { value.map { TextFormat.fixed($0.value, 1) } ?? "" }
    private static func pct(_ value: Double?) -> String { value.map { TextFormat.fixed($0, 1) } ?? "" }
    private static func lower(_ value: Percentage?) -> String { value.map { TextFormat.fixed($0.lower, 1) } ?? "" }
    private static func upper(_ value: Percentage?) -> String { value.map { TextFormat.fixed($0.upper, 1) } ?? "" }
}

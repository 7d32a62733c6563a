import KithCore

extension SurveySummary: Report {
    public var licences: [String] { notices }

    /// The summary laid out for the text, Markdown and HTML renderers.
    public func document() -> ReportDocument {
        var doc = ReportDocument(title: "Survey summary: \(survey)\(wave.map { ", wave \($0)" } ?? "")")
        doc.paragraph("Kind of survey: \(kind.rawValue). \(policy.statement)")
        doc.heading("Headlines")
        doc.list(headlines)
        doc.heading("Responses")
        doc.table(responseTable)
        doc.heading("Questions")
        doc.paragraph(
            "Base: \(response.complete.text) complete responses. Each option is given as a percentage of all respondents and of "
                + "those who answered the question, with 95% confidence intervals; bars show the percentage of those who answered.")
        for question in questions { Self.add(question, to: &doc) }
        if !scales.isEmpty {
            doc.heading("Scales")
            for scale in scales { Self.add(scale, to: &doc) }
        }
        for breakdown in breakdowns { Self.add(breakdown, to: &doc) }
        doc.heading("Notes")
        doc.list(notes)
        for notice in notices { doc.note(notice) }
        return doc
    }

    private var responseTable: ReportTable {
        var rows: [[ReportValue]] = []
        if let invited = response.invited { rows.append([.text("Invited (sent the survey)"), .count(invited), .blank, .blank]) }
        rows.append([.text("Responses in all"), .count(response.responses), .blank, .blank])
        rows.append([.text("Complete"), .count(response.complete)] + (response.rate == nil ? [.blank, .blank] : Self.percentage(response.rate)))
        rows.append([.text("Partial (not in the tables)"), .count(response.partial), .blank, .blank])
        return ReportTable(caption: "Responses", columns: ["Responses", "Count", "Response rate %", "95% CI"], rows: rows)
    }

    /// A percentage and its interval as two cells; `missing` twice when withheld.
    static func percentage(_ value: Percentage?) -> [ReportValue] {
        guard let value else { return [.missing, .missing] }
        return [.number(value.value, .percentage, places: 1), .interval(value.lower, value.upper, .percentage, places: 1)]
    }

    static func bar(_ label: String, _ value: Percentage?) -> BarChart.Bar {
        BarChart.Bar(label: label, value: value?.value, lower: value?.lower, upper: value?.upper)
    }

    static func kindLabel(_ kind: QuestionKind) -> String {
        switch kind {
        case .singleChoice: "Single choice"
        case .agreement: "Agreement scale"
        case .multiSelect: "Multiple choice: people could choose more than one"
        case .number: "Number"
        case .freeText: "Free text: not tabulated"
        case .item: "Instrument item"
        case .identifier: "Identifier: not tabulated"
        case .empty: "No answers"
        }
    }

    private static func add(_ question: QuestionTable, to doc: inout ReportDocument) {
        doc.heading(question.text, level: 3)
        var facts = "\(kindLabel(question.kind)). Base \(question.base.text); answered \(question.answered.text); no answer \(question.noAnswer.text)"
        if let unreadable = question.unreadable { facts += "; not an option \(unreadable.text)" }
        doc.paragraph(facts + ".")
        if let withheld = question.withheld { doc.note(withheld + ".") }
        if let number = question.number {
            doc.paragraph("n \(number.n.text); mean \(ReportText.mean(number.mean)); median \(ReportText.mean(number.median)).")
        }
        guard !question.options.isEmpty else { return }
        let multi = question.kind == .multiSelect
        doc.chart(.bars(BarChart(title: "\(question.text): % of those who answered", bars: question.options.map { bar($0.label, $0.ofAnswered) })))
        var columns = ["Answer", "Count", "% of all", "95% CI", "% of answered", "95% CI"]
        if multi { columns.append("% of choices") }
        var rows = question.options.map { row -> [ReportValue] in
            var cells = [.text(row.label), .count(row.count)] + percentage(row.ofRespondents) + percentage(row.ofAnswered)
            if multi { cells.append(.number(row.ofResponses, .percentage, places: 1)) }
            return cells
        }
        if let top = question.topTwo {
            rows.append(
                [.text("Agree (\(top.label))"), .count(top.count)] + percentage(top.ofRespondents) + percentage(top.ofAnswered)
                    + (multi ? [.blank] : []))
        }
        if multi, let choices = question.choices {
            rows.append([.text("Choices made"), .count(choices), .blank, .blank, .blank, .blank, .number(100, .percentage, places: 1)])
        }
        doc.table(ReportTable(caption: question.text, columns: columns, rows: rows))
        if question.topTwo != nil { doc.note("Agree: % of answered leaves out \"Don't know\", which is not a point of the scale.") }
        if multi { doc.note("People could choose more than one answer: percentages of people add up to more than 100.") }
    }

    private static func add(_ scale: ScaleSummary, to doc: inout ReportDocument) {
        doc.heading("\(scale.title) (\(scale.id))", level: 3)
        doc.paragraph("Scored \(scale.scored.text); incomplete \(scale.incomplete.text); not an option \(scale.invalid.text).")
        if let stats = scale.statistics {
            let score = { (value: Double?) in ReportValue.number(value, .score, places: 2) }
            let interval = { (lower: Double?, upper: Double?) in ReportValue.interval(lower, upper, .score, places: 2) }
            doc.table(
                ReportTable(
                    caption: "\(scale.title): scores", columns: ["Scale", "Mean", "95% CI", "SD", "Median", "Quartiles", "Range"],
                    rows: [
                        [
                            .text(scale.id), score(stats.mean), interval(stats.lower, stats.upper), score(stats.sd), score(stats.median),
                            interval(stats.lowerQuartile, stats.upperQuartile), interval(stats.minimum, stats.maximum)
                        ]
                    ]))
        } else if let withheld = scale.withheld {
            doc.note("Statistics withheld: \(withheld).")
        }
        if let benchmark = scale.meanBenchmark { doc.paragraph("National mean for comparison: \(meanBenchmarkText(benchmark)).") }
        for classification in scale.classifications {
            let article = classification.status == "official" ? "an" : "a"
            doc.paragraph("\(classification.title) — \(article) \(classification.status) (\(classification.source)):")
            let bands = classification.bands
            doc.chart(.bars(BarChart(title: "\(classification.title): % of those scored", bars: bands.map { bar($0.label, $0.ofAnswered) })))
            doc.table(
                ReportTable(
                    caption: classification.title, columns: ["Band", "Count", "% of scored", "95% CI"],
                    rows: bands.map { [.text($0.label), .count($0.count)] + percentage($0.ofAnswered) }))
        }
        if let headline = scale.headline { add(headline, to: &doc) }
        if let notice = scale.notice { doc.note(notice) }
    }

    private static func add(_ headline: HeadlineFigure, to doc: inout ReportDocument) {
        let benchmark = headline.benchmark
        doc.chart(
            .bars(
                BarChart(
                    title: "\(headline.label): % of all respondents" + (benchmark == nil ? "" : ", beside the national benchmark"),
                    bars: [bar("\(headline.label): this survey", headline.ofRespondents)],
                    references: benchmark.map { [BarChart.ReferenceLine(label: "National \($0.period)", value: $0.value)] } ?? [])))
        doc.table(
            ReportTable(
                caption: headline.label,
                columns: ["", "Count", "% of all", "95% CI", "% of answered", "95% CI", "National benchmark %"],
                rows: [
                    [.text(headline.label), .count(headline.count)] + percentage(headline.ofRespondents) + percentage(headline.ofAnswered)
                        + [.number(benchmark?.value, .percentage, places: 1)]
                ]))
        doc.paragraph(
            "\(headline.label): \(headline.count.text); \(pctCI(headline.ofRespondents))% of all \(headline.respondents.text) respondents; "
                + "\(pctCI(headline.ofAnswered))% of the \(headline.answered.text) who answered.")
        if let benchmark { doc.paragraph("National benchmark: \(benchmarkText(benchmark)).") }
    }

    private static func add(_ breakdown: Breakdown, to doc: inout ReportDocument) {
        doc.heading("Breakdown by \(breakdown.by)")
        for table in breakdown.tables {
            doc.heading("\(table.text) by \(breakdown.by)", level: 3)
            doc.paragraph("Counts, with the percentage of each group's answers.")
            if let withheld = table.withheld { doc.note(withheld + ".") }
            var rows: [[ReportValue]] = table.groups.indices.map { g in
                [.text(table.groups[g])]
                    + table.options.indices.map { o in .countAndPercent(table.cells[g][o], percent: table.rowPercents[g][o]) }
                    + [.count(table.groupTotals[g])]
            }
            rows.append([.text("Total")] + table.optionTotals.map { .count($0) } + [.count(table.total)])
            doc.table(ReportTable(caption: "\(table.text) by \(breakdown.by)", columns: [breakdown.by] + table.options + ["Total"], rows: rows))
            doc.note(testText(table.test))
        }
        for means in breakdown.means {
            doc.heading("\(means.title) by \(breakdown.by)", level: 3)
            let score = { (value: Double?) in ReportValue.number(value, .score, places: 2) }
            doc.table(
                ReportTable(
                    caption: "\(means.title) by \(breakdown.by)", columns: [breakdown.by, "n", "Mean", "95% CI", "SD"],
                    rows: means.groups.map { group in
                        [
                            .text(group.group), .count(group.n), score(group.mean), .interval(group.lower, group.upper, .score, places: 2),
                            score(group.sd)
                        ]
                    }))
            let welch = welchText(means)
            if !welch.isEmpty { doc.note(welch) }
        }
    }

    /// "37.2 (31.5–43.2)", or "–" when withheld.
    static func pctCI(_ value: Percentage?) -> String {
        value.map { ReportText.cell(.estimate($0.value, $0.lower, $0.upper, .percentage, places: 1)) } ?? "–"
    }

    static func testText(_ test: IndependenceTest?) -> String {
        guard let test else {
            return "Test not shown: some counts are suppressed (a test on the full table could reveal them), or too few groups."
        }
        var text = "Chi-square = \(ReportText.fixed(test.chiSquare, 2)), df = \(test.degreesOfFreedom), p = \(ReportText.pValue(test.pValue))."
        if let fisher = test.fisherP { text += " Fisher's exact test: p = \(ReportText.pValue(fisher))." }
        if let note = test.note { text += " \(note)" }
        return text
    }

    static func welchText(_ means: GroupMeans) -> String {
        var text =
            means.welch.map {
                "Welch's ANOVA: F = \(ReportText.fixed($0.f, 2)), df = \(ReportText.fixed($0.numeratorDF, 0)), "
                    + "\(ReportText.fixed($0.denominatorDF, 1)), p = \(ReportText.pValue($0.pValue))."
            } ?? ""
        if let note = means.note { text += (text.isEmpty ? "" : " ") + note }
        return text
    }

    static func meanBenchmarkText(_ benchmark: BenchmarkFigure) -> String {
        "\(TextFormat.fixed(benchmark.value, 1)) — \(benchmark.survey) \(benchmark.period), \(benchmark.area)"
            + "\(benchmark.population.map { ", \($0)" } ?? "") (\(benchmark.source))"
    }

    static func benchmarkText(_ benchmark: BenchmarkFigure) -> String {
        "\(TextFormat.number(benchmark.value))% — \(benchmark.survey) \(benchmark.period), \(benchmark.area)"
            + "\(benchmark.population.map { ", \($0)" } ?? "") (\(benchmark.source))"
    }
}

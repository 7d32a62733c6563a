import KithCore

/// Output formats of `kith summary`.
public enum SummaryFormat: String, Sendable, CaseIterable {
    case table, markdown, csv, json, html

    /// Reports meant to be shared default to `min5`; the analyst's own views show every count.
    public var defaultPolicy: DisclosurePolicy {
        switch self {
        case .markdown, .html, .csv: .min5
        case .table, .json: .none
        }
    }
}

/// Lays out a `SurveySummary`. Renderers compute nothing: every figure,
/// percentage and interval is in the summary; they only format it.
public enum SummaryRenderer {
    public static func render(_ summary: SurveySummary, format: SummaryFormat) -> String {
        switch format {
        case .table: table(summary)
        case .markdown: markdown(summary)
        case .csv: csv(summary)
        case .json: json(summary)
        case .html: html(summary)
        }
    }

    // MARK: Shared formatting

    /// "37.2" (one decimal), or "" when not shown.
    static func pct(_ value: Percentage?) -> String { value.map { TextFormat.fixed($0.value, 1) } ?? "" }
    static func pct(_ value: Double?) -> String { value.map { TextFormat.fixed($0, 1) } ?? "" }
    /// "31.5–43.2", or "" when not shown.
    static func ci(_ value: Percentage?) -> String {
        value.map { "\(TextFormat.fixed($0.lower, 1))–\(TextFormat.fixed($0.upper, 1))" } ?? ""
    }
    /// "37.2 (31.5–43.2)", or the dash of a withheld figure.
    static func pctCI(_ value: Percentage?) -> String { value.map { "\(pct($0)) (\(ci($0)))" } ?? "–" }
    static func number(_ value: Double?, _ places: Int = 2) -> String { value.map { TextFormat.fixed($0, places) } ?? "–" }

    /// A cross-table's rows as laid out by every renderer: per group, each option's
    /// "count (row %)" and the group's total; then the totals row.
    static func crossRows(_ table: CrossTable) -> [[String]] {
        var rows = table.groups.indices.map { g in
            [table.groups[g]]
                + table.options.indices.map { o in
                    table.rowPercents[g][o].map { "\(table.cells[g][o].text) (\(TextFormat.fixed($0, 1))%)" } ?? table.cells[g][o].text
                } + [table.groupTotals[g].text]
        }
        rows.append(["Total"] + table.optionTotals.map(\.text) + [table.total.text])
        return rows
    }

    /// A question's option rows for the table and HTML layouts: answer, count, % of all and
    /// % of answered with intervals (and % of choices for multi-select), then the top-two row.
    static func optionRows(_ question: QuestionTable) -> [[String]] {
        var rows = question.options.map { row -> [String] in
            var cells = [row.label, row.count.text, pctCI(row.ofRespondents), pctCI(row.ofAnswered)]
            if question.kind == .multiSelect { cells.append(pct(row.ofResponses)) }
            return cells
        }
        if let top = question.topTwo {
            rows.append(["Agree (\(top.label))", top.count.text, pctCI(top.ofRespondents), pctCI(top.ofAnswered) + " of those giving a view"])
        }
        return rows
    }

    static func title(_ summary: SurveySummary) -> String {
        "Survey summary: \(summary.survey)\(summary.wave.map { ", wave \($0)" } ?? "")"
    }

    static func kindLabel(_ kind: QuestionKind) -> String {
        switch kind {
        case .singleChoice: "single choice"
        case .agreement: "agreement scale"
        case .multiSelect: "multiple choice: people could choose more than one"
        case .number: "number"
        case .freeText: "free text: not tabulated"
        case .item: "instrument item"
        case .identifier: "identifier: not tabulated"
        case .empty: "no answers"
        }
    }

    static func testText(_ test: IndependenceTest?) -> String {
        guard let test else { return "Test not shown: some counts are suppressed (a test on the full table could reveal them), or too few groups." }
        var text = "Chi-square = \(TextFormat.fixed(test.chiSquare, 2)), df = \(test.degreesOfFreedom), p = \(pValue(test.pValue))."
        if let fisher = test.fisherP { text += " Fisher's exact test: p = \(pValue(fisher))." }
        if let note = test.note { text += " \(note)" }
        return text
    }

    static func welchText(_ means: GroupMeans) -> String {
        var text =
            means.welch.map {
                "Welch's ANOVA: F = \(TextFormat.fixed($0.f, 2)), df = \(TextFormat.fixed($0.numeratorDF, 0)), \(TextFormat.fixed($0.denominatorDF, 1)), p = \(pValue($0.pValue))."
            } ?? ""
        if let note = means.note { text += (text.isEmpty ? "" : " ") + note }
        return text
    }

    static func pValue(_ p: Double) -> String { p < 0.001 ? "<0.001" : TextFormat.fixed(p, 3) }

    static func benchmarkText(_ benchmark: BenchmarkFigure) -> String {
        "\(TextFormat.number(benchmark.value))% — \(benchmark.survey) \(benchmark.period), \(benchmark.area)\(benchmark.population.map { ", \($0)" } ?? "") (\(benchmark.source))"
    }

    static func responseRows(_ summary: SurveySummary) -> [(String, String, String)] {
        let response = summary.response
        var rows: [(String, String, String)] = []
        if let invited = response.invited { rows.append(("Invited (sent the survey)", String(invited), "")) }
        rows.append(("Responses in all", response.responses.text, ""))
        rows.append(("Complete", response.complete.text, response.rate.map { "response rate \(pctCI($0))%" } ?? ""))
        rows.append(("Partial (not in the tables)", response.partial.text, ""))
        return rows
    }
}

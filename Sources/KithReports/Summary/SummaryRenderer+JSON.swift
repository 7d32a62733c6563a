import Foundation

extension SummaryRenderer {
    /// One JSON object (shape documented in the README); percentages 0–100, unrounded.
    static func json(_ summary: SurveySummary) -> String {
        let response = summary.response
        var fields: [String] = [
            "\"survey\":\(TextFormat.json(summary.survey))",
            "\"kind\":\(TextFormat.json(summary.kind.rawValue))",
            "\"wave\":\(TextFormat.json(summary.wave))",
            "\"respondents\":\(TextFormat.json(response.complete.shown))",
            "\"invited\":\(TextFormat.json(response.invited))",
            "\"responses\":{\(count("complete", response.complete)),\(count("partial", response.partial)),\(count("total", response.responses))}",
            "\"response_rate\":\(response.rate.map { "{\"value\":\(TextFormat.number($0.value)),\"ci\":\(ci($0))}" } ?? "null")",
            "\"suppression\":\(TextFormat.json(summary.policy.rawValue))",
            "\"suppression_statement\":\(TextFormat.json(summary.policy.statement))",
            "\"headlines\":[\(summary.headlines.map { TextFormat.json($0) }.joined(separator: ","))]"
        ]
        fields.append("\"questions\":[\n" + summary.questions.map(question).joined(separator: ",\n") + "]")
        fields.append("\"scales\":[\n" + summary.scales.map(scale).joined(separator: ",\n") + "]")
        fields.append("\"breakdowns\":[" + summary.breakdowns.map(breakdown).joined(separator: ",\n") + "]")
        fields.append("\"notes\":[\(summary.notes.map { TextFormat.json($0) }.joined(separator: ","))]")
        fields.append("\"notices\":[\(summary.notices.map { TextFormat.json($0) }.joined(separator: ","))]")
        return "{" + fields.joined(separator: ",\n") + "}\n"
    }

    /// `97`, or the policy's marker as a string (`"<5"`) for a withheld count.
    static func value(_ count: ShownCount) -> String {
        count.shown.map(String.init) ?? TextFormat.json(count.text)
    }

    /// `"name":97`, or `"name":null,"name_suppressed":"<5"` for a withheld count.
    static func count(_ name: String, _ count: ShownCount) -> String {
        if let value = count.shown { return "\"\(name)\":\(value)" }
        return "\"\(name)\":null,\"\(name)_suppressed\":\(TextFormat.json(count.text))"
    }

    private static func ci(_ value: Percentage) -> String { "[\(TextFormat.number(value.lower)),\(TextFormat.number(value.upper))]" }
    private static func percentage(_ name: String, _ value: Percentage?) -> String {
        guard let value else { return "\"\(name)\":null,\"\(name == "percent" ? "ci" : name.replacingOccurrences(of: "percent", with: "ci"))\":null" }
        return
            "\"\(name)\":\(TextFormat.number(value.value)),\"\(name == "percent" ? "ci" : name.replacingOccurrences(of: "percent", with: "ci"))\":\(ci(value))"
    }
    private static func number(_ value: Double?) -> String { value.map(TextFormat.number) ?? "null" }

    static func option(_ row: OptionRow) -> String {
        var fields = [
            "\"label\":\(TextFormat.json(row.label))", count("count", row.count), percentage("percent", row.ofRespondents),
            percentage("percent_answered", row.ofAnswered)
        ]
        if let share = row.ofResponses { fields.append("\"percent_responses\":\(TextFormat.number(share))") }
        return "{" + fields.joined(separator: ",") + "}"
    }

    static func question(_ question: QuestionTable) -> String {
        var fields = [
            "\"id\":\(TextFormat.json(question.id))", "\"text\":\(TextFormat.json(question.text))", "\"kind\":\"\(question.kind.rawValue)\"",
            count("base", question.base), count("answered", question.answered), count("no_answer", question.noAnswer)
        ]
        if let unreadable = question.unreadable { fields.append(count("unreadable", unreadable)) }
        fields.append("\"options\":[" + question.options.map(option).joined(separator: ",") + "]")
        if let top = question.topTwo { fields.append("\"top_two\":" + option(top)) }
        if let choices = question.choices { fields.append(count("choices", choices)) }
        if let figures = question.number {
            fields += [count("n", figures.n), "\"mean\":\(number(figures.mean))", "\"median\":\(number(figures.median))"]
        }
        if let withheld = question.withheld { fields.append("\"withheld\":\(TextFormat.json(withheld))") }
        return "{" + fields.joined(separator: ",") + "}"
    }

    static func scale(_ scale: ScaleSummary) -> String {
        let stats = scale.statistics
        var fields = [
            "\"id\":\(TextFormat.json(scale.id))", "\"title\":\(TextFormat.json(scale.title))", count("n", scale.scored),
            count("incomplete", scale.incomplete), count("invalid", scale.invalid),
            "\"mean\":\(number(stats?.mean))", "\"sd\":\(number(stats?.sd))",
            "\"ci\":\(stats.flatMap { s in s.lower.map { "[\(TextFormat.number($0)),\(TextFormat.number(s.upper!))]" } } ?? "null")",
            "\"median\":\(number(stats?.median))",
            "\"quartiles\":\(stats.map { "[\(TextFormat.number($0.lowerQuartile)),\(TextFormat.number($0.upperQuartile))]" } ?? "null")",
            "\"min\":\(number(stats?.minimum))", "\"max\":\(number(stats?.maximum))", "\"single_item\":\(scale.singleItem)"
        ]
        if let withheld = scale.withheld { fields.append("\"withheld\":\(TextFormat.json(withheld))") }
        let classifications = scale.classifications.map { table in
            "{\"id\":\(TextFormat.json(table.id)),\"title\":\(TextFormat.json(table.title)),\"status\":\(TextFormat.json(table.status)),\"source\":\(TextFormat.json(table.source)),\"bands\":["
                + table.bands.map { band in
                    "{\"label\":\(TextFormat.json(band.label)),\(count("count", band.count)),\(percentage("percent", band.ofAnswered))}"
                }.joined(separator: ",") + "]}"
        }
        fields.append("\"classifications\":[\(classifications.joined(separator: ","))]")
        if let headline = scale.headline {
            var parts = [
                "\"label\":\(TextFormat.json(headline.label))", "\"statement\":\(TextFormat.json(headline.statement))",
                count("count", headline.count),
                count("base", headline.respondents), count("answered", headline.answered), percentage("percent", headline.ofRespondents),
                percentage("percent_answered", headline.ofAnswered), "\"source\":\(TextFormat.json(headline.source))"
            ]
            if let benchmark = headline.benchmark {
                parts.append(
                    "\"benchmark\":{\"value\":\(TextFormat.number(benchmark.value)),\"period\":\(TextFormat.json(benchmark.period)),\"area\":\(TextFormat.json(benchmark.area)),\"survey\":\(TextFormat.json(benchmark.survey)),\"population\":\(TextFormat.json(benchmark.population)),\"source\":\(TextFormat.json(benchmark.source))}"
                )
            }
            fields.append("\"headline\":{" + parts.joined(separator: ",") + "}")
        }
        fields.append("\"notice\":\(TextFormat.json(scale.notice))")
        return "{" + fields.joined(separator: ",") + "}"
    }

    static func breakdown(_ breakdown: Breakdown) -> String {
        let tables = breakdown.tables.map { table in
            let rows = table.groups.indices.map { g in
                "{\"group\":\(TextFormat.json(table.groups[g])),\(count("total", table.groupTotals[g])),\"counts\":["
                    + table.cells[g].map(value).joined(separator: ",") + "],\"percents\":[" + table.rowPercents[g].map(number).joined(separator: ",")
                    + "]}"
            }
            var test = "null"
            if let t = table.test {
                test =
                    "{\"chi_square\":\(TextFormat.number(t.chiSquare)),\"df\":\(t.degreesOfFreedom),\"p\":\(TextFormat.number(t.pValue)),\"doubtful\":\(t.doubtful),\"smallest_expected\":\(TextFormat.number(t.smallestExpected)),\"fisher_p\":\(number(t.fisherP)),\"note\":\(TextFormat.json(t.note))}"
            }
            return
                "{\"question\":\(TextFormat.json(table.question)),\"text\":\(TextFormat.json(table.text)),\"options\":[\(table.options.map { TextFormat.json($0) }.joined(separator: ","))],"
                + "\"rows\":[\(rows.joined(separator: ","))],\"option_totals\":[\(table.optionTotals.map(value).joined(separator: ","))],"
                + "\(count("total", table.total)),\"test\":\(test),\"withheld\":\(TextFormat.json(table.withheld))}"
        }
        let means = breakdown.means.map { means in
            let groups = means.groups.map { group in
                "{\"group\":\(TextFormat.json(group.group)),\(count("n", group.n)),\"mean\":\(number(group.mean)),\"sd\":\(number(group.sd)),\"ci\":\(group.lower.map { "[\(TextFormat.number($0)),\(TextFormat.number(group.upper!))]" } ?? "null")}"
            }
            let welch =
                means.welch.map {
                    "{\"f\":\(TextFormat.number($0.f)),\"df1\":\(TextFormat.number($0.numeratorDF)),\"df2\":\(TextFormat.number($0.denominatorDF)),\"p\":\(TextFormat.number($0.pValue))}"
                } ?? "null"
            return
                "{\"scale\":\(TextFormat.json(means.scale)),\"groups\":[\(groups.joined(separator: ","))],\"welch\":\(welch),\"note\":\(TextFormat.json(means.note))}"
        }
        return "{\"by\":\(TextFormat.json(breakdown.by)),\"tables\":[\(tables.joined(separator: ",\n"))],\"means\":[\(means.joined(separator: ","))]}"
    }
}

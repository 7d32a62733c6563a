extension SurveySummary {
    /// One JSON object (shape documented in the README); percentages 0–100, unrounded. A withheld
    /// count is null with a sibling `<name>_suppressed` holding the policy's marker.
    public func json() -> String {
        var root = JSONObject()
        root.add("survey", survey)
        root.add("kind", kind.rawValue)
        root.add("wave", wave)
        root.add("respondents", response.complete)
        root.add("invited", response.invited)
        var responses = JSONObject()
        responses.add("complete", marked: response.complete)
        responses.add("partial", marked: response.partial)
        responses.add("total", marked: response.responses)
        root.add("responses", object: responses)
        root.add(
            "response_rate",
            object: response.rate.map { rate in
                var o = JSONObject()
                o.add("value", rate.value)
                o.add("ci", pair: (rate.lower, rate.upper))
                return o
            })
        root.add("suppression", policy.rawValue)
        root.add("suppression_statement", policy.statement)
        root.add("headlines", strings: headlines)
        root.add("questions", objects: questions.map(Self.json), separator: ",\n")
        root.add("scales", objects: scales.map(Self.json), separator: ",\n")
        root.add("breakdowns", objects: breakdowns.map(Self.json), separator: ",\n")
        root.add("notes", strings: notes)
        root.add("notices", strings: notices)
        return root.text + "\n"
    }

    /// `"percent":37.2,"ci":[31.5,43.2]` (or `percent_answered` and `ci_answered`), null when withheld.
    private static func add(_ value: Percentage?, _ name: String, _ interval: String, to o: inout JSONObject) {
        o.add(name, value?.value)
        o.add(interval, pair: value.map { ($0.lower, $0.upper) })
    }

    static func json(_ row: OptionRow) -> JSONObject {
        var o = JSONObject()
        o.add("label", row.label)
        o.add("count", marked: row.count)
        add(row.ofRespondents, "percent", "ci", to: &o)
        add(row.ofAnswered, "percent_answered", "ci_answered", to: &o)
        if let share = row.ofResponses { o.add("percent_responses", share) }
        return o
    }

    static func json(_ question: QuestionTable) -> JSONObject {
        var o = JSONObject()
        o.add("id", question.id)
        o.add("text", question.text)
        o.add("kind", question.kind.rawValue)
        o.add("base", marked: question.base)
        o.add("answered", marked: question.answered)
        o.add("no_answer", marked: question.noAnswer)
        if let unreadable = question.unreadable { o.add("unreadable", marked: unreadable) }
        o.add("options", objects: question.options.map(json))
        if let top = question.topTwo { o.add("top_two", object: json(top)) }
        if let choices = question.choices { o.add("choices", marked: choices) }
        if let figures = question.number {
            o.add("n", marked: figures.n)
            o.add("mean", figures.mean)
            o.add("median", figures.median)
        }
        if let withheld = question.withheld { o.add("withheld", withheld) }
        return o
    }

    static func json(_ scale: ScaleSummary) -> JSONObject {
        let stats = scale.statistics
        var o = JSONObject()
        o.add("id", scale.id)
        o.add("title", scale.title)
        o.add("n", marked: scale.scored)
        o.add("incomplete", marked: scale.incomplete)
        o.add("invalid", marked: scale.invalid)
        o.add("mean", stats?.mean)
        o.add("sd", stats?.sd)
        o.add("ci", pair: stats.flatMap { s in s.lower.flatMap { l in s.upper.map { (l, $0) } } })
        o.add("median", stats?.median)
        o.add("quartiles", pair: stats.map { ($0.lowerQuartile, $0.upperQuartile) })
        o.add("min", stats?.minimum)
        o.add("max", stats?.maximum)
        o.add("single_item", scale.singleItem)
        if let withheld = scale.withheld { o.add("withheld", withheld) }
        o.add("classifications", objects: scale.classifications.map(json))
        if let headline = scale.headline { o.add("headline", object: json(headline)) }
        if let benchmark = scale.meanBenchmark {
            var b = JSONObject()
            b.add("value", benchmark.value)
            b.add("statistic", "mean")
            b.add("period", benchmark.period)
            b.add("area", benchmark.area)
            b.add("survey", benchmark.survey)
            b.add("population", benchmark.population)
            b.add("source", benchmark.source)
            o.add("benchmark", object: b)
        }
        o.add("notice", scale.notice)
        return o
    }

    static func json(_ table: ClassificationTable) -> JSONObject {
        var c = JSONObject()
        c.add("id", table.id)
        c.add("title", table.title)
        c.add("status", table.status)
        c.add("source", table.source)
        c.add(
            "bands",
            objects: table.bands.map { band in
                var b = JSONObject()
                b.add("label", band.label)
                b.add("count", marked: band.count)
                add(band.ofAnswered, "percent", "ci", to: &b)
                return b
            })
        return c
    }

    static func json(_ headline: HeadlineFigure) -> JSONObject {
        var h = JSONObject()
        h.add("label", headline.label)
        h.add("statement", headline.statement)
        h.add("count", marked: headline.count)
        h.add("base", marked: headline.respondents)
        h.add("answered", marked: headline.answered)
        add(headline.ofRespondents, "percent", "ci", to: &h)
        add(headline.ofAnswered, "percent_answered", "ci_answered", to: &h)
        h.add("source", headline.source)
        if let benchmark = headline.benchmark {
            var b = JSONObject()
            b.add("value", benchmark.value)
            b.add("period", benchmark.period)
            b.add("area", benchmark.area)
            b.add("survey", benchmark.survey)
            b.add("population", benchmark.population)
            b.add("source", benchmark.source)
            h.add("benchmark", object: b)
        }
        return h
    }

    static func json(_ breakdown: Breakdown) -> JSONObject {
        var o = JSONObject()
        o.add("by", breakdown.by)
        o.add("tables", objects: breakdown.tables.map(json), separator: ",\n")
        o.add("means", objects: breakdown.means.map(json))
        return o
    }

    static func json(_ table: CrossTable) -> JSONObject {
        var t = JSONObject()
        t.add("question", table.question)
        t.add("text", table.text)
        t.add("options", strings: table.options)
        t.add(
            "rows",
            objects: table.groups.indices.map { g in
                var r = JSONObject()
                r.add("group", table.groups[g])
                r.add("total", marked: table.groupTotals[g])
                r.raw("counts", countArray(table.cells[g]))
                r.add("percents", numbers: table.rowPercents[g])
                return r
            })
        t.raw("option_totals", countArray(table.optionTotals))
        t.add("total", marked: table.total)
        t.add("test", object: table.test.map(json))
        t.add("withheld", table.withheld)
        return t
    }

    static func json(_ means: GroupMeans) -> JSONObject {
        var m = JSONObject()
        m.add("scale", means.scale)
        m.add(
            "groups",
            objects: means.groups.map { group in
                var g = JSONObject()
                g.add("group", group.group)
                g.add("n", marked: group.n)
                g.add("mean", group.mean)
                g.add("sd", group.sd)
                g.add("ci", pair: group.lower.flatMap { l in group.upper.map { (l, $0) } })
                return g
            })
        m.add(
            "welch",
            object: means.welch.map { welch in
                var w = JSONObject()
                w.add("f", welch.f)
                w.add("df1", welch.numeratorDF)
                w.add("df2", welch.denominatorDF)
                w.add("p", welch.pValue)
                return w
            })
        m.add("note", means.note)
        return m
    }

    static func json(_ test: IndependenceTest) -> JSONObject {
        var o = JSONObject()
        o.add("chi_square", test.chiSquare)
        o.add("df", test.degreesOfFreedom)
        o.add("p", test.pValue)
        o.add("doubtful", test.doubtful)
        o.add("smallest_expected", test.smallestExpected)
        o.add("fisher_p", test.fisherP)
        o.add("note", test.note)
        return o
    }

    /// Counts in a cross-table: a number, or the policy's marker as a string (`"<5"`) when withheld.
    private static func countArray(_ counts: [ShownCount]) -> String {
        "[" + counts.map { $0.shown.map(String.init) ?? TextFormat.json($0.text) }.joined(separator: ",") + "]"
    }
}

import KithCore
import KithStatistics

extension ComparisonReport {
    /// One JSON object; withheld counts and statistics are null. Documented in the README.
    public func json() -> String {
        var root = JSONObject()
        root.add("survey", survey)
        root.add("from", from)
        root.add("to", to)
        root.add("scale", scale.id)
        root.add("higher_is", scale.scale.higherIs.rawValue)
        root.add("disclosure", object: .disclosure(policy))
        var m = JSONObject()
        m.add("name", measure.name)
        m.add("rule", measure.rule)
        m.add("denominator", measure.denominator)
        m.add("classification", measure.classification?.id)
        root.add("measure", object: m)
        root.add("providers", objects: providers.map(Self.json))
        root.add("all", object: Self.json(all))
        root.add("all_leaves_out", strings: leftOut)
        root.add("adjusted", object: adjusted.map(Self.json))
        root.add("adjusted_note", adjustedNote)
        root.add("funnel", object: funnel.map(Self.json))
        root.add("funnel_note", funnelNote)
        root.add("notes", strings: notes)
        root.add("licences", strings: licences)
        return root.text + "\n"
    }

    static func json(_ row: ProviderOutcome) -> JSONObject {
        var o = JSONObject()
        o.add("provider", row.provider)
        o.add("baseline_n", row.baseline)
        o.add("paired", row.paired)
        o.add("lost", row.lost)
        o.add("lost_percent", row.lostPercent)
        o.add("withheld", row.withheld)
        o.add("baseline_mean", row.baselineMean)
        o.add("followup_mean", row.followUpMean)
        o.add("mean_change", row.change?.meanDifference)
        o.add("ci", row.change?.interval)
        o.add("p", row.change?.pValue)
        o.add("events", row.events)
        o.add("denominator", row.denominator)
        o.add("percent", row.percent)
        return o
    }

    static func json(_ a: AdjustedComparison) -> JSONObject {
        var o = JSONObject()
        o.add("model", "followup ~ baseline + provider (ANCOVA, treatment coding, first provider the reference)")
        o.add("n", a.count)
        o.add("baseline_mean", a.baselineMean)
        o.add("residual_sd", a.residualSD)
        o.add("f", a.providerEffect.f)
        o.raw("f_df", "[\(a.providerEffect.numeratorDegreesOfFreedom),\(a.providerEffect.denominatorDegreesOfFreedom)]")
        o.add("f_p", a.providerEffect.pValue)
        o.add(
            "coefficients",
            objects: a.coefficients.map { c in
                var f = JSONObject()
                f.add("term", c.name)
                f.add("estimate", c.estimate)
                f.add("se", c.standardError)
                f.add("ci", c.interval)
                f.add("p", c.pValue)
                return f
            })
        o.add(
            "providers",
            objects: a.rows.map { r in
                var f = JSONObject()
                f.add("provider", r.provider)
                f.add("withheld", r.withheld)
                f.add("adjusted_mean", r.adjustedMean)
                f.add("adjusted_mean_ci", r.adjustedMeanInterval)
                f.add("adjusted_change", r.adjustedChange)
                f.add("adjusted_change_ci", r.adjustedChangeInterval)
                f.add("difference", r.difference?.estimate)
                f.add("difference_se", r.difference?.standardError)
                f.add("difference_ci", r.difference?.interval)
                f.add("difference_p", r.difference?.pValue)
                return f
            })
        return o
    }

    static func json(_ chart: FunnelChart) -> JSONObject {
        var o = JSONObject()
        o.add("method", "exact binomial limits with interpolation (Spiegelhalter 2005), no overdispersion adjustment")
        o.add("centre", chart.centre)
        o.raw("levels", "[" + chart.levels.map(TextFormat.number).joined(separator: ",") + "]")
        o.add(
            "points",
            objects: chart.points.map { p in
                var f = JSONObject()
                f.add("provider", p.provider)
                f.add("events", p.events)
                f.add("n", p.size)
                f.add("proportion", p.proportion)
                f.raw("limits", "[" + p.limits.map { "[\(TextFormat.number($0.lower)),\(TextFormat.number($0.upper))]" }.joined(separator: ",") + "]")
                f.add("positions", strings: p.positions.map(\.rawValue))
                return f
            })
        o.add("omitted", strings: chart.omitted)
        return o
    }
}

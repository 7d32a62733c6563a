import KithCore
import KithStatistics

extension ComparisonReport: Report {
    /// The report laid out for the text, Markdown and HTML renderers.
    public func document() -> ReportDocument {
        var doc = ReportDocument(title: "Providers compared on \(scale.id), '\(from)' to '\(to)': \(survey)")
        doc.paragraph(
            "\(scale.scale.title) (\(scale.scale.higherIs == .better ? "higher is better" : "lower is better")). Clients are paired by their "
                + "person id; change is follow-up minus baseline; intervals are 95%."
        )
        doc.heading("Raw change by provider")
        let score = { (value: Double?) in ReportValue.number(value, .score, places: 2) }
        doc.table(
            ReportTable(
                caption: "Raw change by provider",
                columns: [
                    "Provider", "Baseline n", "Paired", "Lost", "Baseline mean", "Follow-up mean", "Mean change (95% CI)", measure.name
                ],
                rows: (providers + [all]).map { row in
                    [
                        .text(row.provider ?? (leftOut.isEmpty ? "All providers" : "All providers shown")), .count(row.baseline),
                        .count(row.paired), .countAndPercent(row.lost, percent: row.lostPercent), score(row.baselineMean),
                        score(row.followUpMean),
                        row.change.map {
                            .estimate($0.meanDifference, $0.interval.lower, $0.interval.upper, .score, places: 2, signed: true)
                        } ?? (row.withheld ?? row.changeNote).map { .text($0) } ?? .missing,
                        .text(
                            row.percent.map { "\(ReportText.percent($0)) (\(row.events.text) of \(row.denominator.text))" }
                                ?? "\(row.events.text) of \(row.denominator.text)")
                    ]
                }))
        doc.paragraph(
            "\(measure.name): \(measure.rule); the denominator is the \(measure.denominator). Raw changes mix where each provider's clients "
                + "started (case mix, regression to the mean) with what the provider did: compare providers on the adjusted figures below."
        )
        doc.heading("Baseline-adjusted comparison")
        if let a = adjusted {
            doc.paragraph(
                "ANCOVA: follow-up ~ baseline + provider, on \(a.count) paired clients. Follow-up means are adjusted to the overall baseline mean "
                    + "\(TextFormat.fixed(a.baselineMean, 2)); the adjusted change is the adjusted follow-up mean minus it. The difference is each "
                    + "provider's adjusted mean minus the unweighted average of the providers' adjusted means."
            )
            doc.table(
                ReportTable(
                    caption: "Baseline-adjusted comparison (ANCOVA)",
                    columns: [
                        "Provider", "Adjusted follow-up mean (95% CI)", "Adjusted change (95% CI)", "Difference from average (95% CI)", "p"
                    ],
                    rows: a.rows.map { r in
                        [
                            .text(r.provider),
                            r.adjustedMean.map {
                                .estimate($0, r.adjustedMeanInterval?.lower, r.adjustedMeanInterval?.upper, .score, places: 2)
                            } ?? r.withheld.map { .text($0) } ?? .missing,
                            .estimate(
                                r.adjustedChange, r.adjustedChangeInterval?.lower, r.adjustedChangeInterval?.upper, .score, places: 2, signed: true),
                            .estimate(
                                r.difference?.estimate, r.difference?.interval.lower, r.difference?.interval.upper, .score, places: 2, signed: true),
                            .pValue(r.difference?.pValue)
                        ]
                    }))
            let f = a.providerEffect
            doc.paragraph(
                "Provider effect adjusted for baseline: F(\(f.numeratorDegreesOfFreedom), \(f.denominatorDegreesOfFreedom)) = "
                    + "\(TextFormat.fixed(f.f, 2)), p = \(ReportText.p(f.pValue)). Residual SD \(TextFormat.fixed(a.residualSD, 2))."
            )
            doc.table(
                ReportTable(
                    caption: "ANCOVA coefficients", columns: ["Term", "Estimate", "SE", "95% CI", "p"],
                    rows: a.coefficients.map {
                        [
                            .text($0.name), .number($0.estimate, .statistic, places: 3), .number($0.standardError, .statistic, places: 3),
                            .interval($0.interval.lower, $0.interval.upper, .statistic, places: 3, signed: true), .pValue($0.pValue)
                        ]
                    }))
        } else {
            doc.paragraph(adjustedNote ?? "Not fitted.")
        }
        doc.heading("Funnel plot: \(measure.name)")
        if let chart = funnel {
            let title = "\(measure.name) against number of \(measure.denominator)"
            doc.chart(.funnel(chart, title: title, axis: "Number of \(measure.denominator)"))
            doc.paragraph(
                "Centre line: \(ReportText.percent(chart.centre * 100)) overall. Control limits at 95% and 99.8% are exact binomial limits with "
                    + "Spiegelhalter's interpolation (Spiegelhalter 2005, Stat Med 24:1185; the public-health funnel-plot method), without an "
                    + "overdispersion adjustment. A provider outside the 99.8% limits differs by more than chance would plausibly explain; one "
                    + "between the 95% and 99.8% limits is worth a look."
            )
            let percent = { (value: Double) in ReportValue.number(value * 100, .percentage, places: 1) }
            doc.table(
                ReportTable(
                    caption: title, columns: ["Provider", "n", measure.name, "95% limits", "99.8% limits", "Position"],
                    rows: chart.points.map { p in
                        [.text(p.provider), .count(p.size), percent(p.proportion)]
                            + p.limits.map { .interval($0.lower * 100, $0.upper * 100, .percentage, places: 1) }
                            + [.text(position(p))]
                    }))
            if !chart.omitted.isEmpty { doc.paragraph("Not plotted: \(chart.omitted.joined(separator: "; ")).") }
        } else {
            doc.paragraph(funnelNote ?? "No funnel plot.")
        }
        doc.closing(notes: notes, policy: policy, licences: licences)
        return doc
    }

    private func position(_ p: FunnelPoint) -> String {
        let at95 = p.positions.first ?? .within
        let at998 = p.positions.count > 1 ? p.positions[1] : .within
        switch (at95, at998) {
        case (.within, _): return "within 95%"
        case (.above, .above): return "above 99.8%"
        case (.below, .below): return "below 99.8%"
        case (.above, _): return "above 95%"
        case (.below, _): return "below 95%"
        }
    }
}

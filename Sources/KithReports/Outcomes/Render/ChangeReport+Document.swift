import KithCore
import KithStatistics

extension ChangeReport: Report {
    /// The report laid out for the text, Markdown and HTML renderers.
    public func document() -> ReportDocument {
        var doc = ReportDocument(title: "Change from '\(from)' to '\(to)': \(survey)")
        doc.paragraph(
            "Only people measured at both waves are compared, paired by their person id. Change is the follow-up score minus the baseline score; "
                + "intervals are 95%."
        )
        for group in groups {
            doc.heading(group.provider.map { "Provider: \($0)" } ?? (groups.count > 1 ? "All providers" : "Everyone"))
            let p = group.people
            doc.paragraph(
                "People: \(p.baseline.text) at '\(from)', \(p.followUp.text) at '\(to)', \(p.both.text) at both. "
                    + "Lost to follow-up: \(ReportText.count(p.lost, percent: p.lostPercent)) of those at '\(from)'. "
                    + "At '\(to)' only (not in any change figure): \(p.followUpOnly.text).")
            if !group.scores.isEmpty { scoreTables(group.scores, into: &doc) }
            for category in group.categories { categorySection(category, into: &doc) }
        }
        doc.closing(notes: notes, policy: policy, licences: licences)
        return doc
    }

    private func scoreTables(_ scores: [ScoreChange], into doc: inout ReportDocument) {
        doc.heading("Change in scores", level: 3)
        let score = { (value: Double?) in ReportValue.number(value, .score, places: 2) }
        let change = { (value: Double?) in ReportValue.number(value, .statistic, places: 2, signed: true) }
        doc.table(
            ReportTable(
                caption: "Change in scores, people measured at both waves",
                columns: ["Scale", "Paired", "Baseline mean", "Follow-up mean", "Mean change", "95% CI", "t", "df", "p", "d_z", "g_av"],
                rows: scores.map { s in
                    let t = s.test
                    return [
                        .text(name(s.scale)), .count(s.paired), score(s.baselineMean), score(s.followUpMean),
                        .number(t?.meanDifference, .score, places: 2, signed: true),
                        .interval(t?.interval.lower, t?.interval.upper, .score, places: 2, signed: true), change(t?.t),
                        .number(t?.degreesOfFreedom, .statistic, places: 0), .pValue(t?.pValue), change(t?.cohensDz), change(t?.hedgesGav)
                    ]
                }))
        doc.table(
            ReportTable(
                caption: "People who improved, stayed the same or got worse",
                columns: ["Scale", "Improved", "Unchanged", "Worse", "Reliable improvement", "No reliable change", "Reliable deterioration"],
                rows: scores.map { s in
                    let m = s.meaningful
                    let r = s.reliable
                    return [
                        .text(name(s.scale)), .countAndPercent(m.improved, percent: m.improvedPercent),
                        .countAndPercent(m.unchanged, percent: m.unchangedPercent), .countAndPercent(m.worse, percent: m.worsePercent),
                        r.map { .countAndPercent($0.improvement, percent: $0.improvementPercent) } ?? .missing,
                        r.map { .count($0.noReliableChange) } ?? .missing,
                        r.map { .countAndPercent($0.deterioration, percent: $0.deteriorationPercent) } ?? .missing
                    ]
                }))
        doc.list(
            scores.flatMap { s -> [String] in
                var items = [
                    "\(name(s.scale)): improved / worse means \(s.meaningful.rule)" + (s.meaningful.source.map { "; source: \($0)" } ?? "") + "."
                ]
                if let r = s.reliable {
                    items.append(
                        "\(name(s.scale)): reliable change (Jacobson–Truax, |RC| > 1.96) uses the \(r.basis): a change of more than "
                            + "\(TextFormat.fixed(r.index.criticalDifference, 2)) points (\(TextFormat.number(r.index.criticalZ)) × √2 × SEM "
                            + "\(TextFormat.fixed(r.index.standardErrorOfMeasurement, 3)) = "
                            + "\(TextFormat.fixed(r.index.criticalDifference, 3))); source: \(r.source)."
                    )
                } else {
                    items.append("\(name(s.scale)): no reliable change index (the definition gives neither a reliability nor an SEM for it).")
                }
                if let w = s.withheld { items.append("\(name(s.scale)): statistics withheld: \(w).") }
                if let note = s.testNote { items.append("\(name(s.scale)): \(note).") }
                return items
            })
        doc.heading("People lost to follow-up", level: 3)
        doc.paragraph(
            "Whether the people measured only at baseline started differently from the people paired (Welch's t test, lost minus paired baseline "
                + "mean). If they did, the paired change may not describe everyone who started."
        )
        doc.table(
            ReportTable(
                caption: "Baseline scores of the people lost to follow-up and of the people paired",
                columns: ["Scale", "Baseline n", "Lost", "Lost: baseline mean", "Paired: baseline mean", "Difference", "95% CI", "p"],
                rows: scores.map { s in
                    let l = s.lostToFollowUp
                    let difference: [ReportValue] =
                        l.welch.map {
                            [
                                .number($0.meanDifference, .score, places: 2, signed: true),
                                .interval($0.interval.lower, $0.interval.upper, .score, places: 2, signed: true)
                            ]
                        } ?? [l.note.map { .text($0) } ?? .missing, .missing]
                    return [.text(name(s.scale)), .count(s.baselineCount), .count(l.lost), score(l.lostMean), score(l.pairedMean)]
                        + difference + [.pValue(l.welch?.pValue)]
                }))
    }

    private func categorySection(_ c: CategoryChange, into doc: inout ReportDocument) {
        let title = c.classification.map { "\(name(c.scale)): \($0.title)" } ?? "\(name(c.scale)): \(c.scale.scale.title)"
        doc.heading(title, level: 3)
        if let classification = c.classification {
            doc.paragraph(
                "Scores banded by '\(classification.title)': \(classification.status == .official ? "an" : "a") "
                    + "\(classification.status.rawValue)\(classification.status == .official ? "" : ", not an official cut-off") "
                    + "(\(classification.source)). Bands at '\(from)' (rows) by bands at '\(to)' (columns), people measured at both waves."
            )
        } else {
            doc.paragraph("Answers at '\(from)' (rows) by answers at '\(to)' (columns), people measured at both waves.")
        }
        doc.table(
            ReportTable(
                caption: "\(title): '\(from)' (rows) by '\(to)' (columns)", columns: ["'\(from)' \\ '\(to)'"] + c.labels + ["Total"],
                rows: c.transitions.enumerated().map { r, row in
                    [.text(r < c.labels.count ? c.labels[r] : "Total")] + row.map { .count($0) }
                }))
        let h = c.headline
        var text =
            "\(h.label): \(ReportText.count(h.baseline, percent: h.baselinePercent)) at '\(from)', "
            + "\(ReportText.count(h.followUp, percent: h.followUpPercent)) at '\(to)'"
        if let d = h.difference {
            text +=
                "; change \(ReportText.signed(d.difference * 100, 1)) percentage points (95% CI \(ReportText.signed(d.interval.lower * 100, 1)) to "
                + "\(ReportText.signed(d.interval.upper * 100, 1)), Newcombe)"
        }
        text += ". \(h.leftCategory.text) left '\(h.label)' and \(h.enteredCategory.text) entered it."
        if let exact = h.mcnemarExact {
            text += " McNemar exact (binomial) test p = \(ReportText.p(exact.pValue))"
            if let chi = h.mcnemarChiSquare, let x2 = chi.chiSquare {
                text += "; chi-square without continuity correction \(TextFormat.fixed(x2, 2)) (1 df), p = \(ReportText.p(chi.pValue))"
            }
            text += "."
        }
        doc.paragraph(text)
        let way = c.classification == nil ? "a less frequent answer" : "a better band"
        doc.paragraph("Moved to \(way): \(c.improved.text); same: \(c.unchanged.text); moved the other way: \(c.worse.text).")
        if let w = c.withheld { doc.paragraph("Statistics withheld: \(w).") }
    }

    private func name(_ scale: OutcomeScale) -> String { scale.id }
}

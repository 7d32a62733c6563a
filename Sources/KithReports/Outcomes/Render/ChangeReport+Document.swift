import KithCore
import KithStatistics

extension ChangeReport {
    /// The report laid out for the text, Markdown and HTML renderers.
    public func document() -> ReportDocument {
        var doc = ReportDocument(title: "Change from '\(from)' to '\(to)': \(survey)")
        doc.paragraph(
            "Only people measured at both waves are compared, paired by their person id. Change is the follow-up score minus the baseline score; intervals are 95%."
        )
        for group in groups {
            doc.heading(group.provider.map { "Provider: \($0)" } ?? (groups.count > 1 ? "All providers" : "Everyone"))
            let p = group.people
            doc.paragraph(
                "People: \(p.baseline.text) at '\(from)', \(p.followUp.text) at '\(to)', \(p.both.text) at both. "
                    + "Lost to follow-up: \(Shown.count(p.lost, percent: p.lostPercent)) of those at '\(from)'. "
                    + "At '\(to)' only (not in any change figure): \(p.followUpOnly.text).")
            if !group.scores.isEmpty { scoreTables(group.scores, into: &doc) }
            for category in group.categories { categorySection(category, into: &doc) }
        }
        doc.closing(notes: notes, policy: policy, licences: licences)
        return doc
    }

    private func scoreTables(_ scores: [ScoreChange], into doc: inout ReportDocument) {
        doc.heading("Change in scores", level: 3)
        doc.table(
            ["Scale", "Paired", "Baseline mean", "Follow-up mean", "Mean change (95% CI)", "t (df)", "p", "d_z", "g_av"],
            scores.map { s in
                let t = s.test
                return [
                    name(s.scale), s.paired.text, Shown.mean(s.baselineMean), Shown.mean(s.followUpMean),
                    Shown.estimate(t?.meanDifference, t?.interval),
                    t.map { "\(Shown.signed($0.t)) (\(TextFormat.number($0.degreesOfFreedom)))" } ?? "–",
                    Shown.p(t?.pValue), Shown.signed(t?.cohensDz), Shown.signed(t?.hedgesGav)
                ]
            })
        doc.table(
            ["Scale", "Improved", "Unchanged", "Worse", "Reliable improvement", "No reliable change", "Reliable deterioration"],
            scores.map { s in
                let m = s.meaningful
                let r = s.reliable
                return [
                    name(s.scale), Shown.count(m.improved, percent: m.improvedPercent), Shown.count(m.unchanged, percent: m.unchangedPercent),
                    Shown.count(m.worse, percent: m.worsePercent),
                    r.map { Shown.count($0.improvement, percent: $0.improvementPercent) } ?? "–",
                    r.map { $0.noReliableChange.text } ?? "–",
                    r.map { Shown.count($0.deterioration, percent: $0.deteriorationPercent) } ?? "–"
                ]
            })
        doc.list(
            scores.flatMap { s -> [String] in
                var items = [
                    "\(name(s.scale)): improved / worse means \(s.meaningful.rule)" + (s.meaningful.source.map { "; source: \($0)" } ?? "") + "."
                ]
                if let r = s.reliable {
                    items.append(
                        "\(name(s.scale)): reliable change (Jacobson–Truax, |RC| > 1.96) uses the \(r.basis): a change of more than \(TextFormat.fixed(r.index.criticalDifference, 2)) points (\(TextFormat.number(r.index.criticalZ)) × √2 × SEM \(TextFormat.fixed(r.index.standardErrorOfMeasurement, 3)) = \(TextFormat.fixed(r.index.criticalDifference, 3))); source: \(r.source)."
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
            "Whether the people measured only at baseline started differently from the people paired (Welch's t test, lost minus paired baseline mean). If they did, the paired change may not describe everyone who started."
        )
        doc.table(
            ["Scale", "Baseline n", "Lost", "Lost: baseline mean", "Paired: baseline mean", "Difference (95% CI)", "p"],
            scores.map { s in
                let l = s.lostToFollowUp
                return [
                    name(s.scale), s.baselineCount.text, l.lost.text, Shown.mean(l.lostMean), Shown.mean(l.pairedMean),
                    l.welch.map { Shown.estimate($0.meanDifference, $0.interval) } ?? (l.note ?? "–"), Shown.p(l.welch?.pValue)
                ]
            })
    }

    private func categorySection(_ c: CategoryChange, into doc: inout ReportDocument) {
        let title = c.classification.map { "\(name(c.scale)): \($0.title)" } ?? "\(name(c.scale)): \(c.scale.scale.title)"
        doc.heading(title, level: 3)
        if let classification = c.classification {
            doc.paragraph(
                "Scores banded by '\(classification.title)': a \(classification.status.rawValue)\(classification.status == .official ? "" : ", not an official cut-off") (\(classification.source)). Bands at '\(from)' (rows) by bands at '\(to)' (columns), people measured at both waves."
            )
        } else {
            doc.paragraph("Answers at '\(from)' (rows) by answers at '\(to)' (columns), people measured at both waves.")
        }
        doc.table(
            ["'\(from)' \\ '\(to)'"] + c.labels + ["Total"],
            c.transitions.enumerated().map { r, row in [r < c.labels.count ? c.labels[r] : "Total"] + row.map(\.text) })
        let h = c.headline
        var text =
            "\(h.label): \(Shown.count(h.baseline, percent: h.baselinePercent)) at '\(from)', \(Shown.count(h.followUp, percent: h.followUpPercent)) at '\(to)'"
        if let d = h.difference {
            text +=
                "; change \(Shown.signed(d.difference * 100, 1)) percentage points (95% CI \(Shown.signed(d.interval.lower * 100, 1)) to \(Shown.signed(d.interval.upper * 100, 1)), Newcombe)"
        }
        text += ". \(h.leftCategory.text) left '\(h.label)' and \(h.enteredCategory.text) entered it."
        if let exact = h.mcnemarExact {
            text += " McNemar exact (binomial) test p = \(Shown.p(exact.pValue))"
            if let chi = h.mcnemarChiSquare, let x2 = chi.chiSquare {
                text += "; chi-square without continuity correction \(TextFormat.fixed(x2, 2)) (1 df), p = \(Shown.p(chi.pValue))"
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

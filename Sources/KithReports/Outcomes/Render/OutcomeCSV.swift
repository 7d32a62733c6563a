import KithCore
import KithStatistics

extension ChangeReport {
    /// One line per group and measure: scores first, then each category measure's headline.
    public func csv() -> String {
        let header = [
            "provider", "scale", "classification", "baseline_n", "paired", "baseline_mean", "followup_mean",
            "mean_change", "ci_lower", "ci_upper", "t", "df", "p", "dz", "gav", "improved", "unchanged", "worse",
            "reliable_improvement", "no_reliable_change", "reliable_deterioration", "lost", "lost_baseline_mean", "lost_minus_paired",
            "lost_welch_p", "headline", "headline_baseline", "headline_followup", "headline_change", "headline_ci_lower",
            "headline_ci_upper", "mcnemar_exact_p", "mcnemar_chi_square_p", "withheld"
        ]
        var lines = [header.joined(separator: ",")]
        for group in groups {
            for s in group.scores {
                let t = s.test
                let l = s.lostToFollowUp
                let r = s.reliable
                lines.append(
                    OutcomeCSV.line([
                        group.provider ?? "", s.scale.id, "", s.baselineCount.text, s.paired.text,
                        OutcomeCSV.n(s.baselineMean), OutcomeCSV.n(s.followUpMean), OutcomeCSV.n(t?.meanDifference), OutcomeCSV.n(t?.interval.lower),
                        OutcomeCSV.n(t?.interval.upper), OutcomeCSV.n(t?.t), OutcomeCSV.n(t?.degreesOfFreedom), OutcomeCSV.n(t?.pValue),
                        OutcomeCSV.n(t?.cohensDz), OutcomeCSV.n(t?.hedgesGav), s.meaningful.improved.text, s.meaningful.unchanged.text,
                        s.meaningful.worse.text, r?.improvement.text ?? "", r?.noReliableChange.text ?? "", r?.deterioration.text ?? "",
                        l.lost.text, OutcomeCSV.n(l.lostMean), OutcomeCSV.n(l.welch?.meanDifference), OutcomeCSV.n(l.welch?.pValue),
                        "", "", "", "", "", "", "", "", s.withheld ?? ""
                    ]))
            }
            for c in group.categories {
                let h = c.headline
                lines.append(
                    OutcomeCSV.line(
                        [
                            group.provider ?? "", c.scale.id, c.classification?.id ?? "", "", c.paired.text
                        ] + Array(repeating: "", count: 10)
                            + [
                                c.improved.text, c.unchanged.text, c.worse.text, "", "", "", "", "", "", "",
                                h.label, h.baseline.text, h.followUp.text, OutcomeCSV.n(h.difference?.difference),
                                OutcomeCSV.n(h.difference?.interval.lower), OutcomeCSV.n(h.difference?.interval.upper),
                                OutcomeCSV.n(h.mcnemarExact?.pValue), OutcomeCSV.n(h.mcnemarChiSquare?.pValue), c.withheld ?? ""
                            ]))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension ComparisonReport {
    /// One line per provider, then everyone; adjusted figures beside the raw ones.
    public func csv() -> String {
        let header = [
            "provider", "scale", "baseline_n", "paired", "lost", "baseline_mean", "followup_mean", "mean_change", "ci_lower", "ci_upper",
            "events", "denominator", "percent", "adjusted_mean", "adjusted_change", "adjusted_change_ci_lower", "adjusted_change_ci_upper",
            "difference", "difference_ci_lower", "difference_ci_upper", "difference_p", "funnel_95", "funnel_998", "withheld"
        ]
        var lines = [header.joined(separator: ",")]
        for row in providers + [all] {
            let a = adjusted?.rows.first { $0.provider == row.provider }
            let point = funnel?.points.first { $0.provider == row.provider }
            lines.append(
                OutcomeCSV.line([
                    row.provider ?? "", scale.id, row.baseline.text, row.paired.text, row.lost.text, OutcomeCSV.n(row.baselineMean),
                    OutcomeCSV.n(row.followUpMean), OutcomeCSV.n(row.change?.meanDifference), OutcomeCSV.n(row.change?.interval.lower),
                    OutcomeCSV.n(row.change?.interval.upper), row.events.text, row.denominator.text, OutcomeCSV.n(row.percent),
                    OutcomeCSV.n(a?.adjustedMean), OutcomeCSV.n(a?.adjustedChange), OutcomeCSV.n(a?.adjustedChangeInterval?.lower),
                    OutcomeCSV.n(a?.adjustedChangeInterval?.upper), OutcomeCSV.n(a?.difference?.estimate),
                    OutcomeCSV.n(a?.difference?.interval.lower),
                    OutcomeCSV.n(a?.difference?.interval.upper), OutcomeCSV.n(a?.difference?.pValue),
                    point.map { $0.positions[0].rawValue } ?? "", point.map { $0.positions.count > 1 ? $0.positions[1].rawValue : "" } ?? "",
                    row.withheld ?? ""
                ]))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

enum OutcomeCSV {
    static func n(_ value: Double?) -> String { value.map(TextFormat.number) ?? "" }
    static func line(_ cells: [String]) -> String { cells.map(TextFormat.csv).joined(separator: ",") }
}

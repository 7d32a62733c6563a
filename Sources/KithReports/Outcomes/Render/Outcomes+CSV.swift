import KithCore
import KithStatistics

extension ChangeReport {
    /// One line per group and measure: scores first, then each category measure's headline.
    public func csv() -> String {
        var table = CSVTable(columns: [
            "provider", "scale", "classification", "baseline_n", "paired", "baseline_mean", "followup_mean",
            "mean_change", "ci_lower", "ci_upper", "t", "df", "p", "dz", "gav", "improved", "unchanged", "worse",
            "reliable_improvement", "no_reliable_change", "reliable_deterioration", "lost", "lost_baseline_mean", "lost_minus_paired",
            "lost_welch_p", "headline", "headline_baseline", "headline_followup", "headline_change", "headline_ci_lower",
            "headline_ci_upper", "mcnemar_exact_p", "mcnemar_chi_square_p", "withheld"
        ])
        let n = CSVTable.number
        for group in groups {
            for s in group.scores {
                let t = s.test
                let l = s.lostToFollowUp
                let r = s.reliable
                table.append([
                    "provider": group.provider ?? "", "scale": s.scale.id, "baseline_n": s.baselineCount.text, "paired": s.paired.text,
                    "baseline_mean": n(s.baselineMean), "followup_mean": n(s.followUpMean), "mean_change": n(t?.meanDifference),
                    "ci_lower": n(t?.interval.lower), "ci_upper": n(t?.interval.upper), "t": n(t?.t), "df": n(t?.degreesOfFreedom),
                    "p": n(t?.pValue), "dz": n(t?.cohensDz), "gav": n(t?.hedgesGav),
                    "improved": s.meaningful.improved.text, "unchanged": s.meaningful.unchanged.text, "worse": s.meaningful.worse.text,
                    "reliable_improvement": r?.improvement.text ?? "", "no_reliable_change": r?.noReliableChange.text ?? "",
                    "reliable_deterioration": r?.deterioration.text ?? "", "lost": l.lost.text, "lost_baseline_mean": n(l.lostMean),
                    "lost_minus_paired": n(l.welch?.meanDifference), "lost_welch_p": n(l.welch?.pValue), "withheld": s.withheld ?? ""
                ])
            }
            for c in group.categories {
                let h = c.headline
                table.append([
                    "provider": group.provider ?? "", "scale": c.scale.id, "classification": c.classification?.id ?? "",
                    "paired": c.paired.text, "improved": c.improved.text, "unchanged": c.unchanged.text, "worse": c.worse.text,
                    "headline": h.label, "headline_baseline": h.baseline.text, "headline_followup": h.followUp.text,
                    "headline_change": n(h.difference?.difference), "headline_ci_lower": n(h.difference?.interval.lower),
                    "headline_ci_upper": n(h.difference?.interval.upper), "mcnemar_exact_p": n(h.mcnemarExact?.pValue),
                    "mcnemar_chi_square_p": n(h.mcnemarChiSquare?.pValue), "withheld": c.withheld ?? ""
                ])
            }
        }
        return table.text
    }
}

extension ComparisonReport {
    /// One line per provider, then everyone; adjusted figures beside the raw ones.
    public func csv() -> String {
        var table = CSVTable(columns: [
            "provider", "scale", "baseline_n", "paired", "lost", "baseline_mean", "followup_mean", "mean_change", "ci_lower", "ci_upper",
            "events", "denominator", "percent", "adjusted_mean", "adjusted_change", "adjusted_change_ci_lower", "adjusted_change_ci_upper",
            "difference", "difference_ci_lower", "difference_ci_upper", "difference_p", "funnel_95", "funnel_998", "withheld"
        ])
        let n = CSVTable.number
        for row in providers + [all] {
            let a = adjusted?.rows.first { $0.provider == row.provider }
            let point = funnel?.points.first { $0.provider == row.provider }
            table.append([
                "provider": row.provider ?? "", "scale": scale.id, "baseline_n": row.baseline.text, "paired": row.paired.text,
                "lost": row.lost.text, "baseline_mean": n(row.baselineMean), "followup_mean": n(row.followUpMean),
                "mean_change": n(row.change?.meanDifference), "ci_lower": n(row.change?.interval.lower),
                "ci_upper": n(row.change?.interval.upper), "events": row.events.text, "denominator": row.denominator.text,
                "percent": n(row.percent), "adjusted_mean": n(a?.adjustedMean), "adjusted_change": n(a?.adjustedChange),
                "adjusted_change_ci_lower": n(a?.adjustedChangeInterval?.lower), "adjusted_change_ci_upper": n(a?.adjustedChangeInterval?.upper),
                "difference": n(a?.difference?.estimate), "difference_ci_lower": n(a?.difference?.interval.lower),
                "difference_ci_upper": n(a?.difference?.interval.upper), "difference_p": n(a?.difference?.pValue),
                "funnel_95": point.map { $0.positions[0].rawValue } ?? "",
                "funnel_998": point.map { $0.positions.count > 1 ? $0.positions[1].rawValue : "" } ?? "",
                "withheld": row.withheld ?? ""
            ])
        }
        return table.text
    }
}

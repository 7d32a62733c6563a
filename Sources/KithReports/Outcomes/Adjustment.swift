import KithCore
import KithStatistics

/// The baseline-adjusted comparison: ANCOVA follow-up ~ baseline + provider.
enum Adjustment {
    /// Fits the model on every paired client of `providers`. A provider whose
    /// statistics are withheld stays in the model but none of its figures is
    /// reported, and it is never the reference level (the intercept would give it away).
    static func fit(_ scale: OutcomeScale, _ people: [OutcomeData.Person], providers: [String], rows: [ProviderOutcome]) throws -> AdjustedComparison {
        let withheld = Set(rows.filter { $0.withheld != nil }.compactMap(\.provider))
        let levels = providers.filter { !withheld.contains($0) } + providers.filter { withheld.contains($0) }
        var y: [Double] = [], x: [Double] = [], group: [String] = []
        for person in people {
            let provider = person.provider ?? OutcomeData.noProvider
            guard levels.contains(provider), let b = person.baseline?[scale.id], let f = person.followUp?[scale.id] else { continue }
            y.append(f)
            x.append(b)
            group.append(provider)
        }
        let ancova = try ANCOVA(followUp: y, baseline: x, group: group, levels: levels)
        let model = ancova.model
        var coefficients: [AdjustedComparison.Coefficient] = []
        for (j, name) in model.names.enumerated() {
            var label = name
            if name.hasPrefix("group[") {
                let provider = String(name.dropFirst(6).dropLast())
                if withheld.contains(provider) { continue }
                label = "provider[\(provider)]"
            }
            coefficients.append(.init(name: label, estimate: model.coefficients[j], standardError: model.standardErrors[j],
                                      interval: model.intervals[j], pValue: model.pValues[j]))
        }
        let xbar = ancova.baselineMean
        let adjustedRows = providers.map { provider -> AdjustedRow in
            guard !withheld.contains(provider), let i = levels.firstIndex(of: provider) else {
                return AdjustedRow(provider: provider, withheld: rows.first { $0.provider == provider }?.withheld ?? "withheld",
                                   adjustedMean: nil, adjustedMeanInterval: nil, adjustedChange: nil, adjustedChangeInterval: nil, difference: nil)
            }
            let mean = ancova.adjustedMeans[i]
            return AdjustedRow(provider: provider, withheld: nil, adjustedMean: mean.adjustedMean, adjustedMeanInterval: mean.interval,
                               adjustedChange: mean.adjustedMean - xbar,
                               adjustedChangeInterval: ConfidenceInterval(lower: mean.interval.lower - xbar, upper: mean.interval.upper - xbar, level: mean.interval.level),
                               difference: ancova.deviations[i].contrast)
        }
        return AdjustedComparison(coefficients: coefficients, baselineMean: xbar, rows: adjustedRows, providerEffect: ancova.groupEffect,
                                  residualSD: model.residualStandardError, count: model.count)
    }
}

/// The funnel plot of the providers' proportions.
enum FunnelBuilder {
    static let levels = [0.95, 0.998]

    /// Centre and limits from every provider's true counts (exact binomial, Spiegelhalter 2005);
    /// points only for providers whose counts and statistics are published, at their shown counts.
    static func chart(providers: [String], rows: [ProviderOutcome], trueCounts: [(events: Int, denominator: Int)]) throws -> FunnelChart {
        let used = trueCounts.filter { $0.denominator > 0 }
        let plot = try FunnelPlot.proportions(events: used.map(\.events), denominators: used.map(\.denominator), levels: levels, method: .exactBinomial)
        var points: [FunnelPoint] = []
        var omitted: [String] = []
        for (provider, row) in zip(providers, rows) {
            guard row.withheld == nil, let events = row.events.shown, let size = row.denominator.shown else {
                omitted.append("\(provider) (\(row.withheld ?? "counts withheld"))")
                continue
            }
            guard size > 0 else {
                omitted.append("\(provider) (no client in the denominator)")
                continue
            }
            let value = Double(events) / Double(size)
            points.append(FunnelPoint(provider: provider, events: events, size: size, proportion: value,
                                      limits: plot.limits(size: size), positions: plot.classify(value: value, size: size)))
        }
        let largest = used.map(\.denominator).max() ?? 1
        let curve = (1...max(2, Int((Double(largest) * 1.2).rounded(.up)))).map { plot.limits(size: $0) }
        return FunnelChart(centre: plot.centre, levels: levels, points: points, curve: curve, omitted: omitted)
    }
}

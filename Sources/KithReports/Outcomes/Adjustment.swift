import KithCore
import KithStatistics

/// The baseline-adjusted comparison: ANCOVA follow-up ~ baseline + provider.
enum Adjustment {
    /// Fits the model on the paired clients of the providers whose figures are published.
    /// A provider whose statistics are withheld is left out of the model altogether: with it
    /// in, the others' differences from the average, the coefficients or the F test would
    /// give its adjusted mean away.
    static func fit(_ scale: OutcomeScale, _ people: [OutcomeData.Person], providers: [String], rows: [ProviderOutcome]) throws -> AdjustedComparison
    {
        let withheld = Set(rows.filter { $0.withheld != nil }.compactMap(\.provider))
        let levels = providers.filter { !withheld.contains($0) }
        guard levels.count >= 2 else { throw OutcomeError.tooFewProviders(found: levels) }
        var y: [Double] = []
        var x: [Double] = []
        var group: [String] = []
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
            if name.hasPrefix("group[") { label = "provider[" + name.dropFirst(6) }
            coefficients.append(
                .init(
                    name: label, estimate: model.coefficients[j], standardError: model.standardErrors[j],
                    interval: model.intervals[j], pValue: model.pValues[j]))
        }
        let xbar = ancova.baselineMean
        let adjustedRows = providers.map { provider -> AdjustedRow in
            guard !withheld.contains(provider), let i = levels.firstIndex(of: provider) else {
                return AdjustedRow(
                    provider: provider, withheld: (rows.first { $0.provider == provider }?.withheld ?? "withheld") + "; left out of the model",
                    adjustedMean: nil, adjustedMeanInterval: nil, adjustedChange: nil, adjustedChangeInterval: nil, difference: nil)
            }
            let mean = ancova.adjustedMeans[i]
            return AdjustedRow(
                provider: provider, withheld: nil, adjustedMean: mean.adjustedMean, adjustedMeanInterval: mean.interval,
                adjustedChange: mean.adjustedMean - xbar,
                adjustedChangeInterval: ConfidenceInterval(
                    lower: mean.interval.lower - xbar, upper: mean.interval.upper - xbar, level: mean.interval.level),
                difference: ancova.deviations[i].contrast)
        }
        return AdjustedComparison(
            coefficients: coefficients, baselineMean: xbar, rows: adjustedRows, providerEffect: ancova.groupEffect,
            residualSD: model.residualStandardError, count: model.count)
    }
}

/// The funnel plot of the providers' proportions.
enum FunnelBuilder {
    static let levels = [0.95, 0.998]

    /// Points for the providers whose counts and statistics are published, at their shown counts;
    /// the centre is their pooled proportion (so it gives no withheld count away) and the limits
    /// are exact binomial (Spiegelhalter 2005).
    static func chart(providers: [String], rows: [ProviderOutcome]) throws -> FunnelChart {
        var plotted: [(provider: String, events: Int, size: Int)] = []
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
            plotted.append((provider, events, size))
        }
        guard !plotted.isEmpty else { throw OutcomeError.nothingToPlot(omitted: omitted) }
        let plot = try FunnelPlot.proportions(
            events: plotted.map(\.events), denominators: plotted.map(\.size), levels: levels, method: .exactBinomial)
        let points = zip(plotted, plot.units).map { p, unit in
            FunnelPoint(provider: p.provider, events: p.events, size: p.size, proportion: unit.value, limits: unit.limits, positions: unit.positions)
        }
        let largest = plotted.map(\.size).max() ?? 1
        let curve = (1...max(2, Int((Double(largest) * 1.2).rounded(.up)))).map { plot.limits(size: $0) }
        return FunnelChart(centre: plot.centre, levels: levels, points: points, curve: curve, omitted: omitted)
    }
}

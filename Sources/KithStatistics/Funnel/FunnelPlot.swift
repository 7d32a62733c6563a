import Foundation

/// How control limits for proportions are computed.
public enum FunnelProportionMethod: String, Sendable, Hashable, CaseIterable, Codable {
    /// θ ± z·√(θ(1 − θ)/n), clipped to [0, 1] (PHEindicatormethods, no overdispersion). The default.
    case normalApproximation
    /// Exact binomial limits with Spiegelhalter's (2005) interpolation.
    case exactBinomial
}

/// The lower and upper control limit at one confidence level.
public struct FunnelLimit: Sendable, Hashable, Codable {
    /// Two-sided coverage, e.g. 0.95 or 0.998.
    public let level: Double
    /// Lower limit.
    public let lower: Double
    /// Upper limit.
    public let upper: Double
}

/// Where a unit's value falls relative to one pair of limits.
public enum FunnelPosition: String, Sendable, Hashable, CaseIterable, Codable {
    /// Strictly below the lower limit.
    case below
    /// Between the limits, inclusive.
    case within
    /// Strictly above the upper limit.
    case above
}

/// Funnel-plot control limits around a target, for proportions or means.
///
/// With z = Φ⁻¹(1 − (1 − level)/2) (1.959964 for 95%, 3.090232 for 99.8%):
/// ```
/// proportions, centre θ = Σxᵢ/Σnᵢ:
///   normalApproximation   θ ± z·√(θ(1 − θ)/n), clipped to [0, 1]
///   exactBinomial         limit for tail probability P (P = (1−level)/2 or 1 − (1−level)/2):
///                         r_P = smallest r with F(r) ≥ P,  F the Binomial(n, θ) cdf
///                         α = (F(r_P) − P)/(F(r_P) − F(r_P − 1)),  limit = (r_P − α)/n
/// means, centre μ (default Σnᵢx̄ᵢ/Σnᵢ):
///   μ ± z·σ/√n
/// ```
/// References: Spiegelhalter D.J. (2005) "Funnel plots for comparing
/// institutional performance", *Stat Med* 24:1185–1202 (Appendix A.1.1 for
/// the interpolated binomial limits); Public Health England,
/// PHEindicatormethods R package, funnel-plot methods (no overdispersion
/// adjustment). Overdispersion adjustment is not implemented.
package struct FunnelPlot: Sendable, Hashable, Codable {
    /// What the plot is of.
    package enum Kind: Sendable, Hashable, Codable {
        /// Proportions, with the limit method.
        case proportion(FunnelProportionMethod)
        /// Means, with the within-unit SD σ.
        case mean(standardDeviation: Double)
    }

    /// One unit (e.g. a ward or a project) with its limits and positions.
    package struct Unit: Sendable, Hashable, Codable {
        /// The unit's proportion or mean.
        package let value: Double
        /// Its denominator (trials) or sample size.
        package let size: Int
        /// Limits at this size, one per level.
        package let limits: [FunnelLimit]
        /// Position relative to each limit, same order.
        package let positions: [FunnelPosition]
    }

    /// Target value θ or μ.
    package let centre: Double
    /// Coverage levels, e.g. [0.95, 0.998].
    package let levels: [Double]
    /// Proportion or mean.
    package let kind: Kind
    /// The input units, in order.
    package let units: [Unit]

    /// Proportion funnel: `events[i]` of `denominators[i]` per unit.
    /// Throws for empty input, unequal lengths, negative counts, events > denominator,
    /// a zero denominator, a zero total, or a level outside (0, 1).
    package static func proportions(
        events: [Int], denominators: [Int], levels: [Double] = [0.95, 0.998],
        method: FunnelProportionMethod = .normalApproximation
    ) throws -> FunnelPlot {
        try Validate.atLeast(1, events.count, what: "A funnel plot (units)")
        try Validate.sameLength(events.count, denominators.count, what: "Denominators")
        for l in levels { try Validate.level(l) }
        for (x, n) in zip(events, denominators) {
            try Validate.count(x, name: "events")
            try Validate.atLeast(1, n, what: "A funnel-plot unit (denominator)")
            guard x <= n else {
                throw StatisticsError.invalidParameter(name: "events", value: "\(x)", requirement: "must not exceed the denominator \(n)")
            }
        }
        let theta = Double(events.reduce(0, +)) / Double(denominators.reduce(0, +))
        let plot = FunnelPlot(centre: theta, levels: levels, kind: .proportion(method), units: [])
        let units = zip(events, denominators).map { x, n in plot.unit(value: Double(x) / Double(n), size: n) }
        return FunnelPlot(centre: theta, levels: levels, kind: .proportion(method), units: units)
    }

    /// Mean funnel: unit means with sample sizes, known/pooled within-unit SD σ,
    /// and centre μ (default: the size-weighted mean of the unit means).
    package static func means(
        _ means: [Double], sizes: [Int], standardDeviation sigma: Double, centre: Double? = nil,
        levels: [Double] = [0.95, 0.998]
    ) throws -> FunnelPlot {
        try Validate.atLeast(1, means.count, what: "A funnel plot (units)")
        try Validate.sameLength(means.count, sizes.count, what: "Sample sizes")
        try Validate.finite(means, what: "Unit means")
        try Validate.positive(sigma, name: "standard deviation")
        for l in levels { try Validate.level(l) }
        for n in sizes { try Validate.atLeast(1, n, what: "A funnel-plot unit (sample size)") }
        let mu = centre ?? zip(means, sizes).reduce(0) { $0 + $1.0 * Double($1.1) } / Double(sizes.reduce(0, +))
        let plot = FunnelPlot(centre: mu, levels: levels, kind: .mean(standardDeviation: sigma), units: [])
        let units = zip(means, sizes).map { plot.unit(value: $0, size: $1) }
        return FunnelPlot(centre: mu, levels: levels, kind: .mean(standardDeviation: sigma), units: units)
    }

    /// Control limits at size n (for drawing the funnel), one per level.
    package func limits(size n: Int) -> [FunnelLimit] {
        levels.map { level in
            let z = Normal.twoSidedCritical(level: level)
            let nn = Double(max(n, 1))
            switch kind {
            case let .mean(sigma):
                return FunnelLimit(level: level, lower: centre - z * sigma / nn.squareRoot(), upper: centre + z * sigma / nn.squareRoot())
            case .proportion(.normalApproximation):
                let half = z * (centre * (1 - centre) / nn).squareRoot()
                return FunnelLimit(level: level, lower: min(max(centre - half, 0), 1), upper: min(max(centre + half, 0), 1))
            case .proportion(.exactBinomial):
                let tail = (1 - level) / 2
                return FunnelLimit(
                    level: level, lower: exactLimit(n: max(n, 1), probability: tail),
                    upper: exactLimit(n: max(n, 1), probability: 1 - tail))
            }
        }
    }

    /// Position of `value` at size n relative to each level's limits.
    package func classify(value: Double, size n: Int) -> [FunnelPosition] {
        limits(size: n).map { value < $0.lower ? .below : (value > $0.upper ? .above : .within) }
    }

    private func unit(value: Double, size: Int) -> Unit {
        let l = limits(size: size)
        return Unit(
            value: value, size: size, limits: l,
            positions: l.map { value < $0.lower ? .below : (value > $0.upper ? .above : .within) })
    }

    /// Spiegelhalter (2005) A.1.1: interpolated binomial quantile divided by n.
    private func exactLimit(n: Int, probability p: Double) -> Double {
        let b = Binomial(uncheckedTrials: n, probability: centre)
        let r = (try? b.quantile(p)) ?? 0
        let fr = b.cdf(r)
        let fr1 = b.cdf(r - 1)
        let alpha = fr > fr1 ? (fr - p) / (fr - fr1) : 0
        return min(max((Double(r) - alpha) / Double(n), 0), 1)
    }
}

import Foundation

/// Confidence-interval methods for a binomial proportion x/n.
///
/// With p̂ = x/n, q̂ = 1 − p̂, z = Φ⁻¹(1 − α/2) and α = 1 − level:
/// ```
/// wilson          (p̂ + z²/2n ± z·√(p̂q̂/n + z²/4n²)) / (1 + z²/n)
/// wilsonCorrected L = (2np̂ + z² − 1 − z√(z² − 2 − 1/n + 4p̂(nq̂ + 1))) / (2(n + z²))
///                 U = (2np̂ + z² + 1 + z√(z² + 2 − 1/n + 4p̂(nq̂ − 1))) / (2(n + z²))
/// clopperPearson  L = B⁻¹(α/2; x, n − x + 1),   U = B⁻¹(1 − α/2; x + 1, n − x)
/// jeffreys        B⁻¹(α/2 and 1 − α/2; x + ½, n − x + ½)
/// wald            p̂ ± z·√(p̂q̂/n)
/// ```
/// References: Wilson E.B. (1927) *JASA* 22:209–212; Newcombe R.G. (1998)
/// "Two-sided confidence intervals for the single proportion: comparison of
/// seven methods", *Stat Med* 17:857–872 (methods 3 and 4, the continuity-
/// corrected formula above); Clopper C.J. & Pearson E.S. (1934) *Biometrika*
/// 26:404–413; Brown L.D., Cai T.T. & DasGupta A. (2001) "Interval estimation
/// for a binomial proportion", *Statistical Science* 16:101–133 (Jeffreys).
///
/// Boundaries: every method gives lower = 0 when x = 0 and upper = 1 when
/// x = n. For Clopper–Pearson and Wilson this is the formula's own value; for
/// Jeffreys it is the modification Brown, Cai & DasGupta recommend (§4.1.2),
/// so it differs there from statsmodels' unmodified Jeffreys. Wilson and Wald
/// limits are clipped to [0, 1].
package enum ProportionInterval: String, Sendable, Hashable, CaseIterable, Codable {
    /// Wilson score interval without continuity correction. The default.
    case wilson
    /// Wilson score interval with continuity correction (Newcombe 1998, method 4).
    case wilsonCorrected
    /// Clopper–Pearson "exact" interval: conservative, coverage ≥ level.
    case clopperPearson
    /// Jeffreys equal-tailed Bayesian interval (Beta(½, ½) prior).
    case jeffreys
    /// Wald interval p̂ ± z·SE. Poor coverage for small n or p̂ near 0 or 1
    /// (zero width at x = 0); provided only to reproduce legacy figures.
    case wald
}

/// A proportion x/n with its standard error and confidence interval.
package struct ProportionEstimate: Sendable, Hashable, Codable {
    /// Number of successes x.
    package let successes: Int
    /// Number of trials n.
    package let trials: Int
    /// p̂ = x/n.
    package let estimate: Double
    /// Wald standard error √(p̂(1 − p̂)/n), reported whatever the interval method.
    package let standardError: Double
    /// Confidence interval by `method`.
    package let interval: ConfidenceInterval
    /// Interval method used.
    package let method: ProportionInterval
    /// Confidence level.
    package var level: Double { interval.level }

    /// Estimates x/n. Throws `.insufficientData` for n = 0 and `.invalidParameter`
    /// for x < 0, x > n or a level outside (0, 1).
    package init(successes x: Int, trials n: Int, level: Double = 0.95, method: ProportionInterval = .wilson) throws {
        try Validate.count(x, name: "successes")
        try Validate.count(n, name: "trials")
        try Validate.atLeast(1, n, what: "A proportion")
        guard x <= n else {
            throw StatisticsError.invalidParameter(name: "successes", value: "\(x)", requirement: "must not exceed the \(n) trials")
        }
        try Validate.level(level)
        successes = x
        trials = n
        let nn = Double(n)
        let p = Double(x) / nn
        estimate = p
        standardError = (p * (1 - p) / nn).squareRoot()
        self.method = method
        let (lower, upper) = Self.limits(x: x, n: n, level: level, method: method)
        interval = ConfidenceInterval(lower: lower, upper: upper, level: level)
    }

    /// Interval limits for x of n at `level` by `method`; inputs already validated.
    static func limits(x: Int, n: Int, level: Double, method: ProportionInterval) -> (Double, Double) {
        let alpha = 1 - level
        let z = Normal.twoSidedCritical(level: level)
        let nn = Double(n)
        let p = Double(x) / nn
        let q = 1 - p
        var lower: Double
        var upper: Double
        switch method {
        case .wilson:
            let z2 = z * z
            let centre = (p + z2 / (2 * nn)) / (1 + z2 / nn)
            let half = z * (p * q / nn + z2 / (4 * nn * nn)).squareRoot() / (1 + z2 / nn)
            lower = centre - half
            upper = centre + half
        case .wilsonCorrected:
            let z2 = z * z
            let denominator = 2 * (nn + z2)
            lower = (2 * nn * p + z2 - 1 - z * (z2 - 2 - 1 / nn + 4 * p * (nn * q + 1)).squareRoot()) / denominator
            upper = (2 * nn * p + z2 + 1 + z * (z2 + 2 - 1 / nn + 4 * p * (nn * q - 1)).squareRoot()) / denominator
        case .clopperPearson:
            lower = x == 0 ? 0 : ((try? BetaDistribution(unchecked: Double(x), Double(n - x + 1)).quantile(alpha / 2)) ?? .nan)
            upper = x == n ? 1 : ((try? BetaDistribution(unchecked: Double(x + 1), Double(n - x)).upperQuantile(alpha / 2)) ?? .nan)
        case .jeffreys:
            let beta = BetaDistribution(unchecked: Double(x) + 0.5, Double(n - x) + 0.5)
            lower = x == 0 ? 0 : ((try? beta.quantile(alpha / 2)) ?? .nan)
            upper = x == n ? 1 : ((try? beta.upperQuantile(alpha / 2)) ?? .nan)
        case .wald:
            let half = z * (p * q / nn).squareRoot()
            lower = p - half
            upper = p + half
        }
        if x == 0 { lower = 0 }
        if x == n { upper = 1 }
        return (min(max(lower, 0), 1), min(max(upper, 0), 1))
    }
}

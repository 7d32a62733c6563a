import Foundation

/// The normal distribution N(μ, σ²).
///
/// ```
/// cdf(x)      = ½ · erfc(−(x − μ) / (σ√2))
/// survival(x) = ½ · erfc( (x − μ) / (σ√2))
/// quantile(p) = μ + σ · Φ⁻¹(p)        (Φ⁻¹ by Wichura 1988, AS 241)
/// ```
/// Both tails come from `erfc`, so they keep relative accuracy down to
/// ~1e-300 (x ≈ ±37σ). Reference: Wichura M.J. (1988), *Applied Statistics*
/// 37:477–484 for the quantile.
package struct Normal: ContinuousDistribution, Hashable {
    /// μ.
    package let mean: Double
    /// σ > 0.
    package let standardDeviation: Double

    /// N(0, 1).
    package static let standard = Normal(uncheckedMean: 0, standardDeviation: 1)

    /// Throws `.invalidParameter` unless μ is finite and σ is finite and > 0.
    package init(mean: Double = 0, standardDeviation: Double = 1) throws {
        guard mean.isFinite else {
            throw StatisticsError.invalidParameter(name: "mean", value: "\(mean)", requirement: "must be finite")
        }
        guard standardDeviation > 0, standardDeviation.isFinite else {
            throw StatisticsError.invalidParameter(
                name: "standard deviation", value: "\(standardDeviation)", requirement: "must be finite and greater than 0")
        }
        self.init(uncheckedMean: mean, standardDeviation: standardDeviation)
    }

    init(uncheckedMean mean: Double, standardDeviation: Double) {
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// `exp(−z²/2) / (σ√(2π))`, z = (x − μ)/σ.
    package func density(_ x: Double) -> Double {
        let z = (x - mean) / standardDeviation
        return exp(-0.5 * z * z) / (standardDeviation * 2.5066282746310005024)
    }

    /// P(X ≤ x); see `ContinuousDistribution` for conventions.
    package func cdf(_ x: Double) -> Double {
        0.5 * erfc(-(x - mean) / standardDeviation * 0.70710678118654752440)
    }

    /// P(X > x), computed directly; see `ContinuousDistribution`.
    package func survival(_ x: Double) -> Double {
        0.5 * erfc((x - mean) / standardDeviation * 0.70710678118654752440)
    }

    /// x with P(X ≤ x) = p; throws for p outside [0, 1].
    package func quantile(_ p: Double) throws -> Double {
        try Validate.probability(p)
        return mean - standardDeviation * normalUpperQuantile(p)
    }

    /// x with P(X > x) = q; throws for q outside [0, 1].
    package func upperQuantile(_ q: Double) throws -> Double {
        try Validate.probability(q)
        return mean + standardDeviation * normalUpperQuantile(q)
    }
}

extension Normal {
    /// The two-sided critical value z with P(|Z| > z) = 1 − level, i.e.
    /// `Φ⁻¹(1 − (1 − level)/2)`; 1.959964 for 0.95. Level already validated.
    static func twoSidedCritical(level: Double) -> Double {
        normalUpperQuantile((1 - level) / 2)
    }
}

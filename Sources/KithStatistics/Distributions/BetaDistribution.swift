import Foundation

/// The beta distribution Beta(α, β) on [0, 1]; used for the Clopper–Pearson
/// and Jeffreys intervals.
///
/// ```
/// P(X ≤ x) = I_x(α, β),   f(x) = x^(α−1) (1−x)^(β−1) / B(α, β)
/// ```
/// Incomplete beta by the continued fraction of Numerical Recipes §6.4 (see
/// `incompleteBeta`). Quantiles: safeguarded Newton in log x (see
/// `TailInversion`) from the mean α/(α+β).
package struct BetaDistribution: ContinuousDistribution, Hashable {
    /// α > 0.
    package let alpha: Double
    /// β > 0.
    package let beta: Double

    /// Throws `.invalidParameter` unless α and β are finite and > 0.
    package init(alpha: Double, beta: Double) throws {
        try Validate.positive(alpha, name: "alpha")
        try Validate.positive(beta, name: "beta")
        guard alpha.isFinite, beta.isFinite else {
            throw StatisticsError.invalidParameter(name: "shape", value: "(\(alpha), \(beta))", requirement: "must be finite")
        }
        self.init(unchecked: alpha, beta)
    }

    init(unchecked alpha: Double, _ beta: Double) {
        self.alpha = alpha
        self.beta = beta
    }

    /// Probability density at x (0 outside the support).
    package func density(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x < 0 || x > 1 { return 0 }
        return betaDensity(a: alpha, b: beta, x: x, y: 1 - x)
    }

    /// P(X ≤ x); see `ContinuousDistribution` for conventions.
    package func cdf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        return incompleteBeta(a: alpha, b: beta, x: x, y: 1 - x).lower
    }

    /// P(X > x), computed directly; see `ContinuousDistribution`.
    package func survival(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        return incompleteBeta(a: alpha, b: beta, x: x, y: 1 - x).upper
    }

    /// x with P(X ≤ x) = p; throws for p outside [0, 1].
    package func quantile(_ p: Double) throws -> Double {
        try Validate.probability(p)
        return inverter.lower(p, start: { _ in self.alpha / (self.alpha + self.beta) })
    }

    /// x with P(X > x) = q; throws for q outside [0, 1].
    package func upperQuantile(_ q: Double) throws -> Double {
        try Validate.probability(q)
        return inverter.upper(q, start: { _ in self.alpha / (self.alpha + self.beta) })
    }

    private var inverter: PositiveSupportQuantile {
        PositiveSupportQuantile(upperBound: 1, cdf: cdf, survival: survival, density: density)
    }
}

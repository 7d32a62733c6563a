import Foundation

/// The chi-square distribution with ν > 0 degrees of freedom (non-integer allowed).
///
/// ```
/// P(X ≤ x) = P(ν/2, x/2),   P(X > x) = Q(ν/2, x/2)      (regularized incomplete gamma)
/// f(x)     = x^(ν/2−1) e^(−x/2) / (2^(ν/2) Γ(ν/2))
/// ```
/// (Abramowitz & Stegun 1964, eq. 26.4.19.) Quantiles: safeguarded Newton
/// (see `TailInversion`) from the Wilson–Hilferty (1931) start
/// ν·(1 − 2/(9ν) + z·√(2/(9ν)))³.
package struct ChiSquared: ContinuousDistribution, Hashable {
    /// Degrees of freedom ν > 0.
    package let degreesOfFreedom: Double

    /// Throws `.invalidParameter` unless ν is finite and > 0.
    package init(degreesOfFreedom: Double) throws {
        try Validate.positive(degreesOfFreedom, name: "degrees of freedom")
        guard degreesOfFreedom.isFinite else {
            throw StatisticsError.invalidParameter(
                name: "degrees of freedom", value: "\(degreesOfFreedom)", requirement: "must be finite")
        }
        self.degreesOfFreedom = degreesOfFreedom
    }

    init(uncheckedDegreesOfFreedom df: Double) { self.degreesOfFreedom = df }

    /// Probability density at x (0 outside the support).
    package func density(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        return gammaDensity(a: degreesOfFreedom / 2, x: x / 2) / 2
    }

    /// P(X ≤ x); see `ContinuousDistribution` for conventions.
    package func cdf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        return incompleteGamma(a: degreesOfFreedom / 2, x: x / 2).lower
    }

    /// P(X > x), computed directly; see `ContinuousDistribution`.
    package func survival(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        return incompleteGamma(a: degreesOfFreedom / 2, x: x / 2).upper
    }

    /// x with P(X ≤ x) = p; throws for p outside [0, 1].
    package func quantile(_ p: Double) throws -> Double {
        try Validate.probability(p)
        return inverter.lower(p, start: startingValue)
    }

    /// x with P(X > x) = q; throws for q outside [0, 1].
    package func upperQuantile(_ q: Double) throws -> Double {
        try Validate.probability(q)
        return inverter.upper(q, start: startingValue)
    }

    private var inverter: PositiveSupportQuantile {
        PositiveSupportQuantile(upperBound: .infinity, cdf: cdf, survival: survival, density: density)
    }

    /// Wilson–Hilferty for the lower-tail probability p; for tiny p, where it
    /// goes negative, the leading term of the series, P ≈ (x/2)^a / Γ(a+1).
    private func startingValue(_ p: Double) -> Double {
        let n = degreesOfFreedom
        let z = -normalUpperQuantile(p)
        let c = 2 / (9 * n)
        let wh = n * pow(1 - c + z * sqrt(c), 3)
        if wh > 0, wh.isFinite { return wh }
        let a = n / 2
        return 2 * exp((log(p) + lgamma(a + 1)) / a)
    }
}

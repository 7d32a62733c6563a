import Foundation

/// Snedecor's F distribution with d₁, d₂ > 0 degrees of freedom.
///
/// ```
/// P(X ≤ x) = I_z(d₁/2, d₂/2),   z = d₁x/(d₁x + d₂),   1 − z = d₂/(d₁x + d₂)
/// f(x)     = d₁d₂/(d₁x + d₂)² · z^(d₁/2−1) (1−z)^(d₂/2−1) / B(d₁/2, d₂/2)
/// ```
/// (Abramowitz & Stegun 1964, eq. 26.6.2.) Both z and 1 − z are formed
/// directly so both tails keep relative accuracy. Quantiles: safeguarded
/// Newton (see `TailInversion`) started at x = 1.
package struct FDistribution: ContinuousDistribution, Hashable {
    /// Numerator degrees of freedom d₁ > 0.
    package let numeratorDegreesOfFreedom: Double
    /// Denominator degrees of freedom d₂ > 0.
    package let denominatorDegreesOfFreedom: Double

    /// Throws `.invalidParameter` unless both are finite and > 0.
    package init(numeratorDegreesOfFreedom d1: Double, denominatorDegreesOfFreedom d2: Double) throws {
        try Validate.positive(d1, name: "numerator degrees of freedom")
        try Validate.positive(d2, name: "denominator degrees of freedom")
        guard d1.isFinite, d2.isFinite else {
            throw StatisticsError.invalidParameter(
                name: "degrees of freedom", value: "(\(d1), \(d2))", requirement: "must be finite")
        }
        self.init(unchecked: d1, d2)
    }

    init(unchecked d1: Double, _ d2: Double) {
        numeratorDegreesOfFreedom = d1
        denominatorDegreesOfFreedom = d2
    }

    private func split(_ x: Double) -> (z: Double, y: Double) {
        let u = numeratorDegreesOfFreedom * x
        let d2 = denominatorDegreesOfFreedom
        if u.isInfinite { return (1, 0) }
        return (u / (u + d2), d2 / (u + d2))
    }

    /// P(X ≤ x); see `ContinuousDistribution` for conventions.
    package func cdf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x <= 0 { return 0 }
        let (z, y) = split(x)
        return incompleteBeta(a: numeratorDegreesOfFreedom / 2, b: denominatorDegreesOfFreedom / 2, x: z, y: y).lower
    }

    /// P(X > x), computed directly; see `ContinuousDistribution`.
    package func survival(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x <= 0 { return 1 }
        let (z, y) = split(x)
        return incompleteBeta(a: numeratorDegreesOfFreedom / 2, b: denominatorDegreesOfFreedom / 2, x: z, y: y).upper
    }

    /// Probability density at x (0 outside the support).
    package func density(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x < 0 { return 0 }
        let d1 = numeratorDegreesOfFreedom
        let d2 = denominatorDegreesOfFreedom
        if x == 0 { return d1 < 2 ? .infinity : (d1 == 2 ? 1 : 0) }
        let (z, y) = split(x)
        if y == 0 { return 0 }
        let u = d1 * x + d2
        return betaDensity(a: d1 / 2, b: d2 / 2, x: z, y: y) * d1 * d2 / (u * u)
    }

    /// x with P(X ≤ x) = p; throws for p outside [0, 1].
    package func quantile(_ p: Double) throws -> Double {
        try Validate.probability(p)
        return inverter.lower(p, start: { _ in 1 })
    }

    /// x with P(X > x) = q; throws for q outside [0, 1].
    package func upperQuantile(_ q: Double) throws -> Double {
        try Validate.probability(q)
        return inverter.upper(q, start: { _ in 1 })
    }

    private var inverter: PositiveSupportQuantile {
        PositiveSupportQuantile(upperBound: .infinity, cdf: cdf, survival: survival, density: density)
    }
}

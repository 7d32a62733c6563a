import Foundation

/// Student's t distribution with ν > 0 degrees of freedom (ν need not be an
/// integer, e.g. a Welch–Satterthwaite df; ν = +∞ is the standard normal).
///
/// ```
/// P(T > t) = ½ · I_{ν/(ν+t²)}(ν/2, ½)          for t ≥ 0
/// f(t)     = Γ((ν+1)/2) / (√(νπ) Γ(ν/2)) · (1 + t²/ν)^(−(ν+1)/2)
/// ```
/// (Abramowitz & Stegun 1964, eq. 26.7.1 and 26.5.27.) The incomplete beta is
/// evaluated with t²/(ν+t²) passed separately, so small |t| keeps full accuracy.
/// For t² > 10²⁰⁰ the leading term x^a/(a·B(a,½)) is used in logs (t² would
/// overflow). For ν > 10⁷ the tail uses the normal approximation of R's `pt`,
/// z = t(1 − 1/(4ν)) / √(1 + t²/(2ν)), whose relative error (roughly ∝ t⁸/ν²)
/// is below 1e-9 there even at t = 8; up to 10⁷ the incomplete beta is used
/// (its continued fraction loses digits to cancellation beyond that). Both
/// regimes are tested against mpmath up to ν = 10¹⁰.
/// The density uses Loader's saddle-point terms (as R's `dt`).
/// Quantiles: safeguarded Newton (see `TailInversion`) from a Cornish–Fisher
/// start (Abramowitz & Stegun 26.7.5) or, for ν < 3, the power-law tail.
package struct StudentT: ContinuousDistribution, Hashable {
    /// Degrees of freedom ν > 0.
    package let degreesOfFreedom: Double

    /// Throws `.invalidParameter` unless ν > 0 (ν = +∞ allowed).
    package init(degreesOfFreedom: Double) throws {
        try Validate.positive(degreesOfFreedom, name: "degrees of freedom")
        self.degreesOfFreedom = degreesOfFreedom
    }

    init(uncheckedDegreesOfFreedom df: Double) { self.degreesOfFreedom = df }

    /// P(T > t) for t ≥ 0.
    private func upperTail(_ t: Double) -> Double {
        let n = degreesOfFreedom
        if n == .infinity { return Normal.standard.survival(t) }
        if n > 1e7 {
            let v = 1 / (4 * n)
            return Normal.standard.survival(t * (1 - v) / sqrt(1 + t * t * 2 * v))
        }
        if t == .infinity { return 0 }
        let t2 = t * t
        if !(t2 < 1e200) {
            // I_x(a, ½) = x^a / (a·B(a, ½)) · (1 + O(x)) with x = n/t² < 1e-190·n:
            // evaluated in logs because t² (and x) may leave the double range.
            let a = n / 2
            let logX = log(n) - 2 * log(t)
            return 0.5 * exp(a * logX - log(a) - (lgamma(a) + lgamma(0.5) - lgamma(a + 0.5)))
        }
        return 0.5 * incompleteBeta(a: n / 2, b: 0.5, x: n / (n + t2), y: t2 / (n + t2)).lower
    }

    /// P(X ≤ x); see `ContinuousDistribution` for conventions.
    package func cdf(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        return t < 0 ? upperTail(-t) : 1 - upperTail(t)
    }

    /// P(X > x), computed directly; see `ContinuousDistribution`.
    package func survival(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        return t < 0 ? 1 - upperTail(-t) : upperTail(t)
    }

    /// Probability density at x (0 outside the support).
    package func density(_ x: Double) -> Double {
        let n = degreesOfFreedom
        if x.isNaN { return .nan }
        if n == .infinity { return Normal.standard.density(x) }
        if x.isInfinite { return 0 }
        let t = -deviance(n / 2, (n + 1) / 2) + stirlingError((n + 1) / 2) - stirlingError(n / 2)
        let x2n = x * x / n
        if x2n > 1 / Double.ulpOfOne {
            let ax = abs(x)
            let u = n * (log(ax) - log(n) / 2)
            return exp(t - u) * 0.39894228040143267794 * sqrt(n) / ax
        }
        let u = x2n > 0.2 ? n * log(1 + x2n) / 2 : -deviance(n / 2, (n + x * x) / 2) + x * x / 2
        return exp(t - u) * 0.39894228040143267794 / sqrt(1 + x2n)
    }

    /// x with P(X ≤ x) = p; throws for p outside [0, 1].
    package func quantile(_ p: Double) throws -> Double {
        try Validate.probability(p)
        return -positiveUpperQuantileOrSign(p)
    }

    /// x with P(X > x) = q; throws for q outside [0, 1].
    package func upperQuantile(_ q: Double) throws -> Double {
        try Validate.probability(q)
        return positiveUpperQuantileOrSign(q)
    }

    /// x with P(T > x) = q, using symmetry so the solver only works for q < ½.
    private func positiveUpperQuantileOrSign(_ q: Double) -> Double {
        if q == 0.5 { return 0 }
        if q == 0 { return .infinity }
        if q == 1 { return -.infinity }
        if q > 0.5 { return -positiveUpperQuantileOrSign(1 - q) }
        let n = degreesOfFreedom
        if n == .infinity { return normalUpperQuantile(q) }
        let solver = TailInversion(side: .upper, upperBound: .infinity, tail: { self.survival($0) }, density: { self.density($0) })
        return solver.solve(target: q, start: startingValue(q))
    }

    /// Rough x with P(T > x) = q (q < ½).
    private func startingValue(_ q: Double) -> Double {
        let n = degreesOfFreedom
        if n < 3 {
            // P(T > x) ≈ c · n^((n−1)/2) · x^(−n) for large x, c = Γ((n+1)/2)/(√(nπ) Γ(n/2)).
            let logC = lgamma((n + 1) / 2) - lgamma(n / 2) - 0.5 * log(n * Double.pi)
            let start = exp((logC + (n - 1) / 2 * log(n) - log(q)) / n)
            return max(start, 1e-3)
        }
        let z = normalUpperQuantile(q)
        let z2 = z * z
        let g1 = (z2 + 1) * z / 4
        let g2 = ((5 * z2 + 16) * z2 + 3) * z / 96
        let g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384
        let g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160
        let start = z + g1 / n + g2 / (n * n) + g3 / (n * n * n) + g4 / (n * n * n * n)
        return start > 0 ? start : z
    }
}

import Foundation

/// A continuous probability distribution on the real line.
///
/// Conventions shared by every conforming type:
/// - `cdf(x) = P(X ≤ x)` and `survival(x) = P(X > x)` are each computed
///   *directly* (never as 1 − the other), so a p-value of 1e-12 keeps its
///   relative accuracy.
/// - `quantile(p)` is the x with `cdf(x) = p`; `upperQuantile(q)` the x with
///   `survival(x) = q`. Use `upperQuantile` for critical values from small tail
///   probabilities (`upperQuantile(0.025)`), which avoids forming 1 − q.
/// - Probabilities outside [0, 1] (or NaN) throw `StatisticsError.invalidParameter`;
///   0 and 1 map to the ends of the support.
/// - A NaN argument to `density`, `cdf` or `survival` returns NaN.
package protocol ContinuousDistribution: Sendable {
    /// Probability density at x.
    func density(_ x: Double) -> Double
    /// Lower tail P(X ≤ x).
    func cdf(_ x: Double) -> Double
    /// Upper tail P(X > x), computed directly.
    func survival(_ x: Double) -> Double
    /// Lower-tail quantile: x with P(X ≤ x) = p.
    func quantile(_ p: Double) throws -> Double
    /// Upper-tail quantile: x with P(X > x) = q.
    func upperQuantile(_ q: Double) throws -> Double
}

extension ContinuousDistribution {
    /// Two-sided p-value of a statistic from a distribution symmetric about 0:
    /// `2 · P(X > |x|)`, capped at 1.
    func twoSidedPValue(_ x: Double) -> Double { min(1, 2 * survival(abs(x))) }
}

/// Shared quantile driver for distributions on (0, upperBound): solves in the
/// tail whose probability is ≤ ½ (where 1 − p is exact by Sterbenz's lemma).
struct PositiveSupportQuantile {
    let upperBound: Double
    let cdf: (Double) -> Double
    let survival: (Double) -> Double
    let density: (Double) -> Double

    /// x with cdf(x) = p; p already validated to lie in [0, 1].
    func lower(_ p: Double, start: (Double) -> Double) -> Double {
        if p == 0 { return 0 }
        if p == 1 { return upperBound }
        if p <= 0.5 {
            return TailInversion(side: .lower, upperBound: upperBound, tail: cdf, density: density)
                .solve(target: p, start: start(p))
        }
        return upper(1 - p, start: start)
    }

    /// x with survival(x) = q; q already validated to lie in [0, 1].
    func upper(_ q: Double, start: (Double) -> Double) -> Double {
        if q == 0 { return upperBound }
        if q == 1 { return 0 }
        if q <= 0.5 {
            return TailInversion(side: .upper, upperBound: upperBound, tail: survival, density: density)
                .solve(target: q, start: start(1 - q))
        }
        return lower(1 - q, start: start)
    }
}

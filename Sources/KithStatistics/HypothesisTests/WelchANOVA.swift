import Foundation

/// Welch's heteroscedastic one-way ANOVA for k ≥ 2 independent groups
/// (equality of means without assuming equal variances).
///
/// With wᵢ = nᵢ/sᵢ², W = Σwᵢ and the weighted mean x̃ = Σwᵢx̄ᵢ/W:
/// ```
/// A  = Σ wᵢ (x̄ᵢ − x̃)² / (k − 1)
/// Λ  = Σ (1 − wᵢ/W)² / (nᵢ − 1)
/// F  = A / [1 + 2(k − 2)Λ/(k² − 1)]
/// df₁ = k − 1,   df₂ = (k² − 1)/(3Λ),   p = P(F_{df₁,df₂} > F)
/// ```
/// Reference: Welch B.L. (1951) "On the comparison of several mean values: an
/// alternative approach", *Biometrika* 38:330–336. For k = 2, F equals the
/// square of Welch's t and df₂ its Welch–Satterthwaite df.
///
/// Needs every group to have n ≥ 2 and a positive variance (a group with
/// zero variance has infinite weight: `.degenerate`); fewer than 2 groups throws.
package struct WelchANOVA: Sendable, Hashable, Codable {
    /// One summary per group, in input order.
    package let groups: [Summary]
    /// F statistic.
    package let f: Double
    /// Numerator df = k − 1.
    package let numeratorDegreesOfFreedom: Double
    /// Denominator df (non-integer).
    package let denominatorDegreesOfFreedom: Double
    /// P(F > f).
    package let pValue: Double

    /// Tests the groups' raw values.
    package init(groups values: [[Double]]) throws {
        try Validate.atLeast(2, values.count, what: "Welch's ANOVA (groups)")
        try self.init(summaries: values.map { try Summary($0) })
    }

    /// From per-group summaries.
    package init(summaries: [Summary]) throws {
        try Validate.atLeast(2, summaries.count, what: "Welch's ANOVA (groups)")
        var weights: [Double] = []
        for (i, g) in summaries.enumerated() {
            guard let v = g.variance else {
                throw StatisticsError.insufficientData(what: "Welch's ANOVA (group \(i + 1))", needed: 2, got: g.count)
            }
            guard v > 0 else { throw StatisticsError.degenerate("group \(i + 1) has zero variance, so its Welch weight is infinite") }
            weights.append(Double(g.count) / v)
        }
        let k = Double(summaries.count)
        let w = weights.reduce(0, +)
        let weightedMean = zip(weights, summaries).reduce(0) { $0 + $1.0 * $1.1.mean } / w
        let a = zip(weights, summaries).reduce(0) { $0 + $1.0 * pow($1.1.mean - weightedMean, 2) } / (k - 1)
        let lambda = zip(weights, summaries).reduce(0) { $0 + pow(1 - $1.0 / w, 2) / Double($1.1.count - 1) }
        groups = summaries
        f = a / (1 + 2 * (k - 2) * lambda / (k * k - 1))
        numeratorDegreesOfFreedom = k - 1
        denominatorDegreesOfFreedom = (k * k - 1) / (3 * lambda)
        pValue = FDistribution(unchecked: numeratorDegreesOfFreedom, denominatorDegreesOfFreedom).survival(f)
    }
}

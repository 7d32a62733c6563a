import Foundation

/// A sample mean with its t-based confidence interval.
///
/// ```
/// SE = s/√n,   df = n − 1,   CI = x̄ ± t_{1−α/2, n−1} · SE
/// ```
/// (Student 1908, *Biometrika* 6:1–25.) Needs n ≥ 2 (throws
/// `.insufficientData` otherwise); a level outside (0, 1) throws. If every
/// value is equal, SE = 0 and the interval has zero width.
package struct MeanEstimate: Sendable, Hashable, Codable {
    /// Number of values n.
    package let count: Int
    /// Sample mean x̄.
    package let mean: Double
    /// Sample standard deviation s (divisor n − 1).
    package let standardDeviation: Double
    /// Standard error s/√n.
    package let standardError: Double
    /// Degrees of freedom n − 1.
    package let degreesOfFreedom: Double
    /// t interval for the population mean.
    package let interval: ConfidenceInterval
    /// Confidence level.
    package var level: Double { interval.level }

    /// Estimates the mean of `values` (finite, n ≥ 2).
    package init(_ values: [Double], level: Double = 0.95) throws {
        try Validate.atLeast(2, values.count, what: "A confidence interval for a mean")
        try self.init(summary: Summary(values), level: level)
    }

    /// From an existing summary with n ≥ 2.
    package init(summary: Summary, level: Double = 0.95) throws {
        try Validate.level(level)
        guard let sd = summary.standardDeviation, let se = summary.standardError else {
            throw StatisticsError.insufficientData(what: "A confidence interval for a mean", needed: 2, got: summary.count)
        }
        count = summary.count
        mean = summary.mean
        standardDeviation = sd
        standardError = se
        degreesOfFreedom = Double(summary.count - 1)
        let t = tCritical(df: degreesOfFreedom, level: level)
        interval = .symmetric(mean, critical: t, se: se, level: level)
    }
}

/// Two-sided critical value t with P(T > t) = (1 − level)/2; level validated.
func tCritical(df: Double, level: Double) -> Double {
    (try? StudentT(uncheckedDegreesOfFreedom: df).upperQuantile((1 - level) / 2)) ?? .nan
}

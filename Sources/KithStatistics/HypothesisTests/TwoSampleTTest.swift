import Foundation

/// How a two-sample t test treats the two group variances.
public enum VarianceAssumption: String, Sendable, Hashable, CaseIterable, Codable {
    /// Welch's test: variances may differ; Welch–Satterthwaite df. The default.
    case welch
    /// Student's pooled-variance test: assumes equal variances; df = n₁ + n₂ − 2.
    case pooled
}

/// Two independent samples compared by a t test on the difference of means x̄₁ − x̄₂.
///
/// ```
/// Welch:  SE² = s₁²/n₁ + s₂²/n₂
///         df  = SE⁴ / [ (s₁²/n₁)²/(n₁−1) + (s₂²/n₂)²/(n₂−1) ]
/// Pooled: s²ₚ = ((n₁−1)s₁² + (n₂−1)s₂²)/(n₁+n₂−2),  SE = sₚ√(1/n₁ + 1/n₂),  df = n₁+n₂−2
/// t = (x̄₁ − x̄₂)/SE,   p = 2·P(T_df > |t|),   CI = (x̄₁ − x̄₂) ± t_{1−α/2, df}·SE
/// ```
/// References: Welch B.L. (1947) *Biometrika* 34:28–35; Satterthwaite F.E.
/// (1946) *Biometrics Bulletin* 2:110–114; Student (1908) *Biometrika* 6:1–25.
///
/// Needs n ≥ 2 in each group for Welch; for pooled, n ≥ 1 in each and
/// n₁ + n₂ ≥ 3 (a group of one contributes no variance). If SE = 0 (no spread
/// at all) t is undefined and `.degenerate` is thrown.
public struct TwoSampleTTest: Sendable, Hashable, Codable {
    /// Summary of the first sample.
    public let first: Summary
    /// Summary of the second sample.
    public let second: Summary
    /// Variance assumption used.
    public let variance: VarianceAssumption
    /// x̄₁ − x̄₂.
    public let meanDifference: Double
    /// Standard error of the difference.
    public let standardError: Double
    /// t statistic.
    public let t: Double
    /// Degrees of freedom (non-integer for Welch).
    public let degreesOfFreedom: Double
    /// Two-sided p-value.
    public let pValue: Double
    /// Confidence interval for x̄₁ − x̄₂.
    public let interval: ConfidenceInterval

    /// Tests samples `x` and `y` (difference x̄ − ȳ).
    public init(_ x: [Double], _ y: [Double], variance: VarianceAssumption = .welch, level: Double = 0.95) throws {
        try Validate.atLeast(1, x.count, what: "The first sample")
        try Validate.atLeast(1, y.count, what: "The second sample")
        try self.init(first: Summary(x), second: Summary(y), variance: variance, level: level)
    }

    /// From two summaries (e.g. published means, SDs and ns).
    public init(first: Summary, second: Summary, variance: VarianceAssumption = .welch, level: Double = 0.95) throws {
        try Validate.level(level)
        let n1 = Double(first.count)
        let n2 = Double(second.count)
        let se: Double
        let df: Double
        switch variance {
        case .welch:
            guard let v1 = first.variance else {
                throw StatisticsError.insufficientData(what: "Welch's t test (first group)", needed: 2, got: first.count)
            }
            guard let v2 = second.variance else {
                throw StatisticsError.insufficientData(what: "Welch's t test (second group)", needed: 2, got: second.count)
            }
            let a = v1 / n1
            let b = v2 / n2
            se = (a + b).squareRoot()
            df = (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n2 - 1))
        case .pooled:
            try Validate.atLeast(3, first.count + second.count, what: "Student's pooled t test")
            let ss = (first.variance ?? 0) * (n1 - 1) + (second.variance ?? 0) * (n2 - 1)
            df = n1 + n2 - 2
            se = (ss / df * (1 / n1 + 1 / n2)).squareRoot()
        }
        guard se > 0 else { throw StatisticsError.degenerate("both samples have zero variance, so t is undefined") }
        self.first = first
        self.second = second
        self.variance = variance
        meanDifference = first.mean - second.mean
        standardError = se
        degreesOfFreedom = df
        t = meanDifference / se
        pValue = StudentT(uncheckedDegreesOfFreedom: df).twoSidedPValue(t)
        interval = .symmetric(meanDifference, critical: tCritical(df: df, level: level), se: se, level: level)
    }
}

import Foundation

/// Paired t test on dᵢ = xᵢ − yᵢ, with standardized effect sizes.
///
/// ```
/// d̄ = mean(d),  s_d = SD(d),  SE = s_d/√n,  df = n − 1
/// t = d̄/SE,  p = 2·P(T_df > |t|),  CI = d̄ ± t_{1−α/2, n−1}·SE
/// Cohen's d_z  = d̄ / s_d
/// Cohen's d_av = d̄ / ((s_x + s_y)/2)
/// Hedges' g_av = d_av · J,   J = 1 − 3/(4(n − 1) − 1)
/// ```
/// J is Hedges' approximate small-sample correction with df = n − 1 pairs
/// (Hedges L.V. & Olkin I. (1985) *Statistical Methods for Meta-Analysis*,
/// eq. 5.10, approximation to Γ(df/2)/(√(df/2)·Γ((df−1)/2))), the form Lakens
/// applies to d_av: Lakens D. (2013) "Calculating and reporting effect sizes to
/// facilitate cumulative science", *Frontiers in Psychology* 4:863 (eqs. 9–10).
/// This is identical to a one-sample t test of the differences (Student 1908).
///
/// Needs n ≥ 2 pairs of finite values; unequal lengths throw `.lengthMismatch`.
/// If every difference is the same, s_d = 0 and `.degenerate` is thrown.
/// `hedgesGav` is nil (not estimable) when s_x + s_y = 0. With n = 2, J = 0.
public struct PairedTTest: Sendable, Hashable, Codable {
    /// Number of pairs n.
    public let count: Int
    /// Mean of x, mean of y.
    public let meanFirst: Double, meanSecond: Double
    /// SD of x, SD of y.
    public let sdFirst: Double, sdSecond: Double
    /// d̄ = mean(x − y).
    public let meanDifference: Double
    /// s_d, SD of the differences.
    public let sdDifference: Double
    /// s_d/√n.
    public let standardError: Double
    /// t statistic.
    public let t: Double
    /// n − 1.
    public let degreesOfFreedom: Double
    /// Two-sided p-value.
    public let pValue: Double
    /// Confidence interval for the mean difference.
    public let interval: ConfidenceInterval
    /// Cohen's d_z = d̄/s_d.
    public let cohensDz: Double
    /// Cohen's d_av = d̄/((s_x + s_y)/2); nil if s_x + s_y = 0.
    public let cohensDav: Double?
    /// Hedges' correction J = 1 − 3/(4(n − 1) − 1).
    public let hedgesCorrection: Double
    /// Hedges' g_av = d_av·J; nil if d_av is.
    public let hedgesGav: Double?

    /// Tests paired samples `x` and `y` (differences x − y).
    public init(_ x: [Double], _ y: [Double], level: Double = 0.95) throws {
        try Validate.sameLength(x.count, y.count, what: "Paired samples")
        try Validate.atLeast(2, x.count, what: "A paired t test")
        try Validate.level(level)
        let sx = try Summary(x)
        let sy = try Summary(y)
        let diff = try Summary(zip(x, y).map { $0 - $1 })
        let sd = diff.standardDeviation ?? 0
        guard sd > 0 else { throw StatisticsError.degenerate("every paired difference is the same, so t is undefined") }
        let n = Double(x.count)
        count = x.count
        meanFirst = sx.mean
        meanSecond = sy.mean
        sdFirst = sx.standardDeviation ?? 0
        sdSecond = sy.standardDeviation ?? 0
        meanDifference = diff.mean
        sdDifference = sd
        standardError = sd / n.squareRoot()
        degreesOfFreedom = n - 1
        t = meanDifference / standardError
        pValue = StudentT(uncheckedDegreesOfFreedom: degreesOfFreedom).twoSidedPValue(t)
        interval = .symmetric(meanDifference, critical: tCritical(df: degreesOfFreedom, level: level), se: standardError, level: level)
        cohensDz = meanDifference / sd
        let averageSD = (sdFirst + sdSecond) / 2
        cohensDav = averageSD > 0 ? meanDifference / averageSD : nil
        let j = 1 - 3 / (4 * (n - 1) - 1)
        hedgesCorrection = j
        hedgesGav = averageSD > 0 ? meanDifference / averageSD * j : nil
    }
}

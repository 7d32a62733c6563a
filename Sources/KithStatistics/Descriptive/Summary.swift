import Foundation

/// Count, mean, spread and range of a sample.
///
/// ```
/// mean     = Σxᵢ / n
/// variance = Σ(xᵢ − mean)² / (n − 1)
/// SD       = √variance,   SE = SD / √n
/// ```
/// Computed by the corrected two-pass algorithm (Chan, Golub & LeVeque 1983,
/// *The American Statistician* 37:242–247, eq. 1.7): with a provisional mean
/// m₀ and dᵢ = xᵢ − m₀, `mean = m₀ + Σdᵢ/n` and `SS = Σdᵢ² − (Σdᵢ)²/n`, which
/// stays accurate when the mean is large relative to the spread (e.g. scale
/// scores 60 ± 0.001).
///
/// Edge cases: an empty sample throws `.insufficientData`; a NaN or infinite
/// value throws `.nonFiniteValue`; with n = 1 the variance, SD and SE are `nil`
/// (not estimable).
public struct Summary: Sendable, Hashable, Codable {
    /// Number of values n.
    public let count: Int
    /// Arithmetic mean.
    public let mean: Double
    /// Sample variance with divisor n − 1; nil when n = 1.
    public let variance: Double?
    /// Minimum value.
    public let minimum: Double
    /// Maximum value.
    public let maximum: Double

    /// Sample standard deviation √variance; nil when n = 1.
    public var standardDeviation: Double? { variance.map { $0.squareRoot() } }
    /// Standard error of the mean SD/√n; nil when n = 1.
    public var standardError: Double? { standardDeviation.map { $0 / Double(count).squareRoot() } }

    /// Summarises `values`. Throws for an empty sample or a non-finite value.
    public init(_ values: [Double]) throws {
        try Validate.atLeast(1, values.count, what: "A summary")
        try Validate.finite(values, what: "The sample")
        let n = Double(values.count)
        let provisional = values.reduce(0, +) / n
        var sumD = 0.0
        var sumD2 = 0.0
        var lo = values[0]
        var hi = values[0]
        for x in values {
            let d = x - provisional
            sumD += d
            sumD2 += d * d
            lo = min(lo, x)
            hi = max(hi, x)
        }
        count = values.count
        mean = provisional + sumD / n
        variance = values.count > 1 ? max(0, sumD2 - sumD * sumD / n) / (n - 1) : nil
        minimum = lo
        maximum = hi
    }

    /// The value-wise initialiser for callers that already hold the moments.
    init(count: Int, mean: Double, variance: Double?, minimum: Double, maximum: Double) {
        self.count = count
        self.mean = mean
        self.variance = variance
        self.minimum = minimum
        self.maximum = maximum
    }
}

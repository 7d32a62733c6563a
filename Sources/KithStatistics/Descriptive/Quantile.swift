import Foundation

/// The continuous sample-quantile definitions of Hyndman & Fan (1996),
/// "Sample quantiles in statistical packages", *The American Statistician*
/// 50(4):361–365, numbered as R's `quantile(type =)`; NumPy's `method=` name
/// in brackets.
///
/// With the sorted sample x₍₁₎ ≤ … ≤ x₍ₙ₎ and position h = n·p + m:
/// ```
/// j = ⌊h⌋, g = h − j,   Q(p) = x₍ⱼ₎ + g · (x₍ⱼ₊₁₎ − x₍ⱼ₎)
///                        (x₍₀₎ := x₍₁₎, x₍ₙ₊₁₎ := x₍ₙ₎)
/// ```
package enum QuantileMethod: String, Sendable, Hashable, CaseIterable, Codable {
    /// R type 4, m = 0: linear interpolation of the empirical cdf [interpolated_inverted_cdf].
    case interpolatedInvertedCDF
    /// R type 5, m = ½: piecewise linear with knots at (k − ½)/n [hazen].
    case hazen
    /// R type 6, m = p: p(k) = k/(n+1), used by SPSS and Minitab [weibull].
    case weibull
    /// R type 7, m = 1 − p: p(k) = (k−1)/(n−1); the default of R, NumPy and Excel's QUARTILE.INC [linear].
    case linear
    /// R type 8, m = (p+1)/3: approximately median-unbiased, recommended by Hyndman & Fan [median_unbiased].
    case medianUnbiased
    /// R type 9, m = p/4 + 3/8: approximately unbiased for normal data [normal_unbiased].
    case normalUnbiased

    /// R's `type` number (4…9).
    package var rType: Int {
        switch self {
        case .interpolatedInvertedCDF: return 4
        case .hazen: return 5
        case .weibull: return 6
        case .linear: return 7
        case .medianUnbiased: return 8
        case .normalUnbiased: return 9
        }
    }

    /// 1-based position h for probability p in a sample of n.
    func position(p: Double, n: Int) -> Double {
        let nn = Double(n)
        switch self {
        case .interpolatedInvertedCDF: return nn * p
        case .hazen: return nn * p + 0.5
        case .weibull: return (nn + 1) * p
        case .linear: return 1 + (nn - 1) * p
        case .medianUnbiased: return (nn + 1.0 / 3.0) * p + 1.0 / 3.0
        case .normalUnbiased: return (nn + 0.25) * p + 0.375
        }
    }
}

/// The sample quantile of `values` at probability `p` (see `QuantileMethod`
/// for the formula). Default `.linear` = R type 7 = NumPy default.
///
/// A position within 4ε of an integer is treated as that integer (as R does),
/// so p = 0.25 with n = 5 gives exactly x₍₂₎. Throws for an empty sample, a
/// non-finite value, or p outside [0, 1]. With n = 1 every quantile is that value.
package func quantile(_ values: [Double], _ p: Double, method: QuantileMethod = .linear) throws -> Double {
    try quantiles(values, [p], method: method)[0]
}

/// Several quantiles of the same sample, sorting it once. Same rules as `quantile`.
package func quantiles(_ values: [Double], _ ps: [Double], method: QuantileMethod = .linear) throws -> [Double] {
    try Validate.atLeast(1, values.count, what: "A quantile")
    try Validate.finite(values, what: "The sample")
    for p in ps { try Validate.probability(p) }
    let sorted = values.sorted()
    return ps.map { sortedQuantile(sorted, $0, method: method) }
}

/// Quantile of an already-sorted, non-empty, finite sample.
func sortedQuantile(_ x: [Double], _ p: Double, method: QuantileMethod) -> Double {
    let n = x.count
    let fuzz = 4 * Double.ulpOfOne
    let h = method.position(p: p, n: n)
    var j = (h + fuzz).rounded(.down)
    var g = h - j
    if abs(g) < fuzz { g = 0 }
    if j < 1 {
        j = 1
        g = 0
    }
    if j >= Double(n) { return x[n - 1] }
    let lo = x[Int(j) - 1]
    let hi = x[Int(j)]
    return g == 0 ? lo : lo + g * (hi - lo)
}

/// The median (R type 7, which for the median agrees with every type 4–9 except 4).
/// Throws for an empty sample or a non-finite value.
package func median(_ values: [Double]) throws -> Double {
    try quantile(values, 0.5, method: .linear)
}

/// First quartile, median and third quartile of a sample.
package struct Quartiles: Sendable, Hashable, Codable {
    /// 25th percentile.
    package let lower: Double
    /// 50th percentile.
    package let median: Double
    /// 75th percentile.
    package let upper: Double
    /// Method used.
    package let method: QuantileMethod
    /// Interquartile range `upper − lower`.
    package var interquartileRange: Double { upper - lower }
}

/// Quartiles by `method` (default `.linear`, R type 7). Throws as `quantile`.
package func quartiles(_ values: [Double], method: QuantileMethod = .linear) throws -> Quartiles {
    let q = try quantiles(values, [0.25, 0.5, 0.75], method: method)
    return Quartiles(lower: q[0], median: q[1], upper: q[2], method: method)
}

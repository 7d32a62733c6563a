import Foundation

/// Both tails of the regularized incomplete beta function,
/// ```
/// I_x(a, b) = (1/B(a,b)) ∫₀ˣ t^(a−1) (1−t)^(b−1) dt,   lower = I_x(a,b), upper = 1 − I_x(a,b) = I_y(b,a)
/// ```
/// with `y = 1 − x` passed separately so that callers who know `1 − x` exactly
/// (e.g. `t²/(ν + t²)`) lose nothing to cancellation.
///
/// Method: the continued fraction of Press, Teukolsky, Vetterling & Flannery
/// (2007), *Numerical Recipes*, 3rd ed., §6.4, eq. 6.4.5, evaluated by the
/// modified Lentz algorithm (Lentz 1976; Thompson & Barnett 1986). The fraction
/// is used on the side where it converges fast, x < (a+1)/(a+b+2); that side is
/// returned directly and the other as its complement, so the smaller tail keeps
/// its relative accuracy. The front factor comes from `betaFrontFactor`.
///
/// Edge cases: x ≤ 0 gives (0, 1); y ≤ 0 gives (1, 0). Requires a, b > 0.
func incompleteBeta(a: Double, b: Double, x: Double, y: Double) -> (lower: Double, upper: Double) {
    if x <= 0 { return (0, 1) }
    if y <= 0 { return (1, 0) }
    if x < (a + 1) / (a + b + 2) {
        let lower = betaFrontFactor(a, b, x, y) * betaContinuedFraction(a: a, b: b, x: x) / a
        return (lower, 1 - lower)
    } else {
        let upper = betaFrontFactor(b, a, y, x) * betaContinuedFraction(a: b, b: a, x: y) / b
        return (1 - upper, upper)
    }
}

/// Numerical Recipes `betacf`: the continued fraction for I_x(a,b) (eq. 6.4.5)
/// by the modified Lentz method; converges in O(√max(a,b)) terms.
private func betaContinuedFraction(a: Double, b: Double, x: Double) -> Double {
    let tiny = 1e-300
    let epsilon = 1e-16
    let qab = a + b
    let qap = a + 1
    let qam = a - 1
    var c = 1.0
    var d = 1 - qab * x / qap
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1...100_000 {
        let mm = Double(m)
        let m2 = 2 * mm
        var aa = mm * (b - mm) * x / ((qam + m2) * (a + m2))
        d = 1 + aa * d
        if abs(d) < tiny { d = tiny }
        c = 1 + aa / c
        if abs(c) < tiny { c = tiny }
        d = 1 / d
        h *= d * c
        aa = -(a + mm) * (qab + mm) * x / ((a + m2) * (qap + m2))
        d = 1 + aa * d
        if abs(d) < tiny { d = tiny }
        c = 1 + aa / c
        if abs(c) < tiny { c = tiny }
        d = 1 / d
        let delta = d * c
        h *= delta
        if abs(delta - 1) <= epsilon { break }
    }
    return h
}

/// Density of Beta(a, b) at x with y = 1 − x: `x^(a−1) y^(b−1) / B(a,b)`.
func betaDensity(a: Double, b: Double, x: Double, y: Double) -> Double {
    if x <= 0 || y <= 0 {
        // Boundary: finite only for a ≥ 1 (at 0) or b ≥ 1 (at 1).
        if x <= 0 { return a < 1 ? .infinity : (a == 1 ? b : 0) }
        return b < 1 ? .infinity : (b == 1 ? a : 0)
    }
    return betaFrontFactor(a, b, x, y) / (x * y)
}

import Foundation

/// Both tails of the regularized incomplete gamma function,
/// ```
/// P(a, x) = (1/Γ(a)) ∫₀ˣ t^(a−1) e^(−t) dt,   Q(a, x) = 1 − P(a, x)
/// ```
/// Method: Press et al. (2007), *Numerical Recipes*, 3rd ed., §6.2: the power
/// series (eq. 6.2.5) for x < a + 1, returning P directly, and the continued
/// fraction (eq. 6.2.7, modified Lentz) otherwise, returning Q directly; the
/// other tail is the complement. The common factor `x^a e^(−x) / Γ(a+1)` is
/// Loader's saddle-point Poisson density, accurate for large a.
///
/// Edge cases: x ≤ 0 gives (0, 1); x = +∞ gives (1, 0). Requires a > 0.
func incompleteGamma(a: Double, x: Double) -> (lower: Double, upper: Double) {
    if x <= 0 { return (0, 1) }
    if x == .infinity { return (1, 0) }
    let front = poissonDensityRaw(a, x) // x^a e^-x / Γ(a+1)
    if x < a + 1 {
        // P = front · Σ_{n≥0} x^n / ((a+1)…(a+n))
        var term = 1.0
        var sum = 1.0
        var ap = a
        for _ in 0..<100_000 {
            ap += 1
            term *= x / ap
            sum += term
            if term < sum * 1e-17 { break }
        }
        let lower = front * sum
        return (lower, 1 - lower)
    }
    // Q = a · front · CF, CF = 1/(x+1−a− 1·(1−a)/(x+3−a− …))
    let tiny = 1e-300
    var b = x + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var h = d
    for i in 1...100_000 {
        let an = -Double(i) * (Double(i) - a)
        b += 2
        d = an * d + b
        if abs(d) < tiny { d = tiny }
        c = b + an / c
        if abs(c) < tiny { c = tiny }
        d = 1 / d
        let delta = d * c
        h *= delta
        if abs(delta - 1) <= 1e-16 { break }
    }
    let upper = a * front * h
    return (1 - upper, upper)
}

/// Density of the gamma distribution with shape a and scale 1 at x:
/// `x^(a−1) e^(−x) / Γ(a)`.
func gammaDensity(a: Double, x: Double) -> Double {
    if x < 0 { return 0 }
    if x == 0 { return a < 1 ? .infinity : (a == 1 ? 1 : 0) }
    if a < 1 { return poissonDensityRaw(a, x) * a / x }
    return poissonDensityRaw(a - 1, x)
}

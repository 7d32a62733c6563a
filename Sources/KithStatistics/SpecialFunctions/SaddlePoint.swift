import Foundation

// Loader's saddle-point building blocks for densities that keep full relative
// accuracy for large arguments, where `lgamma` differences would cancel.
//
// Reference: Loader C. (2000). "Fast and Accurate Computation of Binomial
// Probabilities". Technical report, Bell Labs (the algorithm of R's
// `dbinom`, `dpois` and `dhyper`).

/// log(2π)/2.
let lnSqrt2Pi = 0.918938533204672741780329736406

/// Stirling-series error term
/// ```
/// δ(n) = log Γ(n+1) − [(n + ½)·log n − n + ½·log 2π]
/// ```
/// For n ≤ 15 it is evaluated from `lgamma` (the absolute error, ~1e-14, is what
/// matters because δ enters an exponent); above, by the asymptotic series
/// 1/(12n) − 1/(360n³) + 1/(1260n⁵) − 1/(1680n⁷) + 1/(1188n⁹).
func stirlingError(_ n: Double) -> Double {
    let s0 = 1.0 / 12
    let s1 = 1.0 / 360
    let s2 = 1.0 / 1260
    let s3 = 1.0 / 1680
    let s4 = 1.0 / 1188
    if n <= 15 {
        return lgamma(n + 1) - (n + 0.5) * log(n) + n - lnSqrt2Pi
    }
    let nn = n * n
    if n > 500 { return (s0 - s1 / nn) / n }
    if n > 80 { return (s0 - (s1 - s2 / nn) / nn) / n }
    if n > 35 { return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n }
    return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n
}

/// Deviance term
/// ```
/// bd0(x, m) = x·log(x/m) + m − x
/// ```
/// evaluated by a series in v = (x − m)/(x + m) when x ≈ m, where the direct
/// formula would cancel.
func deviance(_ x: Double, _ m: Double) -> Double {
    if abs(x - m) < 0.1 * (x + m) {
        var v = (x - m) / (x + m)
        var s = (x - m) * v
        if abs(s) < Double.leastNormalMagnitude { return s }
        var ej = 2 * x * v
        v *= v
        for j in 1..<1000 {
            ej *= v
            let next = s + ej / Double(2 * j + 1)
            if next == s { return next }
            s = next
        }
        return s
    }
    return x * log(x / m) + m - x
}

/// Binomial probability for real `x` in [0, n], with p + q = 1 supplied separately:
/// ```
/// Γ(n+1) / (Γ(x+1) Γ(n−x+1)) · p^x · q^(n−x)
/// ```
func binomialDensityRaw(_ x: Double, _ n: Double, _ p: Double, _ q: Double) -> Double {
    if p == 0 { return x == 0 ? 1 : 0 }
    if q == 0 { return x == n ? 1 : 0 }
    if x == 0 {
        if n == 0 { return 1 }
        return exp(p < 0.1 ? -deviance(n, n * q) - n * p : n * log(q))
    }
    if x == n {
        return exp(q < 0.1 ? -deviance(n, n * p) - n * q : n * log(p))
    }
    if x < 0 || x > n { return 0 }
    let lc = stirlingError(n) - stirlingError(x) - stirlingError(n - x) - deviance(x, n * p) - deviance(n - x, n * q)
    let lf = log(2 * Double.pi) + log(x) + log1p(-x / n)
    return exp(lc - 0.5 * lf)
}

/// Poisson probability for real `x` ≥ 0: `e^(−λ) λ^x / Γ(x+1)`.
func poissonDensityRaw(_ x: Double, _ lambda: Double) -> Double {
    if lambda == 0 { return x == 0 ? 1 : 0 }
    if x == 0 { return exp(-lambda) }
    if x < 0 { return 0 }
    return exp(-stirlingError(x) - deviance(x, lambda)) / sqrt(2 * Double.pi * x)
}

/// The factor that fronts the incomplete-beta continued fraction:
/// ```
/// x^a · y^b / B(a, b),   y = 1 − x
/// ```
/// computed as `binomialDensityRaw(a, a+b, x, y) · a·b/(a+b)`, which keeps
/// relative accuracy when a and b are large.
func betaFrontFactor(_ a: Double, _ b: Double, _ x: Double, _ y: Double) -> Double {
    if x == 0 || y == 0 { return 0 }
    return binomialDensityRaw(a, a + b, x, y) * (a * b / (a + b))
}

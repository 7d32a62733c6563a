import Foundation

/// Inverts a tail probability of a continuous distribution on (0, upperBound):
/// finds x with `tail(x) = target`, where `tail` is either the lower tail
/// (cdf, increasing) or the upper tail (survival, decreasing).
///
/// Method: safeguarded Newton iteration on
/// ```
/// h(x) = ±log(tail(x) / target),   h'(x) = density(x) / tail(x)
/// ```
/// taken in u = log x (x_new = x · exp(−h·tail/(x·density))), which is nearly
/// linear both near 0 (tail ~ C·x^a) and in power-law upper tails, so it
/// converges in a handful of steps from a rough start. Every evaluation
/// tightens a bracket [lo, hi]; a step that would leave the bracket, or a
/// non-finite step, is replaced by geometric bisection (or by expanding
/// ×/÷ 16 while a side of the bracket is still open). Stops when a step
/// changes x by less than 4·10⁻¹⁶ relative, or the bracket closes.
///
/// The caller chooses the tail in which `target ≤ 0.5`, so the tail value
/// carries full relative accuracy and `log` is well conditioned.
struct TailInversion {
    /// Whether `tail` is the lower (increasing) or upper (decreasing) tail.
    enum Side { case lower, upper }

    let side: Side
    /// Exclusive upper end of the support (∞ for t, χ², F; 1 for beta).
    let upperBound: Double
    let tail: (Double) -> Double
    let density: (Double) -> Double

    func solve(target: Double, start: Double) -> Double {
        var lo = 0.0
        var hi = upperBound
        var x = start
        if !(x > lo && x < hi) || !x.isFinite { x = upperBound.isFinite ? upperBound / 2 : 1 }
        for iteration in 0..<1000 {
            let t = tail(x)
            if t == target { return x }
            // g > 0 means x lies above the root (for either side).
            let above = side == .lower ? t > target : t < target
            if above { hi = x } else { lo = x }
            var next = Double.nan
            let f = density(x)
            if t > 0, f > 0, f.isFinite {
                let h = log(t / target) * (side == .lower ? 1 : -1)
                let step = h * t / (x * f)
                if step.isFinite { next = x * exp(-step) }
            }
            if !(next > lo && next < hi) {
                if lo == 0 {
                    next = hi.isFinite ? hi / 16 : x / 16
                } else if !hi.isFinite {
                    next = x * 16
                } else if hi == upperBound {
                    next = 0.5 * (lo + hi) // bounded support: arithmetic midpoint near the top
                } else {
                    next = hi / lo > 4 ? sqrt(lo) * sqrt(hi) : 0.5 * (lo + hi)
                }
            }
            // Newton converges quadratically; the looser bound after many steps only
            // stops a last-bit oscillation caused by rounding in `tail`.
            let tolerance = iteration < 60 ? 4e-16 : 1e-14
            if abs(next - x) <= tolerance * abs(x) { return next }
            if lo > 0, hi.isFinite, hi - lo <= 4e-16 * hi { return 0.5 * (lo + hi) }
            if next == 0 || next.isInfinite { return next }
            // The root lies below the smallest normal double: report 0 (underflow).
            if lo == 0, hi < Double.leastNormalMagnitude { return 0 }
            x = next
        }
        return x
    }
}

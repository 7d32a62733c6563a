import Foundation

/// The binomial distribution: the number of successes in n independent trials
/// with success probability p.
///
/// ```
/// P(X = k) = C(n, k) p^k (1−p)^(n−k)               (Loader 2000 saddle point)
/// P(X ≤ k) = I_{1−p}(n − k, k + 1)                  (0 ≤ k < n)
/// P(X > k) = I_p(k + 1, n − k)
/// ```
/// (Abramowitz & Stegun 1964, eq. 26.5.24.) Both tails are computed directly.
/// `quantile(q)` is the smallest k with P(X ≤ k) ≥ q, with R's relative fuzz
/// (q is multiplied by 1 − 64ε) so a probability that should equal a cdf value
/// exactly is not pushed up by rounding.
/// Arguments below the support give pmf 0, cdf 0, survival 1; above it pmf 0,
/// cdf 1, survival 0.
package struct Binomial: Sendable, Hashable {
    /// Number of trials n ≥ 0.
    package let trials: Int
    /// Success probability p in [0, 1].
    package let probability: Double

    /// Throws `.invalidParameter` for n < 0 or p outside [0, 1].
    package init(trials: Int, probability: Double) throws {
        try Validate.count(trials, name: "number of trials")
        try Validate.probability(probability, name: "success probability")
        self.trials = trials
        self.probability = probability
    }

    init(uncheckedTrials n: Int, probability: Double) {
        trials = n
        self.probability = probability
    }

    /// Mean n·p.
    package var mean: Double { Double(trials) * probability }
    /// Variance n·p·(1 − p).
    package var variance: Double { Double(trials) * probability * (1 - probability) }

    /// P(X = k).
    package func pmf(_ k: Int) -> Double {
        if k < 0 || k > trials { return 0 }
        return binomialDensityRaw(Double(k), Double(trials), probability, 1 - probability)
    }

    /// P(X ≤ k).
    package func cdf(_ k: Int) -> Double {
        if k < 0 { return 0 }
        if k >= trials { return 1 }
        let p = probability
        if p == 0 { return 1 }
        if p == 1 { return 0 }
        return incompleteBeta(a: Double(trials - k), b: Double(k + 1), x: 1 - p, y: p).lower
    }

    /// P(X > k), computed directly (not as 1 − cdf).
    package func survival(_ k: Int) -> Double {
        if k < 0 { return 1 }
        if k >= trials { return 0 }
        let p = probability
        if p == 0 { return 0 }
        if p == 1 { return 1 }
        return incompleteBeta(a: Double(k + 1), b: Double(trials - k), x: p, y: 1 - p).lower
    }

    /// The smallest k with P(X ≤ k) ≥ q. Throws for q outside [0, 1].
    package func quantile(_ q: Double) throws -> Int {
        try Validate.probability(q)
        if q == 0 { return 0 }
        let target = q * (1 - 64 * Double.ulpOfOne)
        let n = Double(trials)
        let sd = sqrt(variance)
        let z = -normalUpperQuantile(q)
        // Cornish–Fisher start, then walk to the exact answer.
        let gamma = sd > 0 ? (1 - 2 * probability) / sd : 0
        var k = Int(max(0, min(n, (mean + sd * (z + gamma * (z * z - 1) / 6) + 0.5).rounded(.down))))
        if cdf(k) >= target {
            while k > 0, cdf(k - 1) >= target { k -= 1 }
        } else {
            while k < trials, cdf(k) < target { k += 1 }
        }
        return k
    }
}

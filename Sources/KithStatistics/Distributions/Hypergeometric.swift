import Foundation

/// The hypergeometric distribution: successes among `draws` items drawn
/// without replacement from a population of `populationSize` items of which
/// `successes` are successes. It is the null distribution of the top-left cell
/// of a 2×2 table with fixed margins (Fisher's exact test).
///
/// ```
/// P(X = k) = C(K, k) C(N − K, n − k) / C(N, n),   max(0, n + K − N) ≤ k ≤ min(n, K)
/// ```
/// evaluated as in R's `dhyper`: with p = n/N,
/// `b(k; K, p) · b(n − k; N − K, p) / b(n; N, p)`, each b a Loader (2000)
/// saddle-point binomial probability, so the result keeps relative accuracy
/// for large counts.
package struct Hypergeometric: Sendable, Hashable {
    /// Population size N ≥ 0.
    package let populationSize: Int
    /// Successes in the population, 0 ≤ K ≤ N.
    package let successes: Int
    /// Number drawn, 0 ≤ n ≤ N.
    package let draws: Int

    /// Throws `.invalidParameter` unless 0 ≤ K ≤ N and 0 ≤ n ≤ N.
    package init(populationSize: Int, successes: Int, draws: Int) throws {
        try Validate.count(populationSize, name: "population size")
        try Validate.count(successes, name: "successes")
        try Validate.count(draws, name: "draws")
        guard successes <= populationSize, draws <= populationSize else {
            throw StatisticsError.invalidParameter(
                name: "successes/draws", value: "\(successes)/\(draws)",
                requirement: "must not exceed the population size \(populationSize)")
        }
        self.init(unchecked: populationSize, successes, draws)
    }

    init(unchecked n: Int, _ k: Int, _ draws: Int) {
        populationSize = n
        successes = k
        self.draws = draws
    }

    /// Smallest and largest possible values.
    package var support: ClosedRange<Int> {
        max(0, draws + successes - populationSize)...min(draws, successes)
    }

    /// P(X = k); 0 outside the support.
    package func pmf(_ k: Int) -> Double {
        guard support.contains(k) else { return 0 }
        let bigN = Double(populationSize)
        let bigK = Double(successes)
        let n = Double(draws)
        let x = Double(k)
        if draws == 0 || draws == populationSize { return 1 }
        let p = n / bigN
        let q = (bigN - n) / bigN
        let first = binomialDensityRaw(x, bigK, p, q)
        let second = binomialDensityRaw(n - x, bigN - bigK, p, q)
        let whole = binomialDensityRaw(n, bigN, p, q)
        return first * second / whole
    }

    /// P(X ≤ k), by summing the pmf from the bottom of the support.
    package func cdf(_ k: Int) -> Double {
        let s = support
        if k < s.lowerBound { return 0 }
        if k >= s.upperBound { return 1 }
        return min(1, (s.lowerBound...k).reduce(0) { $0 + pmf($1) })
    }

    /// P(X > k), by summing the pmf above k.
    package func survival(_ k: Int) -> Double {
        let s = support
        if k < s.lowerBound { return 1 }
        if k >= s.upperBound { return 0 }
        return min(1, ((k + 1)...s.upperBound).reduce(0) { $0 + pmf($1) })
    }
}

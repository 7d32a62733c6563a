import Foundation

/// Fisher's exact test of independence: 2×2 tables by the hypergeometric
/// distribution, larger r×c tables by the Fisher–Freeman–Halton extension
/// with complete enumeration.
///
/// Under independence with all margins fixed, a table has probability
/// ```
/// P(table) = Πᵢ Rᵢ! · Πⱼ Cⱼ! / (N! · Πᵢⱼ nᵢⱼ!)
/// two-sided p = Σ P(t) over all tables t with P(t) ≤ P(observed) · (1 + 10⁻⁷)
/// ```
/// — the definition and relative tolerance of R's `fisher.test`, so tables
/// whose probabilities tie up to rounding are counted together. (SciPy's
/// `fisher_exact` uses 1 + 10⁻¹⁴; the two agree except at near-ties.)
/// For 2×2 the one-sided p-values are P(X ≤ a) (`pLess`) and P(X ≥ a)
/// (`pGreater`), X ~ Hypergeometric, a = top-left cell.
///
/// References: Fisher R.A. (1935) *JRSS* 98:39–82; Freeman G.H. & Halton J.H.
/// (1951) *Biometrika* 38:141–149.
///
/// Size limit (r×c only): the number of tables with the observed margins is
/// counted first; above `maximumTables` (10 million, about a second or two)
/// `.tooLarge` is thrown rather than running for minutes. A table with a
/// single row or column, or a zero total, has p = 1.
package struct FisherExactTest: Sendable, Hashable, Codable {
    /// Largest number of tables the r×c enumeration will visit.
    package static let maximumTables = 10_000_000

    /// The table as given.
    package let table: [[Int]]
    /// Two-sided p-value (R's definition).
    package let pValue: Double
    /// 2×2 only: P(X ≤ a), evidence for odds ratio < 1.
    package let pLess: Double?
    /// 2×2 only: P(X ≥ a), evidence for odds ratio > 1.
    package let pGreater: Double?
    /// 2×2 only: sample odds ratio ad/(bc); +∞ when bc = 0 < ad; nil when ad = bc = 0 or for r×c.
    package let sampleOddsRatio: Double?
    /// Probability of the observed table under the null.
    package let observedTableProbability: Double
    /// r×c only: number of tables enumerated; nil for 2×2.
    package let tablesEnumerated: Int?

    /// Tests `table` (rows of counts). Throws for negative or ragged input, or `.tooLarge`
    /// when an r×c table has more than `maximumTables` tables with its margins (a report
    /// with many tables may ask for a smaller limit than the default).
    package init(table: [[Int]], maximumTables: Int = FisherExactTest.maximumTables) throws {
        let t = try CountTable(table)
        self.table = table
        if t.rows == 2, t.columns == 2 {
            let r = Self.twoByTwo(t)
            pValue = r.p
            pLess = r.less
            pGreater = r.greater
            observedTableProbability = r.observed
            let (a, b, c, d) = (Double(table[0][0]), Double(table[0][1]), Double(table[1][0]), Double(table[1][1]))
            sampleOddsRatio = (a * d == 0 && b * c == 0) ? nil : (b * c == 0 ? .infinity : a * d / (b * c))
            tablesEnumerated = nil
        } else {
            let r = try FreemanHalton(t).run(maximumTables: maximumTables)
            pValue = r.p
            observedTableProbability = r.observed
            tablesEnumerated = r.tables
            pLess = nil
            pGreater = nil
            sampleOddsRatio = nil
        }
    }

    private static func twoByTwo(_ t: CountTable) -> (p: Double, less: Double, greater: Double, observed: Double) {
        // X = top-left cell ~ Hypergeometric(N, successes = first row total, draws = first column total).
        let h = Hypergeometric(unchecked: t.total, t.rowTotals[0], t.columnTotals[0])
        let a = t.counts[0][0]
        let observed = h.pmf(a)
        let support = h.support
        let probabilities = support.map { h.pmf($0) }
        let threshold = observed * (1 + 1e-7)
        let p = probabilities.filter { $0 <= threshold }.reduce(0, +)
        let less = min(1, zip(support, probabilities).filter { $0.0 <= a }.reduce(0) { $0 + $1.1 })
        let greater = min(1, zip(support, probabilities).filter { $0.0 >= a }.reduce(0) { $0 + $1.1 })
        return (min(1, p), less, greater, observed)
    }
}

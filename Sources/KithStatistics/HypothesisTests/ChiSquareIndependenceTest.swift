import Foundation

/// Continuity correction for a 2×2 chi-square test.
package enum ContinuityCorrection: String, Sendable, Hashable, CaseIterable, Codable {
    /// No correction. The default.
    case uncorrected
    /// Yates (1934): each |O − E| is reduced by ½ (not below 0). 2×2 tables only.
    case yates
}

/// Pearson's chi-square test of independence for an r×c table of counts.
///
/// ```
/// Eᵢⱼ = Rᵢ·Cⱼ/N,   X² = Σ (|Oᵢⱼ − Eᵢⱼ| − c)² / Eᵢⱼ,   df = (r − 1)(c − 1),   p = P(χ²_df > X²)
/// c = 0, or for Yates c = ½ with |O − E| − ½ floored at 0 (as R and SciPy)
/// ```
/// References: Pearson K. (1900) *Phil. Mag.* 50:157–175; Yates F. (1934)
/// *JRSS Suppl.* 1:217–235; Cochran W.G. (1954) "Some methods for
/// strengthening the common χ² tests", *Biometrics* 10:417–451 (the rule used
/// by `approximationDoubtful`: some Eᵢⱼ < 1, or more than 20% of cells with
/// Eᵢⱼ < 5 — then prefer `FisherExactTest`).
///
/// All-zero rows and columns are dropped first (they carry no information
/// and would give E = 0); their indices are reported and a note is added. The
/// remaining table must be at least 2×2 (`.degenerate` otherwise). Negative
/// or ragged input throws `.invalidParameter`/`.lengthMismatch`. Asking for
/// Yates on a table that is not 2×2 (after dropping) throws `.invalidParameter`.
package struct ChiSquareIndependenceTest: Sendable, Hashable, Codable {
    /// Observed counts after dropping empty rows and columns.
    package let observed: [[Int]]
    /// Expected counts under independence, same shape as `observed`.
    package let expected: [[Double]]
    /// X².
    package let statistic: Double
    /// (r − 1)(c − 1).
    package let degreesOfFreedom: Int
    /// P(χ²_df > X²).
    package let pValue: Double
    /// Correction applied.
    package let correction: ContinuityCorrection
    /// Smallest expected count.
    package let smallestExpected: Double
    /// Number of cells with expected count < 5.
    package let cellsExpectedBelowFive: Int
    /// True if any expected count < 1 or more than 20% are < 5 (Cochran 1954).
    package let approximationDoubtful: Bool
    /// 0-based indices of all-zero rows that were dropped.
    package let droppedRows: [Int]
    /// 0-based indices of all-zero columns that were dropped.
    package let droppedColumns: [Int]
    /// Human-readable notes (dropped rows/columns, doubtful approximation).
    package let notes: [String]

    /// Tests independence of rows and columns in `table` (rows of counts).
    package init(table: [[Int]], correction: ContinuityCorrection = .uncorrected) throws {
        let full = try CountTable(table)
        try Validate.atLeast(1, full.total, what: "A chi-square test (total count)")
        let (t, droppedRows, droppedColumns) = try full.droppingEmpty()
        if correction == .yates, t.rows != 2 || t.columns != 2 {
            throw StatisticsError.invalidParameter(
                name: "correction", value: "yates", requirement: "applies to 2×2 tables only (this one is \(t.rows)×\(t.columns))")
        }
        let n = Double(t.total)
        let e = t.rowTotals.map { r in t.columnTotals.map { c in Double(r) * Double(c) / n } }
        let shift = correction == .yates ? 0.5 : 0
        var x2 = 0.0
        for i in 0..<t.rows {
            for j in 0..<t.columns {
                let d = max(0, abs(Double(t.counts[i][j]) - e[i][j]) - shift)
                x2 += d * d / e[i][j]
            }
        }
        let cells = e.flatMap { $0 }
        let below5 = cells.filter { $0 < 5 }.count
        let smallest = cells.min() ?? 0
        observed = t.counts
        expected = e
        statistic = x2
        degreesOfFreedom = (t.rows - 1) * (t.columns - 1)
        pValue = ChiSquared(uncheckedDegreesOfFreedom: Double(degreesOfFreedom)).survival(x2)
        self.correction = correction
        smallestExpected = smallest
        cellsExpectedBelowFive = below5
        approximationDoubtful = smallest < 1 || Double(below5) > 0.2 * Double(cells.count)
        self.droppedRows = droppedRows
        self.droppedColumns = droppedColumns
        var notes: [String] = []
        if !droppedRows.isEmpty {
            notes.append("Dropped empty row(s) \(droppedRows.map { String($0 + 1) }.joined(separator: ", ")).")
        }
        if !droppedColumns.isEmpty {
            notes.append("Dropped empty column(s) \(droppedColumns.map { String($0 + 1) }.joined(separator: ", ")).")
        }
        if approximationDoubtful {
            notes.append(
                String(
                    format:
                        "Chi-square approximation doubtful: smallest expected count %.2f, %d of %d cells below 5 (Cochran 1954); "
                        + "consider Fisher's exact test.",
                    smallest, below5, cells.count))
        }
        self.notes = notes
    }
}

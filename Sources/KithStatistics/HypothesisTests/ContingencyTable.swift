import Foundation

/// Validation and margins shared by the contingency-table tests.
struct CountTable {
    let counts: [[Int]]
    let rowTotals: [Int]
    let columnTotals: [Int]
    let total: Int

    var rows: Int { counts.count }
    var columns: Int { counts.first?.count ?? 0 }

    /// Checks the table is non-empty, rectangular, and has no negative count.
    init(_ counts: [[Int]]) throws {
        try Validate.atLeast(1, counts.count, what: "A contingency table (rows)")
        let width = counts[0].count
        try Validate.atLeast(1, width, what: "A contingency table (columns)")
        for (i, row) in counts.enumerated() {
            try Validate.sameLength(width, row.count, what: "Row \(i + 1) of the table")
            for (j, v) in row.enumerated() where v < 0 {
                throw StatisticsError.invalidParameter(
                    name: "count in row \(i + 1), column \(j + 1)", value: "\(v)", requirement: "must not be negative")
            }
        }
        self.counts = counts
        rowTotals = counts.map { $0.reduce(0, +) }
        columnTotals = (0..<width).map { j in counts.reduce(0) { $0 + $1[j] } }
        total = rowTotals.reduce(0, +)
    }

    /// The table without all-zero rows and columns, and the 0-based indices dropped.
    func droppingEmpty() throws -> (table: CountTable, droppedRows: [Int], droppedColumns: [Int]) {
        let keepRows = rowTotals.indices.filter { rowTotals[$0] > 0 }
        let keepColumns = columnTotals.indices.filter { columnTotals[$0] > 0 }
        let reduced = keepRows.map { i in keepColumns.map { j in counts[i][j] } }
        let droppedRows = rowTotals.indices.filter { rowTotals[$0] == 0 }
        let droppedColumns = columnTotals.indices.filter { columnTotals[$0] == 0 }
        guard keepRows.count >= 2, keepColumns.count >= 2 else {
            throw StatisticsError.degenerate(
                "after dropping empty rows and columns the table is \(keepRows.count)×\(keepColumns.count); at least 2×2 is needed")
        }
        return (try CountTable(reduced), droppedRows, droppedColumns)
    }
}

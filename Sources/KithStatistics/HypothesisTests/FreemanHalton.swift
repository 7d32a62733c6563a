import Foundation

/// Complete enumeration of the r×c tables with given margins for the
/// Fisher–Freeman–Halton test (see `FisherExactTest`). Columns are filled one
/// at a time; the last column is implied by the remaining row totals.
struct FreemanHalton {
    let table: CountTable
    let logFactorial: [Double]

    init(_ table: CountTable) {
        self.table = table
        logFactorial = (0...max(table.total, 1)).map { lgamma(Double($0) + 1) }
    }

    func run(maximumTables: Int = FisherExactTest.maximumTables) throws -> (p: Double, observed: Double, tables: Int) {
        if table.rows < 2 || table.columns < 2 || table.total == 0 {
            return (1, 1, 1)
        }
        let count = try countTables(limit: Double(maximumTables))
        guard count <= Double(maximumTables) else {
            throw StatisticsError.tooLarge(
                String(
                    format:
                        "more than %d tables share these margins (counted: %.3g), the most the exact r×c test enumerates", maximumTables, count))
        }
        // log P = Σ log Rᵢ! + Σ log Cⱼ! − log N! − Σ log nᵢⱼ!
        let constant =
            table.rowTotals.reduce(0) { $0 + logFactorial[$1] }
            + table.columnTotals.reduce(0) { $0 + logFactorial[$1] } - logFactorial[table.total]
        let observedLog = constant - table.counts.joined().reduce(0) { $0 + logFactorial[$1] }
        var walk = Enumeration(table: table, logFactorial: logFactorial, threshold: observedLog + log1p(1e-7), remaining: table.rowTotals)
        walk.fillColumn(0, 0, table.columnTotals[0], constant)
        return (min(1, walk.p), exp(observedLog), walk.visited)
    }

    /// Number of tables with these margins (or an upper bound), to refuse
    /// hopeless enumerations before starting them. First the cheap bound
    /// Π_{j<c} C(Cⱼ + r − 1, r − 1) (compositions of each column total); if that
    /// exceeds the limit, the exact count by memoised recursion over columns
    /// (state = remaining row totals), which itself gives up (reporting ∞) after
    /// 2 million steps.
    private func countTables(limit: Double) throws -> Double {
        let r = Double(table.rows)
        var bound = 1.0
        for c in table.columnTotals.dropLast() {
            bound *= exp(lgamma(Double(c) + r) - lgamma(Double(c) + 1) - lgamma(r))
        }
        if bound <= limit { return bound }
        var counter = TableCounter(table: table, limit: limit)
        let n = counter.count(0, table.rowTotals)
        return counter.exhausted ? .infinity : n
    }
}

// The two recursions keep their state in structs: as nested functions capturing
// local variables they paid a runtime exclusivity check on every access (a third
// of a `kith summary --by` run).

/// Visits every table with the margins, adding up the probabilities of those no more
/// likely than the observed one.
private struct Enumeration {
    let table: CountTable
    let logFactorial: [Double]
    let threshold: Double
    var remaining: [Int]
    var p = 0.0
    var visited = 0

    init(table: CountTable, logFactorial: [Double], threshold: Double, remaining: [Int]) {
        self.table = table
        self.logFactorial = logFactorial
        self.threshold = threshold
        self.remaining = remaining
    }

    mutating func fillColumn(_ j: Int, _ row: Int, _ left: Int, _ partial: Double) {
        if j == table.columns - 1 {
            // Last column takes whatever each row has left.
            let logP = remaining.reduce(partial) { $0 - logFactorial[$1] }
            visited += 1
            if logP <= threshold { p += exp(logP) }
            return
        }
        if row == table.rows - 1 {
            guard left <= remaining[row] else { return }
            remaining[row] -= left
            fillColumn(j + 1, 0, j + 1 < table.columns ? table.columnTotals[j + 1] : 0, partial - logFactorial[left])
            remaining[row] += left
            return
        }
        let capacityBelow = remaining[(row + 1)...].reduce(0, +)
        let lo = max(0, left - capacityBelow)
        let hi = min(left, remaining[row])
        if lo > hi { return }
        for v in lo...hi {
            remaining[row] -= v
            fillColumn(j, row + 1, left - v, partial - logFactorial[v])
            remaining[row] += v
        }
    }
}

/// Counts the tables column by column, memoised on the remaining row totals; gives up
/// (`exhausted`) after 2 million steps or once the count passes `limit`.
private struct TableCounter {
    let table: CountTable
    let limit: Double
    var memo: [[Int]: Double] = [:]
    var exhausted = false
    var steps = 0

    init(table: CountTable, limit: Double) {
        self.table = table
        self.limit = limit
    }

    mutating func count(_ j: Int, _ remaining: [Int]) -> Double {
        if j == table.columns - 1 { return 1 }
        let key = [j] + remaining
        if let v = memo[key] { return v }
        var total = 0.0
        var rem = remaining
        split(j, 0, table.columnTotals[j], &rem, &total)
        memo[key] = total
        return total
    }

    private mutating func split(_ j: Int, _ row: Int, _ left: Int, _ rem: inout [Int], _ total: inout Double) {
        steps += 1
        if steps > 2_000_000 { exhausted = true }
        if total > limit || exhausted { return }
        if row == table.rows - 1 {
            guard left <= rem[row] else { return }
            rem[row] -= left
            total += count(j + 1, rem)
            rem[row] += left
            return
        }
        let capacityBelow = rem[(row + 1)...].reduce(0, +)
        let lo = max(0, left - capacityBelow)
        let hi = min(left, rem[row])
        if lo > hi { return }
        for v in lo...hi {
            rem[row] -= v
            split(j, row + 1, left - v, &rem, &total)
            rem[row] += v
        }
    }
}

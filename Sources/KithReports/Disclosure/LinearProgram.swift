/// A small dense simplex solver, enough to audit a published table: the
/// smallest and largest value a hidden count can take given every total and
/// count that is shown.
///
/// Problem: optimise `x[j]` subject to `Σ a[i][j]·x[j] = b[i]` for each
/// constraint `i` and `lower[j] ≤ x[j] ≤ upper[j]` (`upper` may be infinite).
/// Two-phase simplex on the standard form (`y = x − lower`, an explicit slack
/// for each finite upper bound, an artificial variable per row in phase 1),
/// with Bland's rule so it never cycles. Tables of counts have totally
/// unimodular constraints, so the optimum is a whole number: the LP bounds are
/// the exact bounds an attacker can reach. (Dantzig 1963; Bland 1977,
/// Math. Oper. Res. 2:103–107.)
struct LinearProgram {
    var equalities: [(coefficients: [Int: Double], rhs: Double)]
    var lower: [Double]
    var upper: [Double]

    enum Outcome: Equatable {
        case optimal(Double)
        case unbounded, infeasible
    }

    /// Minimises (or, with `maximise`, maximises) variable `target`.
    func optimise(_ target: Int, maximise: Bool) -> Outcome {
        let n = lower.count
        // Columns: y[0..<n], slacks for finite upper bounds, artificials.
        let bounded = (0..<n).filter { upper[$0].isFinite }
        var rows: [[Double]] = []
        var rhs: [Double] = []
        for equality in equalities {
            var row = [Double](repeating: 0, count: n + bounded.count)
            var b = equality.rhs
            for (j, a) in equality.coefficients {
                row[j] += a
                b -= a * lower[j]
            }
            rows.append(row)
            rhs.append(b)
        }
        for (k, j) in bounded.enumerated() {
            var row = [Double](repeating: 0, count: n + bounded.count)
            row[j] = 1
            row[n + k] = 1
            rows.append(row)
            rhs.append(upper[j] - lower[j])
        }
        let m = rows.count
        for i in 0..<m where rhs[i] < 0 {
            rows[i] = rows[i].map { -$0 }
            rhs[i] = -rhs[i]
        }
        let structural = n + bounded.count
        let width = structural + m
        var tableau = [[Double]](repeating: [Double](repeating: 0, count: width + 1), count: m)
        for i in 0..<m {
            for j in 0..<structural { tableau[i][j] = rows[i][j] }
            tableau[i][structural + i] = 1
            tableau[i][width] = rhs[i]
        }
        var basis = (0..<m).map { structural + $0 }

        // Phase 1: minimise the sum of artificials.
        var cost = [Double](repeating: 0, count: width)
        for i in 0..<m { cost[structural + i] = 1 }
        guard Self.simplex(&tableau, &basis, cost: cost, allowed: width) != .unbounded else { return .infeasible }
        let infeasibility = (0..<m).reduce(0.0) { $0 + (basis[$1] >= structural ? tableau[$1][width] : 0) }
        if infeasibility > 1e-7 { return .infeasible }
        // Drive any artificial still basic (at zero) out of the basis.
        for i in 0..<m where basis[i] >= structural {
            if let j = (0..<structural).first(where: { abs(tableau[i][$0]) > 1e-9 }) {
                Self.pivot(&tableau, &basis, row: i, column: j)
            }
        }

        // Phase 2: the objective on y[target] (x = y + lower).
        var objective = [Double](repeating: 0, count: width)
        objective[target] = maximise ? -1 : 1
        switch Self.simplex(&tableau, &basis, cost: objective, allowed: structural) {
        case .unbounded: return .unbounded
        default:
            let value = basis.firstIndex(of: target).map { tableau[$0][width] } ?? 0
            return .optimal(value + lower[target])
        }
    }

    private enum Step { case optimal, unbounded }

    /// Minimises `cost · z` over the columns `0..<allowed`, from a feasible basis.
    private static func simplex(_ tableau: inout [[Double]], _ basis: inout [Int], cost: [Double], allowed: Int) -> Step {
        let m = tableau.count
        let width = tableau.first.map { $0.count - 1 } ?? 0
        var reduced = [Double](repeating: 0, count: allowed)
        var isBasic = [Bool](repeating: false, count: width)
        for _ in 0..<10_000 {
            // Reduced costs, accumulated row by row (the same sums, in the same order, as column by
            // column, but reading the tableau as it is laid out); Bland: the lowest-index improving column.
            for j in 0..<allowed { reduced[j] = cost[j] }
            for i in 0..<m {
                isBasic[basis[i]] = true
                let weight = cost[basis[i]]
                if weight == 0 { continue } // most basic variables cost nothing
                tableau[i].withUnsafeBufferPointer { row in
                    reduced.withUnsafeMutableBufferPointer { r in for j in 0..<allowed { r[j] -= weight * row[j] } }
                }
            }
            var entering: Int?
            for j in 0..<allowed where !isBasic[j] && reduced[j] < -1e-9 {
                entering = j
                break
            }
            for i in 0..<m { isBasic[basis[i]] = false }
            guard let column = entering else { return .optimal }
            var leaving: Int?
            var best = Double.infinity
            for i in 0..<m where tableau[i][column] > 1e-9 {
                let ratio = tableau[i][width] / tableau[i][column]
                if ratio < best - 1e-12 || (abs(ratio - best) <= 1e-12 && basis[i] < basis[leaving ?? i]) {
                    best = ratio
                    leaving = i
                }
            }
            guard let row = leaving else { return .unbounded }
            pivot(&tableau, &basis, row: row, column: column)
        }
        return .optimal
    }

    private static func pivot(_ tableau: inout [[Double]], _ basis: inout [Int], row: Int, column: Int) {
        let factor = tableau[row][column]
        tableau[row].withUnsafeMutableBufferPointer { r in for j in r.indices { r[j] /= factor } }
        let pivotRow = tableau[row]
        pivotRow.withUnsafeBufferPointer { p in
            for i in tableau.indices where i != row {
                let multiple = tableau[i][column]
                guard multiple != 0 else { continue }
                tableau[i].withUnsafeMutableBufferPointer { r in for j in 0..<r.count { r[j] -= multiple * p[j] } }
            }
        }
        basis[row] = column
    }
}

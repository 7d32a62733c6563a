/// A table of counts with the totals that will be published beside them,
/// protected under a `DisclosurePolicy`.
///
/// A table is a list of cells (inner counts and totals alike) and a list of
/// *lines*: each line is some cells whose sum is another cell, its total (a
/// question's options and its base; a row of a cross-table and its row total;
/// the row totals and the grand total…).
///
/// Primary suppression hides the counts the policy names. Complementary
/// suppression then hides more counts until no hidden count can be worked out
/// from what is shown: for each hidden count, the smallest and largest values
/// consistent with every shown count and total (and with what a reader knows
/// of hidden counts: a primary one lies between 1 and the threshold minus 1,
/// a complementary one at or above the threshold) are computed exactly by
/// linear programming; while any hidden count has a single possible value,
/// the smallest shown count sharing a line with it is hidden too.
package struct ProtectedTable: Sendable {
    package enum Cell: Sendable, Hashable {
        /// Shown (rounded under `nhs`).
        case shown(Int)
        /// Hidden because it is small.
        case primary
        /// Hidden to protect a primary one.
        case complementary
    }

    package let policy: DisclosurePolicy
    package let values: [Int]
    package let lines: [[Int]]
    package private(set) var cells: [Cell]
    /// The table cannot be published safely at all: every count is hidden.
    package private(set) var withheld = false

    /// - Parameters:
    ///   - values: every count, inner cells and totals.
    ///   - lines: cell indexes whose values sum to the cell at the line's last index.
    ///   - fixed: cells already published in a linked table (a cross-table's margins are a
    ///     question's own counts): they keep the state given there, and are never chosen
    ///     for complementary suppression.
    package init(values: [Int], lines: [[Int]], policy: DisclosurePolicy, fixed: [Int: Cell] = [:]) {
        self.policy = policy
        self.values = values
        self.lines = lines
        self.fixed = Set(fixed.keys)
        cells = values.map { policy.hides($0) ? .primary : .shown(policy.shown($0)) }
        for (index, cell) in fixed { cells[index] = cell }
        guard policy != .none, values.indices.contains(where: isHidden) else { return }
        protect()
    }

    /// Cells whose state came from a linked table.
    package let fixed: Set<Int>

    package func isHidden(_ index: Int) -> Bool {
        if case .shown = cells[index] { return false }
        return true
    }

    /// The count as shown, or nil when hidden.
    package func shown(_ index: Int) -> Int? {
        if case .shown(let value) = cells[index] { return value }
        return nil
    }

    /// The text of a cell: the count, or the policy's marker.
    package func text(_ index: Int) -> String {
        switch cells[index] {
        case .shown(let value): String(value)
        case .primary: policy.marker
        case .complementary: policy.complementaryMarker
        }
    }

    private mutating func protect() {
        for _ in 0..<(values.count + 1) {
            guard let exposed = exposedCell() else { return }
            // A shown, non-zero count on a line through the exposed one, preferring inner cells and small
            // counts: the first whose hiding protects the exposed cell, else the first.
            let totals = Set(lines.map { $0.last! })
            let candidates = Set(lines.filter { $0.contains(exposed) }.flatMap { $0 }).filter {
                !isHidden($0) && values[$0] > 0 && !fixed.contains($0)
            }
            .sorted { (totals.contains($0) ? 1 : 0, values[$0], $0) < (totals.contains($1) ? 1 : 0, values[$1], $1) }
            if let first = candidates.first {
                var choice = first
                for candidate in candidates.prefix(8) {
                    var trial = self
                    trial.cells[candidate] = .complementary
                    if !trial.singleHiddenOnALine(exposed), let range = trial.range(exposed, in: trial.readerProgram()),
                        range.lowerBound != range.upperBound
                    {
                        choice = candidate
                        break
                    }
                }
                cells[choice] = .complementary
                continue
            }
            // Nothing left to hide on its lines: hide every non-zero count of the table.
            let rest = values.indices.filter { !isHidden($0) && values[$0] > 0 && !fixed.contains($0) }
            if rest.isEmpty { break }
            for index in rest { cells[index] = .complementary }
        }
        if exposedCell() != nil {
            // Too sparse to publish safely (e.g. one small count among zeros): withhold the whole table.
            withheld = true
            for index in values.indices where !isHidden(index) && !fixed.contains(index) { cells[index] = .complementary }
        }
    }

    /// A hidden cell whose value is fixed by what is shown, if any.
    func exposedCell() -> Int? {
        // The lowest such index, so the result does not depend on dictionary order (which varies per process).
        // A hidden count alone on a line is given away without solving anything.
        var program: ReaderProgram?
        return values.indices.filter(isHidden).first { index in
            if singleHiddenOnALine(index) { return true }
            if program == nil { program = readerProgram() }
            guard let range = range(index, in: program!) else { return false }
            return range.lowerBound == range.upperBound
        }
    }

    /// Whether a line through a hidden cell shows every other count exactly (no rounding):
    /// the cell is then its total less the others.
    func singleHiddenOnALine(_ index: Int) -> Bool {
        guard policy.rounding == 1 else { return false }
        return lines.contains { line in line.contains(index) && line.allSatisfy { $0 == index || !isHidden($0) } }
    }

    /// For each hidden cell, the range of values a reader can deduce from the
    /// shown counts and totals (upper bound `Int.max` when unbounded).
    package func audit() -> [Int: ClosedRange<Int>] {
        let hidden = values.indices.filter(isHidden)
        guard !hidden.isEmpty else { return [:] }
        let program = readerProgram()
        var ranges: [Int: ClosedRange<Int>] = [:]
        for index in hidden { ranges[index] = range(index, in: program) }
        return ranges
    }

    /// The range a reader can deduce for one hidden cell; nil if the program is infeasible.
    func range(_ index: Int, in reader: ReaderProgram) -> ClosedRange<Int>? {
        guard let variable = reader.variables[index] else { return nil }
        let program = reader.program
        guard case .optimal(let low) = program.optimise(variable, maximise: false) else { return nil }
        let high: Double
        switch program.optimise(variable, maximise: true) {
        case .optimal(let value): high = value
        case .unbounded: high = Double(Int.max)
        case .infeasible: return nil
        }
        return Int(low.rounded(.up))...max(Int(low.rounded(.up)), high >= Double(Int.max) ? Int.max : Int(high.rounded(.down)))
    }

    /// A reader's program and the variable of each cell that is one.
    struct ReaderProgram {
        var program: LinearProgram
        var variables: [Int: Int]
    }

    /// What a reader knows: shown counts (within rounding), hidden ones' bounds, and every line's sum.
    /// Counts known exactly (shown, not rounded) are constants, not variables, which keeps the
    /// program small for large cross-tables.
    func readerProgram() -> ReaderProgram {
        let rounding = Double(policy.rounding)
        let slack = rounding > 1 ? (rounding - 1) / 2 : 0 // a count shown rounded to 5 lies within ±2 of it
        var lower: [Double] = []
        var upper: [Double] = []
        for index in values.indices {
            switch cells[index] {
            case .shown(let value):
                lower.append(max(0, Double(value) - slack))
                upper.append(Double(value) + slack)
            case .primary:
                lower.append(policy.hidesZero ? 0 : 1)
                upper.append(Double(policy.threshold - 1))
            case .complementary:
                // Under nhs both kinds show "*": a reader knows only that the count is at least 1.
                lower.append(policy == .nhs ? 1 : Double(policy.threshold))
                upper.append(.infinity)
            }
        }
        var variables: [Int: Int] = [:]
        var variableLower: [Double] = []
        var variableUpper: [Double] = []
        for index in values.indices where lower[index] < upper[index] || isHidden(index) {
            variables[index] = variableLower.count
            variableLower.append(lower[index])
            variableUpper.append(upper[index])
        }
        var equalities: [(coefficients: [Int: Double], rhs: Double)] = []
        for line in lines {
            var coefficients: [Int: Double] = [:]
            var rhs = 0.0
            for (index, sign) in line.dropLast().map({ ($0, 1.0) }) + [(line.last!, -1.0)] {
                if let variable = variables[index] { coefficients[variable, default: 0] += sign } else { rhs -= sign * lower[index] }
            }
            coefficients = coefficients.filter { $0.value != 0 }
            if coefficients.isEmpty { continue } // every count on the line known: nothing to learn from it
            equalities.append((coefficients, rhs))
        }
        return ReaderProgram(program: LinearProgram(equalities: equalities, lower: variableLower, upper: variableUpper), variables: variables)
    }
}

extension ProtectedTable {
    /// A one-way table: counts of each category and their total (e.g. a
    /// question's options, with "no answer" as a category, and its base).
    package static func oneWay(_ counts: [Int], total: Int, policy: DisclosurePolicy) -> ProtectedTable {
        ProtectedTable(values: counts + [total], lines: [Array(0...counts.count)], policy: policy)
    }

    /// A cross-table with row totals, column totals and the grand total.
    /// Cells are laid out row by row, then the row totals, the column totals and the grand total.
    package static func crossTable(_ counts: [[Int]], policy: DisclosurePolicy) -> ProtectedTable {
        let rows = counts.count
        let columns = counts.first?.count ?? 0
        var values = counts.flatMap { $0 }
        let rowTotals = counts.map { $0.reduce(0, +) }
        let columnTotals = (0..<columns).map { column in counts.reduce(0) { $0 + $1[column] } }
        values += rowTotals + columnTotals + [rowTotals.reduce(0, +)]
        let rowTotal = { rows * columns + $0 }
        let columnTotal = { rows * columns + rows + $0 }
        let grand = rows * columns + rows + columns
        var lines: [[Int]] = []
        for row in 0..<rows { lines.append((0..<columns).map { row * columns + $0 } + [rowTotal(row)]) }
        for column in 0..<columns { lines.append((0..<rows).map { $0 * columns + column } + [columnTotal(column)]) }
        lines.append((0..<rows).map(rowTotal) + [grand])
        lines.append((0..<columns).map(columnTotal) + [grand])
        return ProtectedTable(values: values, lines: lines, policy: policy)
    }
}

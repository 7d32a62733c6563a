import KithReports
import KithTestSupport
import Testing

/// An attacker, written independently of `ProtectedTable.audit()`: tries every
/// whole-number value for the hidden cells (within what a reader knows of them
/// and of rounded counts) and collects the values each hidden cell takes in
/// some table consistent with everything shown. A cell is recovered when it
/// has one possible value.
func attack(_ table: ProtectedTable) -> [Int: Set<Int>] {
    attack(cells: table.cells, lines: table.lines, policy: table.policy, limit: (table.values.max() ?? 0) + table.policy.rounding * 2 + 2)
}

/// The same attack on a table as published (cells read back from a report), with `limit`
/// the largest value a reader would consider for a hidden count.
func attack(cells: [ProtectedTable.Cell], lines: [[Int]], policy: DisclosurePolicy, limit: Int) -> [Int: Set<Int>] {
    let slack = policy.rounding > 1 ? (policy.rounding - 1) / 2 : 0
    var low: [Int] = []
    var high: [Int] = []
    for cell in cells {
        switch cell {
        case .shown(let value):
            low.append(max(0, value - slack))
            high.append(value + slack)
        case .primary:
            low.append(policy.hidesZero ? 0 : 1)
            high.append(policy.threshold - 1)
        case .complementary:
            low.append(policy == .nhs ? 1 : policy.threshold)
            high.append(limit)
        }
    }
    // Each line: its members count +1, its total -1; a full assignment must sum to 0.
    let terms: [[(cell: Int, sign: Int)]] = lines.map { line in line.dropLast().map { ($0, 1) } + [(line.last!, -1)] }
    let linesOf: [[Int]] = cells.indices.map { cell in lines.indices.filter { lines[$0].contains(cell) } }
    var value = [Int?](repeating: nil, count: cells.count)
    var found: [Int: Set<Int>] = [:]
    func feasible(_ line: Int) -> Bool {
        var minimum = 0
        var maximum = 0
        for (cell, sign) in terms[line] {
            if let fixed = value[cell] {
                minimum += sign * fixed
                maximum += sign * fixed
            } else if sign > 0 {
                minimum += low[cell]
                maximum += high[cell]
            } else {
                minimum -= high[cell]
                maximum -= low[cell]
            }
        }
        return minimum <= 0 && 0 <= maximum
    }
    /// Assigns `cell`, then every cell a line with one unassigned cell forces; returns the cells assigned, or nil on a contradiction.
    func assign(_ cell: Int, _ candidate: Int) -> [Int]? {
        var assigned = [cell]
        value[cell] = candidate
        var queue = [cell]
        while let current = queue.popLast() {
            for line in linesOf[current] {
                guard feasible(line) else {
                    for undo in assigned { value[undo] = nil }
                    return nil
                }
                let open = terms[line].filter { value[$0.cell] == nil }
                guard open.count == 1, let (forced, sign) = open.first else { continue }
                var rest = 0
                for (other, otherSign) in terms[line] { if let known = value[other] { rest += otherSign * known } }
                let forcedValue = -rest * sign
                guard forcedValue >= low[forced], forcedValue <= high[forced] else {
                    for undo in assigned { value[undo] = nil }
                    return nil
                }
                value[forced] = forcedValue
                assigned.append(forced)
                queue.append(forced)
            }
        }
        return assigned
    }
    func search() {
        guard let cell = cells.indices.filter({ value[$0] == nil }).min(by: { (high[$0] - low[$0], $0) < (high[$1] - low[$1], $1) }) else {
            for cell in cells.indices where !isShown(cells[cell]) { found[cell, default: []].insert(value[cell]!) }
            return
        }
        for candidate in low[cell]...high[cell] {
            guard let assigned = assign(cell, candidate) else { continue }
            search()
            for undo in assigned { value[undo] = nil }
        }
    }
    search()
    return found
}

private func isShown(_ cell: ProtectedTable.Cell) -> Bool {
    if case .shown = cell { return true }
    return false
}

@Suite("Disclosure control")
struct DisclosureTests {
    @Test("min5: 1-4 become <5, zeros stay, and a lone small count gets a complementary partner")
    func oneWayMin5() {
        let table = ProtectedTable.oneWay([97, 81, 3, 40, 30, 10], total: 261, policy: .min5)
        #expect(table.text(2) == "<5")
        #expect(table.cells.filter { $0 == .complementary }.count == 1)
        #expect(table.text(5) == "c", "the smallest other count protects it")
        #expect(table.text(6) == "261", "the base stays")
        #expect(table.shown(0) == 97)
    }

    @Test("nhs: 1-7 hidden, others rounded to 5")
    func nhsRounding() {
        let table = ProtectedTable.oneWay([97, 81, 6, 42, 35], total: 261, policy: .nhs)
        #expect(table.shown(0) == 95)
        #expect(table.shown(1) == 80)
        #expect(table.text(2) == "*")
        #expect(table.shown(5) == 260)
    }

    @Test("min10 hides zeros too")
    func min10() {
        let table = ProtectedTable.oneWay([0, 50, 60], total: 110, policy: .min10)
        #expect(table.text(0) == "<10")
        #expect(table.isHidden(1), "a single hidden zero would be recovered: its partner is hidden")
    }

    @Test("none shows everything")
    func none() {
        let table = ProtectedTable.crossTable([[1, 2], [3, 4]], policy: .none)
        #expect(table.cells.allSatisfy { if case .shown = $0 { true } else { false } })
    }

    @Test("the audit agrees with an exhaustive attack on small tables")
    func auditMatchesAttack() {
        var generator = SplitMix(seed: 7)
        for _ in 0..<25 {
            let counts = (0..<2).map { _ in (0..<3).map { _ in Int(generator.next() % 12) } }
            for policy in [DisclosurePolicy.min5, .min10] {
                let table = ProtectedTable.crossTable(counts, policy: policy)
                if table.values.indices.filter(table.isHidden).count > 8 { continue }
                let audit = table.audit()
                let attacked = attack(table)
                for (cell, values) in attacked {
                    #expect(audit[cell]?.lowerBound == values.min(), "\(counts) \(policy) cell \(cell)")
                    let high = audit[cell]?.upperBound ?? -1
                    #expect(high == Int.max || high == values.max(), "\(counts) \(policy) cell \(cell)")
                }
            }
        }
    }

    @Test("no hidden cell can be recovered from row or column totals", arguments: DisclosurePolicy.allCases.filter { $0 != .none })
    func attackFails(policy: DisclosurePolicy) {
        var generator = SplitMix(seed: 20_261_123)
        var hiddenSeen = 0
        for _ in 0..<60 {
            // Small tables keep the exhaustive attack quick; larger ones are covered by the audit test.
            let rows = 2
            let columns = 2 + Int(generator.next() % 2)
            let counts = (0..<rows).map { _ in (0..<columns).map { _ in Int(generator.next() % 12) } }
            let table = ProtectedTable.crossTable(counts, policy: policy)
            if table.withheld || table.values.indices.filter(table.isHidden).count > 8 { continue }
            let attacked = attack(table)
            for (cell, values) in attacked {
                hiddenSeen += 1
                #expect(values.count >= 2, "\(policy): cell \(cell) of \(counts) recovered as \(values.first ?? -1)")
            }
            for index in table.values.indices where table.isHidden(index) {
                #expect(attacked[index] != nil, "the true table is one of the attacker's solutions")
            }
            // The true values are always among the attacker's candidates.
            for (cell, values) in attacked { #expect(values.contains(table.values[cell])) }
        }
        #expect(hiddenSeen > 10, "the random tables exercised suppression")
    }

    @Test("one-way tables: the attack fails too", arguments: DisclosurePolicy.allCases.filter { $0 != .none })
    func oneWayAttack(policy: DisclosurePolicy) {
        var generator = SplitMix(seed: 99)
        for _ in 0..<80 {
            let counts = (0..<(2 + Int(generator.next() % 4))).map { _ in Int(generator.next() % 20) }
            let table = ProtectedTable.oneWay(counts, total: counts.reduce(0, +), policy: policy)
            if table.withheld { continue }
            for (cell, values) in attack(table) { #expect(values.count >= 2, "\(policy): \(counts) cell \(cell)") }
        }
    }
}

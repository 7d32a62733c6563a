extension DisclosurePolicy {
    /// Why statistics of `paired` people are withheld, or nil: nobody paired (`nobody` says
    /// so), or fewer than the policy's minimum for statistics, or a count the policy hides.
    /// `people` names them ("people", "clients").
    func withholdsStatistics(paired: Int, people: String = "people", nobody: String) -> String? {
        if paired == 0 { return nobody }
        if paired < minimumForStatistics || hides(paired) {
            return "fewer than \(minimumForStatistics) \(people) paired (disclosure control \(rawValue))"
        }
        return nil
    }

    /// Protects `values` whose `lines` (cell indexes, the last one the total of the others)
    /// are published together: primary and complementary suppression (`ProtectedTable`).
    package func protect(_ values: [Int], lines: [[Int]]) -> [ShownCount] {
        let table = ProtectedTable(values: values, lines: lines, policy: self)
        return values.indices.map { ShownCount(shown: table.shown($0), text: table.text($0)) }
    }

    /// Protects parts that add up to a total: returns the parts, then the total.
    package func protect(parts: [Int], total: Int) -> (parts: [ShownCount], total: ShownCount) {
        let shown = protect(parts + [total], lines: [Array(0...parts.count)])
        return (Array(shown.dropLast()), shown.last!)
    }

    /// Protects a square table with its row and column totals and grand total:
    /// returns (k+1)×(k+1) counts, the last row and column being the totals.
    package func protect(square table: [[Int]]) -> [[ShownCount]] {
        let k = table.count
        let width = k + 1
        var values = [Int](repeating: 0, count: width * width)
        for r in 0..<k { for c in 0..<k { values[r * width + c] = table[r][c] } }
        for r in 0..<k { values[r * width + k] = table[r].reduce(0, +) }
        for c in 0..<k { values[k * width + c] = table.reduce(0) { $0 + $1[c] } }
        values[k * width + k] = table.reduce(0) { $0 + $1.reduce(0, +) }
        var lines: [[Int]] = []
        for r in 0...k { lines.append((0..<k).map { r * width + $0 } + [r * width + k]) }
        for c in 0...k { lines.append((0..<k).map { $0 * width + c } + [k * width + c]) }
        let shown = protect(values, lines: lines)
        return (0...k).map { r in Array(shown[(r * width)..<(r * width + width)]) }
    }
}

/// Collects counts that are published together, and the sums that tie them
/// (a line's last cell is the total of the others), then protects them all at
/// once under a disclosure policy, so a withheld count cannot be worked out
/// from any other figure of the same table.
struct CountTableBuilder {
    private(set) var values: [Int] = []
    private(set) var lines: [[Int]] = []

    /// Adds a count; returns its index.
    mutating func add(_ value: Int) -> Int {
        values.append(value)
        return values.count - 1
    }

    /// Adds a count that is the sum of `parts`, with the line tying them.
    mutating func sum(of parts: [Int]) -> Int {
        let total = add(parts.reduce(0) { $0 + values[$1] })
        lines.append(parts + [total])
        return total
    }

    /// States that `parts` add up to the existing cell `total`.
    mutating func line(_ parts: [Int], total: Int) {
        lines.append(parts + [total])
    }

    func protect(_ policy: DisclosurePolicy) -> [ShownCount] { policy.protect(values, lines: lines) }
}

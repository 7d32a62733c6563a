import KithCore
import KithStatistics

extension ChangeBuilder {
    /// The direct question: its options as categories, the headline ("Often/always") as the 2×2 McNemar table.
    static func singleItemChange(_ scale: OutcomeScale, people: [OutcomeData.Person], policy: DisclosurePolicy) -> CategoryChange {
        let options = scale.instrument.item(scale.scale.items[0]).map { scale.instrument.options(of: $0) }?.sorted { $0.code < $1.code } ?? []
        let codes = options.map(\.code)
        let headlineCodes = Set(scale.scale.headline?.codes ?? codes.prefix(1).map { $0 })
        let headline = scale.scale.headline?.label ?? options.first?.label ?? ""
        return CategoryAnalysis.change(
            scale, classification: nil, labels: options.map { "\($0.code) \($0.label)" },
            category: { value in codes.firstIndex(of: Int(value)) },
            headline: Set(codes.indices.filter { headlineCodes.contains(codes[$0]) }), headlineLabel: headline,
            people: people, policy: policy)
    }

    /// A score's classification bands as categories; the headline is the band at the worse end ("Lonely").
    static func bandChange(_ scale: OutcomeScale, _ classification: Classification, people: [OutcomeData.Person], policy: DisclosurePolicy)
        -> CategoryChange
    {
        let bands = classification.bands
        let worst = scale.scale.higherIs == .worse ? bands.count - 1 : 0
        return CategoryAnalysis.change(
            scale, classification: classification, labels: bands.map(\.label),
            category: { value in bands.lastIndex { $0.from <= value } },
            headline: [worst], headlineLabel: bands[worst].label, people: people, policy: policy)
    }
}

enum CategoryAnalysis {
    static func change(
        _ scale: OutcomeScale, classification: Classification?, labels: [String], category: (Double) -> Int?,
        headline: Set<Int>, headlineLabel: String, people: [OutcomeData.Person], policy: DisclosurePolicy
    ) -> CategoryChange {
        let k = labels.count
        var counts = [[Int]](repeating: [Int](repeating: 0, count: k), count: k)
        for person in people {
            guard let b = person.baseline?[scale.id], let f = person.followUp?[scale.id], let r = category(b), let c = category(f) else { continue }
            counts[r][c] += 1
        }
        // Higher categories are higher values: better when higher is better.
        let up = scale.scale.higherIs == .better ? 1 : -1
        var table = CountTableBuilder()
        let cells = counts.map { row in row.map { table.add($0) } }
        let rowTotals = cells.map { table.sum(of: $0) }
        let columnTotals = (0..<k).map { c in table.sum(of: cells.map { $0[c] }) }
        let total = table.sum(of: rowTotals)
        table.line(columnTotals, total: total)
        func cellsWhere(_ test: (Int, Int) -> Bool) -> [Int] {
            (0..<k).flatMap { r in (0..<k).filter { test(r, $0) }.map { cells[r][$0] } }
        }
        let moves = [cellsWhere { ($1 - $0) * up > 0 }, cellsWhere { $0 == $1 }, cellsWhere { ($1 - $0) * up < 0 }].map { parts in
            parts.isEmpty ? table.add(0) : table.sum(of: parts)
        }
        table.line(moves, total: total)
        let quadrants = [
            cellsWhere { headline.contains($0) && headline.contains($1) }, cellsWhere { headline.contains($0) && !headline.contains($1) },
            cellsWhere { !headline.contains($0) && headline.contains($1) }, cellsWhere { !headline.contains($0) && !headline.contains($1) }
        ]
        .map { parts in parts.isEmpty ? table.add(0) : table.sum(of: parts) }
        let a = quadrants[0]
        let left = quadrants[1]
        let entered = quadrants[2]
        let d = quadrants[3]
        let baselineYes = table.sum(of: [a, left])
        let followYes = table.sum(of: [a, entered])
        table.line([a, left, entered, d], total: total)
        let shown = table.protect(policy)

        let n = counts.reduce(0) { $0 + $1.reduce(0, +) }
        let withheld = policy.withholdsStatistics(paired: n, nobody: "nobody has this measure at both waves")
        let value = { (index: Int) in shown[index].shown }
        var difference: PairedProportionDifference? = nil
        var exact: McNemarTest? = nil
        var chiSquare: McNemarTest? = nil
        // The tests use the discordant counts: only when those are published.
        if withheld == nil, let aa = value(a), let b = value(left), let c = value(entered), let dd = value(d), policy.rounding == 1 {
            // Follow-up is the first measurement of the difference so it reads follow-up − baseline.
            difference = try? PairedProportionDifference(a: aa, b: c, c: b, d: dd)
            exact = try? McNemarTest(firstOnly: b, secondOnly: c, method: .exact)
            chiSquare = try? McNemarTest(firstOnly: b, secondOnly: c, method: .chiSquare)
        }
        let headlineChange = HeadlineChange(
            label: headlineLabel, baseline: shown[baselineYes], followUp: shown[followYes],
            baselinePercent: withheld == nil ? shown[baselineYes].percent(of: shown[total]) : nil,
            followUpPercent: withheld == nil ? shown[followYes].percent(of: shown[total]) : nil,
            leftCategory: shown[left], enteredCategory: shown[entered], difference: difference, mcnemarExact: exact, mcnemarChiSquare: chiSquare)
        return CategoryChange(
            scale: scale, classification: classification, labels: labels,
            transitions: (0...k).map { r in
                (0...k).map { c in
                    shown[r < k ? (c < k ? cells[r][c] : rowTotals[r]) : (c < k ? columnTotals[c] : total)]
                }
            },
            paired: shown[total], improved: shown[moves[0]], unchanged: shown[moves[1]], worse: shown[moves[2]],
            headline: headlineChange, withheld: withheld)
    }
}

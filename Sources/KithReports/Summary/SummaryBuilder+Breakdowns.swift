import KithStatistics

extension Context {
    /// The display order of a column's categories (as in its own table).
    func order(_ c: Int) -> [Int] {
        let column = plan.columns[c]
        if column.reading == .item { return Array(column.labels.indices) }
        let offset = tally.offsets[c]
        return OptionOrder.order(column.labels, counts: Array(tally.counts[offset..<(offset + column.labels.count)]))
    }

    func breakdown(_ name: String, grouping g: Int, source: GroupSource, scaleIDs: [String]) -> Breakdown {
        let labels = tally.groupLabels[g]
        var groups: [Int]
        if case .column(let c) = source {
            groups = order(c) + labels.indices.filter { $0 >= plan.columns[c].labels.count }
        } else {
            groups =
                labels.indices.filter { labels[$0] != SummaryTally.notStated }.sorted { labels[$0] < labels[$1] }
                + labels.indices.filter { labels[$0] == SummaryTally.notStated }
        }
        var tables: [CrossTable] = []
        for c in plan.columns.indices where plan.columns[c].crossTabulated {
            if case .column(let by) = source, by == c { continue }
            tables.append(crossTable(c, grouping: g, groups: groups))
        }
        var means: [GroupMeans] = []
        for (s, id) in scaleIDs.enumerated() where definition(id)?.scale.method != .single {
            means.append(groupMeans(s, id: id, grouping: g, groups: groups))
        }
        return Breakdown(by: name, tables: tables, means: means)
    }

    func crossTable(_ c: Int, grouping g: Int, groups allGroups: [Int]) -> CrossTable {
        let column = plan.columns[c]
        let offset = tally.offsets[c]
        let options = order(c)
        let labels = tally.groupLabels[g]
        let rowsAll = allGroups.map { group in options.map { tally.groupCounts[g][group][offset + $0] } }
        let kept = allGroups.indices.filter { rowsAll[$0].reduce(0, +) > 0 }
        var groupNames = kept.map { labels[allGroups[$0]] }
        var counts = kept.map { rowsAll[$0] }
        // Under a policy, groups smaller than its threshold are shown together: a row of a few
        // people is all small counts and would otherwise take the whole table with it.
        var small = counts.indices.filter { policy != .none && counts[$0].reduce(0, +) < policy.threshold }
        let bySize = counts.indices.sorted { (counts[$0].reduce(0, +), $0) < (counts[$1].reduce(0, +), $1) }
        // Add the next smallest groups until the merged row is itself large enough.
        while !small.isEmpty, small.reduce(0, { $0 + counts[$1].reduce(0, +) }) < policy.threshold,
            let next = bySize.first(where: { !small.contains($0) }), counts.count - small.count > 2
        {
            small.append(next)
        }
        if small.count >= 1, counts.count - small.count >= 1 {
            let merged = options.indices.map { o in small.reduce(0) { $0 + counts[$1][o] } }
            let name = "Other groups (smallest, together)"
            groupNames = groupNames.indices.filter { !small.contains($0) }.map { groupNames[$0] } + [name]
            counts = counts.indices.filter { !small.contains($0) }.map { counts[$0] } + [merged]
        }
        let r = counts.count
        let k = options.count
        // Cells row by row, then row totals, option totals (the question's own counts) and the total answering.
        var values = counts.flatMap { $0 }
        values += counts.map { $0.reduce(0, +) }
        values += (0..<k).map { o in counts.reduce(0) { $0 + $1[o] } }
        values.append(values[(r * k)..<(r * k + r)].reduce(0, +))
        var lines: [[Int]] = (0..<r).map { row in (0..<k).map { row * k + $0 } + [r * k + row] }
        lines += (0..<k).map { o in (0..<r).map { $0 * k + o } + [r * k + r + o] }
        let grand = r * k + r + k
        lines.append((0..<r).map { r * k + $0 } + [grand])
        lines.append((0..<k).map { r * k + r + $0 } + [grand])
        var fixed: [Int: ProtectedTable.Cell] = [:]
        if let linked = published[c] {
            for (o, category) in options.enumerated() { fixed[r * k + r + o] = linked.options[category] }
            fixed[grand] = linked.answered
        }
        let table = ProtectedTable(values: values, lines: lines, policy: policy, fixed: fixed)
        let cells = (0..<r).map { row in (0..<k).map { Self.count(table, row * k + $0) } }
        let groupTotals = (0..<r).map { Self.count(table, r * k + $0) }
        let rowPercents = (0..<r).map { row in
            (0..<k).map { o -> Double? in
                guard let x = cells[row][o].shown, let n = groupTotals[row].shown, n > 0 else { return nil }
                return Double(x) / Double(n) * 100
            }
        }
        var crossTable = CrossTable(
            question: column.id, text: column.text, groups: groupNames, options: options.map { column.labels[$0] },
            cells: cells, groupTotals: groupTotals, optionTotals: (0..<k).map { Self.count(table, r * k + r + $0) },
            total: Self.count(table, grand), rowPercents: rowPercents, test: nil,
            withheld: table.withheld ? "every count withheld: too few people to publish safely" : nil)
        let anyHidden = (0..<(r * k + r)).contains { table.isHidden($0) }
        let tested = counts.indices.filter { groupNames[$0] != SummaryTally.notStated && !groupNames[$0].hasPrefix("Other groups (smallest") }.map {
            counts[$0]
        }
        if anyHidden {
            crossTable.test = nil
        } else if tested.count >= 2, let chi = try? ChiSquareIndependenceTest(table: tested) {
            var test = IndependenceTest(
                chiSquare: chi.statistic, degreesOfFreedom: chi.degreesOfFreedom, pValue: chi.pValue,
                doubtful: chi.approximationDoubtful, smallestExpected: chi.smallestExpected, fisherP: nil, note: nil)
            if chi.approximationDoubtful {
                let used = chi.observed
                do {
                    test.fisherP = try FisherExactTest(table: used, maximumTables: 200_000).pValue
                    test.note = String(
                        format: "Small expected counts (smallest %.1f; %d of %d cells below 5): read Fisher's exact test, not chi-square.",
                        chi.smallestExpected, chi.cellsExpectedBelowFive, used.count * (used.first?.count ?? 0))
                } catch {
                    test.note = String(
                        format:
                            "Small expected counts (smallest %.1f): the chi-square p-value is unreliable and the table is too large for an exact "
                            + "test.",
                        chi.smallestExpected)
                }
            }
            crossTable.test = test
        }
        return crossTable
    }

    func groupMeans(_ s: Int, id: String, grouping g: Int, groups allGroups: [Int]) -> GroupMeans {
        let labels = tally.groupLabels[g]
        let groups = allGroups.filter { !tally.groupScaleValues[g][$0][s].isEmpty }
        let ns = groups.map { tally.groupScaleValues[g][$0][s].count }
        var fixed: [Int: ProtectedTable.Cell] = [:]
        if let scored = scoredCells[s] { fixed[ns.count] = scored }
        let table = ProtectedTable(values: ns + [ns.reduce(0, +)], lines: [Array(0...ns.count)], policy: policy, fixed: fixed)
        var rows: [GroupMean] = []
        var summaries: [Summary] = []
        for (at, group) in groups.enumerated() {
            let n = Self.count(table, at)
            var row = GroupMean(group: labels[group], n: n, mean: nil, sd: nil, lower: nil, upper: nil)
            let values = tally.groupScaleValues[g][group][s]
            // Means by group need no quantiles: no sorting of each group's scores.
            if statisticsAllowed(n), let summary = try? Summary(values) {
                row.mean = summary.mean
                row.sd = summary.standardDeviation
                if let estimate = try? MeanEstimate(summary: summary, level: 0.95) {
                    row.lower = estimate.interval.lower
                    row.upper = estimate.interval.upper
                }
                if labels[group] != SummaryTally.notStated, (summary.variance ?? 0) > 0 { summaries.append(summary) }
            }
            rows.append(row)
        }
        var means = GroupMeans(scale: id, title: definition(id)?.scale.title ?? id, groups: rows, welch: nil, note: nil)
        if summaries.count >= 2, let welch = try? WelchANOVA(summaries: summaries) {
            means.welch = WelchFigures(
                f: welch.f, numeratorDF: welch.numeratorDegreesOfFreedom, denominatorDF: welch.denominatorDegreesOfFreedom, pValue: welch.pValue)
            if summaries.count < rows.filter({ $0.group != SummaryTally.notStated }).count {
                means.note = "Welch's ANOVA compares only the groups whose means are shown."
            }
        } else if rows.count >= 2 {
            means.note = "Welch's ANOVA needs at least two groups with means shown and some spread."
        }
        return means
    }
}

import KithStatistics

extension Context {
    /// Counts of people who skipped a question (or gave an answer that is not an option) are
    /// not characteristics of anyone: they are shown (rounded under nhs), never hidden, so a
    /// couple of skipped answers do not take a question's headline figure with them.
    func exempt(_ count: Int) -> ProtectedTable.Cell { .shown(policy.shown(count)) }

    /// The table of column `c`, protected; records its published cells for the cross-tables.
    mutating func questionTable(_ c: Int) -> QuestionTable {
        let column = plan.columns[c]
        let offset = tally.offsets[c]
        let k = column.labels.count
        let counts = Array(tally.counts[offset..<(offset + k)])
        let noAnswer = tally.counts[offset + k]
        let unreadable = tally.counts[offset + k + 1]
        let answered = tally.counts[offset + k + 2]
        let base = tally.complete
        switch column.reading {
        case .item, .single:
            let order = column.reading == .item ? Array(0..<k) : OptionOrder.order(column.labels, counts: counts)
            var values = order.map { counts[$0] }
            let hasUnreadable = unreadable > 0
            // Cells after the options: [unreadable,] no answer, answered, base.
            if hasUnreadable { values.append(unreadable) }
            let noAnswerAt = values.count
            let answeredAt = values.count + 1
            let baseAt = values.count + 2
            values += [noAnswer, answered, base]
            let lines = [Array(0..<k) + [answeredAt], [answeredAt] + (hasUnreadable ? [k] : []) + [noAnswerAt, baseAt]]
            let table = ProtectedTable(
                values: values, lines: lines, policy: policy,
                fixed: [baseAt: baseCell, noAnswerAt: exempt(noAnswer)].merging(hasUnreadable ? [k: exempt(unreadable)] : [:]) { a, _ in a })
            var optionCells = [ProtectedTable.Cell](repeating: .primary, count: k)
            for (position, category) in order.enumerated() { optionCells[category] = table.cells[position] }
            published[c] = (optionCells, table.cells[answeredAt])
            let baseCount = Self.count(table, baseAt)
            let answeredCount = Self.count(table, answeredAt)
            let rows = order.enumerated().map { position, category in
                let count = Self.count(table, position)
                return OptionRow(
                    label: column.labels[category], count: count, ofRespondents: Self.percentage(count, of: baseCount),
                    ofAnswered: Self.percentage(count, of: answeredCount), ofResponses: nil)
            }
            let agreement = column.reading == .single && OptionOrder.isAgreement(column.labels)
            var topTwo: OptionRow?
            if agreement {
                let agreeing = rows.filter { OptionOrder.agreeing.contains(OptionOrder.key($0.label)) }
                let offScale = rows.filter { OptionOrder.isOffScale($0.label) }
                let sum = agreeing.allSatisfy { $0.count.shown != nil } ? agreeing.reduce(0) { $0 + $1.count.shown! } : nil
                let count = sum.map { ShownCount.plain($0) } ?? ShownCount(shown: nil, text: policy.complementaryMarker)
                // Of those who gave a view: "Don't know" is not a point of the scale.
                var view: ShownCount?
                if let answered = answeredCount.shown, offScale.allSatisfy({ $0.count.shown != nil }) {
                    view = .plain(answered - offScale.reduce(0) { $0 + $1.count.shown! })
                }
                topTwo = OptionRow(
                    label: agreeing.map(\.label).joined(separator: " + "), count: count,
                    ofRespondents: Self.percentage(count, of: baseCount), ofAnswered: view.flatMap { Self.percentage(count, of: $0) },
                    ofResponses: nil)
            }
            return QuestionTable(
                id: column.id, text: column.text, kind: agreement ? .agreement : (column.reading == .item ? .item : .singleChoice),
                base: baseCount, answered: answeredCount, noAnswer: Self.count(table, noAnswerAt),
                unreadable: hasUnreadable ? Self.count(table, k) : nil, options: rows, topTwo: topTwo, choices: nil, number: nil,
                withheld: table.withheld ? "every count withheld: too few people to publish safely" : nil)
        case .multiJoined, .multiChoices:
            let order = OptionOrder.order(column.labels, counts: counts)
            // Cells: chosen (k), not chosen (k, never printed but worked out by readers), choices, answered, no answer, base.
            let chosen = order.map { counts[$0] }
            let values = chosen + chosen.map { answered - $0 } + [chosen.reduce(0, +), answered, noAnswer, base]
            let choicesAt = 2 * k
            let answeredAt = 2 * k + 1
            let noAnswerAt = 2 * k + 2
            let baseAt = 2 * k + 3
            var lines = (0..<k).map { [$0, k + $0, answeredAt] }
            lines.append(Array(0..<k) + [choicesAt])
            lines.append([answeredAt, noAnswerAt, baseAt])
            let table = ProtectedTable(values: values, lines: lines, policy: policy, fixed: [baseAt: baseCell, noAnswerAt: exempt(noAnswer)])
            let baseCount = Self.count(table, baseAt)
            let answeredCount = Self.count(table, answeredAt)
            let choices = Self.count(table, choicesAt)
            let rows = order.enumerated().map { position, category in
                let count = Self.count(table, position)
                var ofResponses: Double?
                if let x = count.shown, let total = choices.shown, total > 0 { ofResponses = Double(x) / Double(total) * 100 }
                return OptionRow(
                    label: column.labels[category], count: count, ofRespondents: Self.percentage(count, of: baseCount),
                    ofAnswered: Self.percentage(count, of: answeredCount), ofResponses: ofResponses)
            }
            return QuestionTable(
                id: column.id, text: column.text, kind: .multiSelect, base: baseCount, answered: answeredCount,
                noAnswer: Self.count(table, noAnswerAt), unreadable: nil, options: rows, topTwo: nil, choices: choices, number: nil,
                withheld: table.withheld ? "every count withheld: too few people to publish safely" : nil)
        case .number, .text:
            let table = ProtectedTable(
                values: [answered, noAnswer + unreadable, base], lines: [[0, 1, 2]], policy: policy,
                fixed: [2: baseCell, 1: exempt(noAnswer + unreadable)])
            let answeredCount = Self.count(table, 0)
            var number: NumberFigures?
            if column.reading == .number {
                let values = tally.numbers[c]
                number = NumberFigures(n: answeredCount, mean: nil, median: nil)
                if statisticsAllowed(answeredCount), !values.isEmpty {
                    number?.mean = (try? Summary(values))?.mean
                    number?.median = try? median(values)
                }
            }
            return QuestionTable(
                id: column.id, text: column.text, kind: column.reading == .number ? .number : .freeText,
                base: Self.count(table, 2), answered: answeredCount, noAnswer: Self.count(table, 1), unreadable: nil,
                options: [], topTwo: nil, choices: nil, number: number, withheld: nil)
        }
    }
}

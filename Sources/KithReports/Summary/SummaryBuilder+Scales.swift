import KithCore
import KithStatistics

extension Context {
    /// The definition of a qualified scale id (`ons-loneliness.ucla3`).
    func definition(_ id: String) -> (instrument: Instrument, scale: Scale)? {
        guard let dot = id.firstIndex(of: "."), let instrument = try? catalog.instrument(String(id[..<dot])),
            let scale = instrument.scale(String(id[id.index(after: dot)...]))
        else { return nil }
        return (instrument, scale)
    }

    mutating func scaleSummary(_ id: String, index s: Int, questions: [QuestionTable]) -> ScaleSummary {
        let found = definition(id)
        let status = tally.scaleStatus[s]
        let scored = status[0] + status[1] + status[4]
        let incomplete = status[2]
        let invalid = status[3]
        let notScored = max(0, tally.complete - scored - incomplete - invalid)
        var values = [scored, incomplete, invalid]
        if notScored > 0 { values.append(notScored) }
        let baseAt = values.count
        values.append(tally.complete)
        var fixed: [Int: ProtectedTable.Cell] = [baseAt: baseCell, 1: exempt(incomplete), 2: exempt(invalid)]
        if notScored > 0 { fixed[3] = exempt(notScored) }
        let table = ProtectedTable(values: values, lines: [Array(0...baseAt)], policy: policy, fixed: fixed)
        scoredCells[s] = table.cells[0]
        let scoredCount = Self.count(table, 0)
        let single = found?.scale.method == .single
        var summary = ScaleSummary(
            id: id, title: found?.scale.title ?? id, scored: scoredCount, incomplete: Self.count(table, 1),
            invalid: Self.count(table, 2), statistics: nil, withheld: nil, classifications: [], headline: nil,
            notice: found.flatMap { $0.instrument.licence.printWithResults ? $0.instrument.licence.notice : nil }, singleItem: single)
        let scores = tally.scaleValues[s]
        if !single, let mean = found?.scale.primaryBenchmark(.mean) {
            summary.meanBenchmark = BenchmarkFigure(
                value: mean.value, period: mean.period, area: mean.area, survey: mean.survey, population: mean.population, source: mean.source)
        }
        if !single {
            if !statisticsAllowed(scoredCount) {
                summary.withheld = scores.isEmpty ? "no complete scores" : withheldReason
            } else if let stats = Self.statistics(scores) {
                summary.statistics = stats
            }
        }
        for classification in found?.scale.classifications ?? [] {
            let bands = classification.bands
            var counts = [Int](repeating: 0, count: bands.count)
            for value in scores {
                if let band = classification.band(for: value), let at = bands.firstIndex(of: band) { counts[at] += 1 }
            }
            let bandTable = ProtectedTable(
                values: counts + [scored], lines: [Array(0...bands.count)], policy: policy, fixed: [bands.count: table.cells[0]])
            let rows = bands.indices.map { at in
                let count = Self.count(bandTable, at)
                let upper = at + 1 < bands.count ? bands[at + 1].from : nil
                let whole = bands.allSatisfy { $0.from == $0.from.rounded() }
                let range =
                    upper.map {
                        whole
                            ? ($0 - 1 == bands[at].from
                                ? TextFormat.number(bands[at].from) : "\(TextFormat.number(bands[at].from))–\(TextFormat.number($0 - 1))")
                            : "\(TextFormat.number(bands[at].from)) to under \(TextFormat.number($0))"
                    }
                    ?? "\(TextFormat.number(bands[at].from)) or more"
                return OptionRow(
                    label: "\(bands[at].label) (\(range))", count: count, ofRespondents: nil,
                    ofAnswered: Self.percentage(count, of: scoredCount), ofResponses: nil)
            }
            summary.classifications.append(
                ClassificationTable(
                    id: classification.id, title: classification.title, status: classification.status.rawValue,
                    source: classification.source, bands: rows))
        }
        if let found, let headline = found.scale.headline, let item = found.scale.items.first,
            let question = questions.first(where: { $0.id == item })
        {
            let labels = Set(
                headline.codes.compactMap { code in
                    found.instrument.item(item).flatMap { found.instrument.options(of: $0).first { $0.code == code }?.label }
                })
            let rows = question.options.filter { labels.contains($0.label) }
            let count: ShownCount
            if rows.count == 1 {
                count = rows[0].count
            } else if !rows.isEmpty, rows.allSatisfy({ $0.count.shown != nil }) {
                count = .plain(rows.reduce(0) { $0 + $1.count.shown! })
            } else {
                count = ShownCount(shown: nil, text: policy.complementaryMarker)
            }
            let benchmark = found.scale.primaryBenchmark(.percent).map {
                BenchmarkFigure(value: $0.value, period: $0.period, area: $0.area, survey: $0.survey, population: $0.population, source: $0.source)
            }
            summary.headline = HeadlineFigure(
                label: headline.label, statement: headline.statement, count: count,
                ofRespondents: Self.percentage(count, of: question.base), ofAnswered: Self.percentage(count, of: question.answered),
                respondents: question.base, answered: question.answered, source: headline.source, benchmark: benchmark)
        }
        return summary
    }

    /// n, mean, SD, 95% t interval, median and quartiles (R type 7) of scores.
    static func statistics(_ scores: [Double]) -> ScaleStatistics? {
        guard let summary = try? Summary(scores), let q = try? quartiles(scores) else { return nil }
        let estimate = scores.count >= 2 ? try? MeanEstimate(summary: summary, level: 0.95) : nil
        return ScaleStatistics(
            mean: summary.mean, sd: summary.standardDeviation, lower: estimate?.interval.lower,
            upper: estimate?.interval.upper, median: q.median, lowerQuartile: q.lower, upperQuartile: q.upper,
            minimum: summary.minimum, maximum: summary.maximum)
    }
}

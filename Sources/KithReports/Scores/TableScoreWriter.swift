import KithCore

/// A table for people at a terminal: one line per row, one column per scale,
/// then a count of each status per scale, the problems, and the notices.
final class TableScoreWriter: ScoreWriter {
    private let sink: ByteSink
    private var context: ScoreContext?
    private var widths: [Int] = []
    private var problems: [String] = []
    private var unlisted = 0
    private let maxProblemsListed = 50

    init(sink: ByteSink) { self.sink = sink }

    private func headers(_ context: ScoreContext) -> [String] {
        var headers = ["Row", "ID"]
        if context.hasPerson { headers.append("Person") }
        if context.hasWave { headers.append("Wave") }
        return headers + context.scales.map(\.id)
    }

    func begin(_ context: ScoreContext) throws {
        self.context = context
        let headers = headers(context)
        widths = headers.enumerated().map { index, header in
            index < headers.count - context.scales.count ? max(header.count, 5) : max(header.count, 14)
        }
        try sink.write("Scores for \(context.file) (\(context.reading))\n\n")
        try line(headers)
        try sink.write(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n")
    }

    private func line(_ cells: [String]) throws {
        let padded = cells.enumerated().map { index, cell in TextFormat.pad(cell, index < widths.count ? widths[index] : 0) }
        var text = padded.joined(separator: "  ")
        while text.last == " " { text.removeLast() }
        try sink.write(text + "\n")
    }

    func write(_ row: ScoredRow) throws {
        guard let context else { return }
        var cells = [String(row.row), row.sourceID ?? ""]
        if context.hasPerson { cells.append(row.person ?? "") }
        if context.hasWave { cells.append(row.wave ?? "") }
        if let reason = row.excludedBecause {
            cells.append("excluded: \(reason)")
        } else {
            for score in row.scores { cells.append(cell(score)) }
        }
        try line(cells)
        for problem in row.problems {
            if problems.count < maxProblemsListed {
                problems.append("row \(row.row): \(problem.item) ('\(problem.column)'): \(problem.problem)")
            } else {
                unlisted += 1
            }
        }
    }

    private func cell(_ score: ScaleScore) -> String {
        switch score.status {
        case .complete, .prorated, .answeredSum:
            var text = score.value.map { TextFormat.fixed($0, $0 == $0.rounded() ? 0 : 2) } ?? "?"
            if let label = score.label { text += " \(label)" }
            if let raw = score.raw { text += " (raw \(TextFormat.number(raw)))" }
            for band in score.bands { text += " [\(band.label)]" }
            if score.status == .prorated { text += " prorated" }
            if score.status == .answeredSum { text += " sum of answered, missing \(score.missing.joined(separator: " "))" }
            return text
        case .incomplete:
            return "- missing \(score.missing.joined(separator: " "))"
        case .invalid:
            return "- invalid \(score.invalid.map(\.item).joined(separator: " "))"
        }
    }

    func end(_ tally: ScoreTally, notices: [String]) throws {
        guard let context else { return }
        try sink.write("\n\(tally.rows) row\(tally.rows == 1 ? "" : "s"): \(tally.scored) scored, \(tally.excluded) excluded.\n")
        for planned in context.scales {
            let counts = tally.statuses[planned.id] ?? [:]
            let parts = ScaleScore.Status.allCases.compactMap { status in counts[status].map { "\($0) \(status.rawValue)" } }
            try sink.write("  \(planned.id) (\(planned.scale.title)): \(parts.isEmpty ? "none" : parts.joined(separator: ", "))\n")
        }
        if !problems.isEmpty {
            try sink.write("\nAnswers that could not be read:\n")
            for problem in problems { try sink.write("  \(problem)\n") }
            if unlisted > 0 { try sink.write("  … and \(unlisted) more (CSV and JSON list every row)\n") }
        }
        if !notices.isEmpty {
            try sink.write("\nNotes:\n")
            for notice in notices { try sink.write("  - \(notice)\n") }
        }
    }
}

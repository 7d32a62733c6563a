import KithCore

/// The JSON shape documented in the README ("Scores as JSON"):
/// `{"file":…,"instruments":[…],"rows":[{"row":1,"source_id":…,"status":"scored",
/// "scores":{"ons-loneliness.ucla3":{"value":7,"status":"complete"},…},"problems":[]}],
/// "summary":{…},"notices":[…]}`.
final class JSONScoreWriter: ScoreWriter {
    private let sink: ByteSink
    private var context: ScoreContext?
    private var first = true
    private var numbers = NumberCache()

    init(sink: ByteSink) { self.sink = sink }

    func begin(_ context: ScoreContext) throws {
        self.context = context
        var envelope = JSONObject()
        envelope.add("file", context.file)
        envelope.add("reading", context.reading)
        var seen: Set<String> = []
        envelope.add(
            "instruments",
            objects: context.scales.compactMap { planned in
                guard seen.insert(planned.instrument.id).inserted else { return nil }
                var instrument = JSONObject()
                instrument.add("id", planned.instrument.id)
                instrument.add("version", planned.instrument.version)
                return instrument
            })
        var policies = JSONObject()
        for planned in context.scales { policies.add(planned.id, planned.policy.description) }
        envelope.add("policies", object: policies)
        // The rows follow, one per line, as they are scored: the envelope stays open.
        try sink.write(envelope.opening + ",\"rows\":[\n")
    }

    func write(_ row: ScoredRow) throws {
        guard let context else { return }
        var o = JSONObject()
        o.add("row", row.row)
        o.add("source_id", row.sourceID)
        if context.hasPerson { o.add("person", row.person) }
        if context.hasWave { o.add("wave", row.wave) }
        o.add("status", "\(row.status)")
        if let reason = row.excludedBecause { o.add("reason", reason) } else { o.add("response", row.completion) }
        if let duplicate = row.duplicateOf { o.add("duplicate_of", duplicate) }
        var scores = JSONObject()
        if row.excludedBecause == nil {
            for score in row.scores {
                var entry = JSONObject()
                entry.raw("value", score.value.map { numbers.text($0) } ?? "null")
                if let raw = score.raw { entry.raw("raw", numbers.text(raw)) }
                if let label = score.label { entry.add("label", label) }
                entry.add("status", score.status.rawValue)
                if !score.missing.isEmpty { entry.add("missing", strings: score.missing) }
                if !score.invalid.isEmpty { entry.add("invalid", strings: score.invalid.map(\.item)) }
                if score.status == .prorated || score.status == .answeredSum { entry.add("policy", score.policy.description) }
                if !score.bands.isEmpty {
                    var bands = JSONObject()
                    for band in score.bands { bands.add(band.classification, band.label) }
                    entry.add("bands", object: bands)
                }
                scores.add(score.scale, object: entry)
            }
        }
        o.add("scores", object: scores)
        o.add(
            "problems",
            objects: row.problems.map { problem in
                var p = JSONObject()
                p.add("item", problem.item)
                p.add("column", problem.column)
                p.add("problem", problem.problem)
                return p
            })
        try sink.write((first ? "" : ",\n") + o.text)
        first = false
    }

    func end(_ tally: ScoreTally, notices: [String]) throws {
        var summary = JSONObject()
        summary.add("rows", tally.rows)
        summary.add("scored", tally.scored)
        summary.add("excluded", tally.excluded)
        summary.add("rows_with_problems", tally.rowsWithProblems)
        var scales = JSONObject()
        for planned in context?.scales ?? [] {
            let counts = tally.statuses[planned.id] ?? [:]
            var statuses = JSONObject()
            for status in ScaleScore.Status.allCases { statuses.add(status.rawValue, counts[status] ?? 0) }
            scales.add(planned.id, object: statuses)
        }
        summary.add("scales", object: scales)
        var closing = JSONObject()
        closing.add("summary", object: summary)
        closing.add("notices", strings: notices)
        // Closes the rows array, then the envelope's remaining fields and the envelope.
        try sink.write("\n]," + closing.text.dropFirst())
        try sink.write("\n")
    }
}

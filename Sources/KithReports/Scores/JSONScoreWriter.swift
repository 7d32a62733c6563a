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
        var instruments: [String] = []
        for planned in context.scales where !instruments.contains(where: { $0.contains("\"\(planned.instrument.id)\"") }) {
            instruments.append("{\"id\":\(TextFormat.json(planned.instrument.id)),\"version\":\(TextFormat.json(planned.instrument.version))}")
        }
        let policies = context.scales.map { "\(TextFormat.json($0.id)):\(TextFormat.json($0.policy.description))" }
        try sink.write(
            "{\"file\":\(TextFormat.json(context.file)),\"reading\":\(TextFormat.json(context.reading)),\"instruments\":[\(instruments.joined(separator: ","))],\"policies\":{\(policies.joined(separator: ","))},\"rows\":[\n"
        )
    }

    func write(_ row: ScoredRow) throws {
        guard let context else { return }
        var text = first ? "" : ",\n"
        first = false
        text += "{\"row\":\(row.row),\"source_id\":\(TextFormat.json(row.sourceID))"
        if context.hasPerson { text += ",\"person\":\(TextFormat.json(row.person))" }
        if context.hasWave { text += ",\"wave\":\(TextFormat.json(row.wave))" }
        text += ",\"status\":\"\(row.status)\""
        if let reason = row.excludedBecause {
            text += ",\"reason\":\(TextFormat.json(reason))"
        } else {
            text += ",\"response\":\(TextFormat.json(row.completion))"
        }
        if let duplicate = row.duplicateOf { text += ",\"duplicate_of\":\(duplicate)" }
        text += ",\"scores\":{"
        if row.excludedBecause == nil {
            text += row.scores.map { score in
                var entry = "\(TextFormat.json(score.scale)):{\"value\":\(score.value.map { numbers.text($0) } ?? "null")"
                if let raw = score.raw { entry += ",\"raw\":\(numbers.text(raw))" }
                if let label = score.label { entry += ",\"label\":\(TextFormat.json(label))" }
                entry += ",\"status\":\"\(score.status.rawValue)\""
                if !score.missing.isEmpty { entry += ",\"missing\":[\(score.missing.map { TextFormat.json($0) }.joined(separator: ","))]" }
                if !score.invalid.isEmpty { entry += ",\"invalid\":[\(score.invalid.map { TextFormat.json($0.item) }.joined(separator: ","))]" }
                if score.status == .prorated { entry += ",\"policy\":\(TextFormat.json(score.policy.description))" }
                if !score.bands.isEmpty {
                    entry +=
                        ",\"bands\":{"
                        + score.bands.map { "\(TextFormat.json($0.classification)):\(TextFormat.json($0.label))" }.joined(separator: ",") + "}"
                }
                return entry + "}"
            }.joined(separator: ",")
        }
        text += "},\"problems\":["
        text += row.problems.map {
            "{\"item\":\(TextFormat.json($0.item)),\"column\":\(TextFormat.json($0.column)),\"problem\":\(TextFormat.json($0.problem))}"
        }.joined(separator: ",")
        text += "]}"
        try sink.write(text)
    }

    func end(_ tally: ScoreTally, notices: [String]) throws {
        let scales = (context?.scales ?? []).map { planned in
            let counts = tally.statuses[planned.id] ?? [:]
            let fields = ScaleScore.Status.allCases.map { "\"\($0.rawValue)\":\(counts[$0] ?? 0)" }.joined(separator: ",")
            return "\(TextFormat.json(planned.id)):{\(fields)}"
        }.joined(separator: ",")
        try sink.write(
            "\n],\"summary\":{\"rows\":\(tally.rows),\"scored\":\(tally.scored),\"excluded\":\(tally.excluded),\"rows_with_problems\":\(tally.rowsWithProblems),\"scales\":{\(scales)}},"
        )
        try sink.write("\"notices\":[\(notices.map { TextFormat.json($0) }.joined(separator: ","))]}\n")
    }
}

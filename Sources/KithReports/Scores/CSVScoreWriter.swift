import KithCore

/// One line per data row: row, ids, status, then for each scale its value,
/// status and (where they apply) raw sum, label, bands and missing items;
/// problems last. Notices go to the end as `#` lines are not CSV, so they are
/// returned to the caller for standard error instead.
final class CSVScoreWriter: ScoreWriter {
    private let sink: ByteSink
    private var context: ScoreContext?
    private var cells = CSVScoreCells()

    init(sink: ByteSink) { self.sink = sink }

    func begin(_ context: ScoreContext) throws {
        self.context = context
        var header = ["row", "source_id"]
        if context.hasPerson { header.append("person") }
        if context.hasWave { header.append("wave") }
        header += ["status", "reason"]
        for planned in context.scales {
            header.append(planned.id)
            if planned.scale.conversion != nil { header.append("\(planned.id).raw") }
            if planned.scale.method == .single { header.append("\(planned.id).label") }
            for classification in planned.classifications { header.append("\(planned.id).\(classification.id)") }
            header += ["\(planned.id).status", "\(planned.id).missing"]
        }
        header.append("problems")
        try sink.write(header.map(TextFormat.csv).joined(separator: ",") + "\n")
    }

    func write(_ row: ScoredRow) throws {
        guard let context else { return }
        try sink.write(String(row.row))
        sink.write(byte: 0x2C)
        if let id = row.sourceID { try sink.write(TextFormat.csv(id)) }
        if context.hasPerson {
            sink.write(byte: 0x2C)
            if let person = row.person { try sink.write(TextFormat.csv(person)) }
        }
        if context.hasWave {
            sink.write(byte: 0x2C)
            if let wave = row.wave { try sink.write(TextFormat.csv(wave)) }
        }
        sink.write(byte: 0x2C)
        try sink.write(row.status)
        sink.write(byte: 0x2C)
        if let reason = row.excludedBecause { try sink.write(TextFormat.csv(reason)) }
        for (index, planned) in context.scales.enumerated() {
            try sink.write(cells.scale(planned, index < row.scores.count ? row.scores[index] : nil))
        }
        sink.write(byte: 0x2C)
        if !row.problems.isEmpty {
            try sink.write(TextFormat.csv(row.problems.map { "\($0.item) ('\($0.column)'): \($0.problem)" }.joined(separator: "; ")))
        }
        try sink.write(bytes: CollectionOfOne(0x0A))
    }

    func end(_ tally: ScoreTally, notices: [String]) throws {}
}

/// The cells one scale adds to a line of `kith score --format csv`: value, raw sum,
/// label, bands, status and missing items, each after a comma. Shared by the writer
/// and the fast scoring path so both write the same bytes.
package struct CSVScoreCells {
    private var numbers = NumberCache()

    package init() {}

    package mutating func scale(_ planned: ScoringPlan.PlannedScale, _ score: ScaleScore?) -> String {
        var text = ","
        if let value = score?.value { text += numbers.text(value) }
        if planned.scale.conversion != nil {
            text += ","
            if let raw = score?.raw { text += numbers.text(raw) }
        }
        if planned.scale.method == .single {
            text += ","
            if let label = score?.label { text += TextFormat.csv(label) }
        }
        for classification in planned.classifications {
            text += ","
            if let band = score?.bands.first(where: { $0.classification == classification.id }) { text += TextFormat.csv(band.label) }
        }
        text += ","
        if let score { text += score.status.rawValue }
        text += ","
        if let missing = score?.missing, !missing.isEmpty { text += missing.joined(separator: " ") }
        return text
    }
}

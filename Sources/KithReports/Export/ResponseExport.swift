import KithCore
import KithStore

/// Formats of `kith export`.
public enum ExportFormat: String, Sendable, CaseIterable { case csv, json }

/// A survey's stored responses written out with their scores: one row per
/// response, item answers as codes, the survey's own questions as text, then
/// each scale's value and status. Identifiers appear only as their keyed
/// hashes (or as given, if imported with `--keep-ids`); columns dropped at
/// import were never stored.
public enum ResponseExport {
    public static func write(store: Store, survey: Survey, wave: String?, format: ExportFormat, to sink: ByteSink) throws -> Int {
        let questions = try store.questions(survey: survey)
        let scorings = try store.scorings()
        var scaleNames: [String] = []
        var hasRaw: [String: Bool] = [:]
        for id in scorings.keys.sorted() {
            for scale in scorings[id] ?? [] where !scaleNames.contains(scale.scale) {
                scaleNames.append(scale.scale)
                hasRaw[scale.scale] = scale.hasRaw
            }
        }
        let fixed = [
            "response", "batch", "source_row", "source_id", "person", "person_id", "wave", "provider", "started_at", "submitted_at", "status", "flag"
        ]
        var header = fixed + questions.map { $0.item ?? $0.text }
        for scale in scaleNames {
            header.append(scale)
            if hasRaw[scale] == true { header.append("\(scale).raw") }
            header.append("\(scale).status")
        }
        let byPosition = Dictionary(uniqueKeysWithValues: questions.enumerated().map { ($0.element.position, $0.offset) })
        if format == .csv { try sink.write(header.map(TextFormat.csv).joined(separator: ",") + "\n") } else { try sink.write("[") }
        var count = 0
        try store.forEachResponse(survey: survey, wave: wave) { response in
            var cells = [String](repeating: "", count: questions.count)
            try response.answers.withUnsafeBufferPointer { blob in
                try AnswerCoding.forEachAnswer(blob) { position, value in
                    guard let index = byPosition[position] else { return }
                    switch value {
                    case .code(let code), .missingCode(let code): cells[index] = String(code)
                    case .invalid(let id), .value(let id): cells[index] = questions[index].values[id] ?? ""
                    }
                }
            }
            let scales = scorings[response.scoring] ?? []
            let scores = try response.scores.withUnsafeBufferPointer { try AnswerCoding.decodeScores($0, hasRaw: scales.map(\.hasRaw)) }
            var scoreByName: [String: AnswerCoding.StoredScore] = [:]
            for (scale, score) in zip(scales, scores) { scoreByName[scale.scale] = score }
            let person = response.personKey.map { Hex.encode($0.prefix(8)) }
            let fixedValues: [String?] = [
                String(response.id), String(response.batch), String(response.sourceRow), response.sourceID, person, response.personID,
                response.wave, response.provider, response.startedAt, response.submittedAt,
                response.partial ? "partial" : "complete", response.flag
            ]
            if format == .csv {
                var line = fixedValues.map { TextFormat.csv($0 ?? "") } + cells.map(TextFormat.csv)
                for scale in scaleNames {
                    let score = scoreByName[scale]
                    line.append(score?.value.map(TextFormat.number) ?? "")
                    if hasRaw[scale] == true { line.append(score?.raw.map(TextFormat.number) ?? "") }
                    line.append(score.map { statusName($0.status) } ?? "")
                }
                try sink.write(line.joined(separator: ",") + "\n")
            } else {
                var object = JSONObject()
                for (name, value) in zip(fixed, fixedValues) { object.raw(name, fixedJSON(name, value)) }
                var answers = JSONObject()
                for (question, cell) in zip(questions, cells) where !cell.isEmpty {
                    // An item's code is written as a number; other answers as text.
                    answers.raw(question.item ?? question.text, question.item != nil && Int(cell) != nil ? cell : TextFormat.json(cell))
                }
                object.add("answers", object: answers)
                var scores = JSONObject()
                for scale in scaleNames {
                    guard let score = scoreByName[scale] else { continue }
                    var entry = JSONObject()
                    entry.add("value", score.value)
                    if let raw = score.raw { entry.add("raw", raw) }
                    entry.add("status", statusName(score.status))
                    scores.add(scale, object: entry)
                }
                object.add("scores", object: scores)
                try sink.write((count == 0 ? "\n" : ",\n") + object.text)
            }
            count += 1
        }
        if format == .json { try sink.write("\n]\n") }
        return count
    }

    private static func fixedJSON(_ name: String, _ value: String?) -> String {
        guard let value else { return "null" }
        return ["response", "batch", "source_row"].contains(name) ? value : TextFormat.json(value)
    }

    static func statusName(_ status: AnswerCoding.StoredScore.Status) -> String {
        switch status {
        case .complete: "complete"
        case .prorated: "prorated"
        case .answeredSum: ScaleScore.Status.answeredSum.rawValue
        case .incomplete: "incomplete"
        case .invalid: "invalid"
        }
    }
}

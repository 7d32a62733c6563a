import Foundation
import KithCore

/// A question of a stored survey.
package struct StoredQuestion: Sendable, Hashable {
    package var id: Int
    /// Index used in answers blobs.
    package var position: Int
    package var key: String
    package var text: String
    package var item: String?
    package var kind: QuestionKind
    package var identifying: Bool
    package var details: QuestionDetails
    /// Answer texts by value id (the survey's own questions, and unreadable item answers).
    package var values: [Int: String]
}

/// A stored response, as read back.
package struct StoredResponse: Sendable {
    package var id: Int
    package var batch: Int
    /// The keyed hash of the person id (pairs waves without revealing the id).
    package var personKey: [UInt8]?
    /// Present only when imported with `--keep-ids`.
    package var sourceID: String?
    package var personID: String?
    package var wave: String?
    package var provider: String?
    package var startedAt: String?
    package var submittedAt: String?
    package var partial: Bool
    package var flag: String?
    package var sourceRow: Int
    package var answers: [UInt8]
    package var scoring: Int
    package var scores: [UInt8]
}

extension Store {
    /// The survey's questions, in position order.
    package func questions(survey: Survey) throws -> [StoredQuestion] {
        var questions = try db.query(
            "SELECT id, position, key, text, item, kind, identifying, details FROM question WHERE survey_id = ? ORDER BY position", survey.id
        ) { row in
            StoredQuestion(
                id: row.int(at: 0) ?? 0, position: row.int(at: 1) ?? 0, key: row.string(at: 2) ?? "", text: row.string(at: 3) ?? "",
                item: row.string(at: 4), kind: row.string(at: 5).flatMap(QuestionKind.init(rawValue:)) ?? .freeText,
                identifying: (row.int(at: 6) ?? 0) != 0,
                details: (try? JSONDecoder().decode(QuestionDetails.self, from: Data((row.string(at: 7) ?? "{}").utf8))) ?? QuestionDetails(),
                values: [:])
        }
        let index = Dictionary(uniqueKeysWithValues: questions.enumerated().map { ($0.element.id, $0.offset) })
        for (question, id, text) in try db.query(
            """
            SELECT v.question_id, v.id, v.text FROM question_value v JOIN question q ON q.id = v.question_id WHERE q.survey_id = ?
            """, survey.id, row: { ($0.int(at: 0) ?? 0, $0.int(at: 1) ?? 0, $0.string(at: 2) ?? "") })
        {
            if let at = index[question] { questions[at].values[id] = text }
        }
        return questions
    }

    /// Every scoring description, by id.
    package func scorings() throws -> [Int: [ScaleScoring]] {
        var result: [Int: [ScaleScoring]] = [:]
        for (id, text) in try db.query("SELECT id, scales FROM scoring", row: { ($0.int(at: 0) ?? 0, $0.string(at: 1) ?? "[]") }) {
            guard let scales = try? JSONDecoder().decode([ScaleScoring].self, from: Data(text.utf8)) else {
                throw StoreError.corrupt("scoring \(id) cannot be read")
            }
            result[id] = scales
        }
        return result
    }

    /// The distinct waves of a survey, in the order first imported.
    public func waves(survey: Survey) throws -> [String] {
        var waves: [String] = []
        var seen: Set<String> = []
        for text in try db.query("SELECT waves FROM response_block WHERE survey_id = ? ORDER BY id", survey.id, row: { $0.string(at: 0) ?? "[]" }) {
            for wave in try ResponseBlock.waves(text) where seen.insert(wave).inserted { waves.append(wave) }
        }
        return waves
    }

    /// Calls `body` with every stored response of a survey (optionally one wave), in import order.
    package func forEachResponse(survey: Survey, wave: String? = nil, _ body: (StoredResponse) throws -> Void) throws {
        func text(_ bytes: UnsafeBufferPointer<UInt8>?) -> String? { bytes.map { String(decoding: $0, as: UTF8.self) } }
        try forEachStoredRow(survey: survey.id, wave: wave) { block, row in
            try body(
                StoredResponse(
                    id: block.firstID + row.slot, batch: block.batch, personKey: row.personKey.map(Array.init),
                    sourceID: text(row.sourceID), personID: text(row.personID), wave: text(row.wave), provider: text(row.provider),
                    startedAt: text(row.startedAt), submittedAt: text(row.submittedAt), partial: row.partial, flag: text(row.flag),
                    sourceRow: row.sourceRow, answers: Array(row.answers), scoring: block.scoring, scores: Array(row.scores)))
        }
    }

    /// The number of responses of a survey (optionally one wave).
    public func responseCount(survey: Survey, wave: String? = nil) throws -> Int {
        if wave != nil {
            var count = 0
            try forEachStoredRow(survey: survey.id, wave: wave) { _, _ in count += 1 }
            return count
        }
        let stored = try db.scalar("SELECT sum(count) FROM response_block WHERE survey_id = ?", survey.id, as: Int.self) ?? 0
        return stored - (try removedLocations(survey: survey.id).count)
    }
}

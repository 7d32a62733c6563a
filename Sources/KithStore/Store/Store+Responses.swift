import Foundation

/// A question of a stored survey.
public struct StoredQuestion: Sendable, Hashable {
    public var id: Int
    /// Index used in answers blobs.
    public var position: Int
    public var key: String
    public var text: String
    public var item: String?
    public var kind: String
    public var identifying: Bool
    public var details: QuestionDetails
    /// Answer texts by value id (the survey's own questions, and unreadable item answers).
    public var values: [Int: String]
}

/// A stored response, as read back.
public struct StoredResponse: Sendable {
    public var id: Int
    public var batch: Int
    /// The keyed hash of the person id (pairs waves without revealing the id).
    public var personKey: [UInt8]?
    /// Present only when imported with `--keep-ids`.
    public var sourceID: String?
    public var personID: String?
    public var wave: String?
    public var provider: String?
    public var startedAt: String?
    public var submittedAt: String?
    public var partial: Bool
    public var flag: String?
    public var sourceRow: Int
    public var answers: [UInt8]
    public var scoring: Int
    public var scores: [UInt8]
}

extension Store {
    /// The survey's questions, in position order.
    public func questions(survey: Survey) throws -> [StoredQuestion] {
        var questions = try db.query("SELECT id, position, key, text, item, kind, identifying, details FROM question WHERE survey_id = ? ORDER BY position", survey.id) { row in
            StoredQuestion(id: row.int(at: 0) ?? 0, position: row.int(at: 1) ?? 0, key: row.string(at: 2) ?? "", text: row.string(at: 3) ?? "",
                           item: row.string(at: 4), kind: row.string(at: 5) ?? "free-text", identifying: (row.int(at: 6) ?? 0) != 0,
                           details: (try? JSONDecoder().decode(QuestionDetails.self, from: Data((row.string(at: 7) ?? "{}").utf8))) ?? QuestionDetails(),
                           values: [:])
        }
        let index = Dictionary(uniqueKeysWithValues: questions.enumerated().map { ($0.element.id, $0.offset) })
        for (question, id, text) in try db.query("""
            SELECT v.question_id, v.id, v.text FROM question_value v JOIN question q ON q.id = v.question_id WHERE q.survey_id = ?
            """, survey.id, row: { ($0.int(at: 0) ?? 0, $0.int(at: 1) ?? 0, $0.string(at: 2) ?? "") }) {
            if let at = index[question] { questions[at].values[id] = text }
        }
        return questions
    }

    /// Every scoring description, by id.
    public func scorings() throws -> [Int: [ScaleScoring]] {
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
        try db.query("SELECT wave FROM response WHERE survey_id = ? AND wave IS NOT NULL GROUP BY wave ORDER BY min(id)", survey.id) { $0.string(at: 0) ?? "" }
    }

    /// Calls `body` with every stored response of a survey (optionally one wave), in import order.
    public func forEachResponse(survey: Survey, wave: String? = nil, _ body: (StoredResponse) throws -> Void) throws {
        let statement = try responses(columns: """
            id, batch_id, person_key, source_id, person_id, wave, provider, started_at, submitted_at, status, flag, source_row,
            answers, scoring_id, scores
            """, survey: survey, wave: wave)
        defer { statement.reset() }
        while try statement.step() == .row {
            try body(StoredResponse(
                id: statement.int(at: 0) ?? 0, batch: statement.int(at: 1) ?? 0, personKey: statement.blob(at: 2),
                sourceID: statement.string(at: 3), personID: statement.string(at: 4), wave: statement.string(at: 5),
                provider: statement.string(at: 6), startedAt: statement.string(at: 7), submittedAt: statement.string(at: 8),
                partial: statement.string(at: 9) == "partial", flag: statement.string(at: 10), sourceRow: statement.int(at: 11) ?? 0,
                answers: statement.blob(at: 12) ?? [], scoring: statement.int(at: 13) ?? 0, scores: statement.blob(at: 14) ?? []))
        }
    }

    /// The number of responses of a survey (optionally one wave).
    public func responseCount(survey: Survey, wave: String? = nil) throws -> Int {
        if let wave { return try db.scalar("SELECT count(*) FROM response WHERE survey_id = ? AND wave = ?", survey.id, wave, as: Int.self) ?? 0 }
        return try db.scalar("SELECT count(*) FROM response WHERE survey_id = ?", survey.id, as: Int.self) ?? 0
    }

    /// A prepared, bound `SELECT columns` over a survey's responses (optionally one wave) in import order.
    ///
    /// `+survey_id` scans the table in rowid (= import) order; through the identity index SQLite
    /// would read the rows at random and sort them, blobs and all.
    func responses(columns: String, survey: Survey, wave: String?) throws -> Statement {
        let statement = try db.prepare("SELECT \(columns) FROM response WHERE +survey_id = ?\(wave == nil ? "" : " AND wave = ?") ORDER BY id")
        statement.reset()
        try statement.bind(survey.id, at: 1)
        if let wave { try statement.bind(wave, at: 2) }
        return statement
    }
}

/// Adds the rows of one import batch inside its transaction (see `Store.importBatch`).
public final class ImportSession {
    private let store: Store
    private let surveyID: Int
    private let batchID: Int
    private let scoringID: Int
    private let target: ImportTarget
    private let pseudonymizer: Pseudonymizer
    private let hasRaw: [Bool]
    /// Survey position of each question index, and the question indexes in position order.
    private var positions: [Int] = []
    private var order: [Int] = []
    private var questionIDs: [Int] = []
    /// Per question index: text → value id, and the next id.
    private var values: [[String: Int]] = []
    private var nextValue: [Int] = []
    private var occurrences: [Int64: Int] = [:]
    private let insert: Statement
    private let insertValue: Statement
    private var scratch: [UInt8] = []

    private(set) var rowsRead = 0
    private(set) var added = 0
    private(set) var unchanged = 0
    private(set) var repeatedInFile = 0
    private(set) var replaced = 0
    private(set) var kept = 0
    private(set) var flagged = 0
    /// Data rows whose answers differ from the stored response.
    private(set) var conflicts: [Int] = []

    init(store: Store, survey: Survey, batch: Int, scoring: Int, questions: [ImportQuestion], scales: [ScaleScoring],
         target: ImportTarget, pseudonymizer: Pseudonymizer) throws {
        self.store = store
        self.surveyID = survey.id
        self.batchID = batch
        self.scoringID = scoring
        self.target = target
        self.pseudonymizer = pseudonymizer
        self.hasRaw = scales.map(\.hasRaw)
        let db = store.db
        insert = try db.prepare("""
            INSERT INTO response (survey_id, batch_id, response_key, person_key, source_id, person_id, wave, provider, started_at,
                                  submitted_at, status, flag, source_row, content_hash, answers, scoring_id, scores)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (survey_id, response_key) DO NOTHING
            """)
        insertValue = try db.prepare("INSERT INTO question_value (question_id, id, text) VALUES (?, ?, ?)")

        var existing: [String: (id: Int, position: Int)] = [:]
        for (key, id, position) in try db.query("SELECT key, id, position FROM question WHERE survey_id = ?", survey.id, row: { ($0.string(at: 0) ?? "", $0.int(at: 1) ?? 0, $0.int(at: 2) ?? 0) }) {
            existing[key] = (id, position)
        }
        var nextPosition = (try db.scalar("SELECT max(position) FROM question WHERE survey_id = ?", survey.id, as: Int.self) ?? -1) + 1
        for question in questions {
            if let found = existing[question.key] {
                positions.append(found.position)
                questionIDs.append(found.id)
            } else {
                try db.execute("INSERT INTO question (survey_id, position, key, text, item, kind, identifying) VALUES (?, ?, ?, ?, ?, ?, ?)",
                               survey.id, nextPosition, question.key, question.text, question.item, question.kind, question.identifying)
                existing[question.key] = (Int(db.lastInsertRowID), nextPosition)
                positions.append(nextPosition)
                questionIDs.append(Int(db.lastInsertRowID))
                nextPosition += 1
            }
            var known: [String: Int] = [:]
            var next = 0
            for (id, text) in try db.query("SELECT id, text FROM question_value WHERE question_id = ?", questionIDs.last!, row: { ($0.int(at: 0) ?? 0, $0.string(at: 1) ?? "") }) {
                known[text] = id
                next = max(next, id + 1)
            }
            values.append(known)
            nextValue.append(next)
        }
        order = positions.indices.sorted { positions[$0] < positions[$1] }
    }

    private func valueID(_ text: String, question index: Int) throws -> Int {
        if let id = values[index][text] { return id }
        let id = nextValue[index]
        nextValue[index] += 1
        values[index][text] = id
        insertValue.reset()
        try insertValue.bind(questionIDs[index], at: 1)
        try insertValue.bind(id, at: 2)
        try insertValue.bind(text, at: 3)
        _ = try insertValue.step()
        return id
    }

    /// Keyed hashes are stored truncated to 128 bits: ample against collisions
    /// (about 10⁻²⁷ for a million responses) and half the size of the identity index.
    static let keyLength = 16

    /// Adds one response.
    public func add(_ row: ImportRow) throws {
        rowsRead += 1
        scratch.removeAll(keepingCapacity: true)
        for index in order {
            guard index < row.answers.count, let answer = row.answers[index] else { continue }
            let value: AnswerCoding.Value
            switch answer {
            case .code(let code): value = .code(code)
            case .missingCode(let code): value = .missingCode(code)
            case .invalid(let text): value = .invalid(valueID: try valueID(text, question: index))
            case .text(let text): value = .value(id: try valueID(text, question: index))
            }
            AnswerCoding.append(position: positions[index], value, to: &scratch)
        }
        let answers = scratch
        let hash = AnswerCoding.contentHash(answers)
        var responseKey: [UInt8]
        if let sourceID = row.sourceID {
            responseKey = pseudonymizer.keyBytes(Array(sourceID.utf8), namespace: "respondent")
        } else if let personID = row.personID {
            // No response id: a person answers once per wave.
            responseKey = pseudonymizer.keyBytes(Array(personID.utf8) + [0] + Array((row.wave ?? "").utf8), namespace: "person-wave")
        } else {
            // No response id: the content identifies the response; identical rows are told apart by their order.
            let occurrence = occurrences[hash, default: 0]
            occurrences[hash] = occurrence + 1
            var identity = Array((row.submittedAt ?? "").utf8) + [0] + Array((row.personID ?? "").utf8) + [0] + Array((row.wave ?? "").utf8) + [0]
            identity += answers
            identity += Array("#\(occurrence)".utf8)
            responseKey = pseudonymizer.keyBytes(identity, namespace: "content")
        }
        let personKey = row.personID.map { Array(pseudonymizer.keyBytes(Array($0.utf8), namespace: "person").prefix(Self.keyLength)) }
        responseKey.removeLast(responseKey.count - Self.keyLength)
        let scores = AnswerCoding.encodeScores(row.scores, hasRaw: hasRaw)
        try bindAndInsert(row, responseKey: responseKey, personKey: personKey, hash: hash, answers: answers, scores: scores)
        if store.db.changes > 0 {
            added += 1
            if row.flag != nil { flagged += 1 }
            return
        }
        guard let (existingID, existingHash, existingBatch) = try store.db.query(
            "SELECT id, content_hash, batch_id FROM response WHERE survey_id = ? AND response_key = ?", surveyID, responseKey,
            row: { ($0.int(at: 0) ?? 0, $0.int64(at: 1) ?? 0, $0.int(at: 2) ?? 0) }).first else {
            throw StoreError.corrupt("a response that conflicts on insert cannot be found")
        }
        if existingHash == hash {
            if existingBatch == batchID { repeatedInFile += 1 } else { unchanged += 1 }
            return
        }
        switch target.onConflict {
        case .fail:
            conflicts.append(row.sourceRow)
        case .keep:
            kept += 1
        case .replace:
            try store.db.execute("""
                INSERT INTO replaced_response SELECT id, ?, survey_id, batch_id, response_key, person_key, source_id, person_id, wave, provider,
                    started_at, submitted_at, status, flag, source_row, content_hash, answers, scoring_id, scores FROM response WHERE id = ?
                """, batchID, existingID)
            try store.db.execute("DELETE FROM response WHERE id = ?", existingID)
            try bindAndInsert(row, responseKey: responseKey, personKey: personKey, hash: hash, answers: answers, scores: scores)
            replaced += 1
        }
    }

    private func bindAndInsert(_ row: ImportRow, responseKey: [UInt8], personKey: [UInt8]?, hash: Int64, answers: [UInt8], scores: [UInt8]) throws {
        insert.reset()
        try insert.bind(surveyID, at: 1)
        try insert.bind(batchID, at: 2)
        try insert.bind(responseKey, at: 3)
        try insert.bind(personKey, at: 4)
        try insert.bind(target.keepIDs ? row.sourceID : nil, at: 5)
        try insert.bind(target.keepIDs ? row.personID : nil, at: 6)
        try insert.bind(row.wave, at: 7)
        try insert.bind(row.provider, at: 8)
        try insert.bind(row.startedAt, at: 9)
        try insert.bind(row.submittedAt, at: 10)
        try insert.bind(row.partial ? "partial" : "complete", at: 11)
        try insert.bind(row.flag, at: 12)
        try insert.bind(row.sourceRow, at: 13)
        try insert.bind(hash, at: 14)
        try insert.bind(answers, at: 15)
        try insert.bind(scoringID, at: 16)
        try insert.bind(scores, at: 17)
        _ = try insert.step()
    }
}

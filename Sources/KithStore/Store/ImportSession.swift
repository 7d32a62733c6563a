import Foundation
import KithCore

/// Adds the rows of one import batch inside its transaction (see `Store.importBatch`).
///
/// The work is split across two threads: the caller's thread reads, scores and
/// encodes each row (`setAnswer`/`setTime`/`commitRow` in ImportSession+Rows.swift,
/// or `add` for a whole `ImportRow`) into a block's byte arena, and a writer thread
/// inserts the encoded rows into SQLite, a block at a time. Only the writer touches
/// the connection until `finish()`.
///
/// The writer tells new responses from stored ones by key and packs the new ones
/// into blocks (`ResponseBlock`): no SQLite row or index entry per response.
///
/// The row-building state is `@exclusivity(unchecked)`: one thread uses a
/// session, and no method hands out one of these properties while another
/// touches it, so the per-access runtime checks, paid on every row, buy
/// nothing here.
package final class ImportSession {
    private let surveyID: Int
    private let batchID: Int
    let scoringID: Int
    let target: ImportTarget
    let pseudonymizer: Pseudonymizer
    let hasRaw: [Bool]
    /// Survey position of each question index, and the question indexes in position order.
    @exclusivity(unchecked)
    var positions: [Int] = []
    @exclusivity(unchecked)
    var order: [Int] = []
    @exclusivity(unchecked)
    private var questionIDs: [Int] = []
    /// Per question index: text → value id, and the next id.
    @exclusivity(unchecked)
    private var values: [[String: Int]] = []
    @exclusivity(unchecked)
    private var nextValue: [Int] = []
    @exclusivity(unchecked)
    private var byteCaches: [[(bytes: [UInt8], id: Int)]] = []
    @exclusivity(unchecked)
    var occurrences: [Int64: Int] = [:]
    /// Bytes of the pending rows (answers, scores, keys), and the rows.
    @exclusivity(unchecked)
    var arena: [UInt8] = []
    @exclusivity(unchecked)
    var pending: [EncodedRow] = []
    @exclusivity(unchecked)
    private var newValues: [(question: Int, id: Int, text: String)] = []
    private let writer: Writer
    static let blockSize = 4096
    /// The row being built (fast path): answers by question index, and where its bytes start.
    /// Buffers rather than arrays: an array property's element write checks its uniqueness.
    let rowValues: UnsafeMutableBufferPointer<AnswerCoding.Value?>
    @exclusivity(unchecked)
    var rowStart = 0
    /// The row's times (`TimeField`): spans relative to `rowStart`.
    let rowTimes = UnsafeMutableBufferPointer<EncodedRow.Span?>.allocate(capacity: 2)
    /// Where `commitRow` encodes a row before appending it to `arena`.
    @exclusivity(unchecked)
    var scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1024)

    @exclusivity(unchecked)
    var rowsRead = 0
    var added: Int { writer.counts.added }
    var unchanged: Int { writer.counts.unchanged }
    var repeatedInFile: Int { writer.counts.repeatedInFile }
    var replaced: Int { writer.counts.replaced }
    var kept: Int { writer.counts.kept }
    var flagged: Int { writer.counts.flagged }
    /// Data rows whose answers differ from the stored response.
    var conflicts: [Int] { writer.counts.conflicts }

    /// Keyed hashes are stored truncated to 128 bits: ample against collisions
    /// (about 10⁻²⁷ for a million responses) and half the size of the full hash.
    static let keyLength = ResponseBlock.keyLength

    init(
        store: Store, survey: Survey, batch: Int, scoring: Int, questions: [ImportQuestion], scales: [ScaleScoring],
        target: ImportTarget, pseudonymizer: Pseudonymizer
    ) throws {
        self.surveyID = survey.id
        self.batchID = batch
        self.scoringID = scoring
        self.target = target
        self.pseudonymizer = pseudonymizer
        self.hasRaw = scales.map(\.hasRaw)
        let db = store.db

        var existing: [String: (id: Int, position: Int)] = [:]
        for (key, id, position) in try db.query(
            "SELECT key, id, position FROM question WHERE survey_id = ?", survey.id,
            row: { ($0.string(at: 0) ?? "", $0.int(at: 1) ?? 0, $0.int(at: 2) ?? 0) })
        {
            existing[key] = (id, position)
        }
        var nextPosition = (try db.scalar("SELECT max(position) FROM question WHERE survey_id = ?", survey.id, as: Int.self) ?? -1) + 1
        for question in questions {
            if let found = existing[question.key] {
                positions.append(found.position)
                questionIDs.append(found.id)
            } else {
                try db.execute(
                    "INSERT INTO question (survey_id, position, key, text, item, kind, identifying, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    survey.id, nextPosition, question.key, question.text, question.item, question.kind.rawValue, question.identifying,
                    Store.json(question.details))
                existing[question.key] = (Int(db.lastInsertRowID), nextPosition)
                positions.append(nextPosition)
                questionIDs.append(Int(db.lastInsertRowID))
                nextPosition += 1
            }
            var known: [String: Int] = [:]
            var next = 0
            for (id, text) in try db.query(
                "SELECT id, text FROM question_value WHERE question_id = ?", questionIDs.last!, row: { ($0.int(at: 0) ?? 0, $0.string(at: 1) ?? "") })
            {
                known[text] = id
                next = max(next, id + 1)
            }
            values.append(known)
            nextValue.append(next)
            byteCaches.append([])
        }
        let known = positions
        order = known.indices.sorted { known[$0] < known[$1] }
        rowValues = .allocate(capacity: questions.count)
        rowValues.initialize(repeating: nil)
        rowTimes.initialize(repeating: nil)
        writer = try Writer(
            store: store, surveyID: survey.id, batchID: batch, scoringID: scoring, policy: target.onConflict,
            pseudonymizer: pseudonymizer)
        writer.start()
    }

    deinit {
        scratch.deallocate()
        rowValues.deallocate() // trivial values: nothing to deinitialize
        rowTimes.deallocate()
    }

    /// The value id of a cell of question `index` (0-based in the session's
    /// questions), remembering recent distinct cells so most rows cost a byte comparison.
    package func valueID(_ bytes: UnsafeBufferPointer<UInt8>, question index: Int) throws -> Int {
        let cache = byteCaches[index]
        for entry in cache where entry.bytes.count == bytes.count {
            if sameBytes(entry.bytes, bytes) { return entry.id }
        }
        let id = valueID(String(decoding: bytes, as: UTF8.self), question: index)
        if cache.count < 64 { byteCaches[index].append((Array(bytes), id)) }
        return id
    }

    /// The value id of an answer text of question `index`.
    package func valueID(_ text: String, question index: Int) -> Int {
        if let id = values[index][text] { return id }
        let id = nextValue[index]
        nextValue[index] += 1
        values[index][text] = id
        newValues.append((questionIDs[index], id, text))
        return id
    }

    /// Adds one response (the general path; `kith import` builds rows in place
    /// with `setAnswer`, `setTime` and `commitRow`).
    package func add(_ row: ImportRow) throws {
        for (index, answer) in row.answers.enumerated() {
            if let answer { setAnswer(answer, question: index) }
        }
        if let started = row.startedAt { setTime(.started) { $0.append(contentsOf: started.utf8) } }
        if let submitted = row.submittedAt { setTime(.submitted) { $0.append(contentsOf: submitted.utf8) } }
        var sourceID = row.sourceID ?? ""
        var personID = row.personID ?? ""
        try sourceID.withUTF8 { source in
            try personID.withUTF8 { person in
                try commitRow(
                    sourceRow: row.sourceRow, sourceID: source, personID: person, wave: row.wave, provider: row.provider,
                    partial: row.partial, flag: row.flag, scores: row.scores)
            }
        }
    }

    /// Hands the pending rows and their bytes to the writer. Bytes past the last
    /// pending row (those of a row being added) move to the start of the new
    /// arena; the returned cut is how far they moved.
    @discardableResult
    func send() throws -> Int {
        let cut = rowStart
        let carried = Array(arena[cut...])
        arena.removeLast(arena.count - cut)
        try writer.submit(Writer.Block(values: newValues, rows: pending, bytes: arena))
        pending = []
        pending.reserveCapacity(Self.blockSize)
        newValues = []
        arena = []
        arena.reserveCapacity(Self.blockSize * 96)
        arena.append(contentsOf: carried)
        rowStart = 0
        return cut
    }

    /// Writes what is left and waits for the writer.
    func finish() throws {
        try send()
        try writer.finish()
    }

    /// Stops the writer after a failure elsewhere (the transaction rolls back).
    func abandon() {
        writer.abandon()
    }
}

/// A row ready for SQLite: plain data (copying one retains nothing), its bytes and
/// texts spans of its block's arena.
struct EncodedRow: Sendable {
    struct Span: Sendable {
        var start: Int32, end: Int32
        init(_ start: Int, _ end: Int) {
            self.start = Int32(start)
            self.end = Int32(end)
        }
        func rebased(by offset: Int) -> Span { Span(Int(start) - offset, Int(end) - offset) }
    }
    /// Which key `responseKey` holds the identifier of (the writer computes the keyed hashes).
    enum KeyKind: Sendable {
        /// The response id (within its wave).
        case respondent
        /// The person id, once per wave (no response id).
        case personWave
        /// The response's content (no ids at all).
        case content
    }
    var sourceRow: Int
    var keyKind: KeyKind
    /// The identifier the response key is the keyed hash of.
    var responseKey: Span
    /// The person id, whose keyed hash is the person key.
    var personKey: Span?
    /// The ids as written, kept only with `--keep-ids`.
    var sourceID: Span?
    var personID: Span?
    var wave: Span?
    var provider: Span?
    var startedAt: Span?
    var submittedAt: Span?
    var partial: Bool
    var flag: Span?
    var answers: Span
    var scoringID: Int
    var scores: Span
}

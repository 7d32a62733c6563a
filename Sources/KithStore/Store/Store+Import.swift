import Foundation
import KithCore

/// A column kept as a question of the survey.
package struct ImportQuestion: Sendable, Hashable {
    /// Stable key: the item id for instrument items, the normalised header otherwise.
    package var key: String
    /// The header as the file gives it.
    package var text: String
    /// The instrument item, if the column is one.
    package var item: String?
    package var kind: QuestionKind
    /// Free text, which may identify people.
    package var identifying: Bool
    /// How to read the answers: `separator` of a joined multi-select; `question` and
    /// `choice` of a one-column-per-choice multi-select; `options` in the file's order.
    package var details: QuestionDetails

    package init(key: String, text: String, item: String?, kind: QuestionKind, identifying: Bool, details: QuestionDetails = QuestionDetails()) {
        self.key = key
        self.text = text
        self.item = item
        self.kind = kind
        self.identifying = identifying
        self.details = details
    }
}

/// How a question's answers are laid out (kept as JSON in `question.details`).
package struct QuestionDetails: Sendable, Hashable, Codable {
    package var separator: String?
    package var question: String?
    package var choice: String?
    package var options: [String]

    package init(separator: String? = nil, question: String? = nil, choice: String? = nil, options: [String] = []) {
        self.separator = separator
        self.question = question
        self.choice = choice
        self.options = options
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        separator = try container.decodeIfPresent(String.self, forKey: .separator)
        question = try container.decodeIfPresent(String.self, forKey: .question)
        choice = try container.decodeIfPresent(String.self, forKey: .choice)
        options = try container.decodeIfPresent([String].self, forKey: .options) ?? []
    }
}

/// One answer to import.
package enum ImportAnswer: Sendable, Hashable {
    /// An instrument item's option code.
    case code(Int)
    /// A source's code for "no answer" (9, -99).
    case missingCode(Int)
    /// An instrument item's answer that is not one of its options (kept to be read again by `rescore`).
    case invalid(String)
    /// An answer to one of the survey's own questions.
    case text(String)
    /// An answer already given its value id (`ImportSession.valueID`).
    case valueID(Int)
}

/// One response to import.
package struct ImportRow: Sendable {
    /// 1-based data row of the file.
    package var sourceRow: Int
    package var sourceID: String?
    package var personID: String?
    package var wave: String?
    package var provider: String?
    package var startedAt: String?
    package var submittedAt: String?
    package var partial: Bool
    /// Why the row is flagged (e.g. "duplicate of row 12"), if it is.
    package var flag: String?
    /// Answers by question index (the order of `questions`); nil for blank.
    package var answers: [ImportAnswer?]
    /// Scores by scale, in the order of `scales`.
    package var scores: [AnswerCoding.StoredScore]

    package init(
        sourceRow: Int, sourceID: String? = nil, personID: String? = nil, wave: String? = nil, provider: String? = nil,
        startedAt: String? = nil, submittedAt: String? = nil, partial: Bool = false, flag: String? = nil,
        answers: [ImportAnswer?], scores: [AnswerCoding.StoredScore]
    ) {
        self.sourceRow = sourceRow
        self.sourceID = sourceID
        self.personID = personID
        self.wave = wave
        self.provider = provider
        self.startedAt = startedAt
        self.submittedAt = submittedAt
        self.partial = partial
        self.flag = flag
        self.answers = answers
        self.scores = scores
    }
}

/// How a scale was scored: recorded with every response it scored.
public struct ScaleScoring: Sendable, Hashable, Codable {
    public var scale: String
    public var instrumentVersion: String
    public var policy: String
    /// Whether the scale keeps a raw sum (conversion-table scales).
    public var hasRaw: Bool

    public init(scale: String, instrumentVersion: String, policy: String, hasRaw: Bool) {
        self.scale = scale
        self.instrumentVersion = instrumentVersion
        self.policy = policy
        self.hasRaw = hasRaw
    }

    enum CodingKeys: String, CodingKey {
        case scale
        case instrumentVersion = "instrument_version"
        case policy
        case hasRaw = "has_raw"
    }
}

/// What to do with a response already in the store whose answers differ.
public enum ConflictPolicy: String, Sendable, CaseIterable {
    /// Import nothing and list the conflicting rows.
    case fail
    /// Keep the stored answers.
    case keep
    /// Take the file's answers (the replaced version is kept for `undo`).
    case replace
}

/// The file being imported, recorded with its batch.
package struct BatchSource: Sendable {
    package var fileName: String
    /// The file's SHA-256 (hex) and size, asked for once the rows are in: it is
    /// computed while they are read.
    package var fingerprint: @Sendable () throws -> (sha256: String, bytes: Int)
    package var dialect: String
    package var encoding: String
    /// The options that shaped the import (wave, provider, map, policy…).
    package var options: [String: String]
    /// `kith 0.1.0`.
    package var tool: String
    /// Who imported (the login name), if known.
    package var user: String?

    package init(
        fileName: String, fingerprint: @escaping @Sendable () throws -> (sha256: String, bytes: Int), dialect: String, encoding: String,
        options: [String: String], tool: String, user: String?
    ) {
        self.fileName = fileName
        self.fingerprint = fingerprint
        self.dialect = dialect
        self.encoding = encoding
        self.options = options
        self.tool = tool
        self.user = user
    }
}

/// Where and how to import.
public struct ImportTarget: Sendable {
    public var survey: String
    public var kind: SurveyKind?
    public var invited: Int?
    public var period: String?
    public var onConflict: ConflictPolicy
    /// Store source and person ids as given, beside their keyed hashes.
    public var keepIDs: Bool

    public init(
        survey: String, kind: SurveyKind? = nil, invited: Int? = nil, period: String? = nil, onConflict: ConflictPolicy = .fail, keepIDs: Bool = false
    ) {
        self.survey = survey
        self.kind = kind
        self.invited = invited
        self.period = period
        self.onConflict = onConflict
        self.keepIDs = keepIDs
    }
}

/// What an import did.
public struct ImportReport: Sendable {
    public var survey: String
    public var surveyCreated: Bool
    /// The new batch's id; nil when nothing was added (no batch is recorded).
    public var batch: Int?
    public var rowsRead = 0
    public var added = 0
    /// Already in the store with the same answers.
    public var unchanged = 0
    /// Repeated within the file (same response id and answers as an earlier row).
    public var repeatedInFile = 0
    public var replaced = 0
    /// Conflicts resolved by keeping the stored answers.
    public var kept = 0
    /// Rows that are not responses, by reason.
    public var excluded: [String: Int] = [:]
    /// Rows stored with a flag (e.g. possible duplicate submissions).
    public var flagged = 0
    /// Columns not stored because they identify people directly.
    public var columnsDropped: [String] = []
    /// Earlier batches of this survey with the same file content.
    public var sameFileAs: [Int] = []

    public var excludedCount: Int { excluded.values.reduce(0, +) }
}

extension Store {
    /// Imports one file's responses in one transaction: every row lands or none does.
    ///
    /// `feed` is called once with a session; it adds the rows. When nothing is
    /// added or replaced, the transaction is rolled back and no batch is recorded.
    package func importBatch(
        into target: ImportTarget, source: BatchSource, questions: [ImportQuestion], scales: [ScaleScoring],
        excluded: @escaping () -> [String: Int] = { [:] }, columnsDropped: [String] = [],
        _ feed: (ImportSession) throws -> Void
    ) throws -> ImportReport {
        var report = ImportReport(survey: target.survey, surveyCreated: false)
        report.columnsDropped = columnsDropped
        let pseudonymizer = try pseudonymizer()
        // Every row refers to the survey, batch and scoring made at the start of
        // this same transaction, so SQLite's per-row foreign-key lookups only cost
        // time. The pragma cannot change inside a transaction.
        try db.execute(sql: "PRAGMA foreign_keys = OFF")
        defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
        do {
            try write {
                let (survey, created) = try ensureSurvey(
                    name: target.survey, kind: target.kind, invited: target.invited, period: target.period, notes: nil)
                report.surveyCreated = created
                let scoringID = try scoringID(scales)
                try db.execute(
                    """
                    INSERT INTO batch (survey_id, file_name, file_sha256, file_bytes, dialect, encoding, imported_at, imported_by, tool, options,
                                       rows_read, added, unchanged, replaced, kept, excluded, flagged, report)
                    VALUES (?, ?, '', 0, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, '{}')
                    """, survey.id, source.fileName, source.dialect, source.encoding, Store.now(),
                    source.user, source.tool, Store.json(source.options))
                let batchID = Int(db.lastInsertRowID)
                let session = try ImportSession(
                    store: self, survey: survey, batch: batchID, scoring: scoringID, questions: questions,
                    scales: scales, target: target, pseudonymizer: pseudonymizer)
                do {
                    try feed(session)
                    try session.finish()
                } catch {
                    session.abandon()
                    throw error
                }
                let fingerprint = try source.fingerprint()
                report.sameFileAs = try db.query(
                    "SELECT id FROM batch WHERE survey_id = ? AND file_sha256 = ? AND undone_at IS NULL ORDER BY id",
                    survey.id, fingerprint.sha256
                ) { $0.int(at: 0) ?? 0 }
                try db.execute("UPDATE batch SET file_sha256 = ?, file_bytes = ? WHERE id = ?", fingerprint.sha256, fingerprint.bytes, batchID)
                report.rowsRead = session.rowsRead
                report.added = session.added
                report.unchanged = session.unchanged
                report.repeatedInFile = session.repeatedInFile
                report.replaced = session.replaced
                report.kept = session.kept
                report.flagged = session.flagged
                report.excluded = excluded()
                report.rowsRead += report.excludedCount
                if !session.conflicts.isEmpty, target.onConflict == .fail {
                    throw StoreError.conflicts(count: session.conflicts.count, rows: Array(session.conflicts.prefix(10)))
                }
                guard report.added > 0 || report.replaced > 0 else { throw NothingAdded() }
                try db.execute(
                    """
                    UPDATE batch SET rows_read = ?, added = ?, unchanged = ?, replaced = ?, kept = ?, \
                    excluded = ?, flagged = ?, report = ? WHERE id = ?
                    """, report.rowsRead, report.added, report.unchanged + report.repeatedInFile, report.replaced, report.kept,
                    report.excludedCount, report.flagged, Store.json(report.summaryFields), batchID)
                report.batch = batchID
            }
        } catch is NothingAdded {
            report.batch = nil
        }
        finishCreating()
        return report
    }

    /// The id of the scoring description, recorded once per distinct description.
    func scoringID(_ scales: [ScaleScoring]) throws -> Int {
        let text = Store.json(scales)
        try db.execute("INSERT INTO scoring (scales) VALUES (?) ON CONFLICT (scales) DO NOTHING", text)
        guard let id = try db.scalar("SELECT id FROM scoring WHERE scales = ?", text, as: Int.self) else {
            throw StoreError.corrupt("a scoring description was not recorded")
        }
        return id
    }

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}

private struct NothingAdded: Error {}

extension ImportReport {
    var summaryFields: [String: String] {
        var fields = ["repeated_in_file": String(repeatedInFile), "columns_dropped": columnsDropped.joined(separator: "\u{1F}")]
        for (reason, count) in excluded { fields["excluded: \(reason)"] = String(count) }
        return fields
    }
}

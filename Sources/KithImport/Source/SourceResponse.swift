import KithCore

/// One data row of a source file, read as a response.
package struct SourceResponse: Sendable {
    /// 1-based data row in file order (header rows not counted).
    package var row: Int
    /// 1-based line of the file where the row starts.
    package var line: Int
    package var status: ResponseStatus
    package var sourceID: String?
    package var person: String?
    /// The wave, normalised (`baseline`, `follow-up`).
    package var wave: String?
    /// Start and submit time as the file writes them.
    package var started: String?
    package var submitted: String?
    /// Start and submit time read as dates (ISO 8601, offset kept where the file gives one).
    package var startedAt: SourceTimestamp?
    package var submittedAt: SourceTimestamp?
    /// Answers by the scoring plan's slots.
    package var answers: [ItemAnswer]
    /// Cells of the file's other columns (`SourceFile.questionColumns`), when asked for.
    package var questions: [String]
    /// The earlier row this one repeats, when it looks like a duplicate submission.
    package var duplicateOf: Int?
    /// Why it looks like a duplicate ("same response id", "same answers and e-mail 61 s later").
    package var duplicateReason: String?

    package init(
        row: Int, line: Int, status: ResponseStatus, sourceID: String? = nil, person: String? = nil, wave: String? = nil,
        started: String? = nil, submitted: String? = nil, startedAt: SourceTimestamp? = nil, submittedAt: SourceTimestamp? = nil,
        answers: [ItemAnswer], questions: [String], duplicateOf: Int? = nil, duplicateReason: String? = nil
    ) {
        self.row = row
        self.line = line
        self.status = status
        self.sourceID = sourceID
        self.person = person
        self.wave = wave
        self.started = started
        self.submitted = submitted
        self.startedAt = startedAt
        self.submittedAt = submittedAt
        self.answers = answers
        self.questions = questions
        self.duplicateOf = duplicateOf
        self.duplicateReason = duplicateReason
    }
}

/// One data row as the fast path sees it: spans into the reader's buffers,
/// valid only during the callback that receives it (copy what you keep).
package struct RawResponse: ~Copyable {
    package let row: Int
    package let line: Int
    package let status: ResponseStatus
    package let duplicateOf: Int?
    /// Answers by the scoring plan's slots (every slot `.missing(.notAsked)` for excluded rows).
    package let answers: UnsafeBufferPointer<ItemAnswer>
    /// Trimmed UTF-8 bytes of the response id and person id (empty when absent).
    package let sourceID: UnsafeBufferPointer<UInt8>
    package let person: UnsafeBufferPointer<UInt8>
    package let wave: String?
    /// A small number standing for `wave` (equal waves, equal numbers; -1 for none), for callers
    /// that cache per wave.
    package let waveIndex: Int
    /// The row's fields (nil for a blank row).
    @usableFromInline let fields: UnsafePointer<Field>?
    @usableFromInline let fieldCount: Int

    /// The trimmed UTF-8 bytes of any column of the row (empty past a short row's end, and for blank rows).
    /// Inlinable: the import asks for several cells a row.
    @inlinable
    package func cell(_ column: Int) -> UnsafeBufferPointer<UInt8> {
        guard let fields, column >= 0, column < fieldCount else { return UnsafeBufferPointer(start: nil, count: 0) }
        let field = fields[column]
        return UnsafeBufferPointer(start: field.start, count: field.count).trimmedSpaces()
    }
}

/// Counts of what a pass over a file found.
public struct SourceTally: Sendable {
    public var rows = 0
    public var complete = 0
    public var partial = 0
    public var excluded = 0
    public var duplicates = 0
    /// Blank rows at the end of the file (padding), not counted as rows.
    public var trailingBlankRows = 0
    /// Excluded rows by reason.
    public var excludedReasons: [String: Int] = [:]
    /// Unreadable answers by column index: label or code → (count, first rows).
    public var invalidAnswers: [Int: [String: (count: Int, rows: [Int])]] = [:]
    /// Answers read as "no answer" because of a missing-answer code, by column index: code → (count, first rows).
    public var missingCodes: [Int: [Int: (count: Int, rows: [Int])]] = [:]
    /// Duplicate rows: (row, the earlier row, why).
    public var duplicateRows: [(row: Int, of: Int, reason: String)] = []

    public init() {}

    mutating func noteInvalid(column: Int, text: String, row: Int) {
        var entry = invalidAnswers[column, default: [:]][text] ?? (0, [])
        entry.count += 1
        if entry.rows.count < 3 { entry.rows.append(row) }
        invalidAnswers[column, default: [:]][text] = entry
    }

    mutating func noteMissingCode(column: Int, code: Int, row: Int) {
        var entry = missingCodes[column, default: [:]][code] ?? (0, [])
        entry.count += 1
        if entry.rows.count < 3 { entry.rows.append(row) }
        missingCodes[column, default: [:]][code] = entry
    }
}

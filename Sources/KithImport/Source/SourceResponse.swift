import KithCore

/// One data row of a source file, read as a response.
public struct SourceResponse: Sendable {
    /// 1-based data row in file order (header rows not counted).
    public var row: Int
    /// 1-based line of the file where the row starts.
    public var line: Int
    public var status: ResponseStatus
    public var sourceID: String?
    public var person: String?
    public var wave: String?
    public var started: String?
    public var submitted: String?
    /// Answers by the scoring plan's slots.
    public var answers: [ItemAnswer]
    /// Cells of the file's other columns (`SourceFile.questionColumns`), when asked for.
    public var questions: [String]
    /// The earlier row this one repeats, when it looks like a duplicate submission.
    public var duplicateOf: Int?
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
    /// Unreadable answers by column index: label or code → (count, first rows).
    public var invalidAnswers: [Int: [String: (count: Int, rows: [Int])]] = [:]

    mutating func noteInvalid(column: Int, text: String, row: Int) {
        var entry = invalidAnswers[column, default: [:]][text] ?? (0, [])
        entry.count += 1
        if entry.rows.count < 3 { entry.rows.append(row) }
        invalidAnswers[column, default: [:]][text] = entry
    }
}

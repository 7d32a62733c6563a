import KithCore

/// One row of a scored file, as the score writers print it.
package struct ScoredRow: Sendable {
    /// 1-based data row in file order.
    package var row: Int
    package var sourceID: String?
    package var person: String?
    package var wave: String?
    /// `complete` or `partial` for responses; nil for excluded rows.
    package var completion: String?
    /// Why the row is not scored, for excluded rows.
    package var excludedBecause: String?
    package var duplicateOf: Int?
    package var scores: [ScaleScore]
    /// Answers that could not be read, each naming its item and column.
    package var problems: [RowProblem]

    package init(
        row: Int, sourceID: String? = nil, person: String? = nil, wave: String? = nil, completion: String? = "complete",
        excludedBecause: String? = nil, duplicateOf: Int? = nil, scores: [ScaleScore], problems: [RowProblem] = []
    ) {
        self.row = row
        self.sourceID = sourceID
        self.person = person
        self.wave = wave
        self.completion = completion
        self.excludedBecause = excludedBecause
        self.duplicateOf = duplicateOf
        self.scores = scores
        self.problems = problems
    }

    /// `scored` or `excluded`.
    package var status: String { excludedBecause == nil ? "scored" : "excluded" }
}

/// An answer that could not be read.
package struct RowProblem: Sendable, Hashable {
    package var item: String
    /// The column's header.
    package var column: String
    package var problem: String
    package init(item: String, column: String, problem: String) {
        self.item = item
        self.column = column
        self.problem = problem
    }
}

/// What a score report says about its input and method.
package struct ScoreContext: Sendable {
    package var file: String
    /// How the file was read, e.g. "generic CSV, UTF-8, comma".
    package var reading: String
    package var scales: [ScoringPlan.PlannedScale]
    /// Whether the file has person and wave columns (then they are printed).
    package var hasPerson: Bool
    package var hasWave: Bool

    package init(file: String, reading: String, scales: [ScoringPlan.PlannedScale], hasPerson: Bool, hasWave: Bool) {
        self.file = file
        self.reading = reading
        self.scales = scales
        self.hasPerson = hasPerson
        self.hasWave = hasWave
    }
}

/// Counts kept while rows are written, printed at the end.
public struct ScoreTally: Sendable {
    public var rows = 0
    public var scored = 0
    public var excluded = 0
    public var rowsWithProblems = 0
    /// Per scale id: count of each status.
    public var statuses: [String: [ScaleScore.Status: Int]] = [:]

    package init() {}

    package mutating func add(_ row: ScoredRow) {
        rows += 1
        if row.excludedBecause != nil { excluded += 1 } else { scored += 1 }
        if !row.problems.isEmpty { rowsWithProblems += 1 }
        for score in row.scores { statuses[score.scale, default: [:]][score.status, default: 0] += 1 }
    }
}

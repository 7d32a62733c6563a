import KithCore
import KithImport
import KithReports

/// A survey export scored: every respondent's score on every instrument the file holds,
/// written as a table, CSV or JSON, with the problems and notices found on the way.
///
/// ```swift
/// let scoring = try FileScoring(path: "answers.csv", catalog: try Catalog.builtIn())
/// let sink = ByteSink.inMemory()
/// let result = try scoring.write(.csv, to: sink)
/// ```
public final class FileScoring {
    /// The file as read: dialect, encoding, matching, questions, notes.
    public let source: SourceFile
    public let plan: ScoringPlan
    /// The path given, for messages.
    public let displayName: String

    /// Reads `path`'s header and sample rows; throws when no column is an instrument item.
    public init(
        path: String, displayName: String? = nil, catalog: Catalog, options: SourceOptions = .init(),
        missing: MissingPolicy? = nil, classifications: Set<String> = []
    ) throws {
        let name = displayName ?? path
        self.displayName = name
        source = try SourceFile(path: path, displayName: name, catalog: catalog, options: options)
        guard !source.matching.instruments.isEmpty else {
            throw ImportError.unusable(
                file: name,
                reason: .noInstrumentItems(columns: source.dialect.columns.count, readAs: type(of: source.dialect).title))
        }
        plan = try source.plan(missing: missing, classifications: classifications)
    }

    /// How the file was read: "SurveyMonkey, utf-8, comma".
    public var reading: String { source.reading }

    /// Columns that could be more than one item: not used for scoring.
    package var ambiguousColumns: [(column: Int, header: String, items: [String])] { source.matching.ambiguous }

    /// Scores every row and writes it to `sink` in `format` (the sink is not committed).
    /// `describe` words each notice for the output (a program may add its own hints).
    public func write(
        _ format: ScoreFormat, to sink: ByteSink,
        describe: (ScoringNotice) -> String = { $0.description }
    ) throws -> ScoringResult {
        let roles = Set(source.dialect.columns.map(\.role))
        let context = ScoreContext(
            file: displayName, reading: reading, scales: plan.scales,
            hasPerson: roles.contains(.person), hasWave: roles.contains(.wave))
        let writer = makeScoreWriter(format, sink: sink)
        var tally = ScoreTally()
        try writer.begin(context)
        if format == .csv {
            let fast = FastCSVRows(plan: plan, context: context, sink: sink)
            try source.forEachRawResponse(plan: plan) { response in
                if try fast.write(response) { return }
                let row = scoredRow(
                    row: response.row, sourceID: Self.text(response.sourceID), person: Self.text(response.person),
                    wave: response.wave, status: response.status, duplicateOf: response.duplicateOf,
                    answers: Array(response.answers))
                tally.add(row)
                try writer.write(row)
            }
            try fast.finish(into: &tally)
        } else {
            try source.forEachResponse(plan: plan) { response in
                let row = scoredRow(
                    row: response.row, sourceID: response.sourceID, person: response.person, wave: response.wave,
                    status: response.status, duplicateOf: response.duplicateOf, answers: response.answers)
                tally.add(row)
                try writer.write(row)
            }
        }
        let notices = self.notices()
        try writer.end(tally, notices: notices.map(describe))
        return ScoringResult(tally: tally, notices: notices)
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    private func scoredRow(
        row: Int, sourceID: String?, person: String?, wave: String?, status: ResponseStatus,
        duplicateOf: Int?, answers: [ItemAnswer]
    ) -> ScoredRow {
        var scored = ScoredRow(
            row: row, sourceID: sourceID, person: person, wave: wave,
            completion: status.isExcluded ? nil : status.name,
            excludedBecause: status.isExcluded ? status.reason : nil,
            duplicateOf: duplicateOf, scores: [])
        guard !status.isExcluded else { return scored }
        scored.scores = plan.score(answers)
        for score in scored.scores {
            for problem in score.invalid where !scored.problems.contains(where: { $0.item == problem.item }) {
                scored.problems.append(RowProblem(item: problem.item, column: header(ofItem: problem.item), problem: problem.answer.description))
            }
        }
        return scored
    }

    /// The header of the column an item was read from.
    private func header(ofItem item: String) -> String {
        source.matching.matches.first { $0.item == item }?.header ?? item
    }

    /// What a reader of the scores must be told, in order: the plan's notes, then the file's.
    private func notices() -> [ScoringNotice] {
        var notices = plan.notices.map(ScoringNotice.plan)
        let tally = source.tally
        if tally.duplicates > 0 {
            notices.append(.repeatedSubmissions(count: tally.duplicates, first: tally.duplicateRows.prefix(5).map { ($0.row, $0.of, $0.reason) }))
        }
        if !tally.missingCodes.isEmpty {
            notices.append(
                .missingCodesRead(
                    tally.missingCodes.sorted { $0.key < $1.key }.map { column, codes in
                        (
                            column: column, header: source.dialect.columns[column].header,
                            codes: codes.sorted { $0.key < $1.key }.map { ($0.key, $0.value.count) }
                        )
                    }))
        }
        if tally.trailingBlankRows > 0 { notices.append(.trailingBlankRows(tally.trailingBlankRows)) }
        return notices
    }
}

/// What scoring a file found, besides the scores.
public struct ScoringResult: Sendable {
    public var tally: ScoreTally
    public var notices: [ScoringNotice]
}

/// Something a reader of a file's scores must be told.
public enum ScoringNotice: Sendable, CustomStringConvertible {
    /// A note of the scoring plan (an instrument not scored, and why).
    case plan(String)
    /// Rows that look like repeated submissions: how many, and the first few (row, of row, why).
    case repeatedSubmissions(count: Int, first: [(row: Int, of: Int, reason: String)])
    /// Codes that are not options of their items, read as "no answer" (per column: code × count).
    case missingCodesRead([(column: Int, header: String, codes: [(code: Int, count: Int)])])
    /// Blank rows at the end of the file, ignored.
    case trailingBlankRows(Int)

    public var description: String {
        switch self {
        case .plan(let text): return text
        case .repeatedSubmissions(let count, let first):
            let shown = first.map { "row \($0.row) repeats row \($0.of) (\($0.reason))" }.joined(separator: "; ")
            let more = count > first.count ? "; …" : ""
            return "\(count) row\(count == 1 ? " looks" : "s look") like a repeated submission: \(shown)\(more). They are scored."
        case .missingCodesRead(let columns):
            let parts = columns.map { column in
                "column \(column.column + 1) ('\(column.header)'): " + column.codes.map { "\($0.code) ×\($0.count)" }.joined(separator: ", ")
            }
            return "Codes that are not options of their items were read as \"no answer\": \(parts.joined(separator: "; "))."
        case .trailingBlankRows(let count):
            return "\(count) blank row\(count == 1 ? "" : "s") at the end of the file ignored."
        }
    }
}

import Foundation
import Kith
import KithTestSupport

/// Imports `file` into the store at `store` (made when there is none) the way `kith import FILE
/// --survey NAME --store STORE` does: the file is read and checked first, then the store is opened.
@discardableResult
func importFile(
    _ file: String, store: String, target: ImportTarget = ImportTarget(survey: "Panel"), batch: BatchSettings = BatchSettings(),
    keepColumns: [String] = []
) throws -> ImportReport {
    let prepared = try FileImport(path: file, catalog: builtInCatalog, keepColumns: keepColumns)
    return try prepared.store(into: try Store.open(path: store, create: true), target: target, batch: batch)
}

/// The number of responses of survey "Panel" (0 when there is no such survey).
func responseCount(_ store: String) throws -> Int {
    let opened = try Store.open(path: store, create: false)
    return try opened.surveys().first { $0.survey.name == "Panel" }?.responses ?? 0
}

/// A survey's stored responses read back through the store, with what `kith export` shows of
/// each: the same columns, in the same order (the response's own fields, one cell per question,
/// one score per scale), as values rather than formatted text.
struct StoredSurvey: Equatable {
    /// Each question's column header (its item id, or its text for the survey's own questions).
    var questions: [String]
    /// The scales scored in the store, in the order first recorded.
    var scales: [String]
    var rows: [StoredRow]

    /// Every text in the survey as stored: headers, fields and cells.
    var texts: [String] { questions + scales + rows.flatMap(\.texts) }

    func score(_ row: StoredRow, _ scale: String) -> AnswerCoding.StoredScore? {
        scales.firstIndex(of: scale).flatMap { row.scores[$0] }
    }
}

struct StoredRow: Equatable {
    var response: Int
    var batch: Int
    var sourceRow: Int
    var sourceID: String?
    /// The person's key as shown: its first 8 bytes in hexadecimal.
    var person: String?
    var personID: String?
    var wave: String?
    var provider: String?
    var startedAt: String?
    var submittedAt: String?
    var partial: Bool
    var flag: String?
    /// One cell per question: the code, or the answer's text ("" when not answered).
    var cells: [String]
    /// One score per scale of the survey (nil when this response's scoring has no such scale).
    var scores: [AnswerCoding.StoredScore?]

    var texts: [String] {
        [sourceID, person, personID, wave, provider, startedAt, submittedAt, flag].compactMap { $0 } + cells
    }
}

/// Reads a survey back from the store at `path` (as `ResponseExport` reads it, without formatting).
func readBack(_ path: String, survey name: String = "Panel") throws -> StoredSurvey {
    let store = try Store.open(path: path, create: false)
    let survey = try store.survey(named: name)
    let questions = try store.questions(survey: survey)
    let scorings = try store.scorings()
    var scales: [String] = []
    for id in scorings.keys.sorted() {
        for scale in scorings[id] ?? [] where !scales.contains(scale.scale) { scales.append(scale.scale) }
    }
    let byPosition = Dictionary(uniqueKeysWithValues: questions.enumerated().map { ($0.element.position, $0.offset) })
    var rows: [StoredRow] = []
    try store.forEachResponse(survey: survey) { response in
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
        let scored = scorings[response.scoring] ?? []
        let decoded = try response.scores.withUnsafeBufferPointer { try AnswerCoding.decodeScores($0, hasRaw: scored.map(\.hasRaw)) }
        let byScale = Dictionary(zip(scored.map(\.scale), decoded), uniquingKeysWith: { _, last in last })
        rows.append(
            StoredRow(
                response: response.id, batch: response.batch, sourceRow: response.sourceRow, sourceID: response.sourceID,
                person: response.personKey.map { Hex.encode($0.prefix(8)) }, personID: response.personID, wave: response.wave,
                provider: response.provider, startedAt: response.startedAt, submittedAt: response.submittedAt,
                partial: response.partial, flag: response.flag, cells: cells, scores: scales.map { byScale[$0] }))
    }
    return StoredSurvey(questions: questions.map { $0.item ?? $0.text }, scales: scales, rows: rows)
}

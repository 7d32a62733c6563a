import Foundation
import KithTestSupport
import Testing

@testable import KithStore

@Suite("Stored blocks: the move from one row per response (schema v4 → v5)")
struct StoreBlockTests {
    @Test("a v4 store's responses, replaced ones included, move into blocks with their ids; undo still restores")
    func migrationFromRows() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("v4.sqlite").path
        try StoreTesting.createStore(at: path, version: 4)
        let db = try Database.open(path: path, mode: .readWrite)
        try db.execute("INSERT INTO scoring (id, scales) VALUES (1, '[]')")
        for batch in 1...2 {
            try db.execute(
                """
                INSERT INTO batch (id, survey_id, file_name, file_sha256, file_bytes, dialect, encoding, imported_at, tool, options,
                                   rows_read, added, unchanged, replaced, kept, excluded, flagged, report)
                VALUES (?, 1, 'f.csv', 'ab', 10, 'generic', 'UTF-8', '2026-01-01T00:00:00Z', 'kith', '{}', 5, 5, 0, 0, 0, 0, 0, '{}')
                """, batch)
        }
        func key(_ id: Int) -> [UInt8] { (0..<16).map { UInt8((id * 37 + $0) % 256) } }
        func answers(_ code: Int) -> [UInt8] {
            var bytes: [UInt8] = []
            AnswerCoding.append(position: 0, .code(code), to: &bytes)
            return bytes
        }
        let columns =
            "id, survey_id, batch_id, response_key, person_key, source_id, wave, provider, "
            + "submitted_at, status, flag, source_row, content_hash, answers, scoring_id, scores"
        // Batch 2 replaced response 3 (its new row is 8, with 3's key) and added 6 and 7.
        let rows: [(id: Int, batch: Int, keyOf: Int, code: Int)] = [
            (1, 1, 1, 1), (2, 1, 2, 2), (4, 1, 4, 3), (5, 1, 5, 1), (6, 2, 6, 2), (7, 2, 7, 3), (8, 2, 3, 4)
        ]
        for row in rows {
            try db.execute(
                "INSERT INTO response (\(columns)) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, x'')",
                row.id, row.batch, key(row.keyOf), row.id == 2 ? nil : key(100 + row.id), row.id == 5 ? "S5" : nil,
                row.id % 2 == 0 ? "baseline" : "follow-up", row.id == 1 ? nil : "North", "2026-01-0\(row.id)",
                row.id == 4 ? "partial" : "complete", row.id == 7 ? "speeding" : nil, row.id + 1, row.code * 11, answers(row.code))
        }
        try db.execute(
            "INSERT INTO replaced_response (replaced_by_batch, \(columns)) "
                + "VALUES (2, 3, 1, 1, ?, NULL, NULL, 'follow-up', 'South', NULL, 'complete', NULL, 4, 99, ?, 1, x'')",
            key(3), answers(5))

        let store = try Store.open(path: path)
        #expect(try store.schemaVersion() == Store.latestSchemaVersion)
        #expect(try store.integrityCheck() == ["ok"])
        #expect(try db.scalar("SELECT count(*) FROM sqlite_schema WHERE name IN ('response', 'replaced_response')", as: Int.self) == 0)
        let survey = try store.survey(named: "Old")
        func read() throws -> [String] {
            var lines: [String] = []
            try store.forEachResponse(survey: survey) { response in
                let code = (try? AnswerCoding.answers(response.answers).first?.value).map { "\($0!)" } ?? "-"
                lines.append(
                    [
                        String(response.id), String(response.batch), response.sourceID ?? "", response.wave ?? "", response.provider ?? "",
                        response.submittedAt ?? "", response.partial ? "partial" : "complete", response.flag ?? "",
                        String(response.sourceRow), response.personKey == nil ? "no person" : "person", code
                    ].joined(separator: "|"))
            }
            return lines
        }
        #expect(
            try read() == [
                "1|1||follow-up||2026-01-01|complete||2|person|code(1)", "2|1||baseline|North|2026-01-02|complete||3|no person|code(2)",
                "4|1||baseline|North|2026-01-04|partial||5|person|code(3)", "5|1|S5|follow-up|North|2026-01-05|complete||6|person|code(1)",
                "6|2||baseline|North|2026-01-06|complete||7|person|code(2)", "7|2||follow-up|North|2026-01-07|complete|speeding|8|person|code(3)",
                "8|2||baseline|North|2026-01-08|complete||9|person|code(4)"
            ])
        #expect(try store.batches(survey: "Old").map(\.responses) == [4, 3])
        #expect(try store.waves(survey: survey) == ["follow-up", "baseline"])
        #expect(try store.responseCount(survey: survey) == 7 && store.responseCount(survey: survey, wave: "baseline") == 4)
        let keys = try store.loadKeys(survey: survey.id)
        #expect(keys.count == 7, "the replaced response's key is its replacement's")

        let undone = try store.undo(batch: 2)
        #expect(undone.removed == 2 && undone.restored == 1)
        #expect(
            try read() == [
                "1|1||follow-up||2026-01-01|complete||2|person|code(1)", "2|1||baseline|North|2026-01-02|complete||3|no person|code(2)",
                "3|1||follow-up|South||complete||4|no person|code(5)",
                "4|1||baseline|North|2026-01-04|partial||5|person|code(3)", "5|1|S5|follow-up|North|2026-01-05|complete||6|person|code(1)"
            ])
        #expect(try store.integrityCheck() == ["ok"])
    }
}

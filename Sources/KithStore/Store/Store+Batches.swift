import Foundation

/// An import batch: one file imported into one survey.
public struct BatchRecord: Sendable {
    public var id: Int
    public var survey: String
    public var fileName: String
    public var sha256: String
    public var bytes: Int
    public var dialect: String
    public var encoding: String
    public var importedAt: String
    public var importedBy: String?
    public var tool: String
    public var options: [String: String]
    public var rowsRead: Int
    public var added: Int
    public var unchanged: Int
    public var replaced: Int
    public var kept: Int
    public var excluded: Int
    public var flagged: Int
    /// Responses of this batch still in the store.
    public var responses: Int
    public var undoneAt: String?
}

/// What `undo` did.
public struct UndoReport: Sendable {
    public var batch: Int
    public var survey: String
    public var removed: Int
    /// Responses this batch had replaced, put back.
    public var restored: Int
}

extension Store {
    /// The import batches of a survey, oldest first (undone ones included, marked).
    public func batches(survey name: String) throws -> [BatchRecord] {
        let survey = try survey(named: name)
        // Responses still stored: each batch's blocks, less the slots later batches replaced.
        return try db.query(
            """
            WITH stored AS (SELECT batch_id, sum(count) AS responses FROM response_block WHERE survey_id = ? GROUP BY batch_id),
                 removed AS (SELECT b.batch_id, count(*) AS responses FROM response_removed r JOIN response_block b ON b.id = r.block_id
                             WHERE b.survey_id = ? GROUP BY b.batch_id)
            SELECT b.id, b.file_name, b.file_sha256, b.file_bytes, b.dialect, b.encoding, b.imported_at, b.imported_by, b.tool, b.options,
                   b.rows_read, b.added, b.unchanged, b.replaced, b.kept, b.excluded, b.flagged, b.undone_at,
                   coalesce(s.responses, 0) - coalesce(r.responses, 0)
            FROM batch b LEFT JOIN stored s ON s.batch_id = b.id LEFT JOIN removed r ON r.batch_id = b.id WHERE b.survey_id = ? ORDER BY b.id
            """, survey.id, survey.id, survey.id
        ) { row in
            let options = (try? JSONSerialization.jsonObject(with: Data((row.string(at: 9) ?? "{}").utf8))) as? [String: String] ?? [:]
            return BatchRecord(
                id: row.int(at: 0) ?? 0, survey: name, fileName: row.string(at: 1) ?? "", sha256: row.string(at: 2) ?? "",
                bytes: row.int(at: 3) ?? 0, dialect: row.string(at: 4) ?? "", encoding: row.string(at: 5) ?? "",
                importedAt: row.string(at: 6) ?? "", importedBy: row.string(at: 7), tool: row.string(at: 8) ?? "", options: options,
                rowsRead: row.int(at: 10) ?? 0, added: row.int(at: 11) ?? 0, unchanged: row.int(at: 12) ?? 0,
                replaced: row.int(at: 13) ?? 0, kept: row.int(at: 14) ?? 0, excluded: row.int(at: 15) ?? 0,
                flagged: row.int(at: 16) ?? 0, responses: row.int(at: 18) ?? 0, undoneAt: row.string(at: 17))
        }
    }

    /// Removes the responses a batch added and puts back those it replaced, in one transaction.
    ///
    /// Refused when the batch was already undone, or when a later batch replaced
    /// responses this one added (undo that one first).
    public func undo(batch id: Int) throws -> UndoReport {
        try write {
            guard
                let (surveyID, undone) = try db.query(
                    "SELECT survey_id, undone_at FROM batch WHERE id = ?", id, row: { ($0.int(at: 0) ?? 0, $0.string(at: 1)) }
                ).first
            else {
                throw StoreError.noSuchBatch(id)
            }
            if let undone { throw StoreError.cannotUndo(batch: id, reason: "it was undone at \(undone)") }
            let dependants = try db.query(
                """
                SELECT DISTINCT r.by_batch FROM response_removed r JOIN response_block b ON b.id = r.block_id
                WHERE b.batch_id = ? AND r.by_batch <> ? ORDER BY 1
                """, id, id
            ) { $0.int(at: 0) ?? 0 }
            if !dependants.isEmpty {
                throw StoreError.cannotUndo(
                    batch: id,
                    reason:
                        "later batch\(dependants.count == 1 ? "" : "es") \(dependants.map(String.init).joined(separator: ", ")) "
                        + "replaced responses it added; undo \(dependants.count == 1 ? "that" : "those") first"
                )
            }
            // The batch's responses still stored (its replacements included), and those it replaced in earlier batches.
            let stored =
                try db.scalar(
                    """
                    SELECT (SELECT coalesce(sum(count), 0) FROM response_block WHERE batch_id = ?1)
                         - (SELECT count(*) FROM response_removed r JOIN response_block b ON b.id = r.block_id WHERE b.batch_id = ?1)
                    """, id, as: Int.self) ?? 0
            let restored =
                try db.scalar(
                    """
                    SELECT count(*) FROM response_removed r JOIN response_block b ON b.id = r.block_id WHERE r.by_batch = ?1 AND b.batch_id <> ?1
                    """, id, as: Int.self) ?? 0
            try db.execute("DELETE FROM response_removed WHERE by_batch = ?", id)
            try db.execute("DELETE FROM response_block WHERE batch_id = ?", id)
            try db.execute("UPDATE batch SET undone_at = ? WHERE id = ?", Store.now(), id)
            let name = try db.scalar("SELECT name FROM survey WHERE id = ?", surveyID, as: String.self) ?? ""
            // The batch's stored responses include its replacements of the `restored` ones.
            return UndoReport(batch: id, survey: name, removed: stored - restored, restored: restored)
        }
    }
}

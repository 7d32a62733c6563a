extension Schema {
    /// Version 5: responses move from one SQLite row each (`response`, and `replaced_response`
    /// for those a later batch replaced) into blocks (`ResponseBlock`): an import inserts a
    /// block instead of 4,096 rows and an index entry each.
    ///
    /// Every response keeps its id: a block holds a run of consecutive ids of one survey,
    /// batch and scoring. A replaced response goes into a block like the others, with a
    /// `response_removed` row naming the batch that replaced it (so undo still restores it).
    @Sendable static func storeResponsesInBlocks(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE response_block (
                    id INTEGER PRIMARY KEY,
                    survey_id INTEGER NOT NULL REFERENCES survey(id),
                    batch_id INTEGER NOT NULL REFERENCES batch(id),
                    first_id INTEGER NOT NULL,
                    count INTEGER NOT NULL CHECK (count BETWEEN 1 AND 4096),
                    scoring_id INTEGER NOT NULL REFERENCES scoring(id),
                    waves TEXT NOT NULL,
                    data BLOB NOT NULL
                );
                CREATE INDEX response_block_survey ON response_block (survey_id, id);
                CREATE INDEX response_block_batch ON response_block (batch_id);
                CREATE TABLE response_removed (
                    block_id INTEGER NOT NULL REFERENCES response_block(id),
                    slot INTEGER NOT NULL,
                    by_batch INTEGER NOT NULL REFERENCES batch(id),
                    PRIMARY KEY (block_id, slot)
                ) WITHOUT ROWID;
                CREATE INDEX response_removed_by ON response_removed (by_batch);
                """)
        let columns = """
            id, survey_id, batch_id, response_key, person_key, source_id, person_id, wave, provider, started_at, submitted_at,
            status, flag, source_row, content_hash, answers, scoring_id, scores
            """
        let rows = try db.prepare(
            """
            SELECT \(columns), NULL FROM response UNION ALL SELECT \(columns), replaced_by_batch FROM replaced_response ORDER BY 1, 19
            """, cached: false)
        var builder = ResponseBlock.Builder()
        var current: (survey: Int, batch: Int, scoring: Int, firstID: Int)?
        var blockID = 1
        var removals: [(slot: Int, by: Int)] = []
        func flush() throws {
            guard let block = current, builder.count > 0 else { return }
            try ResponseBlock.insert(
                builder, id: blockID, survey: block.survey, batch: block.batch, firstID: block.firstID, scoring: block.scoring, into: db)
            for removal in removals {
                try db.execute("INSERT INTO response_removed (block_id, slot, by_batch) VALUES (?, ?, ?)", blockID, removal.slot, removal.by)
            }
            blockID += 1
            builder = ResponseBlock.Builder()
            removals = []
            current = nil
        }
        while try rows.step() == .row {
            let id = rows.int(at: 0) ?? 0
            let survey = rows.int(at: 1) ?? 0
            let batch = rows.int(at: 2) ?? 0
            let scoring = rows.int(at: 16) ?? 0
            if let block = current,
                block.survey != survey || block.batch != batch || block.scoring != scoring
                    || block.firstID + builder.count != id || builder.isFull
            {
                try flush()
            }
            if current == nil { current = (survey, batch, scoring, id) }
            guard let key = rows.blob(at: 3), key.count >= ResponseBlock.keyLength else { throw StoreError.corrupt("response \(id) has no key") }
            let personKey = rows.blob(at: 4)
            if let personKey, personKey.count < ResponseBlock.keyLength { throw StoreError.corrupt("response \(id) has a short person key") }
            if let by = rows.int(at: 18) { removals.append((builder.count, by)) }
            func bytes(_ column: Int) -> [UInt8]? { rows.string(at: column).map { Array($0.utf8) } }
            builder.append(
                key: Array(key.prefix(ResponseBlock.keyLength)), hash: rows.int64(at: 14) ?? 0, partial: rows.string(at: 11) == "partial",
                wave: bytes(7), provider: bytes(8), flag: bytes(12), sourceRow: rows.int(at: 13) ?? 0,
                personKey: personKey.map { Array($0.prefix(ResponseBlock.keyLength)) }, sourceID: bytes(5), personID: bytes(6),
                startedAt: bytes(9), submittedAt: bytes(10), answers: rows.blob(at: 15) ?? [], scores: rows.blob(at: 17) ?? [])
        }
        try flush()
        rows.reset()
        try db.execute(sql: "DROP TABLE replaced_response; DROP TABLE response;")
    }
}

import Foundation

/// Reading and writing `response_block` rows (see `ResponseBlock`).
extension Store {
    /// The locations (`ResponseBlock.location`) of a survey's responses that later
    /// batches replaced: they stay in their blocks, for undo, and readers skip them.
    func removedLocations(survey: Int) throws -> Set<Int64> {
        Set(
            try db.query(
                """
                SELECT r.block_id, r.slot FROM response_removed r JOIN response_block b ON b.id = r.block_id WHERE b.survey_id = ?
                """, survey
            ) { ResponseBlock.location(block: $0.int(at: 0) ?? 0, slot: $0.int(at: 1) ?? 0) })
    }

    /// One stored block, as a reader sees it.
    struct BlockInfo {
        var id: Int
        var batch: Int
        var firstID: Int
        var scoring: Int
    }

    /// Calls `body` with each block of a survey in import order, its bytes valid only inside the call.
    func forEachBlock(survey: Int, _ body: (BlockInfo, ResponseBlock.Reader) throws -> Void) throws {
        let statement = try db.prepare("SELECT id, batch_id, first_id, scoring_id, data FROM response_block WHERE survey_id = ? ORDER BY id")
        statement.reset()
        defer { statement.reset() }
        try statement.bind(survey, at: 1)
        while try statement.step() == .row {
            let info = BlockInfo(
                id: statement.int(at: 0) ?? 0, batch: statement.int(at: 1) ?? 0, firstID: statement.int(at: 2) ?? 0,
                scoring: statement.int(at: 3) ?? 0)
            guard let data = statement.bytes(at: 4) else { throw StoreError.corrupt("response block \(info.id) has no data") }
            try body(info, try ResponseBlock.Reader(data))
        }
    }

    /// Calls `body` with every stored response of a survey (optionally one wave) in import order,
    /// skipping replaced ones.
    func forEachStoredRow(survey: Int, wave: String?, _ body: (BlockInfo, StoredRow) throws -> Void) throws {
        let removed = try removedLocations(survey: survey)
        try forEachBlock(survey: survey) { info, block in
            var wanted = 0
            if let wave {
                guard let number = block.textNumber(of: wave) else { return }
                wanted = number
            }
            try block.forEachRow { row in
                if wanted != 0, row.waveText != wanted { return }
                if !removed.isEmpty, removed.contains(ResponseBlock.location(block: info.id, slot: row.slot)) { return }
                try body(info, row)
            }
        }
    }

    /// The keys of a survey's stored responses, for an import to tell new responses from stored ones.
    func loadKeys(survey: Int) throws -> KeyIndex {
        var keys = KeyIndex()
        let removed = try removedLocations(survey: survey)
        try forEachBlock(survey: survey) { info, block in
            for slot in 0..<block.count {
                let location = ResponseBlock.location(block: info.id, slot: slot)
                if removed.contains(location) { continue }
                if keys.insert(block.key(slot), hash: block.hash(slot), location: location) != nil {
                    throw StoreError.corrupt("a response is stored twice in block \(info.id)")
                }
            }
        }
        return keys
    }

    /// The next block id and response id of the store.
    func nextBlockIDs() throws -> (block: Int, response: Int) {
        let block = (try db.scalar("SELECT max(id) FROM response_block", as: Int.self) ?? 0) + 1
        let response = try db.scalar("SELECT max(first_id + count) FROM response_block", as: Int.self) ?? 1
        return (block, response)
    }
}

extension ResponseBlock {
    /// Inserts a built block (nothing when it is empty).
    static func insert(_ builder: Builder, id: Int, survey: Int, batch: Int, firstID: Int, scoring: Int, into db: Database) throws {
        guard builder.count > 0 else { return }
        let statement = try db.prepare(
            """
            INSERT INTO response_block (id, survey_id, batch_id, first_id, count, scoring_id, waves, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        statement.reset()
        defer { statement.clearBindings() }
        try statement.bind(id, at: 1)
        try statement.bind(survey, at: 2)
        try statement.bind(batch, at: 3)
        try statement.bind(firstID, at: 4)
        try statement.bind(builder.count, at: 5)
        try statement.bind(scoring, at: 6)
        try statement.bind(wavesText(builder.waves), at: 7)
        let data = builder.encoded()
        try data.withUnsafeBytes {
            try statement.bindBlob($0, at: 8, lifetime: .borrowedUntilRebound)
            _ = try statement.step()
        }
    }

    /// A block's waves as stored in `response_block.waves` (a JSON array).
    static func wavesText(_ waves: [String]) -> String {
        String(decoding: (try? JSONSerialization.data(withJSONObject: waves, options: [.withoutEscapingSlashes])) ?? Data("[]".utf8), as: UTF8.self)
    }

    static func waves(_ text: String) throws -> [String] {
        guard let waves = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String] else {
            throw StoreError.corrupt("a response block's waves cannot be read")
        }
        return waves
    }
}

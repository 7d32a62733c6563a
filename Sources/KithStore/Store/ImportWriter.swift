import Foundation

extension ImportSession {
    /// The thread that inserts encoded rows. It alone uses the connection
    /// between `start()` and `finish()`; blocks reach it through a queue of at
    /// most two, so the reading thread never runs far ahead (memory stays flat).
    final class Writer: @unchecked Sendable {
        struct Block: Sendable {
            var values: [(question: Int, id: Int, text: String)]
            var rows: [EncodedRow]
            /// The bytes the rows' spans point into.
            var bytes: [UInt8]
            var switchToIndexed: Bool
        }

        struct Counts {
            var added = 0, unchanged = 0, repeatedInFile = 0, replaced = 0, kept = 0, flagged = 0
            var conflicts: [Int] = []
        }

        private let db: Database
        private let surveyID: Int
        private let batchID: Int
        private let policy: ConflictPolicy
        private var bulk: Bool
        // Guarded by `lock`.
        private let lock = NSCondition()
        private var queue: [Block] = []
        private var closed = false
        private var failure: (any Error)?
        private var finished = false
        /// Read only after `finish()`.
        private(set) var counts = Counts()
        /// Wave, provider and status texts, bound in place (the writer thread only).
        private let texts = TextPool(slots: 18)

        init(db: Database, surveyID: Int, batchID: Int, policy: ConflictPolicy, bulk: Bool) throws {
            self.db = db
            self.surveyID = surveyID
            self.batchID = batchID
            self.policy = policy
            self.bulk = bulk
        }

        func start() {
            let thread = Thread { [self] in run() }
            thread.stackSize = 1 << 20
            thread.start()
        }

        func submit(_ block: Block) throws {
            lock.lock()
            defer { lock.unlock() }
            while queue.count >= 2 && failure == nil { lock.wait() }
            if let failure { throw failure }
            queue.append(block)
            lock.broadcast()
        }

        func finish() throws {
            lock.lock()
            closed = true
            lock.broadcast()
            while !finished { lock.wait() }
            let failure = self.failure
            lock.unlock()
            if let failure { throw failure }
        }

        func abandon() {
            lock.lock()
            closed = true
            queue.removeAll()
            lock.broadcast()
            while !finished { lock.wait() }
            lock.unlock()
        }

        private func next() -> Block? {
            lock.lock()
            defer { lock.unlock() }
            while queue.isEmpty && !closed { lock.wait() }
            guard !queue.isEmpty else { return nil }
            let block = queue.removeFirst()
            lock.broadcast()
            return block
        }

        private func run() {
            do {
                let insertValue = try db.prepare("INSERT INTO question_value (question_id, id, text) VALUES (?, ?, ?)")
                let columns = """
                    INSERT INTO response (survey_id, batch_id, response_key, person_key, source_id, person_id, wave, provider, started_at,
                                          submitted_at, status, flag, source_row, content_hash, answers, scoring_id, scores)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
                let plain = try db.prepare(columns)
                var guarded: Statement?
                while let block = next() {
                    for value in block.values {
                        insertValue.reset()
                        try insertValue.bind(value.question, at: 1)
                        try insertValue.bind(value.id, at: 2)
                        try insertValue.bind(value.text, at: 3)
                        _ = try insertValue.step()
                    }
                    if block.switchToIndexed, bulk {
                        try restoreCache()  // random inserts into the index from here on
                        try db.execute(sql: "CREATE UNIQUE INDEX response_identity ON response (survey_id, response_key)")
                        bulk = false
                    }
                    try block.bytes.withUnsafeBytes { bytes in
                        // The rows' bytes are bound in place: unbind them before the block goes.
                        defer { plain.clearBindings(); guarded?.clearBindings() }
                        for row in block.rows {
                            if bulk {
                                try insert(row, bytes, plain)
                                counts.added += 1
                                if row.flag != nil { counts.flagged += 1 }
                                continue
                            }
                            if guarded == nil { guarded = try db.prepare(columns + " ON CONFLICT (survey_id, response_key) DO NOTHING") }
                            try insertChecked(row, bytes, guarded!)
                        }
                    }
                }
                if bulk { try db.execute(sql: "CREATE UNIQUE INDEX response_identity ON response (survey_id, response_key)") }
            } catch {
                lock.lock()
                failure = error
                lock.unlock()
            }
            lock.lock()
            finished = true
            queue.removeAll()
            lock.broadcast()
            lock.unlock()
        }

        /// Puts the store's usual page cache back (after a bulk import's small one).
        func restoreCache() throws { try db.execute(sql: "PRAGMA cache_size = \(Store.cacheSize)") }

        private func insertChecked(_ row: EncodedRow, _ bytes: UnsafeRawBufferPointer, _ statement: Statement) throws {
            try insert(row, bytes, statement)
            if db.changes > 0 {
                counts.added += 1
                if row.flag != nil { counts.flagged += 1 }
                return
            }
            guard let (existingID, existingHash, existingBatch) = try db.query(
                "SELECT id, content_hash, batch_id FROM response WHERE survey_id = ? AND response_key = ?", surveyID, Array(bytes[row.responseKey]),
                row: { ($0.int(at: 0) ?? 0, $0.int64(at: 1) ?? 0, $0.int(at: 2) ?? 0) }).first else {
                throw StoreError.corrupt("a response that conflicts on insert cannot be found")
            }
            if existingHash == row.hash {
                if existingBatch == batchID { counts.repeatedInFile += 1 } else { counts.unchanged += 1 }
                return
            }
            switch policy {
            case .fail:
                counts.conflicts.append(row.sourceRow)
            case .keep:
                counts.kept += 1
            case .replace:
                try db.execute("""
                    INSERT INTO replaced_response SELECT id, ?, survey_id, batch_id, response_key, person_key, source_id, person_id, wave, provider,
                        started_at, submitted_at, status, flag, source_row, content_hash, answers, scoring_id, scores FROM response WHERE id = ?
                    """, batchID, existingID)
                try db.execute("DELETE FROM response WHERE id = ?", existingID)
                try insert(row, bytes, statement)
                counts.replaced += 1
            }
        }

        private func insert(_ row: EncodedRow, _ bytes: UnsafeRawBufferPointer, _ statement: Statement) throws {
            statement.reset()
            try statement.bind(surveyID, at: 1)
            try statement.bind(batchID, at: 2)
            // The block's bytes and the pooled texts outlive the bindings (see `run`): no copies.
            try statement.bindBlob(bytes[row.responseKey], at: 3, lifetime: .borrowedUntilRebound)
            if let personKey = row.personKey { try statement.bindBlob(bytes[personKey], at: 4, lifetime: .borrowedUntilRebound) } else { try statement.bindNull(at: 4) }
            try statement.bind(row.sourceID, at: 5)
            try statement.bind(row.personID, at: 6)
            try bindPooled(row.wave, at: 7, statement)
            try bindPooled(row.provider, at: 8, statement)
            if let span = row.startedAt { try statement.bindUTF8(bytes[span].assumingMemoryBound(to: UInt8.self), at: 9, lifetime: .borrowedUntilRebound) } else { try statement.bindNull(at: 9) }
            if let span = row.submittedAt { try statement.bindUTF8(bytes[span].assumingMemoryBound(to: UInt8.self), at: 10, lifetime: .borrowedUntilRebound) } else { try statement.bindNull(at: 10) }
            try bindPooled(row.partial ? "partial" : "complete", at: 11, statement)
            try statement.bind(row.flag, at: 12)
            try statement.bind(row.sourceRow, at: 13)
            try statement.bind(row.hash, at: 14)
            try statement.bindBlob(bytes[row.answers], at: 15, lifetime: .borrowedUntilRebound)
            try statement.bind(row.scoringID, at: 16)
            try statement.bindBlob(bytes[row.scores], at: 17, lifetime: .borrowedUntilRebound)
            _ = try statement.step()
        }

        /// Binds one of the few texts repeated on every row (wave, provider, status) from
        /// a copy the writer keeps for the whole import; past `TextPool.capacity` distinct
        /// texts, binds a copy as usual. The parameter index is the pool's slot.
        private func bindPooled(_ text: String?, at index: Int, _ statement: Statement) throws {
            guard let text else { return try statement.bindNull(at: index) }
            if let bytes = texts.bytes(of: text, slot: index) {
                try statement.bindUTF8(bytes, at: index, lifetime: .borrowedUntilRebound)
            } else {
                try statement.bind(text, at: index)
            }
        }
    }
}

/// UTF-8 copies of distinct strings, kept until the pool goes (at most `capacity` of them).
/// Each caller's slot remembers its last text, so a run of equal values costs one comparison.
/// Texts are told apart by their bytes, not by `String`'s `==` (which equates canonically
/// equivalent spellings): what is stored is exactly what was read.
final class TextPool {
    static let capacity = 1024
    private var entries: [[UInt8]: UnsafeMutableBufferPointer<UInt8>] = [:]
    private var recent: [UnsafeBufferPointer<UInt8>?]

    init(slots: Int) { recent = Array(repeating: nil, count: slots) }

    /// The pooled bytes of `text`, or nil when the pool is full.
    func bytes(of text: String, slot: Int) -> UnsafeBufferPointer<UInt8>? {
        if let last = recent[slot], last.elementsEqual(text.utf8) { return last }
        let key = Array(text.utf8)
        let bytes: UnsafeBufferPointer<UInt8>
        if let known = entries[key] {
            bytes = UnsafeBufferPointer(known)
        } else {
            guard entries.count < Self.capacity else { return nil }
            let made = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: key.count)
            _ = made.initialize(from: key)
            entries[key] = made
            bytes = UnsafeBufferPointer(made)
        }
        recent[slot] = bytes
        return bytes
    }

    deinit { for bytes in entries.values { bytes.deallocate() } }
}

extension UnsafeRawBufferPointer {
    /// The bytes of a row's span.
    subscript(span: EncodedRow.Span) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: self[Int(span.start)..<Int(span.end)])
    }
}

import Foundation
import KithCore

extension ImportSession {
    /// The thread that stores encoded rows. It alone uses the connection between
    /// `start()` and `finish()`; blocks reach it through a queue of at most two,
    /// so the reading thread never runs far ahead (memory stays flat).
    ///
    /// It tells new responses from stored ones by their keys (`KeyIndex`, loaded
    /// with the survey's stored keys), applies the conflict policy, and packs the
    /// responses it adds into `response_block` rows of up to 4,096.
    final class Writer: @unchecked Sendable {
        struct Block: Sendable {
            var values: [(question: Int, id: Int, text: String)]
            var rows: [EncodedRow]
            /// The bytes the rows' spans point into.
            var bytes: [UInt8]
        }

        struct Counts {
            var added = 0, unchanged = 0, repeatedInFile = 0, replaced = 0, kept = 0, flagged = 0
            var conflicts: [Int] = []
        }

        private let db: Database
        private let surveyID: Int
        private let batchID: Int
        private let scoringID: Int
        private let policy: ConflictPolicy
        /// The keyers of the four kinds of stored key (`EncodedRow.KeyKind`, and the person's).
        private let respondentKeys: Pseudonymizer.Keyer, personWaveKeys: Pseudonymizer.Keyer
        private let contentKeys: Pseudonymizer.Keyer, personKeys: Pseudonymizer.Keyer
        // Guarded by `lock`.
        private let lock = NSCondition()
        private var queue: [Block] = []
        private var closed = false
        private var failure: (any Error)?
        private var finished = false
        /// Read only after `finish()`.
        @exclusivity(unchecked)
        private(set) var counts = Counts()
        // The writer thread's own (`@exclusivity(unchecked)`: no access overlaps another, so
        // the runtime checks, paid on every key, buy nothing).
        @exclusivity(unchecked)
        private var keys: KeyIndex
        @exclusivity(unchecked)
        private var builder = ResponseBlock.Builder()
        @exclusivity(unchecked)
        private var blockID: Int
        private let firstBlock: Int
        @exclusivity(unchecked)
        private var responseID: Int
        /// Slots replaced, written once the block they are in has been.
        @exclusivity(unchecked)
        private var removals: [Int64] = []
        /// Every 16 blocks (about 6 MB), the store file's pages start going to disk, so
        /// the commit's fsync waits for less.
        private let path: String
        @exclusivity(unchecked)
        private var blocksSinceWriteback = 0
        /// The keys of the block being stored, two a row (reused: nothing allocated per row).
        @exclusivity(unchecked)
        private var blockKeys: [UInt8] = []

        init(store: Store, surveyID: Int, batchID: Int, scoringID: Int, policy: ConflictPolicy, pseudonymizer: Pseudonymizer) throws {
            respondentKeys = pseudonymizer.keyer(namespace: "respondent")
            personWaveKeys = pseudonymizer.keyer(namespace: "person-wave")
            contentKeys = pseudonymizer.keyer(namespace: "content")
            personKeys = pseudonymizer.keyer(namespace: "person")
            self.db = store.db
            self.surveyID = surveyID
            self.batchID = batchID
            self.scoringID = scoringID
            self.policy = policy
            keys = try store.loadKeys(survey: surveyID)
            (blockID, responseID) = try store.nextBlockIDs()
            firstBlock = blockID
            path = store.path
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
                while let block = next() {
                    for value in block.values {
                        insertValue.reset()
                        try insertValue.bind(value.question, at: 1)
                        try insertValue.bind(value.id, at: 2)
                        try insertValue.bind(value.text, at: 3)
                        _ = try insertValue.step()
                    }
                    try block.bytes.withUnsafeBufferPointer { bytes in try store(block.rows, bytes) }
                }
                try flush()
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

        /// Adds a block's rows, except those whose responses are stored already: those it counts,
        /// or applies the policy to. The rows' keys are computed first, so that each key's slot
        /// in `keys` can be prefetched a few rows before it is looked up.
        private func store(_ rows: [EncodedRow], _ bytes: UnsafeBufferPointer<UInt8>) throws {
            blockKeys.removeAll(keepingCapacity: true)
            for row in rows { appendKeys(row, bytes) }
            try blockKeys.withUnsafeBufferPointer { all in
                let length = ResponseBlock.keyLength
                let ahead = 8
                func key(_ index: Int) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: all[2 * length * index..<(2 * index + 1) * length])
                }
                for index in rows.indices.prefix(ahead) { keys.prefetch(key(index)) }
                for (index, row) in rows.enumerated() {
                    if index + ahead < rows.count { keys.prefetch(key(index + ahead)) }
                    let personKey =
                        row.personKey == nil ? nil : UnsafeBufferPointer(rebasing: all[(2 * index + 1) * length..<2 * length * (index + 1)])
                    try store(row, bytes, key: key(index), personKey: personKey)
                }
            }
        }

        /// Appends the stored keys of the row's identifiers to `blockKeys` (see `EncodedRow.KeyKind`):
        /// the response key, then the person key, or zeros when there is none.
        private func appendKeys(_ row: EncodedRow, _ bytes: UnsafeBufferPointer<UInt8>) {
            let identifier = UnsafeRawBufferPointer(bytes[row.responseKey])
            let length = ResponseBlock.keyLength
            let wave = row.wave.map { UnsafeRawBufferPointer(bytes[$0]) }
            switch row.keyKind {
            case .respondent:
                respondentKeys.appendKey(of: identifier, suffix: wave, length: length, to: &blockKeys)
            case .personWave:
                // With no wave, NUL and nothing: a person answers once.
                personWaveKeys.appendKey(of: identifier, suffix: wave ?? UnsafeRawBufferPointer(start: nil, count: 0), length: length, to: &blockKeys)
            case .content:
                contentKeys.appendKey(of: identifier, length: length, to: &blockKeys)
            }
            if let span = row.personKey {
                personKeys.appendKey(of: UnsafeRawBufferPointer(bytes[span]), length: length, to: &blockKeys)
            } else {
                blockKeys.append(contentsOf: repeatElement(0, count: length))
            }
        }

        private func store(
            _ row: EncodedRow, _ bytes: UnsafeBufferPointer<UInt8>, key: UnsafeBufferPointer<UInt8>,
            personKey: UnsafeBufferPointer<UInt8>?
        ) throws {
            let location = ResponseBlock.location(block: blockID, slot: builder.count)
            // The content hash tells a changed response from a repeated one (computed here, off the reading thread).
            let hash = AnswerCoding.contentHash(bytes[row.answers])
            guard let entry = keys.insert(key, hash: hash, location: location) else {
                return try add(row, bytes, hash: hash, key: key, personKey: personKey)
            }
            if keys.hash(at: entry) == hash {
                if ResponseBlock.block(of: keys.location(at: entry)) >= firstBlock { counts.repeatedInFile += 1 } else { counts.unchanged += 1 }
                return
            }
            switch policy {
            case .fail:
                counts.conflicts.append(row.sourceRow)
            case .keep:
                counts.kept += 1
            case .replace:
                removals.append(keys.location(at: entry))
                keys.update(at: entry, hash: hash, location: location)
                try add(row, bytes, hash: hash, key: key, personKey: personKey)
                counts.added -= 1
                counts.replaced += 1
            }
        }

        private func add(
            _ row: EncodedRow, _ bytes: UnsafeBufferPointer<UInt8>, hash: Int64, key: UnsafeBufferPointer<UInt8>,
            personKey: UnsafeBufferPointer<UInt8>?
        ) throws {
            func span(_ span: EncodedRow.Span?) -> UnsafeBufferPointer<UInt8>? { span.map { bytes[$0] } }
            builder.append(
                key: key, hash: hash, partial: row.partial, wave: span(row.wave), provider: span(row.provider),
                flag: span(row.flag), sourceRow: row.sourceRow, personKey: personKey, sourceID: span(row.sourceID),
                personID: span(row.personID), startedAt: span(row.startedAt), submittedAt: span(row.submittedAt),
                answers: bytes[row.answers], scores: bytes[row.scores])
            counts.added += 1
            if row.flag != nil { counts.flagged += 1 }
            if builder.isFull { try flush() }
        }

        /// Inserts the block being built, then the replacements noted so far.
        private func flush() throws {
            if builder.count > 0 {
                try ResponseBlock.insert(builder, id: blockID, survey: surveyID, batch: batchID, firstID: responseID, scoring: scoringID, into: db)
                responseID += builder.count
                blockID += 1
                builder.reset()
                blocksSinceWriteback += 1
                if blocksSinceWriteback == 16, let file = try? Platform.openForReading(path) {
                    Platform.startWriteback(file)
                    blocksSinceWriteback = 0
                }
            }
            for location in removals {
                try db.execute(
                    "INSERT INTO response_removed (block_id, slot, by_batch) VALUES (?, ?, ?)",
                    ResponseBlock.block(of: location), ResponseBlock.slot(of: location), batchID)
            }
            removals.removeAll()
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The bytes of a row's span.
    subscript(span: EncodedRow.Span) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: self[Int(span.start)..<Int(span.end)])
    }
}

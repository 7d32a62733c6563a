extension ResponseBlock {
    /// Builds a block's bytes a row at a time (see `ResponseBlock` for the layout).
    struct Builder {
        private(set) var count = 0
        private var keys: [UInt8] = []
        private var rows: [UInt8] = []
        /// Waves, providers and flags, each with whether a row has it as its wave.
        private var texts = TextTable<Bool>()
        /// The distinct waves, in the order first added.
        private(set) var waves: [String] = []

        init() {
            keys.reserveCapacity(ResponseBlock.capacity * ResponseBlock.keyEntry)
            rows.reserveCapacity(ResponseBlock.capacity * 64)
        }

        var isFull: Bool { count >= ResponseBlock.capacity }

        /// Empties the builder for the next block, keeping its buffers.
        mutating func reset() {
            count = 0
            keys.removeAll(keepingCapacity: true)
            rows.removeAll(keepingCapacity: true)
            texts = TextTable()
            waves = []
        }

        /// Appends one response. `key` and `personKey` are 16 bytes.
        /// `Text` is the type of the texts (wave, provider, flag, kept ids): the import passes a
        /// `String.UTF8View`, the readers of stored blocks their bytes.
        mutating func append<Bytes: Collection<UInt8>, Text: Collection<UInt8>>(
            key: Bytes, hash: Int64, partial: Bool, wave: Text?, provider: Text?, flag: Text?, sourceRow: Int, personKey: Bytes?,
            sourceID: Text?, personID: Text?, startedAt: Bytes?, submittedAt: Bytes?, answers: Bytes, scores: Bytes
        ) {
            precondition(key.count == ResponseBlock.keyLength && (personKey?.count ?? ResponseBlock.keyLength) == ResponseBlock.keyLength)
            precondition(!isFull)
            keys.append(contentsOf: key)
            withUnsafeBytes(of: hash.littleEndian) { keys.append(contentsOf: $0.assumingMemoryBound(to: UInt8.self)) }
            var flags: UInt8 = partial ? Bits.partial : 0
            if personKey != nil { flags |= Bits.personKey }
            if sourceID != nil { flags |= Bits.sourceID }
            if personID != nil { flags |= Bits.personID }
            if startedAt != nil { flags |= Bits.started }
            if submittedAt != nil { flags |= Bits.submitted }
            rows.append(flags)
            varint(number(of: wave, field: 0))
            varint(number(of: provider, field: 1))
            varint(number(of: flag, field: 2))
            varint(sourceRow)
            if let personKey { rows.append(contentsOf: personKey) }
            if let sourceID { span(sourceID) }
            if let personID { span(personID) }
            if let startedAt { span(startedAt) }
            if let submittedAt { span(submittedAt) }
            span(answers)
            span(scores)
            count += 1
        }

        /// Appends a stored row again (rescore, migration), with `scores` in place of its own.
        mutating func append(_ row: StoredRow, scores: UnsafeBufferPointer<UInt8>? = nil) {
            append(
                key: row.key, hash: row.hash, partial: row.partial, wave: row.wave, provider: row.provider, flag: row.flag,
                sourceRow: row.sourceRow, personKey: row.personKey, sourceID: row.sourceID, personID: row.personID,
                startedAt: row.startedAt, submittedAt: row.submittedAt, answers: row.answers, scores: scores ?? row.scores)
        }

        /// The block's bytes.
        func encoded() -> [UInt8] {
            var bytes: [UInt8] = [ResponseBlock.format]
            bytes.reserveCapacity(16 + keys.count + rows.count + texts.keys.reduce(0) { $0 + $1.count + 2 })
            AnswerCoding.appendVarint(UInt64(count), to: &bytes)
            bytes.append(contentsOf: keys)
            AnswerCoding.appendVarint(UInt64(texts.count), to: &bytes)
            for text in texts.keys {
                AnswerCoding.appendVarint(UInt64(text.count), to: &bytes)
                bytes.append(contentsOf: text)
            }
            bytes.append(contentsOf: rows)
            return bytes
        }

        /// The text number (index + 1) of a wave, provider or flag, added to the block's texts when new.
        private mutating func number(of text: (some Collection<UInt8>)?, field: Int) -> Int {
            guard let text else { return 0 }
            let index =
                text.withContiguousStorageIfAvailable { texts.index(of: $0) { _ in false } }
                ?? Array(text).withUnsafeBufferPointer { texts.index(of: $0) { _ in false } }
            if field == 0, !texts.values[index] {
                texts.setValue(true, at: index)
                waves.append(String(decoding: texts.keys[index], as: UTF8.self))
            }
            return index + 1
        }

        @inline(__always)
        private mutating func varint(_ value: Int) { AnswerCoding.appendVarint(UInt64(value), to: &rows) }

        @inline(__always)
        private mutating func span(_ bytes: some Collection<UInt8>) {
            varint(bytes.count)
            rows.append(contentsOf: bytes)
        }
    }
}

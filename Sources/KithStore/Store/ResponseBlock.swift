/// Up to 4,096 stored responses of one import batch, kept as one `response_block`
/// row's `data` (schema v5). One SQLite row per response cost an import one
/// SQLite insert per response; a block is one insert.
///
/// Layout (`v` is an unsigned LEB128 varint, as in `AnswerCoding`):
///
///     u8 format (1)
///     v  count
///     count × (16-byte response key, 8-byte content hash, little-endian)
///     v  texts, then texts × (v length, UTF-8)   -- the block's waves, providers and flags
///     count × row:
///        u8 bits: 1 partial, 2 person key, 4 source id, 8 person id, 16 started, 32 submitted
///        v wave, v provider, v flag (0 for none, else text index + 1), v source row
///        [16-byte person key] [v length, source id] [v length, person id]
///        [v length, started at] [v length, submitted at]
///        v length, answers (`AnswerCoding`); v length, scores (`AnswerCoding`)
///
/// The keys come first so an import can load a survey's keys without reading the rows.
enum ResponseBlock {
    static let format: UInt8 = 1
    static let capacity = 4096
    static let keyLength = 16
    static let keyEntry = keyLength + 8

    enum Bits {
        static let partial: UInt8 = 1, personKey: UInt8 = 2, sourceID: UInt8 = 4, personID: UInt8 = 8, started: UInt8 = 16, submitted: UInt8 = 32
    }

    /// The location of a response: its block and slot, as one integer.
    @inline(__always) static func location(block: Int, slot: Int) -> Int64 { Int64(block) << 16 | Int64(slot) }
    @inline(__always) static func block(of location: Int64) -> Int { Int(location >> 16) }
    @inline(__always) static func slot(of location: Int64) -> Int { Int(location & 0xFFFF) }
}

/// One response of a block, as spans of the block's bytes (valid while the block's bytes are).
struct StoredRow {
    var slot: Int
    var key: UnsafeBufferPointer<UInt8>
    var hash: Int64
    var partial: Bool
    /// 0 for none, else the block's text index + 1.
    var waveText: Int
    var wave: UnsafeBufferPointer<UInt8>?
    var provider: UnsafeBufferPointer<UInt8>?
    var flag: UnsafeBufferPointer<UInt8>?
    var sourceRow: Int
    var personKey: UnsafeBufferPointer<UInt8>?
    var sourceID: UnsafeBufferPointer<UInt8>?
    var personID: UnsafeBufferPointer<UInt8>?
    var startedAt: UnsafeBufferPointer<UInt8>?
    var submittedAt: UnsafeBufferPointer<UInt8>?
    var answers: UnsafeBufferPointer<UInt8>
    var scores: UnsafeBufferPointer<UInt8>
}

extension ResponseBlock {
    /// Reads a block's bytes; every length is checked against the bytes there are.
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let count: Int
        private let keysAt: Int
        private(set) var texts: [UnsafeBufferPointer<UInt8>] = []
        private let rowsAt: Int

        init(_ bytes: UnsafeBufferPointer<UInt8>) throws {
            self.bytes = bytes
            guard bytes.count > 1, bytes[0] == ResponseBlock.format else { throw StoreError.corrupt("a response block has an unknown format") }
            var offset = 1
            let count = try Self.varint(bytes, &offset)
            guard count <= ResponseBlock.capacity, offset + count * ResponseBlock.keyEntry <= bytes.count else { throw Self.damaged }
            self.count = count
            keysAt = offset
            offset += count * ResponseBlock.keyEntry
            let textCount = try Self.varint(bytes, &offset)
            texts.reserveCapacity(textCount)
            for _ in 0..<textCount { texts.append(try Self.span(bytes, &offset)) }
            rowsAt = offset
        }

        /// The response key in `slot`.
        func key(_ slot: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(
                rebasing: bytes[keysAt + slot * ResponseBlock.keyEntry..<keysAt + slot * ResponseBlock.keyEntry + ResponseBlock.keyLength])
        }

        /// The content hash of the response in `slot`.
        func hash(_ slot: Int) -> Int64 {
            let at = keysAt + slot * ResponseBlock.keyEntry + ResponseBlock.keyLength
            return Int64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + at).loadUnaligned(as: Int64.self))
        }

        /// The text index + 1 of `text` in this block, or nil when no row has it.
        func textNumber(of text: String) -> Int? {
            texts.firstIndex { $0.elementsEqual(text.utf8) }.map { $0 + 1 }
        }

        /// Calls `body` with each row in slot order.
        func forEachRow(_ body: (StoredRow) throws -> Void) throws {
            var offset = rowsAt
            for slot in 0..<count {
                guard offset < bytes.count else { throw Self.damaged }
                let bits = bytes[offset]
                offset += 1
                let wave = try Self.varint(bytes, &offset)
                let provider = try Self.varint(bytes, &offset)
                let flag = try Self.varint(bytes, &offset)
                let sourceRow = try Self.varint(bytes, &offset)
                var personKey: UnsafeBufferPointer<UInt8>?
                if bits & Bits.personKey != 0 {
                    guard offset + ResponseBlock.keyLength <= bytes.count else { throw Self.damaged }
                    personKey = UnsafeBufferPointer(rebasing: bytes[offset..<offset + ResponseBlock.keyLength])
                    offset += ResponseBlock.keyLength
                }
                let sourceID = bits & Bits.sourceID != 0 ? try Self.span(bytes, &offset) : nil
                let personID = bits & Bits.personID != 0 ? try Self.span(bytes, &offset) : nil
                let started = bits & Bits.started != 0 ? try Self.span(bytes, &offset) : nil
                let submitted = bits & Bits.submitted != 0 ? try Self.span(bytes, &offset) : nil
                let answers = try Self.span(bytes, &offset)
                let scores = try Self.span(bytes, &offset)
                try body(
                    StoredRow(
                        slot: slot, key: key(slot), hash: hash(slot), partial: bits & Bits.partial != 0, waveText: wave,
                        wave: try text(wave), provider: try text(provider), flag: try text(flag), sourceRow: sourceRow,
                        personKey: personKey, sourceID: sourceID, personID: personID, startedAt: started, submittedAt: submitted,
                        answers: answers, scores: scores))
            }
        }

        @inline(__always)
        private func text(_ number: Int) throws -> UnsafeBufferPointer<UInt8>? {
            guard number > 0 else { return nil }
            guard number <= texts.count else { throw Self.damaged }
            return texts[number - 1]
        }

        static let damaged = StoreError.corrupt("a response block is shorter than its contents say")

        @inline(__always)
        static func varint(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: inout Int) throws -> Int {
            guard let value = AnswerCoding.readVarint(bytes, &offset), value <= UInt64(Int32.max) else { throw damaged }
            return Int(value)
        }

        @inline(__always)
        static func span(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: inout Int) throws -> UnsafeBufferPointer<UInt8> {
            let length = try varint(bytes, &offset)
            guard length <= bytes.count - offset else { throw damaged }
            defer { offset += length }
            return UnsafeBufferPointer(rebasing: bytes[offset..<offset + length])
        }
    }
}

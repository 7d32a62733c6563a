/// The compact encodings of a response's answers and scores, kept in the
/// `response.answers` and `response.scores` blobs. (A million responses with
/// twenty answers each would be twenty million rows in an answer table;
/// packed, they are two blobs a response.)
///
/// Answers: a sequence of entries `varint(question position) varint(value)`,
/// in increasing position, blank answers omitted. For instrument items the
/// value is `zigzag(code) << 2 | 0` for a code, `zigzag(code) << 2 | 1` for a
/// source's missing-answer code (9, -99), and `valueID << 2 | 2` for an answer
/// that is not an option (its text is kept in `question_value`, so `kith
/// rescore` can read it again under a newer definition). For the survey's own
/// questions the value is an id in `question_value`.
///
/// Scores: for each scale of the response's `scoring`, in order, one status
/// byte (0 complete, 1 prorated, 2 incomplete, 3 invalid), then — for scored
/// values — the value as a little-endian IEEE double, and the raw sum likewise
/// when the scale converts it.
package enum AnswerCoding {
    /// One decoded answer.
    package enum Value: Sendable, Hashable {
        case code(Int)
        case missingCode(Int)
        case invalid(valueID: Int)
        case value(id: Int)
    }

    // MARK: Varints

    @inline(__always)
    static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    @inline(__always)
    static func readVarint(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: inout Int) -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
        return nil
    }

    @inline(__always) static func zigzag(_ value: Int) -> UInt64 { UInt64(bitPattern: Int64((value << 1) ^ (value >> 63))) }
    @inline(__always) static func unzigzag(_ value: UInt64) -> Int { Int(Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)) }

    // MARK: Answers

    /// Appends one answer (positions must increase).
    package static func append(position: Int, _ value: Value, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Writer.maxAnswerBytes) { buffer in
            var writer = Writer(buffer.baseAddress!)
            writer.answer(position: position, value)
            bytes.append(contentsOf: writer.written)
        }
    }

    /// Calls `body` with each answer of an encoded blob.
    /// - Throws: `StoreError.corrupt` when the blob is not a valid encoding.
    package static func forEachAnswer(_ blob: UnsafeBufferPointer<UInt8>, _ body: (Int, Value) throws -> Void) throws {
        var offset = 0
        while offset < blob.count {
            guard let position = readVarint(blob, &offset), let raw = readVarint(blob, &offset) else {
                throw StoreError.corrupt("an answers blob ends in the middle of an entry")
            }
            let payload = raw >> 2
            switch raw & 3 {
            case 0: try body(Int(position), .code(unzigzag(payload)))
            case 1: try body(Int(position), .missingCode(unzigzag(payload)))
            case 2: try body(Int(position), .invalid(valueID: Int(payload)))
            default: try body(Int(position), .value(id: Int(payload)))
            }
        }
    }

    package static func answers(_ blob: [UInt8]) throws -> [(position: Int, value: Value)] {
        var result: [(Int, Value)] = []
        try blob.withUnsafeBufferPointer { try forEachAnswer($0) { result.append(($0, $1)) } }
        return result
    }

    // MARK: Scores

    /// A stored score: status and, when scored, value and raw sum.
    package struct StoredScore: Sendable, Hashable {
        package enum Status: UInt8, Sendable, Hashable {
            case complete = 0
            case prorated
            case incomplete
            case invalid
            /// Scored as the sum of the answered items (a definition's `answered-sum:N` rule).
            case answeredSum

            /// Whether a score of this status has a value (and a raw sum, when the scale keeps one).
            package var hasValue: Bool { self == .complete || self == .prorated || self == .answeredSum }
        }
        package var status: Status
        package var value: Double?
        package var raw: Double?
        package init(status: Status, value: Double?, raw: Double?) {
            self.status = status
            self.value = value
            self.raw = raw
        }
    }

    /// Flags in a score's status byte saying how its numbers are written. A
    /// byte without them (every store before 0.1's compact scores) means 8-byte
    /// doubles. Whole numbers (UCLA sums, WEMWBS totals) and hundredths (the
    /// SWEMWBS metric table) are written as zig-zag varints when the round trip
    /// is exact; anything else stays a double.
    static let valueWhole: UInt8 = 0x10, valueHundredths: UInt8 = 0x20, rawWhole: UInt8 = 0x40, statusMask: UInt8 = 0x0F

    /// Encodes scores; `hasRaw[i]` says whether scale i keeps a raw sum.
    package static func encodeScores(_ scores: [StoredScore], hasRaw: [Bool]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scores.count * 4)
        appendScores(scores, hasRaw: hasRaw, to: &bytes)
        return bytes
    }

    /// Appends the encoded scores to `bytes`.
    package static func appendScores(_ scores: some Sequence<StoredScore>, hasRaw: [Bool], to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, hasRaw.count) * Writer.maxScoreBytes) { buffer in
            var writer = Writer(buffer.baseAddress!)
            writer.scores(scores, hasRaw: hasRaw)
            bytes.append(contentsOf: writer.written)
        }
    }

    @inline(__always) static func exactInteger(_ value: Double) -> Int? {
        // Below 9e15 every whole double converts exactly, so the round trip tells whole from not
        // (without a call to the C library's `round` for each score).
        guard value.isFinite, abs(value) < 9.0e15 else { return nil }
        let whole = Int(value)
        return Double(whole) == value ? whole : nil
    }

    @inline(__always) static func exactHundredths(_ value: Double) -> Int? {
        guard value.isFinite, abs(value) < 9.0e13 else { return nil }
        let scaled = (value * 100).rounded()
        return Double(Int(scaled)) / 100 == value ? Int(scaled) : nil
    }

    package static func decodeScores(_ blob: UnsafeBufferPointer<UInt8>, hasRaw: [Bool]) throws -> [StoredScore] {
        var scores: [StoredScore] = []
        scores.reserveCapacity(hasRaw.count)
        try forEachStoredScore(blob, hasRaw: hasRaw) { _, score in scores.append(score) }
        return scores
    }

    /// Calls `body` with the index, status and value of each scale of a scores blob, in order,
    /// without allocating (the summaries read a million blobs this way).
    /// - Throws: `StoreError.corrupt` when the blob does not match `hasRaw`.
    package static func forEachScore(_ blob: UnsafeBufferPointer<UInt8>, hasRaw: [Bool], _ body: (Int, StoredScore.Status, Double?) throws -> Void)
        throws
    {
        try forEachStoredScore(blob, hasRaw: hasRaw) { index, score in try body(index, score.status, score.value) }
    }

    /// Reads a scores blob scale by scale (the one decoder behind `decodeScores` and `forEachScore`).
    @inline(__always)
    static func forEachStoredScore(_ blob: UnsafeBufferPointer<UInt8>, hasRaw: [Bool], _ body: (Int, StoredScore) throws -> Void) throws {
        var offset = 0
        func number(whole: Bool, hundredths: Bool) throws -> Double? {
            let value: Double
            if whole || hundredths {
                guard let bits = readVarint(blob, &offset) else { throw StoreError.corrupt("a scores blob ends inside a value") }
                value = hundredths ? Double(unzigzag(bits)) / 100 : Double(unzigzag(bits))
            } else {
                guard offset + 8 <= blob.count else { throw StoreError.corrupt("a scores blob ends inside a value") }
                value = readDouble(blob, &offset)
            }
            return value.isNaN ? nil : value
        }
        for (index, keepsRaw) in hasRaw.enumerated() {
            guard offset < blob.count, let status = StoredScore.Status(rawValue: blob[offset] & statusMask) else {
                throw StoreError.corrupt("a scores blob is shorter than its scoring")
            }
            let flags = blob[offset]
            offset += 1
            guard status.hasValue else {
                try body(index, StoredScore(status: status, value: nil, raw: nil))
                continue
            }
            let value = try number(whole: flags & valueWhole != 0, hundredths: flags & valueHundredths != 0)
            let raw = keepsRaw ? try number(whole: flags & rawWhole != 0, hundredths: false) : nil
            try body(index, StoredScore(status: status, value: value, raw: raw))
        }
    }

    @inline(__always)
    static func appendDouble(_ value: Double, to bytes: inout [UInt8]) {
        var bits = value.bitPattern.littleEndian
        withUnsafeBytes(of: &bits) { bytes.append(contentsOf: $0) }
    }

    @inline(__always)
    static func readDouble(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: inout Int) -> Double {
        var bits: UInt64 = 0
        for index in 0..<8 { bits |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += 8
        return Double(bitPattern: UInt64(littleEndian: bits))
    }

    /// FNV-1a 64-bit hash of an answers blob: detects a response whose answers
    /// changed between two exports (it is not a security measure).
    @inline(__always)
    package static func contentHash(_ bytes: some Sequence<UInt8>) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return Int64(bitPattern: hash)
    }
}

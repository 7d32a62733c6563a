/// The compact encodings of a response's answers and scores, kept in the
/// `response.answers` and `response.scores` blobs. (A million responses with
/// twenty answers each would be twenty million rows in an answer table;
/// packed, they import and summarise in seconds.)
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
public enum AnswerCoding {
    /// One decoded answer.
    public enum Value: Sendable, Hashable {
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
    @inline(__always)
    public static func append(position: Int, _ value: Value, to bytes: inout [UInt8]) {
        appendVarint(UInt64(position), to: &bytes)
        switch value {
        case .code(let code): appendVarint(zigzag(code) << 2, to: &bytes)
        case .missingCode(let code): appendVarint(zigzag(code) << 2 | 1, to: &bytes)
        case .invalid(let id): appendVarint(UInt64(id) << 2 | 2, to: &bytes)
        case .value(let id): appendVarint(UInt64(id) << 2 | 3, to: &bytes)
        }
    }

    /// Calls `body` with each answer of an encoded blob.
    /// - Throws: `StoreError.corrupt` when the blob is not a valid encoding.
    public static func forEachAnswer(_ blob: UnsafeBufferPointer<UInt8>, _ body: (Int, Value) throws -> Void) throws {
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

    public static func answers(_ blob: [UInt8]) throws -> [(position: Int, value: Value)] {
        var result: [(Int, Value)] = []
        try blob.withUnsafeBufferPointer { try forEachAnswer($0) { result.append(($0, $1)) } }
        return result
    }

    // MARK: Scores

    /// A stored score: status and, when scored, value and raw sum.
    public struct StoredScore: Sendable, Hashable {
        public enum Status: UInt8, Sendable, Hashable { case complete = 0, prorated, incomplete, invalid }
        public var status: Status
        public var value: Double?
        public var raw: Double?
        public init(status: Status, value: Double?, raw: Double?) {
            self.status = status
            self.value = value
            self.raw = raw
        }
    }

    /// Encodes scores; `hasRaw[i]` says whether scale i keeps a raw sum.
    public static func encodeScores(_ scores: [StoredScore], hasRaw: [Bool]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scores.count * 17)
        for (index, score) in scores.enumerated() {
            bytes.append(score.status.rawValue)
            guard score.status == .complete || score.status == .prorated else { continue }
            appendDouble(score.value ?? .nan, to: &bytes)
            if hasRaw[index] { appendDouble(score.raw ?? .nan, to: &bytes) }
        }
        return bytes
    }

    public static func decodeScores(_ blob: UnsafeBufferPointer<UInt8>, hasRaw: [Bool]) throws -> [StoredScore] {
        var offset = 0
        var scores: [StoredScore] = []
        scores.reserveCapacity(hasRaw.count)
        for keepsRaw in hasRaw {
            guard offset < blob.count, let status = StoredScore.Status(rawValue: blob[offset]) else {
                throw StoreError.corrupt("a scores blob is shorter than its scoring")
            }
            offset += 1
            guard status == .complete || status == .prorated else {
                scores.append(StoredScore(status: status, value: nil, raw: nil))
                continue
            }
            guard offset + (keepsRaw ? 16 : 8) <= blob.count else { throw StoreError.corrupt("a scores blob ends inside a value") }
            let value = readDouble(blob, &offset)
            let raw = keepsRaw ? readDouble(blob, &offset) : nil
            scores.append(StoredScore(status: status, value: value, raw: raw))
        }
        return scores
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
    public static func contentHash(_ bytes: [UInt8]) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return Int64(bitPattern: hash)
    }
}

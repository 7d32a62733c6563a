extension AnswerCoding {
    /// Writes answers and scores (the encodings `AnswerCoding` describes) through a
    /// pointer: the import encodes a whole row this way, then appends it to its block
    /// in one copy. The caller provides the room (`maxAnswerBytes`, `maxScoreBytes`);
    /// no write checks it.
    struct Writer {
        let base: UnsafeMutablePointer<UInt8>
        private(set) var count = 0

        /// At most two 10-byte varints an answer.
        static let maxAnswerBytes = 20
        /// At most a status byte and two 10-byte varints (or 8-byte doubles) a scale.
        static let maxScoreBytes = 21

        init(_ base: UnsafeMutablePointer<UInt8>) { self.base = base }

        var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

        @inline(__always)
        mutating func byte(_ value: UInt8) {
            base[count] = value
            count += 1
        }

        @inline(__always)
        mutating func varint(_ value: UInt64) {
            var value = value
            while value >= 0x80 {
                byte(UInt8(truncatingIfNeeded: value) | 0x80)
                value >>= 7
            }
            byte(UInt8(value))
        }

        @inline(__always)
        mutating func bytes(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
            (base + count).update(from: source, count: bytes.count)
            count += bytes.count
        }

        /// One answer (positions must increase).
        @inline(__always)
        mutating func answer(position: Int, _ value: Value) {
            varint(UInt64(position))
            switch value {
            case .code(let code): varint(zigzag(code) << 2)
            case .missingCode(let code): varint(zigzag(code) << 2 | 1)
            case .invalid(let id): varint(UInt64(id) << 2 | 2)
            case .value(let id): varint(UInt64(id) << 2 | 3)
            }
        }

        /// The scores of a response; `hasRaw[i]` says whether scale i keeps a raw sum.
        mutating func scores(_ scores: some Sequence<StoredScore>, hasRaw: [Bool]) {
            for (index, score) in scores.enumerated() {
                guard score.status.hasValue else {
                    byte(score.status.rawValue)
                    continue
                }
                let value = score.value ?? .nan
                let raw = hasRaw[index] ? score.raw ?? .nan : nil
                var flags: UInt8 = 0
                let whole = exactInteger(value)
                let hundredths = whole == nil ? exactHundredths(value) : nil
                if whole != nil { flags |= valueWhole } else if hundredths != nil { flags |= valueHundredths }
                let rawInteger = raw.flatMap(exactInteger)
                if rawInteger != nil { flags |= rawWhole }
                byte(score.status.rawValue | flags)
                if let number = whole ?? hundredths { varint(zigzag(number)) } else { double(value) }
                if let raw {
                    if let rawInteger { varint(zigzag(rawInteger)) } else { double(raw) }
                }
            }
        }

        @inline(__always)
        private mutating func double(_ value: Double) {
            UnsafeMutableRawPointer(base + count).storeBytes(of: value.bitPattern.littleEndian, as: UInt64.self)
            count += 8
        }
    }
}

import KithCore

/// Turns the cells of one item's column into answers, remembering the answer
/// for each distinct cell it has seen (a column holds a handful of distinct
/// labels), so most cells cost a short byte comparison and no String.
struct CellDecoder {
    let resolver: OptionResolver
    private var keys: [[UInt8]] = []
    private var answers: [ItemAnswer] = []
    private static let capacity = 48

    init(resolver: OptionResolver) {
        self.resolver = resolver
    }

    mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> ItemAnswer {
        if bytes.isEmpty { return .missing(.blank) }
        for index in keys.indices where CellDecoder.equal(keys[index], bytes) { return answers[index] }
        let answer = resolver.resolve(String(decoding: bytes, as: UTF8.self))
        if keys.count < CellDecoder.capacity {
            keys.append(Array(bytes))
            answers.append(answer)
        }
        return answer
    }

    @inline(__always)
    private static func equal(_ key: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard key.count == bytes.count else { return false }
        return key.withUnsafeBufferPointer { stored in
            for offset in 0..<stored.count where stored[offset] != bytes[offset] { return false }
            return true
        }
    }
}

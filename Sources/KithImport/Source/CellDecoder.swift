import KithCore

/// Turns the cells of one item's column into answers, remembering the answer
/// for each distinct cell it has seen (a column holds a handful of distinct
/// labels), so most cells cost a short byte comparison and no String.
struct CellDecoder {
    let resolver: OptionResolver
    /// Exact cell text (as a `TextKey`) → code, checked before anything else (`--map` recodes).
    let recodes: [String: Int]
    /// Code → label from the export's codebook (REDCap dictionary).
    let codeLabels: [String: String]?
    let missingCodes: Set<Int>
    private var keys: [[UInt8]] = []
    private var signatures: [Int] = []
    private var answers: [ItemAnswer] = []
    private static let capacity = 48

    init(resolver: OptionResolver, recodes: [String: Int] = [:], codeLabels: [String: String]? = nil, missingCodes: Set<Int> = []) {
        self.resolver = resolver
        self.recodes = recodes
        self.codeLabels = codeLabels
        self.missingCodes = missingCodes
    }

    @inline(__always)
    mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> ItemAnswer {
        if bytes.isEmpty { return .missing(.blank) }
        // Most cells are one of a handful of labels: compare length and first byte, then the bytes.
        let count = bytes.count
        let first = bytes[0]
        for index in 0..<signatures.count where signatures[index] == count << 8 | Int(first) {
            if sameBytes(keys[index], bytes) { return answers[index] }
        }
        let answer = resolve(String(decoding: bytes, as: UTF8.self))
        if keys.count < CellDecoder.capacity {
            signatures.append(count << 8 | Int(first))
            keys.append(Array(bytes))
            answers.append(answer)
        }
        return answer
    }

    func resolve(_ text: String) -> ItemAnswer {
        let trimmed = text.trimmingSpaces()
        if trimmed.isEmpty { return .missing(.blank) }
        if !recodes.isEmpty, let code = recodes[TextKey(trimmed).value] {
            return missingCodes.contains(code) ? .missing(.missingCode(code)) : .code(code)
        }
        if let label = codeLabels?[trimmed] {
            if case .invalid = resolver.resolve(label), Int(trimmed) != nil { return resolver.resolve(trimmed) }
            return resolver.resolve(label)
        }
        return resolver.resolve(trimmed)
    }
}

/// Conventional "no answer" codes: accepted for an item only when they are not its options,
/// and always reported (`SourceTally.missingCodes`).
enum ConventionalMissing {
    static func codes(for options: [ResponseOption]) -> Set<Int> {
        let codes = Set(options.map(\.code))
        guard let largest = codes.max() else { return [] }
        var result: Set<Int> = [99, 999, -9, -99, -999]
        if largest < 9 { result.insert(9) }
        return result.subtracting(codes)
    }
}

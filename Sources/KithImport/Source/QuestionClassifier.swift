import KithCore

/// Judges what kind of answers a column holds from the first rows.
enum QuestionClassifier {
    static func classify(_ column: SourceColumn, values: [String], dialect: any Dialect) -> QuestionColumn {
        let answered = values.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        let codes = dialect.codeLabels(ofColumn: column.index)
        if let choice = dialect.choiceColumn(column.index) {
            return QuestionColumn(column: column, kind: .multiSelect, options: [choice.choice], question: choice.question, choice: choice.choice)
        }
        // The summary column of a question also given one column per choice (KoboToolbox "both").
        let perChoice = dialect.columns.compactMap { dialect.choiceColumn($0.index) }.filter { $0.question == column.header }.map(\.choice)
        if !perChoice.isEmpty {
            return QuestionColumn(column: column, kind: .multiSelect, options: perChoice, separator: dialect.multiSelectSeparator ?? " ")
        }
        let key = TextKey(column.header)
        if looksLikeIdentifier(key) {
            return QuestionColumn(column: column, kind: .identifier, possiblyIdentifying: true)
        }
        if let codes, !codes.isEmpty {
            let options = codes.keys.sorted { (Int($0) ?? 0, $0) < (Int($1) ?? 0, $1) }.map { codes[$0]! }
            return QuestionColumn(column: column, kind: .singleChoice, options: options, codeLabels: codes)
        }
        guard !answered.isEmpty else {
            return QuestionColumn(column: column, kind: looksLikeFreeText(key) ? .freeText : .empty, possiblyIdentifying: looksLikeFreeText(key))
        }
        if looksLikeFreeText(key) || answered.contains(where: { $0.contains("\n") }) {
            return QuestionColumn(column: column, kind: .freeText, possiblyIdentifying: true)
        }
        if answered.allSatisfy({ Double($0) != nil }) {
            return QuestionColumn(column: column, kind: .number)
        }
        if let separator = dialect.multiSelectSeparator ?? inferredSeparator(answered) {
            let joined = answered.filter { $0.contains(separator.trimmingSpaces().isEmpty ? separator : separator.trimmingSpaces()) }
            if !joined.isEmpty,
                joined.count * 5 >= answered.count || separator.hasSuffix(";") == false && joined.count >= 2
                    || answered.allSatisfy({ $0.hasSuffix(";") })
            {
                var options: [String] = []
                var seen: Set<String> = []
                let known = answered.filter { !$0.contains(separator.trimmingSpaces()) }
                for value in answered {
                    for choice in MultiSelect.split(value, separator: separator, known: known) where seen.insert(choice).inserted {
                        options.append(choice)
                    }
                }
                if options.count <= 40 {
                    return QuestionColumn(column: column, kind: .multiSelect, options: options, separator: separator)
                }
            }
        }
        if answered.contains(where: { $0.count > 80 }) {
            return QuestionColumn(column: column, kind: .freeText, possiblyIdentifying: true)
        }
        var distinct: [String] = []
        var seen: Set<String> = []
        for value in answered where seen.insert(value).inserted { distinct.append(value) }
        let longest = answered.map(\.count).max() ?? 0
        // A short list that repeats. Values that hardly repeat (ids, names, free answers) are never
        // listed as options: `kith inspect` prints options, and must not print identifiers.
        if distinct.count <= 30, longest <= 60, answered.count >= 4, Double(distinct.count) < 0.75 * Double(answered.count) {
            return QuestionColumn(column: column, kind: .singleChoice, options: distinct)
        }
        return QuestionColumn(column: column, kind: .freeText, possiblyIdentifying: true)
    }

    /// A separator for a tool that has none of its own (a generic CSV): `;` when at least two
    /// answers join choices with it and every joined piece is also given alone as an answer
    /// ("Library;Community hub" beside "Library" and "Community hub").
    static func inferredSeparator(_ answered: [String]) -> String? {
        let joined = answered.filter { $0.contains(";") }
        guard joined.count >= 2 else { return nil }
        let alone = Set(answered.filter { !$0.contains(";") })
        let pieces = Set(joined.flatMap { $0.split(separator: ";").map { String($0).trimmingSpaces() } })
        return !pieces.isEmpty && pieces.isSubset(of: alone) ? ";" : nil
    }

    static func looksLikeFreeText(_ key: TextKey) -> Bool {
        let value = " \(key.value) "
        return ["comment", "comments", "anything else", "tell us", "notes", "please specify", "please describe", "why", "other text", "text"]
            .contains { value.contains(" \($0) ") } || key.value.hasSuffix(" text")
    }

    static func looksLikeIdentifier(_ key: TextKey) -> Bool {
        let value = " \(key.value) "
        return [
            "your name", "full name", "first name", "last name", "surname", "email", "e mail", "phone", "telephone", "mobile",
            "postcode", "post code", "address", "date of birth", "dob", "nhs number"
        ].contains { value.contains(" \($0) ") }
    }
}

/// An open-addressing table of 64-bit hashes → (row, time), for duplicate detection in constant
/// memory per row (about 16 bytes per row seen).
struct HashRows {
    private var keys: [UInt64]
    private var rows: [Int32]
    private var times: [Int64]
    private var count = 0

    private let withTimes: Bool

    init(withTimes: Bool = true) {
        self.withTimes = withTimes
        keys = Array(repeating: 0, count: 1024)
        rows = Array(repeating: 0, count: 1024)
        times = withTimes ? Array(repeating: 0, count: 1024) : []
    }

    /// The stored (row, time) for `hash`, after which `hash` maps to (row, time).
    mutating func exchange(_ hash: UInt64, row: Int, time: Int64) -> (row: Int, time: Int64)? {
        let key = hash == 0 ? 1 : hash
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: key &* 0x9E37_79B9_7F4A_7C15 >> 20) & mask
        while keys[slot] != 0 {
            if keys[slot] == key {
                let previous = (Int(rows[slot]), times[slot])
                rows[slot] = Int32(truncatingIfNeeded: row)
                times[slot] = time
                return previous
            }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        rows[slot] = Int32(truncatingIfNeeded: row)
        times[slot] = time
        count += 1
        return nil
    }

    /// The row first stored for `hash`, or nil after storing `row`.
    mutating func firstRow(_ hash: UInt64, row: Int) -> Int? {
        let key = hash == 0 ? 1 : hash
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: key &* 0x9E37_79B9_7F4A_7C15 >> 20) & mask
        while keys[slot] != 0 {
            if keys[slot] == key { return Int(rows[slot]) }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        rows[slot] = Int32(truncatingIfNeeded: row)
        count += 1
        return nil
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldRows = rows
        let oldTimes = times
        let size = keys.count * 2
        keys = Array(repeating: 0, count: size)
        rows = Array(repeating: 0, count: size)
        times = withTimes ? Array(repeating: 0, count: size) : []
        count = 0
        let mask = size - 1
        for index in oldKeys.indices where oldKeys[index] != 0 {
            var slot = Int(truncatingIfNeeded: oldKeys[index] &* 0x9E37_79B9_7F4A_7C15 >> 20) & mask
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = oldKeys[index]
            rows[slot] = oldRows[index]
            if withTimes { times[slot] = oldTimes[index] }
            count += 1
        }
    }
}

/// FNV-1a over bytes.
struct FNV {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    @inline(__always) mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        value = (value ^ 0xFF) &* 0x0000_0100_0000_01B3 // field separator
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// The span without leading and trailing ASCII spaces and tabs (and no-break spaces' UTF-8 is left alone).
    @inlinable @inline(__always) func trimmedSpaces() -> UnsafeBufferPointer<UInt8> {
        guard let base = baseAddress, count > 0 else { return self }
        var start = 0
        var end = count
        while start < end, base[start] == 0x20 || base[start] == 0x09 { start += 1 }
        while end > start, base[end - 1] == 0x20 || base[end - 1] == 0x09 { end -= 1 }
        return UnsafeBufferPointer(start: base + start, count: end - start)
    }
}

/// Remembers response ids (with their wave) to find repeats. Ids that are whole numbers
/// arriving in increasing order (most exports) go into a sorted array, appended in order and
/// searched by bisection; all others into a hash table. Each id is in exactly one of them.
struct IDIndex {
    private var sortedIDs: [Int64] = []
    private var sortedWaves: [UInt32] = []
    private var sortedRows: [Int32] = []
    private var others = HashRows(withTimes: false)

    /// The row that first had this id in this wave, or nil (and the id is remembered).
    mutating func firstRow(id: UnsafeBufferPointer<UInt8>, wave: UnsafeBufferPointer<UInt8>, row: Int) -> Int? {
        var waveHash = FNV()
        waveHash.add(wave)
        let waveKey = UInt32(truncatingIfNeeded: waveHash.value)
        let number = IDIndex.canonicalNumber(id)
        if let number, number > (sortedIDs.last ?? -1) {
            sortedIDs.append(number)
            sortedWaves.append(waveKey)
            sortedRows.append(Int32(truncatingIfNeeded: row))
            return nil
        }
        if let number {
            // Bisect to the first entry not below `number`, then scan the equal run.
            var low = 0
            var high = sortedIDs.count
            while low < high {
                let middle = (low + high) / 2
                if sortedIDs[middle] < number { low = middle + 1 } else { high = middle }
            }
            while low < sortedIDs.count, sortedIDs[low] == number {
                if sortedWaves[low] == waveKey { return Int(sortedRows[low]) }
                low += 1
            }
        }
        var hash = FNV()
        hash.add(id)
        hash.add(wave)
        return others.firstRow(hash.value, row: row)
    }

    /// The id as a number when it is written canonically (digits, no leading zero, at most 18 digits).
    @inline(__always)
    static func canonicalNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard !bytes.isEmpty, bytes.count <= 18, bytes[0] != 0x30 || bytes.count == 1 else { return nil }
        var value: Int64 = 0
        for byte in bytes {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int64(byte - 0x30)
        }
        return value
    }
}

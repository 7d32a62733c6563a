import KithCore

/// The response keys of a survey, held in memory by an import: each 16-byte key
/// with the content hash and location (`ResponseBlock.location`) of its response.
///
/// The keys are keyed hashes, so their bytes are already evenly spread: an
/// open-addressing table indexed by the first eight bytes needs no hashing.
/// About 40 bytes a key (a million keys: 40 MB), in parallel arrays.
struct KeyIndex {
    private var low: [UInt64] = []
    private var high: [UInt64] = []
    private var hashes: [Int64] = []
    private var locations: [Int64] = []
    /// Entry index + 1; 0 marks an empty slot. Kept at most half full.
    private var table = [Int32](repeating: 0, count: 1 << 12)

    var count: Int { low.count }

    /// Adds `key`, unless it is there already: then returns the index of its entry.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash: Int64, location: Int64) -> Int? {
        precondition(key.count == ResponseBlock.keyLength)
        let raw = UnsafeRawPointer(key.baseAddress!)
        let first = raw.loadUnaligned(as: UInt64.self)
        let second = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        if (count + 1) * 2 > table.count { grow() }
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: first) & mask
        while true {
            let entry = Int(table[slot])
            if entry == 0 {
                precondition(count < Int32.max, "too many responses in one survey")
                low.append(first)
                high.append(second)
                hashes.append(hash)
                locations.append(location)
                table[slot] = Int32(count)
                return nil
            }
            if low[entry - 1] == first && high[entry - 1] == second { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// Starts loading the slot `key` is looked up in first (a hint: the writer calls it
    /// some keys ahead of `insert`, so the table's cache misses overlap). `mutating` though
    /// it changes nothing: on the writer's stored index, a non-mutating call copied the
    /// whole struct first, five reference counts up and down a key.
    @inline(__always)
    mutating func prefetch(_ key: UnsafeBufferPointer<UInt8>) {
        let first = UnsafeRawPointer(key.baseAddress!).loadUnaligned(as: UInt64.self)
        table.withUnsafeBufferPointer { table in
            Platform.prefetch(table.baseAddress! + (Int(truncatingIfNeeded: first) & (table.count - 1)))
        }
    }

    func hash(at entry: Int) -> Int64 { hashes[entry] }
    func location(at entry: Int) -> Int64 { locations[entry] }

    /// Points an entry at the response that replaced it.
    mutating func update(at entry: Int, hash: Int64, location: Int64) {
        hashes[entry] = hash
        locations[entry] = location
    }

    /// Doubles the table, placing every entry again.
    private mutating func grow() {
        table = [Int32](repeating: 0, count: table.count * 2)
        let mask = table.count - 1
        for entry in low.indices {
            var slot = Int(truncatingIfNeeded: low[entry]) & mask
            while table[slot] != 0 { slot = (slot + 1) & mask }
            table[slot] = Int32(entry + 1)
        }
    }
}

/// The first 8 bytes of every response key a bulk import has added, to notice
/// a response id the file repeats (`ImportSession`). The keys are keyed hashes,
/// so their bytes are already evenly spread: an open-addressing table indexed
/// by the prefix itself needs no hashing (a `Set<UInt64>` spent a tenth of the
/// reading thread's time hashing them again).
struct KeyPrefixSet {
    /// 0 marks an empty slot; a zero prefix is kept in `hasZero`.
    private var slots = [UInt64](repeating: 0, count: 1 << 12)
    private var hasZero = false
    private(set) var count = 0

    /// Adds `prefix`; false when it was there already.
    mutating func insert(_ prefix: UInt64) -> Bool {
        if prefix == 0 {
            defer { hasZero = true }
            if !hasZero { count += 1 }
            return !hasZero
        }
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: prefix) & mask
        while true {
            let slot = slots[index]
            if slot == 0 {
                slots[index] = prefix
                count += 1
                return true
            }
            if slot == prefix { return false }
            index = (index + 1) & mask
        }
    }

    /// Doubles the table (at half full), placing every prefix again.
    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for prefix in old where prefix != 0 {
            var index = Int(truncatingIfNeeded: prefix) & mask
            while slots[index] != 0 { index = (index + 1) & mask }
            slots[index] = prefix
        }
    }
}

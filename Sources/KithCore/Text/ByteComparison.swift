/// Whether `key` and `bytes` hold the same bytes: eight at a time, then one at a time. The
/// importers compare short texts (labels, waves, providers) on every row, and a call to `memcmp`
/// cost more than the comparison. Inlinable, so each module's hot loop gets it inline.
@inlinable @inline(__always)
package func sameBytes(_ key: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard key.count == bytes.count else { return false }
    guard let right = bytes.baseAddress else { return true }
    return key.withUnsafeBufferPointer { stored in
        let a = UnsafeRawPointer(stored.baseAddress!)
        let b = UnsafeRawPointer(right)
        var offset = 0
        while offset + 8 <= stored.count {
            if a.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
            offset += 8
        }
        while offset < stored.count {
            if a.load(fromByteOffset: offset, as: UInt8.self) != b.load(fromByteOffset: offset, as: UInt8.self) { return false }
            offset += 1
        }
        return true
    }
}

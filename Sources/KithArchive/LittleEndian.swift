/// ZIP stores every integer little-endian. The reader slices a whole record first (bounds-checked
/// against the archive) and then reads its fixed fields; these read zero past the slice's end
/// rather than trapping, so a slip in a record's layout can give a wrong value but never a crash.
extension ArraySlice<UInt8> {
    func le16(_ offset: Int) -> UInt16 {
        UInt16(truncatingIfNeeded: littleEndian(offset, width: 2))
    }

    func le32(_ offset: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: littleEndian(offset, width: 4))
    }

    func le64(_ offset: Int) -> UInt64 {
        littleEndian(offset, width: 8)
    }

    /// True when the four bytes at `offset` are `signature`, little-endian.
    func hasSignature(_ signature: UInt32, at offset: Int = 0) -> Bool {
        offset >= 0 && count - offset >= 4 && le32(offset) == signature
    }

    private func littleEndian(_ offset: Int, width: Int) -> UInt64 {
        guard offset >= 0, offset <= count - width else { return 0 }
        var value: UInt64 = 0
        for index in (0..<width).reversed() {
            value = value << 8 | UInt64(self[startIndex + offset + index])
        }
        return value
    }
}

extension [UInt8] {
    mutating func appendLE16(_ value: UInt16) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func appendLE32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    mutating func appendLE64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}

/// The signatures that begin each ZIP record (APPNOTE.TXT 4.3).
enum Signature {
    static let localHeader: UInt32 = 0x0403_4B50
    static let centralHeader: UInt32 = 0x0201_4B50
    static let endOfCentralDirectory: UInt32 = 0x0605_4B50
    static let zip64EndOfCentralDirectory: UInt32 = 0x0606_4B50
    static let zip64Locator: UInt32 = 0x0706_4B50
}

/// `a + b` for offsets and sizes read from an archive, nil when it would overflow: hostile
/// sizes near `Int.max` must be refused, not trap.
func checkedSum(_ a: Int, _ b: Int) -> Int? {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? nil : sum
}

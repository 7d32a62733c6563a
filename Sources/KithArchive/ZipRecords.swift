/// The headers the writer emits for one member (APPNOTE.TXT 4.3.7 and 4.3.12). Fields that are
/// the same for every member are fixed, so the output depends only on the input: made by Unix,
/// permissions rw-r--r-- (rwxr-xr-x for folders), no extra fields but ZIP64's.
struct MemberRecord {
    let name: [UInt8]
    let method: UInt16
    let crc32: UInt32
    let compressedSize: UInt64
    let uncompressedSize: UInt64
    let offset: UInt64
    let time: DOSDateTime

    /// Bit 11 (names are UTF-8) only when a name is not ASCII, as Python and Info-ZIP do.
    private var flags: UInt16 { name.contains { $0 >= 0x80 } ? 1 << 11 : 0 }
    private var isDirectory: Bool { name.last == UInt8(ascii: "/") }

    private func versionNeeded(zip64Threshold: UInt64) -> UInt16 {
        max(compressedSize, uncompressedSize, offset) >= zip64Threshold ? 45 : 20
    }

    /// Sizes over the threshold go in a ZIP64 field which, in a local header, holds both.
    func localHeader(zip64Threshold: UInt64) -> [UInt8] {
        let zip64 = max(compressedSize, uncompressedSize) >= zip64Threshold
        var bytes: [UInt8] = []
        bytes.appendLE32(Signature.localHeader)
        bytes.appendLE16(versionNeeded(zip64Threshold: zip64Threshold))
        appendCommonFields(to: &bytes)
        bytes.appendLE32(zip64 ? 0xFFFF_FFFF : UInt32(compressedSize))
        bytes.appendLE32(zip64 ? 0xFFFF_FFFF : UInt32(uncompressedSize))
        bytes.appendLE16(UInt16(name.count))
        bytes.appendLE16(zip64 ? 20 : 0)
        bytes += name
        if zip64 {
            bytes.appendLE16(0x0001)
            bytes.appendLE16(16)
            bytes.appendLE64(uncompressedSize)
            bytes.appendLE64(compressedSize)
        }
        return bytes
    }

    /// Each value over the threshold is 0xFFFFFFFF here and follows in the ZIP64 field, in the
    /// order uncompressed size, compressed size, offset.
    func centralHeader(zip64Threshold: UInt64) -> [UInt8] {
        var zip64: [UInt64] = []
        func field(_ value: UInt64) -> UInt32 {
            guard value >= zip64Threshold else { return UInt32(value) }
            zip64.append(value)
            return 0xFFFF_FFFF
        }
        let sizes = (uncompressed: field(uncompressedSize), compressed: field(compressedSize))
        let localOffset = field(offset)
        let version = versionNeeded(zip64Threshold: zip64Threshold)
        var bytes: [UInt8] = []
        bytes.appendLE32(Signature.centralHeader)
        bytes.appendLE16(3 << 8 | version) // made by Unix, in the version needed
        bytes.appendLE16(version)
        appendCommonFields(to: &bytes)
        bytes.appendLE32(sizes.compressed)
        bytes.appendLE32(sizes.uncompressed)
        bytes.appendLE16(UInt16(name.count))
        bytes.appendLE16(zip64.isEmpty ? 0 : UInt16(4 + 8 * zip64.count))
        bytes.appendLE16(0) // comment length
        bytes.appendLE16(0) // disk number
        bytes.appendLE16(0) // internal attributes
        bytes.appendLE32(isDirectory ? 0o040755 << 16 | 0x10 : 0o100644 << 16)
        bytes.appendLE32(localOffset)
        bytes += name
        if !zip64.isEmpty {
            bytes.appendLE16(0x0001)
            bytes.appendLE16(UInt16(8 * zip64.count))
            for value in zip64 { bytes.appendLE64(value) }
        }
        return bytes
    }

    /// Flags, method, time, date and CRC-32: the fields local and central headers share.
    private func appendCommonFields(to bytes: inout [UInt8]) {
        bytes.appendLE16(flags)
        bytes.appendLE16(method)
        bytes.appendLE16(time.time)
        bytes.appendLE16(time.date)
        bytes.appendLE32(crc32)
    }
}

/// The end of central directory record, preceded by the ZIP64 record and its locator when the
/// count, size or offset do not fit the classic record's 16 and 32 bits.
struct EndRecords {
    let count: UInt64
    let directoryOffset: UInt64
    let directorySize: UInt64

    func bytes(zip64Threshold: UInt64, comment: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        let zip64 = count >= 0xFFFF || directoryOffset >= zip64Threshold || directorySize >= zip64Threshold
        if zip64 {
            bytes.appendLE32(Signature.zip64EndOfCentralDirectory)
            bytes.appendLE64(44) // the size of the rest of the record
            bytes.appendLE16(3 << 8 | 45)
            bytes.appendLE16(45)
            bytes.appendLE32(0) // this disk
            bytes.appendLE32(0) // the disk where the central directory starts
            bytes.appendLE64(count)
            bytes.appendLE64(count)
            bytes.appendLE64(directorySize)
            bytes.appendLE64(directoryOffset)
            bytes.appendLE32(Signature.zip64Locator)
            bytes.appendLE32(0) // the disk of the ZIP64 record
            bytes.appendLE64(directoryOffset + directorySize)
            bytes.appendLE32(1) // disks in all
        }
        let count16 = count >= 0xFFFF ? 0xFFFF : UInt16(count)
        bytes.appendLE32(Signature.endOfCentralDirectory)
        bytes.appendLE16(0)
        bytes.appendLE16(0)
        bytes.appendLE16(count16)
        bytes.appendLE16(count16)
        bytes.appendLE32(zip64 && directorySize >= zip64Threshold ? 0xFFFF_FFFF : UInt32(directorySize))
        bytes.appendLE32(zip64 && directoryOffset >= zip64Threshold ? 0xFFFF_FFFF : UInt32(directoryOffset))
        bytes.appendLE16(UInt16(comment.count))
        bytes += comment
        return bytes
    }
}

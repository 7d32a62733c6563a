/// Where the central directory is, from the end of central directory record and, for ZIP64
/// archives, the ZIP64 record its locator points to (APPNOTE.TXT 4.3.14 to 4.3.16).
struct EndRecord {
    var entryCount: Int
    var directoryOffset: Int
    var directorySize: Int
    /// Where the records after the central directory start: the central directory must end by here.
    var directoryLimit: Int
    var comment: ArraySlice<UInt8>

    private static let fixedSize = 22
    private static let zip64LocatorSize = 20
    private static let zip64RecordSize = 56

    /// Finds the end record by searching back from the end of the file over a comment of up to
    /// 65,535 bytes. A comment can itself hold the signature, so the record chosen is the last
    /// one whose comment length reaches exactly to the end of the file; failing that (bytes
    /// appended after the archive), the last one whose comment fits.
    static func locate(in source: any ArchiveSource, archive: String) throws(ArchiveError) -> EndRecord {
        let size = source.count
        let searchStart = max(0, size - fixedSize - 0xFFFF)
        let tail = try source.bytes(at: searchStart, count: size - searchStart)
        var found: Int?
        var position = tail.count - fixedSize
        while position >= 0 {
            if tail.hasSignature(Signature.endOfCentralDirectory, at: position) {
                let end = position + fixedSize + Int(tail.le16(position + 20))
                if end == tail.count {
                    found = position
                    break
                }
                if end < tail.count && found == nil { found = position }
            }
            position -= 1
        }
        guard let found else {
            let head = try source.bytes(at: 0, count: min(size, 512))
            if head.hasSignature(Signature.localHeader) { throw ArchiveError(.truncated, archive: archive) }
            throw ArchiveError(.notAZipArchive(ArchiveKind.sniff(head: head)), archive: archive)
        }
        let record = tail.dropFirst(found)
        let offset = searchStart + found
        var end = EndRecord(
            entryCount: Int(record.le16(10)), directoryOffset: Int(record.le32(16)), directorySize: Int(record.le32(12)),
            directoryLimit: offset, comment: record.dropFirst(fixedSize).prefix(Int(record.le16(20))))
        if offset >= zip64LocatorSize,
            try source.bytes(at: offset - zip64LocatorSize, count: zip64LocatorSize).hasSignature(Signature.zip64Locator)
        {
            // The ZIP64 record holds the real values; this record's may be 0xFFFF or 0xFFFFFFFF.
            try end.readZip64(from: source, locatorOffset: offset - zip64LocatorSize, archive: archive)
        } else if record.le16(4) != 0 || record.le16(6) != 0 || Int(record.le16(8)) != end.entryCount {
            throw ArchiveError(.multiDisk, archive: archive, offset: offset)
        }
        return end
    }

    /// Takes the counts, size and offset from the ZIP64 record, which holds them in 64 bits.
    private mutating func readZip64(from source: any ArchiveSource, locatorOffset: Int, archive: String) throws(ArchiveError) {
        let locator = try source.bytes(at: locatorOffset, count: Self.zip64LocatorSize)
        guard locator.le32(4) == 0, locator.le32(16) <= 1 else { throw ArchiveError(.multiDisk, archive: archive, offset: locatorOffset) }
        let recordOffset = Int(clamping: locator.le64(8))
        let record = try source.slice(
            .zip64EndOfCentralDirectory, at: recordOffset, count: Self.zip64RecordSize, within: locatorOffset, archive: archive)
        guard record.hasSignature(Signature.zip64EndOfCentralDirectory) else {
            throw ArchiveError(.badSignature(.zip64EndOfCentralDirectory), archive: archive, offset: recordOffset)
        }
        guard record.le32(16) == 0, record.le32(20) == 0, record.le64(24) == record.le64(32) else {
            throw ArchiveError(.multiDisk, archive: archive, offset: recordOffset)
        }
        entryCount = Int(clamping: record.le64(32))
        directorySize = Int(clamping: record.le64(40))
        directoryOffset = Int(clamping: record.le64(48))
        directoryLimit = recordOffset
    }
}

/// Reads the central directory's entries (APPNOTE.TXT 4.3.12) and checks each against its local
/// header: every offset and size must point inside the file, local headers and data must not
/// overlap (overlapping members let a small file inflate many times over), and the count must
/// be the one the end record declares.
enum CentralDirectory {
    private static let headerSize = 46
    private static let localHeaderSize = 30
    private static let utf8Flag: UInt16 = 1 << 11

    static func entries(in source: any ArchiveSource, end: EndRecord, archive: String) throws(ArchiveError) -> [ZipEntry] {
        let directory = try source.slice(
            .centralDirectory, at: end.directoryOffset, count: end.directorySize, within: end.directoryLimit, archive: archive)
        var entries: [ZipEntry] = []
        entries.reserveCapacity(min(end.entryCount, end.directorySize / headerSize))
        var cursor = 0
        while cursor < directory.count {
            let offset = end.directoryOffset + cursor
            let rest = directory.dropFirst(cursor)
            guard rest.count >= headerSize else {
                throw ArchiveError(
                    .outOfBounds(.centralDirectoryHeader, length: headerSize, limit: end.directoryOffset + directory.count),
                    archive: archive, offset: offset)
            }
            guard rest.hasSignature(Signature.centralHeader) else {
                throw ArchiveError(.badSignature(.centralDirectoryHeader), archive: archive, offset: offset)
            }
            let nameLength = Int(rest.le16(28))
            let extraLength = Int(rest.le16(30))
            let length = headerSize + nameLength + extraLength + Int(rest.le16(32))
            guard rest.count >= length else {
                throw ArchiveError(
                    .outOfBounds(.centralDirectoryHeader, length: length, limit: end.directoryOffset + directory.count),
                    archive: archive, offset: offset)
            }
            let nameBytes = rest.dropFirst(headerSize).prefix(nameLength)
            let extra = ExtraFields(rest.dropFirst(headerSize + nameLength).prefix(extraLength))
            let name = decodeName(nameBytes, flags: rest.le16(8), extra: extra)
            entries.append(try entry(rest, name: name, extra: extra, source: source, limit: end.directoryOffset, archive: archive))
            cursor += length
        }
        guard entries.count == end.entryCount else {
            throw ArchiveError(.entryCountMismatch(declared: end.entryCount, found: entries.count), archive: archive, offset: end.directoryOffset)
        }
        try checkOverlaps(entries, archive: archive)
        return entries
    }

    /// One entry from its central header, with its data offset from its local header.
    private static func entry(
        _ header: ArraySlice<UInt8>, name: String, extra: ExtraFields, source: any ArchiveSource, limit: Int, archive: String
    ) throws(ArchiveError) -> ZipEntry {
        var compressed = UInt64(header.le32(20))
        var uncompressed = UInt64(header.le32(24))
        var localOffset = UInt64(header.le32(42))
        try extra.applyZip64(uncompressed: &uncompressed, compressed: &compressed, offset: &localOffset, archive: archive, member: name)
        let headerOffset = Int(clamping: localOffset)
        let local = try source.slice(.localHeader, at: headerOffset, count: localHeaderSize, within: limit, archive: archive, member: name)
        guard local.hasSignature(Signature.localHeader) else {
            throw ArchiveError(.badSignature(.localHeader), archive: archive, member: name, offset: headerOffset)
        }
        let dataOffset = headerOffset + localHeaderSize + Int(local.le16(26)) + Int(local.le16(28))
        let compressedSize = Int(clamping: compressed)
        guard let dataEnd = checkedSum(dataOffset, compressedSize), dataEnd <= limit else {
            throw ArchiveError(.outOfBounds(.memberData, length: compressedSize, limit: limit), archive: archive, member: name, offset: dataOffset)
        }
        return ZipEntry(
            name: name, method: header.le16(10), flags: header.le16(8), crc32: header.le32(16), compressedSize: compressedSize,
            uncompressedSize: Int(clamping: uncompressed), localHeaderOffset: headerOffset,
            modificationDate: DOSDateTime(date: header.le16(14), time: header.le16(12)).instant, dataOffset: dataOffset)
    }

    /// UTF-8 when flag bit 11 says so; else Info-ZIP's Unicode path (0x7075) if its CRC-32
    /// matches the name it stands for (so a renamed entry's stale path is ignored); else CP437.
    private static func decodeName(_ bytes: ArraySlice<UInt8>, flags: UInt16, extra: ExtraFields) -> String {
        if flags & utf8Flag != 0 { return String(decoding: bytes, as: UTF8.self) }
        if let path = extra.unicodePath, path.count > 5, path[path.startIndex] == 1, path.le32(1) == CRC32.of(bytes) {
            return String(decoding: path.dropFirst(5), as: UTF8.self)
        }
        return CodePage437.decode(bytes)
    }

    /// Refuses members whose local header and data reach into the next member's local header.
    private static func checkOverlaps(_ entries: [ZipEntry], archive: String) throws(ArchiveError) {
        let ordered = entries.sorted { $0.localHeaderOffset < $1.localHeaderOffset }
        for (previous, next) in zip(ordered, ordered.dropFirst()) where next.localHeaderOffset < previous.dataOffset + previous.compressedSize {
            throw ArchiveError(.overlappingMembers(other: previous.name), archive: archive, member: next.name, offset: next.localHeaderOffset)
        }
    }
}

/// The extra fields of a central header that the reader uses: ZIP64's 64-bit sizes and offset
/// (0x0001) and Info-ZIP's Unicode path (0x7075). A field whose length runs past the end ends
/// the scan: what is read before it stands.
struct ExtraFields {
    var zip64: ArraySlice<UInt8>?
    var unicodePath: ArraySlice<UInt8>?

    init(_ bytes: ArraySlice<UInt8>) {
        var rest = bytes
        while rest.count >= 4 {
            let id = rest.le16(0)
            let size = Int(rest.le16(2))
            guard rest.count - 4 >= size else { break }
            let body = rest.dropFirst(4).prefix(size)
            if id == 0x0001 && zip64 == nil { zip64 = body }
            if id == 0x7075 && unicodePath == nil { unicodePath = body }
            rest = rest.dropFirst(4 + size)
        }
    }

    /// Replaces each value that is 0xFFFFFFFF with the next 64-bit value of the ZIP64 field,
    /// in the order APPNOTE.TXT 4.5.3 gives: uncompressed size, compressed size, offset.
    func applyZip64(
        uncompressed: inout UInt64, compressed: inout UInt64, offset: inout UInt64, archive: String, member: String
    ) throws(ArchiveError) {
        var field = zip64 ?? []
        func next(_ value: inout UInt64, _ what: String) throws(ArchiveError) {
            guard value == 0xFFFF_FFFF else { return }
            guard field.count >= 8 else { throw ArchiveError(.missingZip64Field(what), archive: archive, member: member) }
            value = field.le64(0)
            field = field.dropFirst(8)
        }
        try next(&uncompressed, "uncompressed size")
        try next(&compressed, "compressed size")
        try next(&offset, "local header offset")
    }
}

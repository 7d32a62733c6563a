import Foundation

/// A ZIP archive read from bytes in memory: its members, listed from the central directory, and
/// their data, whole or in chunks.
///
/// Opening checks the archive's structure: the end of central directory record (found behind a
/// comment, ZIP64 included), every central directory entry, and each member's local header and
/// data range, which must lie inside the file and not overlap another's. Extracting checks the
/// rest: the method (stored and deflate are read), encryption, the `limits` on inflated size and
/// compression ratio, and the declared size and CRC-32. Every problem is an ``ArchiveError``.
///
/// ```
/// let archive = try ZipArchive(contentsOfFile: "book.xlsx")
/// let workbook = try archive.contents(of: "xl/workbook.xml")
/// try archive.forEachChunk(of: sheet, chunkSize: 1 << 16) { chunk in parser.feed(chunk) }
/// ```
package struct ZipArchive: Sendable {
    /// The display name used in errors: the path given, or the name passed in.
    package let name: String
    /// The members, in central directory order.
    package let entries: [ZipEntry]
    /// The archive comment (UTF-8 if it is valid UTF-8, else code page 437).
    package let comment: String
    /// The limits extraction enforces; change them before extracting.
    package var limits: ExtractionLimits

    private let source: any ArchiveSource
    /// The first entry of each name (ZIP allows repeats; a lookup gives the first).
    private let index: [String: Int]

    /// Reads the archive in `bytes`; `name` is how errors refer to it.
    package init(bytes: [UInt8], name: String = "archive", limits: ExtractionLimits = ExtractionLimits()) throws(ArchiveError) {
        try self.init(source: InMemorySource(storage: bytes), name: name, limits: limits)
    }

    /// Reads the archive at `path`, which is read whole into memory.
    package init(contentsOfFile path: String, limits: ExtractionLimits = ExtractionLimits()) throws(ArchiveError) {
        try self.init(source: InMemorySource(storage: try readWholeFile(atPath: path)), name: path, limits: limits)
    }

    init(source: any ArchiveSource, name: String, limits: ExtractionLimits) throws(ArchiveError) {
        let end = try EndRecord.locate(in: source, archive: name)
        self.source = source
        self.name = name
        self.limits = limits
        entries = try CentralDirectory.entries(in: source, end: end, archive: name)
        comment = String(validating: end.comment, as: UTF8.self) ?? CodePage437.decode(end.comment)
        var index: [String: Int] = [:]
        for (position, entry) in entries.enumerated() where index[entry.name] == nil { index[entry.name] = position }
        self.index = index
    }

    /// The first member named `name` exactly (names are case-sensitive, with `/` between folders).
    package func entry(named name: String) -> ZipEntry? {
        index[name].map { entries[$0] }
    }

    /// The member's data, whole.
    package func contents(of entry: ZipEntry) throws(ArchiveError) -> [UInt8] {
        var data: [UInt8] = []
        data.reserveCapacity(min(entry.uncompressedSize, 1 << 24))
        try MemberReader(source: source, entry: entry, limits: limits, archive: name).read(chunkSize: 1 << 18) { chunk in
            data.append(contentsOf: chunk)
            return true
        }
        return data
    }

    /// The data of the first member named `name`, whole.
    package func contents(of name: String) throws(ArchiveError) -> [UInt8] {
        guard let entry = entry(named: name) else { throw ArchiveError(.noSuchMember, archive: self.name, member: name) }
        return try contents(of: entry)
    }

    /// Gives the member's data to `body` in chunks of `chunkSize` bytes (the last may be
    /// shorter), so a large member, such as a worksheet's XML, is never held whole.
    ///
    /// The size and CRC-32 can only be checked once the data has ended, so a damaged member
    /// throws after its last chunk: discard what was built from the chunks when this throws.
    /// An error thrown by `body` stops the reading and is rethrown as it is.
    package func forEachChunk(of entry: ZipEntry, chunkSize: Int = 1 << 16, _ body: ([UInt8]) throws -> Void) throws {
        var bodyError: (any Error)?
        try MemberReader(source: source, entry: entry, limits: limits, archive: name).read(chunkSize: chunkSize) { chunk in
            do {
                try body(Array(chunk))
                return true
            } catch {
                bodyError = error
                return false
            }
        }
        if let bodyError { throw bodyError }
    }
}

import Foundation

/// Writes a ZIP archive, member by member, into memory or to a sink.
///
/// The output is deterministic: the same members, dates and comment give the same bytes (with
/// the same zlib), so a workbook written twice from the same data is identical. Nothing is read
/// from the clock: each member's date is the writer's `modificationDate` unless one is given,
/// and callers pass the data's own date or `SOURCE_DATE_EPOCH`. Dates are written as UTC, with
/// the two-second resolution and 1980 to 2107 range of ZIP headers.
///
/// ZIP64 records are written when they are needed: a member or offset of 4 GiB or more, or
/// 65,535 members or more. Each member is compressed whole in memory before it is written.
///
/// ```
/// var writer = ZipWriter(modificationDate: Date(timeIntervalSince1970: 1_700_000_000))
/// try writer.add("[Content_Types].xml", contents: Array(types.utf8))
/// let bytes = try writer.finish()
/// ```
package struct ZipWriter {
    package enum Compression: Sendable, Hashable {
        /// Stored as it is (method 0).
        case stored
        /// Raw deflate at level 6 (method 8).
        case deflated
    }

    static let displayName = "the archive being written"

    /// The date of members added without one.
    private let modificationDate: Date
    private let sink: (([UInt8]) throws -> Void)?
    private var buffer: [UInt8] = []
    private var written: UInt64 = 0
    private var members: [MemberRecord] = []
    private var names: Set<String> = []
    private var finished = false
    /// Sizes and offsets from here up are written as ZIP64; below 0xFFFFFFFF only in tests.
    private let zip64Threshold: UInt64

    /// A writer that collects the archive in memory; `finish()` returns it.
    package init(modificationDate: Date) {
        self.init(modificationDate: modificationDate, zip64Threshold: 0xFFFF_FFFF, sink: nil)
    }

    /// A writer that gives the archive to `sink` piece by piece, each member as it is added
    /// and the central directory at `finish()`; an error the sink throws is rethrown.
    package init(modificationDate: Date, sink: @escaping ([UInt8]) throws -> Void) {
        self.init(modificationDate: modificationDate, zip64Threshold: 0xFFFF_FFFF, sink: sink)
    }

    /// A writer that uses ZIP64 records for every size and offset from `zip64Threshold` up, so
    /// tests can check ZIP64 output without writing 4 GiB.
    package init(modificationDate: Date, zip64Threshold: UInt64, sink: (([UInt8]) throws -> Void)? = nil) {
        self.modificationDate = modificationDate
        self.zip64Threshold = min(zip64Threshold, 0xFFFF_FFFF)
        self.sink = sink
    }

    /// Adds a member. A name ending in `/` is a folder entry; names must be unique.
    package mutating func add(_ name: String, contents: [UInt8], compression: Compression = .deflated, modificationDate: Date? = nil) throws {
        func failure(_ kind: ArchiveError.Kind) -> ArchiveError { ArchiveError(kind, archive: Self.displayName, member: name) }
        guard !finished else { throw failure(.alreadyFinished) }
        guard !name.isEmpty else { throw failure(.emptyName) }
        let nameBytes = Array(name.utf8)
        guard nameBytes.count <= 0xFFFF else { throw failure(.fieldTooLong(bytes: nameBytes.count)) }
        guard !names.contains(name) else { throw failure(.duplicateName) }
        let data = compression == .stored ? contents : try Deflater.deflate(contents, member: name)
        let member = MemberRecord(
            name: nameBytes, method: compression == .stored ? 0 : 8, crc32: CRC32.of(contents[...]), compressedSize: UInt64(data.count),
            uncompressedSize: UInt64(contents.count), offset: written, time: DOSDateTime(modificationDate ?? self.modificationDate))
        try write(member.localHeader(zip64Threshold: zip64Threshold))
        try write(data)
        names.insert(name)
        members.append(member)
    }

    /// Writes the central directory and end records, with `comment` as the archive comment, and
    /// returns the archive when it was collected in memory (nothing when it went to a sink).
    @discardableResult
    package mutating func finish(comment: String = "") throws -> [UInt8] {
        guard !finished else { throw ArchiveError(.alreadyFinished, archive: Self.displayName) }
        let commentBytes = Array(comment.utf8)
        guard commentBytes.count <= 0xFFFF else { throw ArchiveError(.fieldTooLong(bytes: commentBytes.count), archive: Self.displayName) }
        var directory: [UInt8] = []
        for member in members { directory += member.centralHeader(zip64Threshold: zip64Threshold) }
        let end = EndRecords(count: UInt64(members.count), directoryOffset: written, directorySize: UInt64(directory.count))
        try write(directory)
        try write(end.bytes(zip64Threshold: zip64Threshold, comment: commentBytes))
        finished = true
        defer { buffer = [] }
        return buffer
    }

    private mutating func write(_ bytes: [UInt8]) throws {
        if let sink { try sink(bytes) } else { buffer += bytes }
        written += UInt64(bytes.count)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A ZIP archive that cannot be read or written as asked.
///
/// The message names the archive (its display name), the member concerned and, where it helps
/// someone looking at the file with a hex viewer, the byte offset; then what is wrong. Archives
/// are untrusted input: every size and offset in them is checked before use, and each way a file
/// can lie about them is a case of its own, so callers can tell a damaged file from a hostile one.
package struct ArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
    package enum Kind: Sendable, Equatable {
        /// The bytes are not a ZIP archive; what they look like instead (an OLE2 compound
        /// document is a legacy .xls workbook or a password-protected Office file).
        case notAZipArchive(ArchiveKind)
        /// The file starts like a ZIP archive but has no end of central directory record: it was
        /// cut short (an interrupted download or copy).
        case truncated
        /// The record at the offset does not begin with its signature.
        case badSignature(Structure)
        /// A record, or a member's data, of `length` bytes at the offset reaches past `limit`
        /// (the end of the file, or the start of the region after it).
        case outOfBounds(Structure, length: Int, limit: Int)
        /// The member's local header and data overlap those of `other` (a trick of zip bombs).
        case overlappingMembers(other: String)
        /// The end of central directory record says `declared` entries; the central directory holds `found`.
        case entryCountMismatch(declared: Int, found: Int)
        /// A size or offset marked as held in the ZIP64 extra field is not there.
        case missingZip64Field(String)
        /// The archive is split over several files (disks); only single-file archives are read.
        case multiDisk
        /// The member is compressed with a method other than stored (0) or deflate (8).
        case unsupportedMethod(UInt16)
        /// The member is encrypted (general-purpose flag bit 0).
        case encrypted
        /// The member inflates to `size` bytes, more than the `limit` allowed.
        case memberTooLarge(size: Int, limit: Int)
        /// The member inflates to more than `limit` times its compressed size (`inflated` bytes
        /// from `compressed`): a zip bomb, refused before it is all inflated.
        case compressionRatioTooHigh(inflated: Int, compressed: Int, limit: Int)
        /// The member's data comes to `actual` bytes, not the `declared` size (`actual` is a lower
        /// bound when the data would have gone on past the declared size).
        case sizeMismatch(declared: Int, actual: Int)
        /// The member's data does not have the CRC-32 its header declares.
        case crcMismatch(declared: UInt32, actual: UInt32)
        /// The member's deflate stream is damaged; zlib's reason.
        case corruptData(String)
        /// No member has the name asked for.
        case noSuchMember
        /// The file cannot be opened or read (`errno`).
        case unreadable(errno: Int32)
        /// The writer was given a second member with the same name.
        case duplicateName
        /// The writer was given a member with an empty name.
        case emptyName
        /// A member name or archive comment longer than the 65,535 bytes of UTF-8 a ZIP field holds.
        case fieldTooLong(bytes: Int)
        /// The writer was used after `finish()`.
        case alreadyFinished
        /// zlib could not deflate the member (it ran out of memory); zlib's status.
        case compressionFailed(String)
    }

    /// The records of a ZIP archive, named in messages.
    package enum Structure: String, Sendable {
        case endOfCentralDirectory = "end of central directory record"
        case zip64Locator = "ZIP64 end of central directory locator"
        case zip64EndOfCentralDirectory = "ZIP64 end of central directory record"
        case centralDirectory = "central directory"
        case centralDirectoryHeader = "central directory header"
        case localHeader = "local header"
        case memberData = "member data"
        case extraField = "extra field"
    }

    package var kind: Kind
    /// The display name of the archive (a path as given, or the name passed to the reader).
    package var archive: String
    /// The member concerned, if any.
    package var member: String?
    /// The 0-based byte offset in the archive where the problem is, when known.
    package var offset: Int?

    package init(_ kind: Kind, archive: String, member: String? = nil, offset: Int? = nil) {
        self.kind = kind
        self.archive = archive
        self.member = member
        self.offset = offset
    }

    package var description: String {
        var place = archive
        if let member { place += ", member '\(member)'" }
        if let offset { place += " (byte \(offset))" }
        return "\(place): \(problem)"
    }

    private var problem: String {
        switch kind {
        case .notAZipArchive(.other):
            return "not a ZIP archive (it has no end of central directory record)"
        case .notAZipArchive(let kind):
            return "not a ZIP archive but \(kind)"
        case .truncated:
            return "the file starts like a ZIP archive but its end of central directory record is missing: it was probably cut short"
        case .badSignature(let structure):
            return "expected a \(structure.rawValue) here, but its signature is missing"
        case .outOfBounds(let structure, let length, let limit):
            return "the \(structure.rawValue) (\(length) bytes) reaches past byte \(limit), where it must end"
        case .overlappingMembers(let other):
            return "its local header and data overlap those of member '\(other)'"
        case .entryCountMismatch(let declared, let found):
            return "the end of central directory record says \(declared) entries, but the central directory holds \(found)"
        case .missingZip64Field(let field):
            return "its \(field) is marked as held in a ZIP64 extra field, but the field is missing or too short"
        case .multiDisk:
            return "the archive is split over several files (disks); only single-file archives can be read"
        case .unsupportedMethod(let method):
            return "compressed with \(ZipEntry.methodName(method)) (method \(method)); only stored (0) and deflate (8) can be read"
        case .encrypted:
            return "the member is encrypted; only unencrypted archives can be read"
        case .memberTooLarge(let size, let limit):
            return "the member inflates to \(size) bytes, more than the \(limit) allowed"
        case .compressionRatioTooHigh(let inflated, let compressed, let limit):
            return "\(compressed) compressed bytes inflate to \(inflated), more than \(limit) times as many; refused as a likely zip bomb"
        case .sizeMismatch(let declared, let actual):
            return actual > declared
                ? "the member's data goes on past the \(declared) bytes its header declares"
                : "the member's data comes to \(actual) bytes, but its header declares \(declared)"
        case .crcMismatch(let declared, let actual):
            return "the member's data has CRC-32 \(hex(actual)), but its header declares \(hex(declared)): the data is damaged"
        case .corruptData(let reason):
            return "the member's compressed data is damaged (\(reason))"
        case .noSuchMember:
            return "the archive has no member of that name"
        case .unreadable(let code):
            return "cannot read the file: \(String(cString: strerror(code)))"
        case .duplicateName:
            return "a member of that name was already added; names in an archive must be unique"
        case .emptyName:
            return "a member needs a name"
        case .fieldTooLong(let bytes):
            return "\(bytes) bytes of UTF-8 is longer than the 65,535 a ZIP name or comment can hold"
        case .alreadyFinished:
            return "the archive was already finished; nothing can be added or written after that"
        case .compressionFailed(let reason):
            return "the member could not be compressed (\(reason))"
        }
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }
}

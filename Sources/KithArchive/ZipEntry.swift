import Foundation

/// One member of a ZIP archive, as its central directory describes it. Sizes and the CRC-32 are
/// the archive's word until the member is extracted, which checks them.
package struct ZipEntry: Sendable, Hashable {
    /// The name: a path with `/` between folders, decoded as UTF-8 when the archive says so
    /// (general-purpose flag bit 11, or Info-ZIP's Unicode path field), else as code page 437.
    package let name: String
    /// The compression method: 0 stored, 8 deflate; anything else cannot be extracted.
    package let method: UInt16
    /// The general-purpose flags (bit 0 encrypted, bit 3 sizes in a data descriptor, bit 11 UTF-8).
    package let flags: UInt16
    /// The CRC-32 of the uncompressed data.
    package let crc32: UInt32
    package let compressedSize: Int
    package let uncompressedSize: Int
    /// Where the member's local header starts in the archive.
    package let localHeaderOffset: Int
    /// The modification time, read as UTC; nil when the archive's fields hold no valid date.
    package let modificationDate: Date?
    /// Where the member's data starts: after its local header, whose name and extra field can
    /// differ in length from the central directory's, so it is read from the local header.
    let dataOffset: Int

    /// True when the member is encrypted (flag bit 0); its data cannot be read.
    package var isEncrypted: Bool { flags & 1 != 0 }
    /// True for a folder entry (its name ends with `/`).
    package var isDirectory: Bool { name.hasSuffix("/") }

    /// Names of the methods in APPNOTE.TXT 4.4.5 that archivers still write, for messages.
    static func methodName(_ method: UInt16) -> String {
        switch method {
        case 0: "stored"
        case 1: "Shrink"
        case 6: "Implode"
        case 8: "deflate"
        case 9: "Deflate64"
        case 12: "bzip2"
        case 14: "LZMA"
        case 93: "Zstandard"
        case 95: "XZ"
        case 98: "PPMd"
        case 99: "WinZip AES encryption"
        default: "an unknown method"
        }
    }
}

import Foundation
import Testing

@testable import KithArchive

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Every way an archive can be damaged or lie, each refused with its own error case.
@Suite("ZIP reader errors: damaged and lying archives")
struct ReaderErrorTests {
    /// Two members: a.txt stored at offset 0, b.xml deflated after it.
    private func sample() throws -> Surgery {
        Surgery(bytes: try writeArchive([("a.txt", Array("alpha\n".utf8), .stored), ("b.xml", sheetXML(rows: 200), .deflated)]))
    }

    private func open(_ surgery: Surgery) throws -> ZipArchive { try ZipArchive(bytes: surgery.bytes, name: "book.xlsx") }

    @Test("a file cut short (no end record) is truncated; one shorter than an end record too")
    func truncated() throws {
        let bytes = try sample().bytes
        #expect(archiveError { _ = try ZipArchive(bytes: Array(bytes.prefix(bytes.count / 2))) }?.kind == .truncated)
        #expect(archiveError { _ = try ZipArchive(bytes: Array(bytes.prefix(10))) }?.kind == .truncated)
    }

    @Test("text, an empty file and an OLE2 compound document are not ZIP archives, and the error says which")
    func notZip() throws {
        #expect(archiveError { _ = try ZipArchive(bytes: Array("name,age\nAnn,34\n".utf8)) }?.kind == .notAZipArchive(.other))
        #expect(archiveError { _ = try ZipArchive(bytes: []) }?.kind == .notAZipArchive(.other))
        let ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        let error = archiveError { _ = try ZipArchive(bytes: ole2, name: "survey.xlsx") }
        #expect(error?.kind == .notAZipArchive(.compoundDocument))
        #expect(error?.description.hasPrefix("survey.xlsx: not a ZIP archive but an OLE2 compound document (a legacy Excel") == true)
    }

    @Test("a member whose local header offset points past the central directory is out of bounds")
    func localHeaderOutOfBounds() throws {
        var surgery = try sample()
        let central = surgery.centralHeaders[1]
        surgery.set32(central + 42, UInt32(surgery.bytes.count + 100))
        let error = archiveError { _ = try open(surgery) }
        #expect(error?.kind == .outOfBounds(.localHeader, length: 30, limit: surgery.centralHeaders[0]))
        #expect(error?.member == "b.xml")
        #expect(error?.offset == surgery.bytes.count + 100)
    }

    @Test("a compressed size reaching past the central directory is out of bounds, up to 2^64 - 1 in a ZIP64 field")
    func dataOutOfBounds() throws {
        var surgery = try sample()
        surgery.set32(surgery.centralHeaders[1] + 20, 0x7FFF_0000)
        let error = archiveError { _ = try open(surgery) }
        #expect(error?.kind == .outOfBounds(.memberData, length: 0x7FFF_0000, limit: surgery.centralHeaders[0]))
        #expect(error?.member == "b.xml")

        var writer = ZipWriter(modificationDate: fixtureDate, zip64Threshold: 0)
        try writer.add("huge", contents: [1, 2, 3], compression: .stored)
        var zip64 = Surgery(bytes: try writer.finish())
        let central = zip64.centralHeaders[0]
        zip64.set64(central + 46 + 4 + 4 + 8, UInt64.max) // the ZIP64 field's compressed size
        #expect(archiveError { _ = try open(zip64) }?.kind == .outOfBounds(.memberData, length: Int.max, limit: central))
    }

    @Test("a central directory reaching past the end record, or starting past the file, is out of bounds")
    func directoryOutOfBounds() throws {
        var surgery = try sample()
        let end = surgery.endRecord
        surgery.set32(end + 12, UInt32(end - surgery.centralHeaders[0] + 1))
        #expect(
            archiveError { _ = try open(surgery) }?.kind == .outOfBounds(.centralDirectory, length: end - surgery.centralHeaders[0] + 1, limit: end))
        surgery = try sample()
        surgery.set32(end + 16, 0xFFFF_FF00)
        #expect(archiveError { _ = try open(surgery) }?.offset == 0xFFFF_FF00)
    }

    @Test("two members sharing one local header (an overlapping zip bomb) are refused")
    func overlapping() throws {
        var surgery = try sample()
        surgery.set32(surgery.centralHeaders[1] + 42, 0)
        surgery.set32(surgery.centralHeaders[1] + 20, 6) // b.xml's compressed size as a.txt's
        let error = archiveError { _ = try open(surgery) }
        #expect(error?.kind == .overlappingMembers(other: "a.txt"))
        #expect(error?.member == "b.xml")
        #expect(error?.description == "book.xlsx, member 'b.xml' (byte 0): its local header and data overlap those of member 'a.txt'")
    }

    @Test("an end record whose entry count lies, either way, is refused")
    func entryCountLies() throws {
        for declared: UInt16 in [1, 3, 0xFFFF] {
            var surgery = try sample()
            surgery.set16(surgery.endRecord + 8, declared)
            surgery.set16(surgery.endRecord + 10, declared)
            #expect(archiveError { _ = try open(surgery) }?.kind == .entryCountMismatch(declared: Int(declared), found: 2))
        }
    }

    @Test("bad signatures: a local header, a central directory header, a ZIP64 end record")
    func badSignatures() throws {
        var surgery = try sample()
        surgery.bytes[surgery.localHeaders[1]] = 0
        #expect(archiveError { _ = try open(surgery) }?.kind == .badSignature(.localHeader))
        surgery = try sample()
        let second = surgery.centralHeaders[1]
        surgery.bytes[second] = 0
        let error = archiveError { _ = try open(surgery) }
        #expect(error?.kind == .badSignature(.centralDirectoryHeader))
        #expect(error?.offset == second)

        var writer = ZipWriter(modificationDate: fixtureDate, zip64Threshold: 0)
        try writer.add("a", contents: [1])
        var zip64 = Surgery(bytes: try writer.finish())
        zip64.bytes[zip64.offsets(of: Signature.zip64EndOfCentralDirectory)[0]] = 0
        #expect(archiveError { _ = try open(zip64) }?.kind == .badSignature(.zip64EndOfCentralDirectory))
    }

    @Test("a size marked as in a ZIP64 extra field that is not there is refused")
    func missingZip64Field() throws {
        var surgery = try sample()
        surgery.set32(surgery.centralHeaders[1] + 20, 0xFFFF_FFFF)
        #expect(archiveError { _ = try open(surgery) }?.kind == .missingZip64Field("compressed size"))
    }

    @Test("an archive split over several disks is refused")
    func multiDisk() throws {
        var surgery = try sample()
        surgery.set16(surgery.endRecord + 4, 1)
        #expect(archiveError { _ = try open(surgery) }?.kind == .multiDisk)
    }

    @Test("Deflate64, bzip2 and LZMA members are listed but not extracted")
    func unsupportedMethods() throws {
        var surgery = try sample()
        surgery.set16(surgery.centralHeaders[1] + 10, 9)
        let archive = try open(surgery)
        let error = archiveError { _ = try archive.contents(of: "b.xml") }
        #expect(error?.kind == .unsupportedMethod(9))
        #expect(error?.description.contains("Deflate64 (method 9)") == true)
        for (file, method) in [("python-bzip2.zip", 12), ("python-lzma.zip", 14)] {
            let archive = try ZipArchive(bytes: try fixture(file))
            #expect(archiveError { _ = try archive.contents(of: "data.txt") }?.kind == .unsupportedMethod(UInt16(method)))
        }
    }

    @Test("an encrypted member (Info-ZIP -P) is listed but not extracted")
    func encrypted() throws {
        let archive = try ZipArchive(bytes: try fixture("infozip-encrypted.zip"))
        #expect(archive.entries.map(\.isEncrypted) == [true])
        let error = archiveError { _ = try archive.contents(of: "a.txt") }
        #expect(error?.kind == .encrypted)
        #expect(error?.member == "a.txt")
    }

    @Test("a wrong CRC-32 is found, in stored and deflated members, after the last chunk")
    func crcMismatch() throws {
        for (index, name) in ["a.txt", "b.xml"].enumerated() {
            var surgery = try sample()
            surgery.set32(surgery.centralHeaders[index] + 16, 0x1234_5678)
            let archive = try open(surgery)
            #expect(archiveError { _ = try archive.contents(of: name) }?.kind.isCRCMismatch == true)
        }
        var surgery = try sample()
        surgery.bytes[30 + 5] ^= 0x20 // a byte of a.txt's stored data
        let error = archiveError { _ = try open(surgery).contents(of: "a.txt") }
        #expect(error?.description.contains("has CRC-32 0x") == true)
    }

    @Test("a declared size that is wrong is refused: stored, deflated too small, deflated too large")
    func sizeMismatch() throws {
        var surgery = try sample()
        surgery.set32(surgery.centralHeaders[0] + 24, 7)
        #expect(archiveError { _ = try open(surgery).contents(of: "a.txt") }?.kind == .sizeMismatch(declared: 7, actual: 6))
        let size = sheetXML(rows: 200).count
        surgery = try sample()
        surgery.set32(surgery.centralHeaders[1] + 24, UInt32(size - 1))
        #expect(archiveError { _ = try open(surgery).contents(of: "b.xml") }?.kind == .sizeMismatch(declared: size - 1, actual: size))
        surgery = try sample()
        surgery.set32(surgery.centralHeaders[1] + 24, UInt32(size + 1))
        #expect(archiveError { _ = try open(surgery).contents(of: "b.xml") }?.kind == .sizeMismatch(declared: size + 1, actual: size))
    }

    @Test("damaged deflate data, and a deflate stream cut short, are corrupt data")
    func corruptData() throws {
        var surgery = try sample()
        let data = surgery.localHeaders[1] + 30 + 5
        for offset in data..<(data + 8) { surgery.bytes[offset] = 0xFF }
        #expect(archiveError { _ = try open(surgery).contents(of: "b.xml") }?.kind.isCorruptData == true)
        surgery = try sample()
        surgery.set32(surgery.centralHeaders[1] + 20, 10)
        let error = archiveError { _ = try open(surgery).contents(of: "b.xml") }
        #expect(error?.kind == .corruptData("the compressed data ends before its deflate stream does"))
    }

    @Test("a file that cannot be read gives its errno")
    func unreadable() throws {
        #expect(archiveError { _ = try ZipArchive(contentsOfFile: "/nonexistent/book.xlsx") }?.kind == .unreadable(errno: ENOENT))
        #expect(archiveError { _ = try ZipArchive(contentsOfFile: NSTemporaryDirectory()) }?.kind == .unreadable(errno: EISDIR))
    }
}

extension ArchiveError.Kind {
    var isCRCMismatch: Bool { if case .crcMismatch = self { true } else { false } }
    var isCorruptData: Bool { if case .corruptData = self { true } else { false } }
}

import Foundation
import Testing

@testable import KithArchive

/// Archives made by Python's zipfile and Info-ZIP (Fixtures/README.md has the commands), read
/// as those tools read them.
@Suite("ZIP archives made by Python's zipfile and Info-ZIP")
struct FixtureTests {
    private let csv = Array(((0..<300).map { "\($0),respondent \($0),often" }.joined(separator: "\n") + "\n").utf8)

    @Test("zipfile: stored, deflated, empty, a folder and a UTF-8 name")
    func pythonMixed() throws {
        let archive = try ZipArchive(bytes: try fixture("python-mixed.zip"))
        #expect(archive.entries.map(\.name) == ["hello.txt", "sheet.xml", "empty.txt", "folder/", "naïve café/résumé.txt"])
        #expect(archive.entries.map(\.method) == [0, 8, 8, 0, 8])
        #expect(archive.entries.allSatisfy { $0.modificationDate == fixtureDate })
        #expect(try archive.contents(of: "hello.txt") == Array("Hello, world!\n".utf8))
        #expect(try archive.contents(of: "sheet.xml") == sheetXML(rows: 2_000))
        #expect(try archive.contents(of: "empty.txt").isEmpty)
        #expect(archive.entry(named: "folder/")?.isDirectory == true)
        #expect(try archive.contents(of: "naïve café/résumé.txt") == Array("Grüße, ½ € ✓\n".utf8))
    }

    @Test("zipfile: an archive comment before which the end record is found")
    func pythonComment() throws {
        let archive = try ZipArchive(bytes: try fixture("python-comment.zip"))
        #expect(archive.comment == "Made by zipfile: a comment of 50 characters or so.")
        #expect(try archive.contents(of: "a.txt") == Array("comment test\n".utf8))
    }

    @Test("zipfile: force_zip64 puts a ZIP64 extra field in the local header only")
    func pythonForcedZip64() throws {
        let archive = try ZipArchive(bytes: try fixture("python-force-zip64.zip"))
        #expect(try archive.contents(of: "forced.txt") == Array(String(repeating: "ZIP64 local header, ", count: 50).utf8))
    }

    @Test("zipfile: ZIP64 sizes and offsets in central extra fields, and a ZIP64 end record")
    func pythonZip64End() throws {
        let archive = try ZipArchive(bytes: try fixture("python-zip64-end.zip"))
        #expect(archive.entries.map(\.name) == ["one.txt", "two.txt", "three.txt"])
        #expect(archive.entries.map(\.localHeaderOffset) == [0, 95, 172])
        #expect(try archive.contents(of: "one.txt") == Array("first member, long enough for ZIP64\n".utf8))
        #expect(try archive.contents(of: "two.txt") == Array(String(repeating: "second member\n", count: 20).utf8))
        #expect(try archive.contents(of: "three.txt").isEmpty)
    }

    @Test("Info-ZIP: extra fields longer in local headers than central ones, and a name read as code page 437")
    func infoZip() throws {
        let archive = try ZipArchive(bytes: try fixture("infozip.zip"))
        // The name's bytes are UTF-8 "café.txt" without the UTF-8 flag: zipfile and unzip read it so too.
        #expect(archive.entries.map(\.name) == ["a.txt", "b.csv", "caf├⌐.txt"])
        #expect(try archive.contents(of: "a.txt") == Array("first line\nsecond line\n".utf8))
        #expect(try archive.contents(of: "b.csv") == csv)
        #expect(try archive.contents(of: "caf├⌐.txt") == Array("héllo\n".utf8))
        #expect(archive.entries.allSatisfy { $0.modificationDate == Date(timeIntervalSince1970: 1_709_294_400) })
    }

    @Test("Info-ZIP from a pipe: a data descriptor, a ZIP64 local extra field and a ZIP64 end record")
    func infoZipStream() throws {
        let archive = try ZipArchive(bytes: try fixture("infozip-stream.zip"))
        let entry = try #require(archive.entry(named: "-"))
        #expect(entry.flags & 0x8 != 0)
        #expect(try archive.contents(of: entry) == csv)
    }

    @Test("a file on disk is read whole, and errors name its path")
    func fromFile() throws {
        let path = try fixturePath("python-mixed.zip")
        let archive = try ZipArchive(contentsOfFile: path)
        #expect(archive.name == path)
        #expect(archive.entries.count == 5)
        let error = archiveError { _ = try archive.contents(of: "missing.xml") }
        #expect(error?.kind == .noSuchMember)
        #expect(error?.description == "\(path), member 'missing.xml': the archive has no member of that name")
    }

    @Test("Info-ZIP's Unicode path field (0x7075) names a member whose name has no UTF-8 flag")
    func unicodePathField() throws {
        // A member named "X.txt" in its header, with a Unicode path field saying "É.txt".
        var bytes = try writeArchive([("X.txt", [1, 2, 3], .stored)])
        let surgery = Surgery(bytes: bytes)
        let central = surgery.centralHeaders[0]
        let field: [UInt8] = [0x75, 0x70, 11, 0, 1] + le32(CRC32.of(Array("X.txt".utf8)[...])) + Array("É.txt".utf8)
        bytes.insert(contentsOf: field, at: central + 46 + 5)
        var patched = Surgery(bytes: bytes)
        patched.set16(central + 30, UInt16(field.count))
        patched.set32(patched.endRecord + 12, UInt32(patched.endRecord - central))
        #expect(try ZipArchive(bytes: patched.bytes).entries.map(\.name) == ["É.txt"])
        // A stale field (its CRC-32 is of another name) is ignored.
        patched.bytes[central + 46 + 5 + 5] ^= 0xFF
        #expect(try ZipArchive(bytes: patched.bytes).entries.map(\.name) == ["X.txt"])
    }

    @Test("a name without the UTF-8 flag is code page 437")
    func codePage437Name() throws {
        var surgery = Surgery(bytes: try writeArchive([("X.txt", [1], .stored)]))
        surgery.bytes[30] = 0x82 // é in the local header's name
        surgery.bytes[surgery.centralHeaders[0] + 46] = 0x82
        #expect(try ZipArchive(bytes: surgery.bytes).entries.map(\.name) == ["é.txt"])
    }

    private func le32(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}

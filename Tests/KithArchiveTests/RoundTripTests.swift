import Foundation
import Testing

@testable import KithArchive

@Suite("ZIP round trips: what ZipWriter writes, ZipArchive reads back")
struct RoundTripTests {
    @Test("stored, deflated and empty members keep their names, sizes, CRC-32, method and date")
    func membersRoundTrip() throws {
        let sheet = sheetXML(rows: 500)
        let bytes = try writeArchive([
            ("hello.txt", Array("Hello, world!\n".utf8), .stored), ("xl/worksheets/sheet1.xml", sheet, .deflated),
            ("empty-stored", [], .stored), ("empty-deflated", [], .deflated), ("xl/", [], .stored)
        ])
        let archive = try ZipArchive(bytes: bytes)
        #expect(archive.entries.map(\.name) == ["hello.txt", "xl/worksheets/sheet1.xml", "empty-stored", "empty-deflated", "xl/"])
        #expect(archive.entries.map(\.method) == [0, 8, 0, 8, 0])
        #expect(archive.entries.map(\.isDirectory) == [false, false, false, false, true])
        #expect(archive.entries.allSatisfy { $0.modificationDate == fixtureDate })
        let entry = try #require(archive.entry(named: "xl/worksheets/sheet1.xml"))
        #expect(entry.uncompressedSize == sheet.count)
        #expect(entry.compressedSize < sheet.count / 5)
        #expect(entry.crc32 == CRC32.of(sheet[...]))
        #expect(try archive.contents(of: entry) == sheet)
        #expect(try archive.contents(of: "hello.txt") == Array("Hello, world!\n".utf8))
        #expect(try archive.contents(of: "empty-stored").isEmpty)
        #expect(try archive.contents(of: "empty-deflated").isEmpty)
    }

    @Test("UTF-8 names are flagged (bit 11) and read back; ASCII names are not flagged")
    func utf8Names() throws {
        let names = ["naïve café/résumé.txt", "Grüße ½ €.xml", "日本語.txt", "plain.txt"]
        let archive = try ZipArchive(bytes: try writeArchive(names.map { ($0, Array($0.utf8), .deflated) }))
        #expect(archive.entries.map(\.name) == names)
        #expect(archive.entries.map { $0.flags & 0x800 != 0 } == [true, true, true, false])
        for name in names { #expect(try archive.contents(of: name) == Array(name.utf8)) }
    }

    @Test("a member of several MiB comes back in chunks of the size asked, deflated or stored", arguments: [ZipWriter.Compression.deflated, .stored])
    func largeMemberInChunks(compression: ZipWriter.Compression) throws {
        let large = (0..<10).flatMap { sheetXML(rows: 12_000 + $0) } + noise(count: 1 << 20)
        #expect(large.count > 6 << 20)
        let archive = try ZipArchive(bytes: try writeArchive([("big.xml", large, compression)]))
        var chunks: [Int] = []
        var joined: [UInt8] = []
        try archive.forEachChunk(of: try #require(archive.entry(named: "big.xml")), chunkSize: 65_536) { chunk in
            chunks.append(chunk.count)
            joined += chunk
        }
        #expect(joined == large)
        #expect(chunks.dropLast().allSatisfy { $0 == 65_536 })
        #expect(chunks.count == (large.count + 65_535) / 65_536)
    }

    @Test("an error thrown by the chunk closure stops the reading and comes out as it is")
    func chunkClosureErrors() throws {
        struct Stop: Error {}
        let archive = try ZipArchive(bytes: try writeArchive([("a.xml", sheetXML(rows: 20_000), .deflated)]))
        var calls = 0
        #expect(throws: Stop.self) {
            try archive.forEachChunk(of: archive.entries[0], chunkSize: 1_000) { _ in
                calls += 1
                if calls == 3 { throw Stop() }
            }
        }
        #expect(calls == 3)
    }

    @Test("the archive comment round-trips, and one holding a false end record signature does not mislead the reader")
    func comments() throws {
        let plain = try ZipArchive(bytes: try writeArchive([("a", [1], .stored)], comment: "Exported by Kith — 2024"))
        #expect(plain.comment == "Exported by Kith — 2024")
        let tricky = "A false end record: PK\u{5}\u{6}\u{0}\u{0}\u{0}\u{0}\u{1}\u{0}\u{1}\u{0} and more"
        let archive = try ZipArchive(bytes: try writeArchive([("a", [1], .stored), ("b", [2], .deflated)], comment: tricky))
        #expect(archive.comment == tricky)
        #expect(archive.entries.map(\.name) == ["a", "b"])
    }

    @Test("ZIP64 records throughout (sizes, offsets, end record) read back", arguments: [ZipWriter.Compression.deflated, .stored])
    func forcedZip64(compression: ZipWriter.Compression) throws {
        var writer = ZipWriter(modificationDate: fixtureDate, zip64Threshold: 0)
        let members = [("one.xml", sheetXML(rows: 300)), ("two.txt", Array("second\n".utf8)), ("three", [])]
        for (name, contents) in members { try writer.add(name, contents: contents, compression: compression) }
        let bytes = try writer.finish()
        let surgery = Surgery(bytes: bytes)
        #expect(surgery.offsets(of: Signature.zip64EndOfCentralDirectory).count == 1)
        #expect(surgery.offsets(of: Signature.zip64Locator).count == 1)
        let archive = try ZipArchive(bytes: bytes)
        #expect(archive.entries.map(\.name) == members.map(\.0))
        for (name, contents) in members { #expect(try archive.contents(of: name) == contents) }
    }

    @Test("65,536 members need a ZIP64 end record, and all are read back")
    func manyMembers() throws {
        var writer = ZipWriter(modificationDate: fixtureDate)
        for index in 0..<65_536 { try writer.add("m\(index)", contents: [UInt8(truncatingIfNeeded: index)], compression: .stored) }
        let bytes = try writer.finish()
        #expect(Surgery(bytes: Array(bytes.suffix(200))).offsets(of: Signature.zip64EndOfCentralDirectory).count == 1)
        let archive = try ZipArchive(bytes: bytes)
        #expect(archive.entries.count == 65_536)
        #expect(try archive.contents(of: "m65535") == [0xFF])
    }

    @Test("dates are written as UTC, rounded down to even seconds and clamped to 1980...2107")
    func dates() throws {
        let cases: [(Date, Date)] = [
            (Date(timeIntervalSince1970: 1_709_296_245.9), fixtureDate),
            (Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 315_532_800)),
            (Date(timeIntervalSince1970: 5_000_000_000), Date(timeIntervalSince1970: 4_354_819_198)),
            (Date(timeIntervalSince1970: 951_825_600), Date(timeIntervalSince1970: 951_825_600)) // 2000-02-29T12:00:00Z
        ]
        var writer = ZipWriter(modificationDate: fixtureDate)
        for (index, (date, _)) in cases.enumerated() { try writer.add("\(index)", contents: [], modificationDate: date) }
        let archive = try ZipArchive(bytes: try writer.finish())
        #expect(archive.entries.map(\.modificationDate) == cases.map(\.1))
    }
}

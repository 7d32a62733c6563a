import Foundation
import Testing

@testable import KithArchive

@Suite("ZIP writer: deterministic output and refusals")
struct WriterTests {
    private let members: [(String, [UInt8], ZipWriter.Compression)] = [
        ("[Content_Types].xml", Array("<Types/>".utf8), .deflated), ("xl/", [], .stored),
        ("xl/worksheets/sheet1.xml", sheetXML(rows: 3_000), .deflated), ("docProps/app.xml", Array("<Properties/>".utf8), .stored)
    ]

    @Test("the same members and date give the same bytes, run after run")
    func deterministic() throws {
        let first = try writeArchive(members, comment: "Kith")
        let second = try writeArchive(members, comment: "Kith")
        #expect(first == second)
        var later = ZipWriter(modificationDate: fixtureDate.addingTimeInterval(2))
        for (name, contents, compression) in members { try later.add(name, contents: contents, compression: compression) }
        #expect(try later.finish(comment: "Kith") != first)
    }

    @Test("a sink receives exactly the bytes the in-memory writer returns")
    func sink() throws {
        var received: [[UInt8]] = []
        var writer = ZipWriter(modificationDate: fixtureDate) { received.append($0) }
        for (name, contents, compression) in members { try writer.add(name, contents: contents, compression: compression) }
        #expect(try writer.finish(comment: "Kith").isEmpty)
        #expect(received.count > members.count)
        #expect(Array(received.joined()) == (try writeArchive(members, comment: "Kith")))
    }

    @Test("the writer's stored output is byte for byte the committed file that zipfile's testzip() passed")
    func golden() throws {
        let bytes = try writeArchive(
            [("hello.txt", Array("Hello, world!\n".utf8), .stored), ("folder/", [], .stored), ("naïve.txt", Array("ünïcode\n".utf8), .stored)],
            comment: "written by ZipWriter")
        #expect(bytes == (try fixture("writer-stored.zip")))
    }

    @Test("an error from the sink comes out of add and finish as it is")
    func sinkErrors() throws {
        struct DiskFull: Error {}
        var writer = ZipWriter(modificationDate: fixtureDate) { _ in throw DiskFull() }
        #expect(throws: DiskFull.self) { try writer.add("a", contents: [1]) }
    }

    @Test("refused: an empty name, a repeated name, a name or comment over 65,535 bytes, use after finish")
    func refusals() throws {
        var writer = ZipWriter(modificationDate: fixtureDate)
        try writer.add("a.xml", contents: [1])
        #expect(archiveError { try writer.add("", contents: []) }?.kind == .emptyName)
        let duplicate = archiveError { try writer.add("a.xml", contents: [2]) }
        #expect(duplicate?.kind == .duplicateName)
        #expect(
            duplicate?.description
                == "the archive being written, member 'a.xml': a member of that name was already added; names in an archive must be unique")
        let long = String(repeating: "é", count: 40_000)
        #expect(archiveError { try writer.add(long, contents: []) }?.kind == .fieldTooLong(bytes: 80_000))
        #expect(archiveError { try writer.finish(comment: long) }?.kind == .fieldTooLong(bytes: 80_000))
        let bytes = try writer.finish()
        #expect(try ZipArchive(bytes: bytes).entries.map(\.name) == ["a.xml"])
        #expect(archiveError { try writer.add("b.xml", contents: []) }?.kind == .alreadyFinished)
        #expect(archiveError { try writer.finish() }?.kind == .alreadyFinished)
    }
}

import Foundation
import Testing

@testable import KithArchive

/// No input may crash the reader: every truncation of an archive and thousands of damaged copies
/// must open and extract, or throw an ArchiveError, and nothing else.
@Suite("ZIP reader robustness: truncated and damaged archives never crash")
struct RobustnessTests {
    private func exercise(_ bytes: [UInt8]) {
        // Opening throws only ArchiveError (its throws is typed); extracting is checked here.
        guard let archive = try? ZipArchive(bytes: bytes, limits: ExtractionLimits(maximumMemberSize: 1 << 22)) else { return }
        for entry in archive.entries {
            do {
                try archive.forEachChunk(of: entry, chunkSize: 100) { _ in }
            } catch {
                #expect(error is ArchiveError)
            }
        }
    }

    private func samples() throws -> [[UInt8]] {
        var zip64 = ZipWriter(modificationDate: fixtureDate, zip64Threshold: 0)
        try zip64.add("a.xml", contents: sheetXML(rows: 30))
        try zip64.add("b", contents: Array("stored".utf8), compression: .stored)
        return [
            try writeArchive([("a.xml", sheetXML(rows: 30), .deflated), ("b", Array("stored".utf8), .stored)], comment: "c"),
            try zip64.finish(), try fixture("infozip-stream.zip"), try fixture("python-zip64-end.zip")
        ]
    }

    @Test("every prefix of an archive")
    func truncations() throws {
        for bytes in try samples() {
            for length in 0...bytes.count { exercise(Array(bytes.prefix(length))) }
        }
    }

    @Test("archives with one to four bytes changed at random (seeded)")
    func mutations() throws {
        var generator = SplitMix64(seed: 2024)
        for bytes in try samples() {
            for _ in 0..<1_500 {
                var damaged = bytes
                for _ in 0...Int.random(in: 0...3, using: &generator) {
                    let value = UInt8.random(in: 0...255, using: &generator)
                    damaged[Int.random(in: 0..<damaged.count, using: &generator)] = [0x00, 0xFF, 0x50, value][Int(value % 4)]
                }
                exercise(damaged)
            }
        }
    }
}

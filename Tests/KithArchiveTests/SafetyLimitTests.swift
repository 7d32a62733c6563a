import Foundation
import Testing

@testable import KithArchive

/// Zip bombs: members that inflate far beyond their size, honestly declared or not. Each must be
/// refused having inflated at most one chunk past a limit.
@Suite("ZIP reader limits: zip bombs and oversized members")
struct SafetyLimitTests {
    @Test("50 MiB of zeros deflated (1,028:1) is refused by the ratio cap before any of it is inflated")
    func zipBomb() throws {
        let archive = try ZipArchive(bytes: try writeArchive([("bomb.xml", [UInt8](repeating: 0, count: 50 << 20), .deflated)]))
        let entry = archive.entries[0]
        #expect(entry.compressedSize < 51_000)
        var received = 0
        let error = archiveError { try archive.forEachChunk(of: entry) { received += $0.count } }
        #expect(error?.kind == .compressionRatioTooHigh(inflated: 50 << 20, compressed: entry.compressedSize, limit: 1_000))
        #expect(received == 0)
        #expect(archiveError { _ = try archive.contents(of: entry) }?.kind == error?.kind)
    }

    @Test("a bomb that understates its size is stopped as soon as it passes the declared size")
    func lyingBomb() throws {
        var surgery = Surgery(bytes: try writeArchive([("bomb.xml", [UInt8](repeating: 0, count: 50 << 20), .deflated)]))
        surgery.set32(surgery.centralHeaders[0] + 24, 40_000) // under the ratio: declared 40 kB from 51 kB
        let archive = try ZipArchive(bytes: surgery.bytes)
        var received = 0
        let error = archiveError { try archive.forEachChunk(of: archive.entries[0], chunkSize: 8_192) { received += $0.count } }
        guard case .sizeMismatch(declared: 40_000, let actual)? = error?.kind else {
            Issue.record("expected a size mismatch, got \(String(describing: error))")
            return
        }
        #expect(actual <= 40_000 + 8_192)
        #expect(received <= 40_000)
    }

    @Test("a member whose declared ratio passes but whose first megabytes are a bomb is stopped mid-stream")
    func ratioMidStream() throws {
        let contents = [UInt8](repeating: 0, count: 30 << 20) + noise(count: 1 << 20)
        var archive = try ZipArchive(bytes: try writeArchive([("sheet.xml", contents, .deflated)]))
        archive.limits = ExtractionLimits(maximumCompressionRatio: 100)
        let entry = archive.entries[0]
        #expect(entry.uncompressedSize / entry.compressedSize < 100)
        var received = 0
        let error = archiveError { try archive.forEachChunk(of: entry) { received += $0.count } }
        guard case .compressionRatioTooHigh(let inflated, let compressed, limit: 100)? = error?.kind else {
            Issue.record("expected the ratio cap, got \(String(describing: error))")
            return
        }
        #expect(inflated > 1 << 20 && inflated <= (1 << 20) + 65_536)
        #expect(inflated > compressed * 100)
        #expect(received <= 1 << 20)
    }

    @Test("a member over the size cap is refused before reading; one under it is read")
    func sizeCap() throws {
        let contents = noise(count: 2 << 20)
        let bytes = try writeArchive([("big.bin", contents, .deflated), ("small.bin", Array(contents.prefix(1_000)), .stored)])
        let archive = try ZipArchive(bytes: bytes, limits: ExtractionLimits(maximumMemberSize: 1 << 20))
        let error = archiveError { _ = try archive.contents(of: "big.bin") }
        #expect(error?.kind == .memberTooLarge(size: 2 << 20, limit: 1 << 20))
        #expect(error?.description.contains("member 'big.bin'") == true)
        #expect(try archive.contents(of: "small.bin").count == 1_000)
    }

    @Test("a small member that compresses very well (under the 1 MiB grace) is read")
    func graceForSmallMembers() throws {
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        let archive = try ZipArchive(bytes: try writeArchive([("empty-cells.xml", zeros, .deflated)]))
        #expect(archive.entries[0].uncompressedSize / archive.entries[0].compressedSize > 1_000)
        #expect(try archive.contents(of: "empty-cells.xml") == zeros)
    }
}

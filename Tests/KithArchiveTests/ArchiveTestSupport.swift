import Foundation
import Testing

@testable import KithArchive

/// 2024-03-01T12:30:44Z, the date the fixtures were given.
let fixtureDate = Date(timeIntervalSince1970: 1_709_296_244)

/// A committed fixture (see Fixtures/README.md), so a test cannot pass vacuously on a missing one.
func fixture(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: fixturePath(name))))
}

func fixturePath(_ name: String) throws -> String {
    guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
        throw FixtureMissing(name: name)
    }
    return url.path
}

struct FixtureMissing: Error, CustomStringConvertible {
    let name: String
    var description: String { "missing fixture \(name)" }
}

/// An archive written by `ZipWriter` with the fixture date.
func writeArchive(_ members: [(String, [UInt8], ZipWriter.Compression)], comment: String = "") throws -> [UInt8] {
    var writer = ZipWriter(modificationDate: fixtureDate)
    for (name, contents, compression) in members { try writer.add(name, contents: contents, compression: compression) }
    return try writer.finish(comment: comment)
}

/// Text that deflates about 10:1, like spreadsheet XML.
func sheetXML(rows: Int) -> [UInt8] {
    Array((1...rows).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0 * 7 % 13)</v></c></row>" }.joined().utf8)
}

/// Bytes that do not compress, from a fixed seed.
func noise(count: Int, seed: UInt64 = 42) -> [UInt8] {
    var generator = SplitMix64(seed: seed)
    return (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
}

/// A small, fast, seeded generator, so "random" tests are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The archive's own records, found by signature, for tests that damage them on purpose.
struct Surgery {
    var bytes: [UInt8]

    func offsets(of signature: UInt32) -> [Int] {
        (0..<max(0, bytes.count - 3)).filter { bytes[$0...].hasSignature(signature, at: 0) }
    }

    var centralHeaders: [Int] { offsets(of: Signature.centralHeader) }
    var localHeaders: [Int] { offsets(of: Signature.localHeader) }
    var endRecord: Int { offsets(of: Signature.endOfCentralDirectory).last ?? -1 }

    mutating func set16(_ offset: Int, _ value: UInt16) {
        for index in 0..<2 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
    }

    mutating func set32(_ offset: Int, _ value: UInt32) {
        for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
    }

    mutating func set64(_ offset: Int, _ value: UInt64) {
        for index in 0..<8 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
    }
}

/// The ArchiveError that `body` throws; records an issue if it throws nothing or something else.
func archiveError(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) -> ArchiveError? {
    #expect(throws: ArchiveError.self, sourceLocation: sourceLocation) { try body() }
}

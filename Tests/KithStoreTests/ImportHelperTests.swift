import KithTestSupport
import Testing

@testable import KithStore

@Suite("KeyIndex")
struct KeyIndexTests {
    /// A 16-byte key: some all zero, some sharing the first word's low bits (long probe runs),
    /// some repeated, some with a zero first word.
    func key(_ generator: inout SplitMix, step: Int) -> [UInt8] {
        var words = [generator.next(), generator.next()]
        switch step % 10 {
        case 0: words = [0, 0]
        case 1: words[0] = UInt64(step % 997) << 40
        case 2: words = [generator.next() % 5_000, 7] // repeats
        case 3: words = [0, generator.next() % 50] // first eight bytes 0, repeated
        default: break
        }
        return words.flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) } }
    }

    @Test("answers like a Dictionary through many growths, with repeats, zero keys and colliding low bits")
    func matchesDictionary() {
        var index = KeyIndex()
        var reference: [[UInt8]: (entry: Int, hash: Int64, location: Int64)] = [:]
        var generator = SplitMix(seed: 42)
        for step in 0..<200_000 {
            let key = key(&generator, step: step)
            let hash = Int64(step % 13)
            let location = Int64(step)
            let found = key.withUnsafeBufferPointer { index.insert($0, hash: hash, location: location) }
            if let known = reference[key] {
                #expect(found == known.entry, "step \(step)")
                #expect(index.hash(at: known.entry) == known.hash && index.location(at: known.entry) == known.location)
                if step % 3 == 0 {
                    index.update(at: known.entry, hash: hash, location: location)
                    reference[key] = (known.entry, hash, location)
                }
            } else {
                #expect(found == nil, "step \(step)")
                reference[key] = (index.count - 1, hash, location)
            }
        }
        #expect(index.count == reference.count)
    }
}

@Suite("Response blocks")
struct ResponseBlockTests {
    struct Row: Equatable {
        var key: [UInt8], hash: Int64, partial: Bool, wave: [UInt8]?, provider: [UInt8]?, flag: [UInt8]?, sourceRow: Int
        var personKey: [UInt8]?, sourceID: [UInt8]?, personID: [UInt8]?, started: [UInt8]?, submitted: [UInt8]?, answers: [UInt8], scores: [UInt8]
    }

    func randomRows(_ count: Int, seed: UInt64) -> [Row] {
        var generator = SplitMix(seed: seed)
        func bytes(_ length: Int) -> [UInt8] { (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) } }
        func maybe(_ make: () -> [UInt8]) -> [UInt8]? { generator.next() % 3 == 0 ? nil : make() }
        let waves = ["Baseline", "Follow-up", "Caf\u{E9}", "Cafe\u{301}", ""].map { Array($0.utf8) }
        return (0..<count).map { index in
            Row(
                key: bytes(16), hash: Int64(bitPattern: generator.next()), partial: generator.next() % 2 == 0,
                wave: maybe { waves[Int(generator.next() % 5)] }, provider: maybe { Array("Provider \(generator.next() % 7)".utf8) },
                flag: maybe { Array("speeding".utf8) }, sourceRow: index + 2 + Int(generator.next() % 3_000_000),
                personKey: maybe { bytes(16) }, sourceID: maybe { bytes(Int(generator.next() % 200)) }, personID: maybe { bytes(5) },
                started: maybe { Array("2026-01-02T03:04:05Z".utf8) }, submitted: maybe { bytes(20) },
                answers: bytes(Int(generator.next() % 300)), scores: bytes(Int(generator.next() % 40)))
        }
    }

    func encode(_ rows: [Row]) -> (bytes: [UInt8], waves: [String]) {
        var builder = ResponseBlock.Builder()
        for row in rows {
            builder.append(
                key: row.key, hash: row.hash, partial: row.partial, wave: row.wave, provider: row.provider, flag: row.flag,
                sourceRow: row.sourceRow, personKey: row.personKey, sourceID: row.sourceID, personID: row.personID,
                startedAt: row.started, submittedAt: row.submitted, answers: row.answers, scores: row.scores)
        }
        return (builder.encoded(), builder.waves)
    }

    func decode(_ bytes: [UInt8]) throws -> [Row] {
        try bytes.withUnsafeBufferPointer { buffer in
            let block = try ResponseBlock.Reader(buffer)
            var rows: [Row] = []
            try block.forEachRow { row in
                #expect(row.slot == rows.count)
                #expect(Array(block.key(row.slot)) == Array(row.key) && block.hash(row.slot) == row.hash)
                rows.append(
                    Row(
                        key: Array(row.key), hash: row.hash, partial: row.partial, wave: row.wave.map(Array.init),
                        provider: row.provider.map(Array.init), flag: row.flag.map(Array.init), sourceRow: row.sourceRow,
                        personKey: row.personKey.map(Array.init), sourceID: row.sourceID.map(Array.init), personID: row.personID.map(Array.init),
                        started: row.startedAt.map(Array.init), submitted: row.submittedAt.map(Array.init),
                        answers: Array(row.answers), scores: Array(row.scores)))
            }
            #expect(rows.count == block.count)
            return rows
        }
    }

    @Test("a full block of random rows reads back exactly, canonically equivalent waves kept apart")
    func roundTrip() throws {
        let rows = randomRows(ResponseBlock.capacity, seed: 7)
        let (bytes, waves) = encode(rows)
        #expect(try decode(bytes) == rows)
        let expected = rows.compactMap(\.wave).reduce(into: [[UInt8]]()) { if !$0.contains($1) { $0.append($1) } }
        #expect(waves.map { Array($0.utf8) } == expected, "distinct waves by their bytes, in first-seen order")
        #expect(waves.contains("Caf\u{E9}") && waves.filter { $0 == "Caf\u{E9}" }.count == 2, "é and e + ◌́ are two waves")
    }

    @Test("a truncated or altered block is refused as damaged, never read past its end")
    func damaged() throws {
        let (bytes, _) = encode(randomRows(40, seed: 9))
        for cut in stride(from: 0, to: bytes.count - 1, by: 37) {
            #expect(throws: StoreError.self, "cut at \(cut)") { _ = try decode(Array(bytes[..<cut])) }
        }
        var unknown = bytes
        unknown[0] = 2
        #expect { _ = try decode(unknown) } throws: { "\($0)".contains("unknown format") }
    }
}

@Suite("TextTable")
struct TextTableTests {
    @Test("numbers texts by their bytes in first-seen order, below and past the scan limit, canonically equivalent ones apart")
    func numbering() {
        var table = TextTable<String>()
        var reference: [[UInt8]] = []
        var generator = SplitMix(seed: 3)
        let special = ["Caf\u{E9}", "Cafe\u{301}", ""]
        for step in 0..<5_000 {
            let text = step % 7 == 0 ? special[step % 3] : "p\(generator.next() % UInt64(step < 2_000 ? 12 : 300))"
            let bytes = Array(text.utf8)
            let index = bytes.withUnsafeBufferPointer { table.index(of: $0) { String(decoding: $0, as: UTF8.self) } }
            if let known = reference.firstIndex(of: bytes) {
                #expect(index == known, "step \(step)")
            } else {
                #expect(index == reference.count, "step \(step)")
                reference.append(bytes)
            }
            #expect(Array(table.values[index].utf8) == bytes)
        }
        #expect(table.keys == reference && table.count > 40)
    }
}

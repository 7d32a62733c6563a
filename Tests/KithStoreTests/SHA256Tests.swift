import Foundation
import KithCore
import KithStore
import Testing

@Suite("SHA-256")
struct SHA256Tests {
    static let nist: [(String, String)] = [
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", // 448 bits
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", // 896 bits
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    ]

    /// Expected digests from:
    /// python3 -c 'import hashlib
    /// for n in [1,55,56,57,63,64,65,119,120,127,128,1000,4097]: print(n, hashlib.sha256(bytes((i*31+7) % 256 for i in range(n))).hexdigest())'
    static let hashlib: [(Int, String)] = [
        (1, "ca358758f6d27e6cf45272937977a748fd88391db679ceda7dc7bf1f005ee879"),
        (55, "8aa994584139d128848eeebc4e815639ba5ab6e6e39574195a63ac4f14f7c43b"),
        (56, "ad574708f75c044c9b85de64cb568ee7711ff4f36448c6242f053ba8f6cc2b63"),
        (57, "5b46e502092be01b1100193e089fdda95638c12e19a1d24f308eb2c3d3ae849d"),
        (63, "280ed3e8ff1df845b2e7dfe6ac6cee817bef20e783cc65abc41b818b4d2fe076"),
        (64, "c6ab9724ade5b6a7a1edfffb12f3aa9181351355af8fd08c919952ad211339dd"),
        (65, "788367c73c7ddf4c53f65e68cc0d943e6227ab55b0e78ba63ace822b1c6301c0"),
        (119, "3d610547d68216dedf7435a4fb6260353911f6b3fd3f18805ddb8be285d726fe"),
        (120, "1f80156a804cb7862ad113e8200e9d74499723e7c7854d5f48776d3148e09656"),
        (127, "192409cd280e14b743642ad1343fbd3e82d9305de72c078117745a679210cc3d"),
        (128, "cc548ca2dec1f6fe4f58b2e27aa9c7521607df1130d140b55a4dad0665302356"),
        (1000, "5097e7d587352f5097062ae679f37bda5802d9f875aba14c8cb4d1a188ada179"),
        (4097, "bb37fb3430fb3bc003f70512ee0189aec84b029b221885c8f16280d1b935483e")
    ]

    /// FIPS 180-4 examples (NIST "Examples with intermediate values", SHA-256).
    @Test("NIST example vectors", arguments: nist)
    func nistVectors(message: String, digest: String) {
        #expect(hex(SHA256.hash(message.utf8)) == digest)
        #expect(hex(SHA256.hash(Array(message.utf8))) == digest)
        #expect(hex(SHA256.hash(Data(message.utf8))) == digest)
    }

    @Test("one million 'a'")
    func millionA() {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(hex(SHA256.hash(message)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("streaming in odd chunk sizes equals one-shot", arguments: [1, 3, 7, 13, 55, 63, 64, 65, 127, 1000, 4093])
    func streaming(chunkSize: Int) {
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        var hasher = SHA256()
        var start = 0
        while start < million.count {
            let end = min(start + chunkSize, million.count)
            hasher.update(million[start..<end])
            start = end
        }
        #expect(hex(hasher.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")

        // And on data that is not all one byte, through the raw-buffer API.
        let data = pattern(10_007)
        var raw = SHA256()
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let end = min(offset + chunkSize, buffer.count)
                raw.update(UnsafeRawBufferPointer(rebasing: buffer[offset..<end]))
                offset = end
            }
        }
        #expect(raw.finalize() == SHA256.hash(data))
    }

    @Test("split at every position around the padding boundaries equals one-shot")
    func everySplit() {
        let data = pattern(130)
        let expected = SHA256.hash(data)
        for split in 0...data.count {
            var hasher = SHA256()
            hasher.update(data[..<split])
            hasher.update(data[split...])
            #expect(hasher.finalize() == expected, "split at \(split)")
        }
    }

    @Test("matches Python hashlib at every padding boundary", arguments: hashlib)
    func pythonCrossCheck(count: Int, digest: String) {
        #expect(hex(SHA256.hash(pattern(count))) == digest)
    }

    @Test("a non-contiguous sequence hashes like the same bytes in an array")
    func nonContiguousSequence() {
        let data = pattern(9_000)
        let lazy = (0..<9_000).lazy.map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        #expect(SHA256.hash(lazy) == SHA256.hash(data))
        #expect(SHA256.hash(AnySequence(data)) == SHA256.hash(data))
    }

    @Test("finalize gives a running digest and leaves the hasher usable")
    func runningDigest() {
        var hasher = SHA256()
        hasher.update("ab".utf8)
        let first = hasher.finalize()
        #expect(hasher.finalize() == first)
        hasher.update("c".utf8)
        #expect(hex(hasher.finalize()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(first == SHA256.hash("ab".utf8))
    }

    /// On a CPU without SHA instructions `.hardware` falls back to portable Swift, and
    /// both arguments test the same code; `SHA256.Implementation.best` says which this is.
    @Test(
        "portable Swift and the CPU's SHA instructions both give the published digests",
        arguments: [SHA256.Implementation.portable, .hardware])
    func implementations(implementation: SHA256.Implementation) {
        func digest(_ bytes: some Sequence<UInt8>) -> String {
            var hasher = SHA256(implementation: implementation)
            hasher.update(bytes)
            return hex(hasher.finalize())
        }
        for (message, expected) in Self.nist { #expect(digest(message.utf8) == expected, "\(message)") }
        for (count, expected) in Self.hashlib { #expect(digest(pattern(count)) == expected, "\(count) bytes") }
        #expect(
            digest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("the two implementations agree on every length up to 1,100 bytes")
    func implementationsAgree() {
        let data = pattern(1_100, multiplier: 167, addend: 13)
        for count in 0...data.count {
            var portable = SHA256(implementation: .portable)
            var hardware = SHA256(implementation: .hardware)
            portable.update(data[..<count])
            hardware.update(data[..<count])
            #expect(portable.finalize() == hardware.finalize(), "\(count) bytes")
        }
    }

    @Test("hashing a file (mapped) or a pipe or an empty file (read) equals hashing its bytes; a missing file throws")
    func fileHash() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/import.csv"
            let data = pattern(3 << 20 | 123) // more than one 1 MiB read
            try Data(data).write(to: URL(fileURLWithPath: path))
            #expect(try SHA256.hash(contentsOfFile: path) == SHA256.hash(data))
            try Data().write(to: URL(fileURLWithPath: directory + "/empty.csv"))
            #expect(try SHA256.hash(contentsOfFile: directory + "/empty.csv") == SHA256.hash([UInt8]()))
            // A pipe cannot be mapped: it is read.
            let fifo = directory + "/pipe.csv"
            #expect(mkfifo(fifo, 0o600) == 0)
            let writer = Thread { try? Data(data).write(to: URL(fileURLWithPath: fifo)) }
            writer.start()
            #expect(try SHA256.hash(contentsOfFile: fifo) == SHA256.hash(data))

            let error = try #require(throws: SystemCallError.self) { try SHA256.hash(contentsOfFile: directory + "/missing.csv") }
            #expect(error.isNoSuchFile)
            #expect(error.description.contains("missing.csv"))
        }
    }

    @Test("hex encodes lower case and decodes either case; rejects bad input")
    func hexRoundTrip() {
        #expect(Hex.encode([0x00, 0x0f, 0xab, 0xff]) == "000fabff")
        #expect(Hex.decode("000fabff") == [0x00, 0x0f, 0xab, 0xff])
        #expect(Hex.decode("000FABFF") == [0x00, 0x0f, 0xab, 0xff])
        #expect(Hex.decode("") == [])
        #expect(Hex.decode("abc") == nil)
        #expect(Hex.decode("zz") == nil)
        let bytes = pattern(256, multiplier: 1, addend: 0)
        #expect(Hex.decode(Hex.encode(bytes)) == bytes)
    }
}

// SHA-256 (FIPS 180-4), HMAC-SHA256 (RFC 2104) and hex encoding, in plain
// Swift; on x86-64 CPUs with the SHA extensions the compression function runs
// on them (CShims: the CPU does the rounds in hardware), chosen once per process.
import CShims

/// SHA-256, streaming (`update` then `finalize`) or one-shot (`hash`).
///
///     var hasher = SHA256()
///     hasher.update(chunk1)
///     hasher.update(chunk2)
///     let digest = hasher.finalize()   // 32 bytes
package struct SHA256: Sendable {
    package static let digestByteCount = 32
    package static let blockByteCount = 64

    // Hash state H0...H7, initialised per FIPS 180-4 §5.3.3.
    private var h0: UInt32 = 0x6a09_e667, h1: UInt32 = 0xbb67_ae85
    private var h2: UInt32 = 0x3c6e_f372, h3: UInt32 = 0xa54f_f53a
    private var h4: UInt32 = 0x510e_527f, h5: UInt32 = 0x9b05_688c
    private var h6: UInt32 = 0x1f83_d9ab, h7: UInt32 = 0x5be0_cd19

    /// Bytes of a block not yet compressed (fewer than 64), stored inline so a
    /// hasher never allocates.
    private var pending: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var pendingCount = 0
    private var messageByteCount: UInt64 = 0

    /// How blocks are compressed: portable Swift, or the CPU's SHA instructions.
    package enum Implementation: Sendable {
        case portable, hardware
        /// The fastest this CPU runs.
        package static let best: Implementation = kith_sha256_hw_available() != 0 ? .hardware : .portable
    }

    private let hardware: Bool

    package init() { hardware = Implementation.best == .hardware }

    /// A hasher that compresses with `implementation` (`.hardware` falls back to
    /// portable Swift on a CPU without SHA instructions).
    package init(implementation: Implementation) {
        hardware = implementation == .hardware && Implementation.best == .hardware
    }

    /// Hashes the bytes of `bytes`.
    package mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var next = bytes.baseAddress, bytes.count > 0 else { return }
        var remaining = bytes.count
        messageByteCount &+= UInt64(remaining)

        if pendingCount > 0 {
            let start = pendingCount
            let take = min(Self.blockByteCount - start, remaining)
            withUnsafeMutableBytes(of: &pending) { block in
                (block.baseAddress! + start).copyMemory(from: next, byteCount: take)
            }
            pendingCount += take
            next += take
            remaining -= take
            guard pendingCount == Self.blockByteCount else { return }
            let block = pending
            withUnsafeBytes(of: block) { compress($0.baseAddress!, blocks: 1) }
            pendingCount = 0
        }

        let wholeBlocks = remaining / Self.blockByteCount
        if wholeBlocks > 0 {
            compress(next, blocks: wholeBlocks)
            next += wholeBlocks * Self.blockByteCount
            remaining -= wholeBlocks * Self.blockByteCount
        }
        if remaining > 0 {
            withUnsafeMutableBytes(of: &pending) { block in
                block.baseAddress!.copyMemory(from: next, byteCount: remaining)
            }
            pendingCount = remaining
        }
    }

    /// Hashes `bytes`: `[UInt8]`, `Data`, `ArraySlice<UInt8>`, `string.utf8`...
    /// Contiguous collections are hashed in place; other sequences are copied
    /// in 4 KiB chunks.
    package mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        guard done == nil else { return }
        var chunk: [UInt8] = []
        chunk.reserveCapacity(4096)
        for byte in bytes {
            chunk.append(byte)
            if chunk.count == 4096 {
                chunk.withUnsafeBytes { update($0) }
                chunk.removeAll(keepingCapacity: true)
            }
        }
        chunk.withUnsafeBytes { update($0) }
    }

    /// The 32-byte digest of everything hashed so far. Does not change the
    /// hasher, so it can go on hashing (a running digest).
    package func finalize() -> [UInt8] {
        let state = padded()
        return [UInt8](unsafeUninitializedCapacity: Self.digestByteCount) { buffer, count in
            state.writeDigest(to: UnsafeMutableRawBufferPointer(buffer))
            count = Self.digestByteCount
        }
    }

    /// A copy with the padding hashed in (§5.1.1): its state is the digest.
    @inline(__always)
    func padded() -> SHA256 {
        var copy = self
        let bitLength = messageByteCount &* 8
        // 0x80, then zeros up to 56 mod 64, then the bit length, big-endian; built on the stack.
        let zeros = (pendingCount < 56 ? 55 : 119) - pendingCount
        var padding:
            (
                UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64
            ) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &padding) { bytes in
            let length = 1 + zeros + 8
            bytes[0] = 0x80
            for i in 0..<8 { bytes[length - 1 - i] = UInt8(truncatingIfNeeded: bitLength >> (8 * UInt64(i))) }
            copy.update(UnsafeRawBufferPointer(rebasing: bytes[..<length]))
        }
        return copy
    }

    /// Writes the state H0...H7 big-endian into the first 32 bytes of `bytes`.
    @inline(__always)
    func writeDigest(to bytes: UnsafeMutableRawBufferPointer) {
        bytes.storeBytes(of: h0.bigEndian, toByteOffset: 0, as: UInt32.self)
        bytes.storeBytes(of: h1.bigEndian, toByteOffset: 4, as: UInt32.self)
        bytes.storeBytes(of: h2.bigEndian, toByteOffset: 8, as: UInt32.self)
        bytes.storeBytes(of: h3.bigEndian, toByteOffset: 12, as: UInt32.self)
        bytes.storeBytes(of: h4.bigEndian, toByteOffset: 16, as: UInt32.self)
        bytes.storeBytes(of: h5.bigEndian, toByteOffset: 20, as: UInt32.self)
        bytes.storeBytes(of: h6.bigEndian, toByteOffset: 24, as: UInt32.self)
        bytes.storeBytes(of: h7.bigEndian, toByteOffset: 28, as: UInt32.self)
    }

    /// The digest of `bytes`.
    package static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The digest of the bytes of `bytes`.
    package static func hash(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    // MARK: - Compression (FIPS 180-4 §6.2.2)

    /// The round constants K (FIPS 180-4 §4.2.2), one table for both implementations.
    private static var k: UnsafeBufferPointer<UInt32> { UnsafeBufferPointer(start: kith_sha256_round_constants(), count: 64) }

    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x &>> n) | (x &<< (32 &- n)) }

    /// Compresses `blocks` consecutive 64-byte blocks starting at `data`.
    private mutating func compress(_ data: UnsafeRawPointer, blocks: Int) {
        if hardware {
            var state = (h0, h1, h2, h3, h4, h5, h6, h7)
            withUnsafeMutableBytes(of: &state) { words in
                kith_sha256_compress_hw(
                    words.baseAddress!.assumingMemoryBound(to: UInt32.self),
                    data.assumingMemoryBound(to: UInt8.self), blocks)
            }
            (h0, h1, h2, h3, h4, h5, h6, h7) = state
            return
        }
        var (s0, s1, s2, s3, s4, s5, s6, s7) = (h0, h1, h2, h3, h4, h5, h6, h7)
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            do {
                let k = Self.k
                var block = data
                for _ in 0..<blocks {
                    for t in 0..<16 {
                        w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t &* 4, as: UInt32.self))
                    }
                    for t in 16..<64 {
                        let x = w[t &- 15]
                        let y = w[t &- 2]
                        let sigma0 = Self.rotr(x, 7) ^ Self.rotr(x, 18) ^ (x &>> 3)
                        let sigma1 = Self.rotr(y, 17) ^ Self.rotr(y, 19) ^ (y &>> 10)
                        w[t] = sigma1 &+ w[t &- 7] &+ sigma0 &+ w[t &- 16]
                    }
                    var (a, b, c, d, e, f, g, h) = (s0, s1, s2, s3, s4, s5, s6, s7)
                    for t in 0..<64 {
                        let bigSigma1 = Self.rotr(e, 6) ^ Self.rotr(e, 11) ^ Self.rotr(e, 25)
                        let choose = (e & f) ^ (~e & g)
                        let t1 = h &+ bigSigma1 &+ choose &+ k[t] &+ w[t]
                        let bigSigma0 = Self.rotr(a, 2) ^ Self.rotr(a, 13) ^ Self.rotr(a, 22)
                        let majority = (a & b) ^ (a & c) ^ (b & c)
                        let t2 = bigSigma0 &+ majority
                        h = g
                        g = f
                        f = e
                        e = d &+ t1
                        d = c
                        c = b
                        b = a
                        a = t1 &+ t2
                    }
                    s0 &+= a
                    s1 &+= b
                    s2 &+= c
                    s3 &+= d
                    s4 &+= e
                    s5 &+= f
                    s6 &+= g
                    s7 &+= h
                    block += Self.blockByteCount
                }
            }
        }
        (h0, h1, h2, h3, h4, h5, h6, h7) = (s0, s1, s2, s3, s4, s5, s6, s7)
    }
}

/// HMAC-SHA256 (RFC 2104), streaming or one-shot.
///
/// The keyed inner and outer states are computed once in `init`, so copying a
/// keyed `HMACSHA256` and updating the copy is the cheap way to authenticate
/// many short messages under one key.
package struct HMACSHA256: Sendable {
    package static let byteCount = SHA256.digestByteCount

    private var inner = SHA256()
    private var outer = SHA256()

    /// Keys longer than 64 bytes are hashed first, as RFC 2104 says.
    package init(key: some Sequence<UInt8>) {
        var block = Array(key)
        if block.count > SHA256.blockByteCount { block = SHA256.hash(block) }
        block += [UInt8](repeating: 0, count: SHA256.blockByteCount - block.count)
        inner.update(block.map { $0 ^ 0x36 })
        outer.update(block.map { $0 ^ 0x5c })
    }

    package mutating func update(_ bytes: UnsafeRawBufferPointer) { inner.update(bytes) }

    package mutating func update(_ bytes: some Sequence<UInt8>) { inner.update(bytes) }

    /// The 32-byte MAC of everything authenticated so far (non-mutating).
    package func finalize() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: Self.byteCount) { buffer, count in
            finalize(into: UnsafeMutableRawBufferPointer(buffer))
            count = Self.byteCount
        }
    }

    /// Writes the 32-byte MAC into the first 32 bytes of `output`, allocating nothing.
    package func finalize(into output: UnsafeMutableRawBufferPointer) {
        precondition(output.count >= Self.byteCount, "an HMAC-SHA256 needs 32 bytes")
        var outer = self.outer
        var digest: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digest) { bytes in
            inner.padded().writeDigest(to: bytes)
            outer.update(UnsafeRawBufferPointer(bytes))
        }
        outer.padded().writeDigest(to: output)
    }

    /// The 32-byte MAC of `message` under `key`.
    package static func authenticationCode(for message: some Sequence<UInt8>, key: some Sequence<UInt8>) -> [UInt8] {
        var mac = HMACSHA256(key: key)
        mac.update(message)
        return mac.finalize()
    }
}

/// Lower-case hexadecimal.
package enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// `[0xab, 0x01]` → `"ab01"`.
    package static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var text = [UInt8]()
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// `"ab01"` or `"AB01"` → `[0xab, 0x01]`; `nil` for an odd length or a non-hex character.
    package static func decode(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = value(of: utf8[index]), let low = value(of: utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func value(of digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

// SHA-256 (FIPS 180-4), HMAC-SHA256 (RFC 2104) and hex encoding, in plain
// Swift; on x86-64 CPUs with the SHA extensions the compression function runs
// on them (CKithSHA256, about 10× faster), chosen once per process.
import CKithSHA256

/// SHA-256, streaming (`update` then `finalize`) or one-shot (`hash`).
///
///     var hasher = SHA256()
///     hasher.update(chunk1)
///     hasher.update(chunk2)
///     let digest = hasher.finalize()   // 32 bytes
public struct SHA256: Sendable {
    public static let digestByteCount = 32
    public static let blockByteCount = 64

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
    public enum Implementation: Sendable {
        case portable, hardware
        /// The fastest this CPU runs.
        public static let best: Implementation = kith_sha256_hw_available() != 0 ? .hardware : .portable
    }

    private let hardware: Bool

    public init() { hardware = Implementation.best == .hardware }

    /// A hasher that compresses with `implementation` (`.hardware` falls back to
    /// portable Swift on a CPU without SHA instructions).
    public init(implementation: Implementation) {
        hardware = implementation == .hardware && Implementation.best == .hardware
    }

    /// Hashes the bytes of `bytes`.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
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
    public mutating func update(_ bytes: some Sequence<UInt8>) {
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
    public func finalize() -> [UInt8] {
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
        var padding: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                      UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
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
    public static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The digest of the bytes of `bytes`.
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    // MARK: - Compression (FIPS 180-4 §6.2.2)

    private static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x &>> n) | (x &<< (32 &- n)) }

    /// Compresses `blocks` consecutive 64-byte blocks starting at `data`.
    private mutating func compress(_ data: UnsafeRawPointer, blocks: Int) {
        if hardware {
            var state = (h0, h1, h2, h3, h4, h5, h6, h7)
            withUnsafeMutableBytes(of: &state) { words in
                kith_sha256_compress_hw(words.baseAddress!.assumingMemoryBound(to: UInt32.self),
                                        data.assumingMemoryBound(to: UInt8.self), blocks)
            }
            (h0, h1, h2, h3, h4, h5, h6, h7) = state
            return
        }
        var (s0, s1, s2, s3, s4, s5, s6, s7) = (h0, h1, h2, h3, h4, h5, h6, h7)
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            Self.k.withUnsafeBufferPointer { k in
                var block = data
                for _ in 0..<blocks {
                    for t in 0..<16 {
                        w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t &* 4, as: UInt32.self))
                    }
                    for t in 16..<64 {
                        let x = w[t &- 15], y = w[t &- 2]
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
                        h = g; g = f; f = e; e = d &+ t1
                        d = c; c = b; b = a; a = t1 &+ t2
                    }
                    s0 &+= a; s1 &+= b; s2 &+= c; s3 &+= d
                    s4 &+= e; s5 &+= f; s6 &+= g; s7 &+= h
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
public struct HMACSHA256: Sendable {
    public static let byteCount = SHA256.digestByteCount

    private var inner = SHA256()
    private var outer = SHA256()

    /// Keys longer than 64 bytes are hashed first, as RFC 2104 says.
    public init(key: some Sequence<UInt8>) {
        var block = Array(key)
        if block.count > SHA256.blockByteCount { block = SHA256.hash(block) }
        block += [UInt8](repeating: 0, count: SHA256.blockByteCount - block.count)
        inner.update(block.map { $0 ^ 0x36 })
        outer.update(block.map { $0 ^ 0x5c })
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) { inner.update(bytes) }

    public mutating func update(_ bytes: some Sequence<UInt8>) { inner.update(bytes) }

    /// The 32-byte MAC of everything authenticated so far (non-mutating).
    public func finalize() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: Self.byteCount) { buffer, count in
            finalize(into: UnsafeMutableRawBufferPointer(buffer))
            count = Self.byteCount
        }
    }

    /// Writes the 32-byte MAC into the first 32 bytes of `output`, allocating nothing.
    public func finalize(into output: UnsafeMutableRawBufferPointer) {
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
    public static func authenticationCode(for message: some Sequence<UInt8>, key: some Sequence<UInt8>) -> [UInt8] {
        var mac = HMACSHA256(key: key)
        mac.update(message)
        return mac.finalize()
    }
}

/// Lower-case hexadecimal.
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// `[0xab, 0x01]` → `"ab01"`.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var text = [UInt8]()
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// `"ab01"` or `"AB01"` → `[0xab, 0x01]`; `nil` for an odd length or a non-hex character.
    public static func decode(_ text: String) -> [UInt8]? {
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

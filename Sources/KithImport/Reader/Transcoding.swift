// Byte-level encoding work: UTF-8 validation and streaming transcoding of UTF-16 and
// Windows-1252 into UTF-8. Everything works on raw pointers, chunk by chunk, carrying any partial
// code unit or surrogate over to the next chunk.

/// Result of validating UTF-8 in `[from, to)`.
struct UTF8Validation {
    /// If `invalid` is false: everything before `end` is valid and `[end, to)` is a valid but
    /// incomplete sequence (at most 3 bytes) that needs the next chunk. If `invalid` is true:
    /// `end` is the offset of the first byte of the invalid sequence.
    var end: Int
    var invalid: Bool
}

/// Validates UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), eight
/// bytes at a time while the text is ASCII.
func validateUTF8(_ p: UnsafePointer<UInt8>, from: Int, to: Int) -> UTF8Validation {
    var i = from
    let raw = UnsafeRawPointer(p)
    while i < to {
        // ASCII fast path, a word at a time.
        while i + 8 <= to {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if word & 0x8080_8080_8080_8080 != 0 { break }
            i += 8
        }
        if i >= to { break }
        let b0 = p[i]
        if b0 < 0x80 {
            i += 1
            continue
        }
        let need: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF // allowed range of the second byte
        switch b0 {
        case 0xC2...0xDF: need = 1
        case 0xE0:
            need = 2
            low = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: need = 2
        case 0xED:
            need = 2
            high = 0x9F
        case 0xF0:
            need = 3
            low = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4:
            need = 3
            high = 0x8F
        default: return UTF8Validation(end: i, invalid: true)
        }
        // Check the continuation bytes that are present; stop (incomplete) at `to`.
        var k = 1
        while k <= need {
            if i + k >= to { return UTF8Validation(end: i, invalid: false) }
            let b = p[i + k]
            if k == 1 {
                if b < low || b > high { return UTF8Validation(end: i, invalid: true) }
            } else if b & 0xC0 != 0x80 {
                return UTF8Validation(end: i, invalid: true)
            }
            k += 1
        }
        i += need + 1
    }
    return UTF8Validation(end: to, invalid: false)
}

/// Windows-1252 bytes 0x80...0x9F as Unicode scalars; 0 marks the five undefined bytes
/// (0x81, 0x8D, 0x8F, 0x90, 0x9D), which decode to U+FFFD. 0xA0...0xFF are Latin-1.
private let windows1252High: [UInt16] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
]

/// Each byte 0x80...0xFF encoded as UTF-8, packed little-endian into the low bytes of a UInt32,
/// with the byte count in the top byte.
private let windows1252UTF8: [UInt32] = (0x80...0xFF).map { byte -> UInt32 in
    var scalar = UInt32(byte)
    if byte < 0xA0 {
        let mapped = windows1252High[byte - 0x80]
        scalar = mapped == 0 ? 0xFFFD : UInt32(mapped)
    }
    if scalar < 0x800 {
        return 2 << 24 | (0x80 | scalar & 0x3F) << 8 | (0xC0 | scalar >> 6)
    }
    return 3 << 24 | (0x80 | scalar & 0x3F) << 16 | (0x80 | (scalar >> 6) & 0x3F) << 8 | (0xE0 | scalar >> 12)
}

/// Streaming transcoder from UTF-16 or Windows-1252 into UTF-8. Keeps an odd byte and a pending
/// high surrogate across chunks.
struct Transcoder {
    let encoding: Encoding
    private var pendingByte: Int = -1 // first byte of a code unit split across chunks
    private var pendingHigh: UInt32 = 0 // high surrogate waiting for its low half

    init(encoding: Encoding) { self.encoding = encoding }

    /// The most UTF-8 bytes `count` input bytes (plus anything pending) can produce.
    static func maxOutput(for count: Int, encoding: Encoding) -> Int {
        switch encoding {
        case .utf8: count
        case .windows1252: 3 * count
        case .utf16LittleEndian, .utf16BigEndian: 3 * (count / 2 + 2)
        }
    }

    /// Transcodes `input[0..<count]`, writing UTF-8 to `output`; returns the number of bytes written.
    mutating func transcode(_ input: UnsafePointer<UInt8>, count: Int, into output: UnsafeMutablePointer<UInt8>) -> Int {
        switch encoding {
        case .utf8:
            output.update(from: input, count: count)
            return count
        case .windows1252:
            return windows1252(input, count: count, into: output)
        case .utf16LittleEndian:
            return utf16(input, count: count, into: output, bigEndian: false)
        case .utf16BigEndian:
            return utf16(input, count: count, into: output, bigEndian: true)
        }
    }

    /// Flushes anything pending at the end of the input (an odd trailing byte or a lone high
    /// surrogate become U+FFFD); returns the number of bytes written.
    mutating func finish(into output: UnsafeMutablePointer<UInt8>) -> Int {
        var o = 0
        if pendingHigh != 0 {
            o += put(0xFFFD, output + o)
            pendingHigh = 0
        }
        if pendingByte >= 0 {
            o += put(0xFFFD, output + o)
            pendingByte = -1
        }
        return o
    }

    private func windows1252(_ input: UnsafePointer<UInt8>, count: Int, into output: UnsafeMutablePointer<UInt8>) -> Int {
        var o = 0
        windows1252UTF8.withUnsafeBufferPointer { table in
            for i in 0..<count {
                let b = input[i]
                if b < 0x80 {
                    output[o] = b
                    o += 1
                } else {
                    let packed = table[Int(b) - 0x80]
                    output[o] = UInt8(truncatingIfNeeded: packed)
                    output[o + 1] = UInt8(truncatingIfNeeded: packed >> 8)
                    if packed >> 24 == 3 {
                        output[o + 2] = UInt8(truncatingIfNeeded: packed >> 16)
                        o += 3
                    } else {
                        o += 2
                    }
                }
            }
        }
        return o
    }

    private mutating func utf16(_ input: UnsafePointer<UInt8>, count: Int, into output: UnsafeMutablePointer<UInt8>, bigEndian: Bool) -> Int {
        var o = 0
        var i = 0
        while true {
            let unit: UInt32
            if pendingByte >= 0 {
                guard i < count else { break }
                let first = UInt32(pendingByte)
                let second = UInt32(input[i])
                unit = bigEndian ? first << 8 | second : second << 8 | first
                pendingByte = -1
                i += 1
            } else {
                if i + 1 >= count {
                    if i < count { pendingByte = Int(input[i]) }
                    break
                }
                let first = UInt32(input[i])
                let second = UInt32(input[i + 1])
                unit = bigEndian ? first << 8 | second : second << 8 | first
                i += 2
            }
            if pendingHigh != 0 {
                if unit >= 0xDC00 && unit <= 0xDFFF {
                    let scalar = 0x10000 + ((pendingHigh - 0xD800) << 10) + (unit - 0xDC00)
                    pendingHigh = 0
                    o += put(scalar, output + o)
                    continue
                }
                pendingHigh = 0
                o += put(0xFFFD, output + o) // lone high surrogate
            }
            if unit < 0x80 {
                output[o] = UInt8(truncatingIfNeeded: unit)
                o += 1
            } else if unit >= 0xD800 && unit <= 0xDBFF {
                pendingHigh = unit
            } else if unit >= 0xDC00 && unit <= 0xDFFF {
                o += put(0xFFFD, output + o) // lone low surrogate
            } else {
                o += put(unit, output + o)
            }
        }
        return o
    }

    /// Writes one scalar as UTF-8; returns the byte count.
    @inline(__always)
    private func put(_ scalar: UInt32, _ out: UnsafeMutablePointer<UInt8>) -> Int {
        switch scalar {
        case 0..<0x80:
            out[0] = UInt8(truncatingIfNeeded: scalar)
            return 1
        case 0x80..<0x800:
            out[0] = UInt8(truncatingIfNeeded: 0xC0 | scalar >> 6)
            out[1] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
            return 2
        case 0x800..<0x10000:
            out[0] = UInt8(truncatingIfNeeded: 0xE0 | scalar >> 12)
            out[1] = UInt8(truncatingIfNeeded: 0x80 | (scalar >> 6) & 0x3F)
            out[2] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
            return 3
        default:
            out[0] = UInt8(truncatingIfNeeded: 0xF0 | scalar >> 18)
            out[1] = UInt8(truncatingIfNeeded: 0x80 | (scalar >> 12) & 0x3F)
            out[2] = UInt8(truncatingIfNeeded: 0x80 | (scalar >> 6) & 0x3F)
            out[3] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
            return 4
        }
    }
}

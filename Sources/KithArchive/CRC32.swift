import CZlib

/// CRC-32 (the ZIP and PNG polynomial) by zlib, which uses the CPU's carry-less multiply where
/// there is one. zlib takes a 32-bit length, so long buffers go in pieces.
struct CRC32 {
    private(set) var value: UInt32 = 0

    mutating func update(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count {
                let length = min(buffer.count - start, 1 << 30)
                value = UInt32(truncatingIfNeeded: crc32(uLong(value), buffer.baseAddress.map { $0 + start }, uInt(length)))
                start += length
            }
        }
    }

    static func of(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.value
    }
}

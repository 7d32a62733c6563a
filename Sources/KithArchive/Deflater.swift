import CZlib

/// Raw deflate (no zlib header or trailer, as ZIP wants) at level 6, zlib's default and what
/// Info-ZIP and Python's zipfile use. zlib is deterministic: the same input, level and zlib
/// version give the same bytes, which keeps written archives reproducible.
enum Deflater {
    static let level: Int32 = 6

    static func deflate(_ input: [UInt8], member: String) throws(ArchiveError) -> [UInt8] {
        func failure(_ status: Int32) -> ArchiveError {
            ArchiveError(.compressionFailed("zlib error \(status)"), archive: ZipWriter.displayName, member: member)
        }
        var stream = z_stream()
        let started = kith_deflate_init_raw(&stream, level)
        guard started == Z_OK else { throw failure(started) }
        defer { deflateEnd(&stream) }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var status = Z_OK
        input.withUnsafeBufferPointer { whole in
            var start = 0
            var flush = Z_NO_FLUSH
            while flush != Z_FINISH && (status == Z_OK || status == Z_BUF_ERROR) {
                let length = min(whole.count - start, 1 << 30)
                stream.next_in = whole.baseAddress.map { UnsafeMutablePointer(mutating: $0 + start) }
                stream.avail_in = UInt32(length)
                start += length
                flush = start == whole.count ? Z_FINISH : Z_NO_FLUSH
                repeat {
                    status = buffer.withUnsafeMutableBufferPointer { out in
                        stream.next_out = out.baseAddress
                        stream.avail_out = UInt32(out.count)
                        return CZlib.deflate(&stream, flush)
                    }
                    output.append(contentsOf: buffer[..<(buffer.count - Int(stream.avail_out))])
                } while stream.avail_out == 0 && (status == Z_OK || status == Z_BUF_ERROR)
            }
        }
        guard status == Z_STREAM_END else { throw failure(status) }
        return output
    }
}

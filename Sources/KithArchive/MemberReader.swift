import CZlib

/// Reads one member's data in chunks: stored data as it is, deflate data through zlib. Limits
/// are checked on the declared sizes before any data is read and on the bytes produced after
/// every step of zlib, so no more than one chunk past a limit is ever inflated; the size and
/// CRC-32 are checked once the data ends.
struct MemberReader {
    let source: any ArchiveSource
    let entry: ZipEntry
    let limits: ExtractionLimits
    let archive: String

    /// Compressed bytes handed to zlib at a time.
    private static let inputPiece = 1 << 16

    private func failure(_ kind: ArchiveError.Kind, offset: Int? = nil) -> ArchiveError {
        ArchiveError(kind, archive: archive, member: entry.name, offset: offset)
    }

    /// Delivers the data in chunks of `chunkSize` bytes (the last may be shorter) until the data
    /// ends or `deliver` returns false. A size or CRC-32 mismatch is only known at the end, after
    /// every chunk was delivered: a caller building something from the chunks discards it then.
    func read(chunkSize: Int, _ deliver: (ArraySlice<UInt8>) -> Bool) throws(ArchiveError) {
        try checkBeforeReading()
        // A chunk buffer no larger than the member: a small member asked for in 1 GiB chunks
        // must not allocate 1 GiB (a member longer than declared fails when it passes that size).
        let chunkSize = max(1, min(chunkSize, 1 << 30, entry.uncompressedSize))
        var crc = CRC32()
        let complete: Bool
        if entry.method == 0 {
            complete = try readStored(chunkSize: chunkSize, crc: &crc, deliver)
        } else {
            complete = try Inflation(reader: self, chunkSize: chunkSize).run(crc: &crc, deliver)
        }
        guard complete else { return }
        guard crc.value == entry.crc32 else { throw failure(.crcMismatch(declared: entry.crc32, actual: crc.value)) }
    }

    private func checkBeforeReading() throws(ArchiveError) {
        guard !entry.isEncrypted else { throw failure(.encrypted, offset: entry.localHeaderOffset) }
        guard entry.method == 0 || entry.method == 8 else { throw failure(.unsupportedMethod(entry.method), offset: entry.localHeaderOffset) }
        if entry.method == 0 && entry.compressedSize != entry.uncompressedSize {
            throw failure(.sizeMismatch(declared: entry.uncompressedSize, actual: entry.compressedSize), offset: entry.dataOffset)
        }
        guard entry.uncompressedSize <= limits.maximumMemberSize else {
            throw failure(.memberTooLarge(size: entry.uncompressedSize, limit: limits.maximumMemberSize))
        }
        if limits.ratioExceeded(inflated: entry.uncompressedSize, compressed: entry.compressedSize) {
            throw failure(
                .compressionRatioTooHigh(
                    inflated: entry.uncompressedSize, compressed: entry.compressedSize, limit: limits.maximumCompressionRatio))
        }
    }

    private func readStored(chunkSize: Int, crc: inout CRC32, _ deliver: (ArraySlice<UInt8>) -> Bool) throws(ArchiveError) -> Bool {
        var done = 0
        while done < entry.compressedSize {
            let length = min(chunkSize, entry.compressedSize - done)
            let chunk = try dataSlice(at: done, count: length)
            crc.update(chunk)
            guard deliver(chunk) else { return false }
            done += length
        }
        return true
    }

    /// A piece of the member's compressed data, bounds-checked against the file (an entry from
    /// another archive must not read outside this one).
    func dataSlice(at start: Int, count: Int) throws(ArchiveError) -> ArraySlice<UInt8> {
        try source.slice(.memberData, at: entry.dataOffset + start, count: count, archive: archive, member: entry.name)
    }

    /// Checks the bytes produced so far against the declared size and the ratio limit.
    func checkProgress(produced: Int, consumed: Int) throws(ArchiveError) {
        guard produced <= entry.uncompressedSize else {
            throw failure(.sizeMismatch(declared: entry.uncompressedSize, actual: produced), offset: entry.dataOffset)
        }
        if limits.ratioExceeded(inflated: produced, compressed: consumed) {
            throw failure(.compressionRatioTooHigh(inflated: produced, compressed: consumed, limit: limits.maximumCompressionRatio))
        }
    }

    func corrupt(_ reason: String) -> ArchiveError { failure(.corruptData(reason), offset: entry.dataOffset) }

    func sizeMismatch(actual: Int) -> ArchiveError {
        failure(.sizeMismatch(declared: entry.uncompressedSize, actual: actual), offset: entry.dataOffset)
    }

    /// One raw deflate stream being inflated into a chunk-sized buffer.
    private struct Inflation {
        let reader: MemberReader
        let chunkSize: Int

        func run(crc: inout CRC32, _ deliver: (ArraySlice<UInt8>) -> Bool) throws(ArchiveError) -> Bool {
            if reader.entry.compressedSize == 0 && reader.entry.uncompressedSize == 0 { return true } // an empty member, some writers' way
            var stream = z_stream()
            guard kith_inflate_init_raw(&stream) == Z_OK else { throw reader.corrupt("zlib could not start inflating") }
            defer { inflateEnd(&stream) }
            var output = [UInt8](repeating: 0, count: chunkSize)
            var filled = 0
            var produced = 0
            var consumed = 0
            var ended = false
            while !ended {
                guard consumed < reader.entry.compressedSize else {
                    throw reader.corrupt("the compressed data ends before its deflate stream does")
                }
                let length = min(MemberReader.inputPiece, reader.entry.compressedSize - consumed)
                let piece = try reader.dataSlice(at: consumed, count: length)
                consumed += length
                var outcome: Result<Bool, ArchiveError> = .success(true)
                piece.withUnsafeBufferPointer { input in
                    stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                    stream.avail_in = UInt32(input.count)
                    while true {
                        let before = (stream.avail_in, filled)
                        let status = output.withUnsafeMutableBufferPointer { buffer in
                            stream.next_out = buffer.baseAddress.map { $0 + filled }
                            stream.avail_out = UInt32(buffer.count - filled)
                            return inflate(&stream, Z_NO_FLUSH)
                        }
                        let outputFull = stream.avail_out == 0
                        produced += chunkSize - Int(stream.avail_out) - filled
                        filled = chunkSize - Int(stream.avail_out)
                        switch status {
                        case Z_OK, Z_BUF_ERROR: break
                        case Z_STREAM_END: ended = true
                        default:
                            outcome = .failure(reader.corrupt(stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"))
                            return
                        }
                        do throws(ArchiveError) {
                            try reader.checkProgress(produced: produced, consumed: Int(clamping: stream.total_in))
                        } catch {
                            outcome = .failure(error)
                            return
                        }
                        if filled == chunkSize || (ended && filled > 0) {
                            crc.update(output[..<filled])
                            guard deliver(output[..<filled]) else {
                                outcome = .success(false)
                                return
                            }
                            filled = 0
                        }
                        if ended || (stream.avail_in == 0 && !outputFull) { return }
                        if (stream.avail_in, filled) == before && !outputFull {
                            outcome = .failure(reader.corrupt("zlib made no progress"))
                            return
                        }
                    }
                }
                guard try outcome.get() else { return false }
            }
            guard produced == reader.entry.uncompressedSize else { throw reader.sizeMismatch(actual: produced) }
            return true
        }
    }
}

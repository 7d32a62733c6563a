/// A streaming CSV/TSV reader working on bytes.
///
/// - Reads fixed-size chunks from a file descriptor (never maps the file) or from an in-memory
///   array, carrying a partial record over to the next chunk, so memory stays flat whatever the
///   input size (about `chunkSize` × 2–4 plus the longest record).
/// - Detects the encoding (BOM, UTF-8 validation of the first `sniffLength` bytes, Windows-1252
///   fallback) and always hands out UTF-8; detects the delimiter from the first records.
///   Detection happens in `init` and consumes nothing: the first record you get is the first
///   record of the input.
/// - Hands each record to a closure; fields are spans into the reader's buffers, valid only
///   during the call.
///
/// Choices the layers above must know:
/// - Grammar: see `Scanner.swift`. LF, CRLF and lone CR all end records (mixed files work); a `"`
///   inside an unquoted field is literal; text after a closing quote is appended (`"abc"x` → `abcx`);
///   an unterminated quote at the end of the input is a `ReaderError`.
/// - Records come out as they are: no header handling, no trimming, ragged rows kept, blank rows
///   kept (`isBlank` is true for empty lines and `,,,` padding). The first records are the header
///   rows; use `peekRows` or `forEachRecord(limit:)` to look at them before the data rows.
/// - Undecodable input never becomes an error except for UTF-8: the five bytes Windows-1252 leaves
///   undefined, lone UTF-16 surrogates and an odd trailing UTF-16 byte become U+FFFD. Invalid UTF-8
///   in a file judged (or declared) UTF-8 throws `invalidUTF8` with line and column, suggesting
///   `--encoding windows-1252`; records before it have already been delivered.
/// - A BOM is stripped only when it matches the encoding (detected or given).
///
/// The reader is non-copyable: it owns a position in a stream.
package struct CSVReader: ~Copyable {
    package struct Options: Sendable {
        /// nil: detect (see `detectedDelimiter`).
        package var delimiter: Delimiter?
        /// nil: detect (see `detectedEncoding`).
        package var encoding: Encoding?
        /// Bytes read per `read(2)` call. Default 1 MiB.
        package var chunkSize: Int
        /// Bytes looked at, before any record is handed out, to detect the encoding and the
        /// delimiter. Default 1 MiB (at least 4).
        package var sniffLength: Int
        /// Longest record accepted, in bytes, before giving up with `recordTooLong` (a missing
        /// closing quote would otherwise pull the whole file into memory). Default 64 MiB.
        package var maxRecordLength: Int
        /// The line number of the input's first line, for messages: a workbook sheet read from
        /// its header row on gives the sheet's row numbers.
        package var firstLine = 1
        /// How an encoding or delimiter given here is described (`kith inspect`).
        package var givenBy = "given as an option"

        package init(
            delimiter: Delimiter? = nil, encoding: Encoding? = nil, chunkSize: Int = 1 << 20,
            sniffLength: Int = 1 << 20, maxRecordLength: Int = 64 << 20
        ) {
            self.delimiter = delimiter
            self.encoding = encoding
            self.chunkSize = chunkSize
            self.sniffLength = sniffLength
            self.maxRecordLength = maxRecordLength
        }
    }

    private let core: ReaderCore

    /// The name used in error messages.
    package var displayName: String { core.displayName }

    /// How much of the input has been read.
    package var progress: ReadProgress { core.progress }
    /// The encoding being decoded, and how it was decided.
    package var detectedEncoding: DetectedEncoding { core.detectedEncoding }
    /// The delimiter being split on, and how it was decided.
    package var detectedDelimiter: DetectedDelimiter { core.detectedDelimiter }

    /// Reads the file at `path` (`-` reads standard input). `displayName` defaults to the path as
    /// given (`standard input` for `-`).
    package init(path: String, displayName: String? = nil, options: Options = .init()) throws {
        let name = displayName ?? (path == "-" ? "standard input" : path)
        core = try ReaderCore(source: ByteSource.open(path: path, displayName: name), options: options)
    }

    /// Reads an open file descriptor (a pipe, a socket, standard input…) from its current
    /// position. The descriptor is not closed.
    package init(fileDescriptor: Int32, displayName: String, options: Options = .init()) throws {
        core = try ReaderCore(source: ByteSource(descriptor: fileDescriptor, owned: false, displayName: displayName), options: options)
    }

    /// Reads bytes held in memory (still chunk by chunk, exactly as a file would be read).
    package init(bytes: [UInt8], displayName: String, options: Options = .init()) throws {
        core = try ReaderCore(source: ByteSource(bytes: bytes, displayName: displayName), options: options)
    }

    /// Calls `body` with each remaining record, in order, until the end of the input.
    /// Errors (`ReaderError`, or whatever `body` throws) are thrown after the records before them
    /// were delivered.
    package mutating func forEachRecord(_ body: (borrowing CSVRecord) throws -> Void) throws {
        _ = try core.run(limit: .max, peek: false, body)
    }

    /// Calls `body` with at most `limit` records; returns how many were delivered (fewer only at
    /// the end of the input). Call again to continue with the next record.
    @discardableResult
    package mutating func forEachRecord(limit: Int, _ body: (borrowing CSVRecord) throws -> Void) throws -> Int {
        try core.run(limit: limit, peek: false, body)
    }

    /// The next `count` records as Strings, without consuming them: the next `forEachRecord`
    /// starts with the same records. For looking at header rows; keep `count` small.
    package mutating func peekRows(_ count: Int) throws -> [[String]] {
        var rows: [[String]] = []
        _ = try core.run(limit: count, peek: true) { rows.append($0.strings) }
        return rows
    }

    /// Consumes up to `limit` records and returns them as Strings (for small inputs and tests).
    package mutating func readRows(limit: Int = .max) throws -> [[String]] {
        var rows: [[String]] = []
        _ = try core.run(limit: limit, peek: false) { rows.append($0.strings) }
        return rows
    }
}

/// The reader's state and buffers. Buffer layout: `buffer[pos..<validEnd]` is decoded, validated
/// UTF-8 not yet handed out (it starts at a record boundary); `buffer[validEnd..<end]` is a UTF-8
/// sequence split by the chunk boundary (UTF-8 input only) or, after `pendingInvalidUTF8`, the bytes
/// from the invalid one on.
final class ReaderCore {
    let displayName: String
    let options: CSVReader.Options
    private let source: ByteSource
    var progress: ReadProgress { source.progress }
    private(set) var detectedEncoding: DetectedEncoding
    private(set) var detectedDelimiter = DetectedDelimiter(delimiter: .comma, method: .override)
    private var transcoder: Transcoder
    private var delimiter = Delimiter.comma.rawValue
    private var classes = ByteClasses(delimiter: Delimiter.comma.rawValue)

    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var raw: UnsafeMutablePointer<UInt8>? // read buffer for transcoded encodings
    private var rawCapacity = 0
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCapacity: Int
    private var fields = FieldTable(capacity: 64)

    private var pos = 0
    private var validEnd = 0
    private var end = 0
    private var sourceDone = false
    /// Buffer offset of an invalid UTF-8 byte: records before it are delivered, then it is thrown.
    private var pendingInvalidUTF8: Int?
    /// Input offset of `buffer[0]` (meaningful for UTF-8 input only).
    private var bufferInputOffset = 0
    private var line = 1
    private var recordIndex = 0

    init(source: ByteSource, options: CSVReader.Options) throws {
        self.source = source
        self.displayName = source.displayName
        self.options = options
        line = options.firstLine
        let chunk = max(1, options.chunkSize)
        let sniff = max(4, options.sniffLength)
        capacity = max(chunk, sniff) + 16
        buffer = .allocate(capacity: capacity)
        scratchCapacity = 256
        scratch = .allocate(capacity: scratchCapacity)

        // 1. Sniff the start of the input, directly into the buffer.
        let (count, atEnd) = try source.read(into: buffer, count: sniff)
        var detected = Self.detectEncoding(buffer, count: count, atEnd: atEnd, override: options.encoding)
        detected.encoding.givenBy = options.givenBy
        detectedEncoding = detected.encoding
        transcoder = Transcoder(encoding: detected.encoding.encoding)
        let bom = detected.encoding.hadByteOrderMark ? detected.bomLength : 0

        // 2. Decode it in place (UTF-8) or through the raw buffer.
        if detected.encoding.encoding == .utf8 {
            pos = bom
            validEnd = bom
            end = count
            sourceDone = atEnd
            validateNewBytes()
        } else {
            let payload = count - bom
            rawCapacity = max(chunk, payload)
            let raw = UnsafeMutablePointer<UInt8>.allocate(capacity: rawCapacity)
            self.raw = raw
            raw.update(from: buffer + bom, count: payload)
            try decode(raw: payload, atEnd: atEnd)
        }

        // 3. Pick the delimiter from the first records of the decoded sample.
        if let delimiter = options.delimiter {
            detectedDelimiter = DetectedDelimiter(delimiter: delimiter, method: .override, givenBy: options.givenBy)
        } else {
            detectedDelimiter = Self.detectDelimiter(
                buffer, from: pos, end: validEnd, complete: sourceDone && pendingInvalidUTF8 == nil,
                utf16: detected.encoding.encoding == .utf16LittleEndian || detected.encoding.encoding == .utf16BigEndian)
        }
        if detectedDelimiter.delimiter.rawValue != delimiter {
            delimiter = detectedDelimiter.delimiter.rawValue
            classes.deallocate()
            classes = ByteClasses(delimiter: delimiter)
        }
    }

    deinit {
        buffer.deallocate()
        raw?.deallocate()
        scratch.deallocate()
        fields.deallocate()
        classes.deallocate()
        source.close()
    }

    // MARK: Reading records

    /// Delivers up to `limit` records to `body`. With `peek`, nothing is consumed.
    func run(limit: Int, peek: Bool, _ body: (borrowing CSVRecord) throws -> Void) throws -> Int {
        var delivered = 0
        var i = pos
        var line = self.line
        var index = recordIndex
        let delimiter = self.delimiter
        let classes = self.classes
        var fields = self.fields
        defer { self.fields = fields }
        while delivered < limit {
            let recordLine = line
            let atEnd = sourceDone && pendingInvalidUTF8 == nil
            switch scanRecord(
                buffer, from: i, end: validEnd, atEnd: atEnd, delimiter: delimiter,
                classes: classes, fields: &fields, line: &line)
            {
            case .record(let next, let count, let raw):
                if raw { unescape(fields.base, count: count, recordBytes: next - i) }
                i = next
                index += 1
                delivered += 1
                if !peek {
                    pos = i
                    self.line = line
                    recordIndex = index
                }
                try body(CSVRecord(fields: UnsafePointer(fields.base), count: count, line: recordLine, index: index - 1))
            case .needMore:
                line = recordLine
                if let bad = pendingInvalidUTF8 {
                    let location = locate(buffer, from: i, to: bad, line: recordLine, delimiter: delimiter)
                    throw ReaderError(
                        kind: .invalidUTF8, file: displayName, line: location.line,
                        column: location.column, byteOffset: bufferInputOffset + bad)
                }
                // Keep everything from the first record not consumed (for peek, the first peeked one).
                let keepFrom = peek ? pos : i
                if end - keepFrom > options.maxRecordLength {
                    let location = locate(buffer, from: i, to: end, line: recordLine, delimiter: delimiter)
                    let quote = location.openQuote
                    throw ReaderError(
                        kind: .recordTooLong(limit: options.maxRecordLength), file: displayName,
                        line: quote?.line ?? recordLine, column: quote?.column ?? 1,
                        byteOffset: inputOffset(quote?.offset ?? i))
                }
                let shift = try refill(keepFrom: keepFrom)
                i -= shift
            case .endOfInput:
                return delivered
            case .unterminatedQuote(let at, let quoteLine, let column):
                throw ReaderError(
                    kind: .unterminatedQuote, file: displayName, line: quoteLine,
                    column: column, byteOffset: inputOffset(at))
            }
        }
        return delivered
    }

    private func inputOffset(_ bufferOffset: Int) -> Int? {
        transcoder.encoding == .utf8 ? bufferInputOffset + bufferOffset : nil
    }

    /// Unescapes the raw fields of the current record into the scratch buffer.
    private func unescape(_ fields: UnsafeMutablePointer<Field>, count: Int, recordBytes: Int) {
        if scratchCapacity < recordBytes {
            scratch.deallocate()
            scratchCapacity = max(recordBytes, scratchCapacity * 2)
            scratch = .allocate(capacity: scratchCapacity)
        }
        var out = scratch
        for f in 0..<count where fields[f].raw {
            let written = unescapeQuoted(fields[f].start, count: fields[f].count, into: out)
            fields[f] = Field(start: out, count: written, quoted: true, raw: false)
            out += written
        }
    }

    // MARK: Filling the buffer

    /// Moves `buffer[keepFrom..<end]` to the front and appends at least one chunk of decoded input
    /// (or marks the end of the input). Returns how far the kept bytes moved.
    private func refill(keepFrom: Int) throws -> Int {
        precondition(!sourceDone, "refill past the end of the input")
        let keep = end - keepFrom
        if keepFrom > 0 {
            if keep > 0 { buffer.update(from: buffer + keepFrom, count: keep) }
            pos -= keepFrom
            validEnd -= keepFrom
            end -= keepFrom
            bufferInputOffset += keepFrom
        }
        // Read at least as much as is kept, so a long record costs amortised linear time.
        let want = max(max(1, options.chunkSize), keep)
        if transcoder.encoding == .utf8 {
            reserve(end + want)
            let (count, atEnd) = try source.read(into: buffer + end, count: want)
            end += count
            sourceDone = atEnd
            validateNewBytes()
        } else {
            if rawCapacity < want {
                raw?.deallocate()
                rawCapacity = want
                raw = .allocate(capacity: want)
            }
            let (count, atEnd) = try source.read(into: raw!, count: want)
            try decode(raw: count, atEnd: atEnd)
        }
        return keepFrom
    }

    /// Transcodes `raw[0..<count]` onto the end of the buffer.
    private func decode(raw count: Int, atEnd: Bool) throws {
        reserve(end + Transcoder.maxOutput(for: count, encoding: transcoder.encoding) + 8)
        end += transcoder.transcode(raw!, count: count, into: buffer + end)
        if atEnd {
            end += transcoder.finish(into: buffer + end)
            sourceDone = true
        }
        validEnd = end
    }

    /// Validates `buffer[validEnd..<end]` as UTF-8.
    private func validateNewBytes() {
        guard pendingInvalidUTF8 == nil else { return }
        let result = validateUTF8(buffer, from: validEnd, to: end)
        validEnd = result.end
        if result.invalid || (sourceDone && validEnd < end) {
            pendingInvalidUTF8 = validEnd // invalid, or a sequence cut off by the end of the input
        }
    }

    private func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        let newCapacity = max(needed, capacity + capacity / 2)
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        bigger.update(from: buffer, count: end)
        buffer.deallocate()
        buffer = bigger
        capacity = newCapacity
    }

    // MARK: Detection

    struct EncodingDecision {
        var encoding: DetectedEncoding
        var bomLength: Int
    }

    static func detectEncoding(_ p: UnsafePointer<UInt8>, count: Int, atEnd: Bool, override: Encoding?) -> EncodingDecision {
        // Byte order marks.
        var bom: (Encoding, Int)?
        if count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF {
            bom = (.utf8, 3)
        } else if count >= 2 && p[0] == 0xFF && p[1] == 0xFE {
            bom = (.utf16LittleEndian, 2)
        } else if count >= 2 && p[0] == 0xFE && p[1] == 0xFF {
            bom = (.utf16BigEndian, 2)
        }
        if let override {
            // Strip a BOM only if it belongs to the encoding given.
            let strip = bom.map { $0.0 == override } ?? false
            return EncodingDecision(
                encoding: DetectedEncoding(encoding: override, method: .override, hadByteOrderMark: strip, sniffedBytes: count),
                bomLength: strip ? bom!.1 : 0)
        }
        if let (encoding, length) = bom {
            return EncodingDecision(
                encoding: DetectedEncoding(encoding: encoding, method: .byteOrderMark, hadByteOrderMark: true, sniffedBytes: count),
                bomLength: length)
        }
        // UTF-16 without a BOM: zero bytes in every other position (ASCII-range text).
        let pairs = min(count, 4096) / 2
        if pairs >= 2 {
            var evenZeros = 0
            var oddZeros = 0
            for k in 0..<pairs {
                if p[2 * k] == 0 { evenZeros += 1 }
                if p[2 * k + 1] == 0 { oddZeros += 1 }
            }
            if oddZeros * 10 >= pairs * 7 && evenZeros == 0 {
                return EncodingDecision(
                    encoding: DetectedEncoding(
                        encoding: .utf16LittleEndian, method: .utf16ZeroBytePattern, hadByteOrderMark: false, sniffedBytes: count), bomLength: 0)
            }
            if evenZeros * 10 >= pairs * 7 && oddZeros == 0 {
                return EncodingDecision(
                    encoding: DetectedEncoding(
                        encoding: .utf16BigEndian, method: .utf16ZeroBytePattern, hadByteOrderMark: false, sniffedBytes: count), bomLength: 0)
            }
        }
        // UTF-8 if the sniffed bytes validate (a sequence cut off by the sniff window is fine).
        let validation = validateUTF8(p, from: 0, to: count)
        if validation.invalid || (atEnd && validation.end < count) {
            return EncodingDecision(
                encoding: DetectedEncoding(
                    encoding: .windows1252, method: .invalidUTF8Fallback(byteOffset: validation.end), hadByteOrderMark: false, sniffedBytes: count),
                bomLength: 0)
        }
        var ascii = true
        for k in 0..<count where p[k] >= 0x80 {
            ascii = false
            break
        }
        return EncodingDecision(
            encoding: DetectedEncoding(encoding: .utf8, method: ascii ? .asciiOnly : .validUTF8, hadByteOrderMark: false, sniffedBytes: count),
            bomLength: 0)
    }

    /// How many records the delimiter detection looks at.
    static let delimiterSampleRecords = 20

    static func detectDelimiter(_ p: UnsafePointer<UInt8>, from start: Int, end: Int, complete: Bool, utf16: Bool) -> DetectedDelimiter {
        let candidates: [Delimiter] = utf16 ? [.tab, .comma, .semicolon, .pipe] : [.comma, .semicolon, .tab, .pipe]
        let samples = candidates.map {
            sampleFieldCounts(p, from: start, end: end, complete: complete, delimiter: $0.rawValue, maxRecords: delimiterSampleRecords)
        }
        // 1. Consistent field count > 1 over the whole sample; the widest wins, ties by candidate order.
        var best: (delimiter: Delimiter, fields: Int, records: Int)?
        for (candidate, counts) in zip(candidates, samples) {
            guard let first = counts.first, first > 1, counts.allSatisfy({ $0 == first }) else { continue }
            if best == nil || first > best!.fields { best = (candidate, first, counts.count) }
        }
        if let best {
            return DetectedDelimiter(delimiter: best.delimiter, method: .consistentFieldCount(fields: best.fields, records: best.records))
        }
        // 2. The most records sharing one field count > 1.
        var common: (delimiter: Delimiter, fields: Int, records: Int, sampled: Int)?
        for (candidate, counts) in zip(candidates, samples) {
            var frequency: [Int: Int] = [:]
            for n in counts where n > 1 { frequency[n, default: 0] += 1 }
            guard let top = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { continue }
            let (fields, records) = (top.key, top.value)
            if common == nil || records > common!.records || (records == common!.records && fields > common!.fields) {
                common = (candidate, fields, records, counts.count)
            }
        }
        if let common {
            return DetectedDelimiter(
                delimiter: common.delimiter, method: .mostCommonFieldCount(fields: common.fields, records: common.records, sampled: common.sampled))
        }
        return DetectedDelimiter(delimiter: utf16 ? .tab : .comma, method: .singleColumn(sampled: samples[0].count))
    }
}

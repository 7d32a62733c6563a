// The hot loop: splits UTF-8 bytes into records and fields without copying.
//
// Grammar (RFC 4180 plus the leniencies spreadsheets need):
// - A record ends at LF, CRLF or a lone CR (each handled wherever it appears, so mixed files work),
//   or at the end of the input. A final record without a line break is a record; a line break at
//   the very end does not start another one. An empty line is a record of one empty field.
// - A field that starts with `"` is quoted: delimiters and line breaks inside are data, `""` is one
//   `"`. After the closing quote, any text up to the next delimiter or line break is appended to
//   the field literally (`"abc"x,` gives `abcx`), as Excel does.
// - A `"` anywhere else (inside an unquoted field, or after leading spaces) is an ordinary character.
// - A quoted field still open at the end of the input is an error.

import CShims

let quoteByte: UInt8 = 0x22
let lineFeed: UInt8 = 0x0A
let carriageReturn: UInt8 = 0x0D

/// A growable table of fields for the record being scanned.
struct FieldTable {
    var base: UnsafeMutablePointer<Field>
    var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    @inline(__always)
    mutating func set(_ i: Int, _ field: Field) {
        if i == capacity { grow() }
        base[i] = field
    }

    mutating func grow() {
        let bigger = UnsafeMutablePointer<Field>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: capacity)
        base.deallocate()
        base = bigger
        capacity *= 2
    }

    func deallocate() { base.deallocate() }
}

enum ScanOutcome {
    /// A complete record of `fields` fields ends just before `next`; `raw` says some fields need unescaping.
    case record(next: Int, fields: Int, raw: Bool)
    /// The record starting at the scan position is incomplete: more input is needed.
    case needMore
    /// No record starts here: end of input.
    case endOfInput
    /// A quoted field opened at `at` (line `line`, field `column`) is still open at the end of the input.
    case unterminatedQuote(at: Int, line: Int, column: Int)
}

/// Byte classes for the scanner, 256 entries each. `stop[b]` is true for the delimiter, CR and LF
/// (the bytes that end an unquoted field); `quotedStop[b]` for `"`, CR and LF.
struct ByteClasses {
    let stop: UnsafeMutablePointer<Bool>
    let quotedStop: UnsafeMutablePointer<Bool>

    init(delimiter: UInt8) {
        stop = .allocate(capacity: 256)
        stop.initialize(repeating: false, count: 256)
        quotedStop = .allocate(capacity: 256)
        quotedStop.initialize(repeating: false, count: 256)
        stop[Int(delimiter)] = true
        stop[Int(lineFeed)] = true
        stop[Int(carriageReturn)] = true
        quotedStop[Int(quoteByte)] = true
        quotedStop[Int(lineFeed)] = true
        quotedStop[Int(carriageReturn)] = true
    }

    func deallocate() {
        stop.deallocate()
        quotedStop.deallocate()
    }
}

private let ones: UInt64 = 0x0101_0101_0101_0101
private let highs: UInt64 = 0x8080_8080_8080_8080

/// Offset of the first byte in `p[from..<end]` for which `table` is true, or `end`. Eight bytes
/// at a time: a word is skipped when it has no byte equal to `broadcast`'s byte and no byte below
/// 0x0E (CR, LF, tab and other controls); candidates are confirmed with `table`. The lowest flagged
/// byte of each test is exact, which is all that is used.
@inline(__always)
func skipToStop(_ p: UnsafePointer<UInt8>, from: Int, end: Int, broadcast: UInt64, table: UnsafePointer<Bool>) -> Int {
    var k = from
    let raw = UnsafeRawPointer(p)
    while k + 8 <= end {
        let w = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
        let x = w ^ broadcast
        let mask = ((x &- ones) & ~x | (w &- 0x0E * ones) & ~w) & highs
        if mask == 0 {
            k += 8
            continue
        }
        k += mask.trailingZeroBitCount >> 3
        if table[Int(p[k])] { return k }
        k += 1
    }
    while k < end && !table[Int(p[k])] { k += 1 }
    return k
}

/// The structural bytes (delimiter, quote, CR, LF) of the input, a 64-byte window at a time
/// (`kith_csv_structurals`: vector compares), so that finding where a field ends is a bit scan
/// rather than a look at every byte. Windows never reach past `end`: near it, `nextStop`
/// returns nil and the scanner goes on byte-wise (`skipToStop`).
struct Structurals {
    let p: UnsafePointer<UInt8>
    let end: Int
    let delimiter: UInt8
    private var start = Int.min / 2
    private var bits: UInt64 = 0

    init(_ p: UnsafePointer<UInt8>, end: Int, delimiter: UInt8) {
        self.p = p
        self.end = end
        self.delimiter = delimiter
    }

    /// Offset of the first structural byte at or after `k` other than `skipped`, or nil when the
    /// search reaches the last partial window (the caller then scans byte-wise from `k` again:
    /// `skipped` is not a stop for it either).
    @inline(__always)
    mutating func nextStop(from k: Int, skipping skipped: UInt8) -> Int? {
        var k = k
        while let found = next(from: k) {
            if p[found] != skipped { return found }
            k = found + 1
        }
        return nil
    }

    /// Offset of the first structural byte at or after `k`, or nil when it is not in a whole window.
    @inline(__always)
    private mutating func next(from k: Int) -> Int? {
        var k = k
        while true {
            let offset = k &- start
            if offset >= 0 && offset < 64 {
                let found = bits & (UInt64.max << UInt64(offset))
                if found != 0 { return start + found.trailingZeroBitCount }
                k = start + 64
            }
            guard k + 64 <= end else { return nil }
            start = k
            bits = kith_csv_structurals(p + k, delimiter)
        }
    }
}

/// Scans one record starting at `start` in `p[..<end]`. `atEnd` says no more bytes will follow
/// `end`. `line` is advanced past the record's line breaks (the caller restores it on `.needMore`).
@inline(__always)
func scanRecord(
    _ p: UnsafePointer<UInt8>, from start: Int, end: Int, atEnd: Bool, delimiter: UInt8,
    classes: ByteClasses, fields: inout FieldTable, line: inout Int
) -> ScanOutcome {
    let stop = UnsafePointer(classes.stop)
    let quotedStop = UnsafePointer(classes.quotedStop)
    let delimiterWord = UInt64(delimiter) &* ones
    let quoteWord = UInt64(quoteByte) &* ones
    var i = start
    var n = 0
    var anyRaw = false
    var structurals = Structurals(p, end: end, delimiter: delimiter)
    if i >= end { return atEnd ? .endOfInput : .needMore }
    while true {
        if i == end {
            // Only after a delimiter: the last field is empty.
            if !atEnd { return .needMore }
            fields.set(n, Field(start: p + i, count: 0, quoted: false, raw: false))
            return .record(next: i, fields: n + 1, raw: anyRaw)
        }
        var k: Int
        if p[i] == quoteByte {
            var j = i + 1
            var raw = false
            let quoteLine = line
            while true {
                // The next quote, CR or LF (a delimiter in quotes is data).
                j =
                    structurals.nextStop(from: j, skipping: delimiter)
                    ?? skipToStop(p, from: j, end: end, broadcast: quoteWord, table: quotedStop)
                if j == end {
                    return atEnd ? .unterminatedQuote(at: i, line: quoteLine, column: n + 1) : .needMore
                }
                let c = p[j]
                if c == lineFeed {
                    line += 1
                    j += 1
                } else if c == carriageReturn {
                    if j + 1 == end {
                        if !atEnd { return .needMore }
                        line += 1
                    } else if p[j + 1] != lineFeed {
                        line += 1
                    }
                    j += 1
                } else if j + 1 == end {
                    if !atEnd { return .needMore } // `"` then `"`, or the closing quote?
                    k = end
                    break
                } else if p[j + 1] == quoteByte {
                    raw = true
                    j += 2
                } else {
                    k = j + 1
                    break
                }
            }
            // k is just past the closing quote.
            if k < end && !stop[Int(p[k])] {
                raw = true // text after the closing quote
                k += 1
                while k < end && !stop[Int(p[k])] { k += 1 }
            }
            if raw {
                anyRaw = true
                fields.set(n, Field(start: p + i, count: k - i, quoted: true, raw: true))
            } else {
                fields.set(n, Field(start: p + i + 1, count: k - i - 2, quoted: true, raw: false))
            }
        } else {
            // The next delimiter, CR or LF (a quote inside an unquoted field is data).
            k =
                structurals.nextStop(from: i, skipping: quoteByte)
                ?? skipToStop(p, from: i, end: end, broadcast: delimiterWord, table: stop)
            fields.set(n, Field(start: p + i, count: k - i, quoted: false, raw: false))
        }
        n += 1
        if k == end {
            if !atEnd { return .needMore }
            return .record(next: k, fields: n, raw: anyRaw)
        }
        let c = p[k]
        if c == delimiter {
            i = k + 1
            continue
        }
        line += 1
        if c == lineFeed { return .record(next: k + 1, fields: n, raw: anyRaw) }
        // Carriage return: CRLF or a lone CR.
        if k + 1 == end {
            if !atEnd { return .needMore }
            return .record(next: k + 1, fields: n, raw: anyRaw)
        }
        return .record(next: p[k + 1] == lineFeed ? k + 2 : k + 1, fields: n, raw: anyRaw)
    }
}

/// Unescapes a raw quoted field (opening quote to field end) into `out`; returns the bytes written.
/// `""` becomes `"`; after the closing quote the rest is copied literally.
func unescapeQuoted(_ raw: UnsafePointer<UInt8>, count: Int, into out: UnsafeMutablePointer<UInt8>) -> Int {
    var j = 1
    var o = 0
    while j < count {
        let c = raw[j]
        if c == quoteByte {
            if j + 1 < count && raw[j + 1] == quoteByte {
                out[o] = quoteByte
                o += 1
                j += 2
                continue
            }
            // Closing quote: copy what follows it literally.
            j += 1
            let rest = count - j
            if rest > 0 { (out + o).update(from: raw + j, count: rest) }
            return o + rest
        }
        out[o] = c
        o += 1
        j += 1
    }
    return o
}

/// Where a byte offset falls, for error messages: the physical line and field number of `target`,
/// scanning from a record start at `start` on line `line`, and the open quote if `target` is inside one.
struct Location {
    var line: Int
    var column: Int
    var openQuote: (offset: Int, line: Int, column: Int)?
}

func locate(_ p: UnsafePointer<UInt8>, from start: Int, to target: Int, line startLine: Int, delimiter: UInt8) -> Location {
    var i = start
    var line = startLine
    var column = 1
    var atFieldStart = true
    var inQuotes = false
    var openQuote: (offset: Int, line: Int, column: Int)?
    while i < target {
        let c = p[i]
        if inQuotes {
            if c == quoteByte {
                if i + 1 < target && p[i + 1] == quoteByte {
                    i += 2
                    continue
                }
                inQuotes = false
                openQuote = nil
            } else if c == lineFeed || (c == carriageReturn && !(i + 1 < target && p[i + 1] == lineFeed)) {
                line += 1
            }
            i += 1
            continue
        }
        if atFieldStart && c == quoteByte {
            inQuotes = true
            openQuote = (i, line, column)
            atFieldStart = false
        } else if c == delimiter {
            column += 1
            atFieldStart = true
        } else if c == lineFeed || c == carriageReturn {
            if c == carriageReturn && i + 1 < target && p[i + 1] == lineFeed { i += 1 }
            line += 1
            column = 1
            atFieldStart = true
        } else {
            atFieldStart = false
        }
        i += 1
    }
    return Location(line: line, column: column, openQuote: inQuotes ? openQuote : nil)
}

/// Field counts of the first `maxRecords` non-empty records of `p[start..<end]` split on
/// `delimiter`, for delimiter detection. A record cut off by the end of the sample is left out
/// unless `complete` says the sample is the whole input.
func sampleFieldCounts(_ p: UnsafePointer<UInt8>, from start: Int, end: Int, complete: Bool, delimiter: UInt8, maxRecords: Int) -> [Int] {
    let classes = ByteClasses(delimiter: delimiter)
    defer { classes.deallocate() }
    var fields = FieldTable(capacity: 64)
    defer { fields.deallocate() }
    var counts: [Int] = []
    var i = start
    var line = 1
    while counts.count < maxRecords {
        switch scanRecord(p, from: i, end: end, atEnd: complete, delimiter: delimiter, classes: classes, fields: &fields, line: &line) {
        case .record(let next, let n, _):
            // Skip empty lines: they carry no information about the delimiter.
            if !(n == 1 && fields.base[0].count == 0 && !fields.base[0].quoted) { counts.append(n) }
            i = next
        case .needMore, .endOfInput, .unterminatedQuote:
            return counts
        }
    }
    return counts
}

import Foundation

/// Reads the dates survey tools write: ISO 8601 (`2026-03-15 09:16:33`,
/// `2026-03-16T16:26:48.511+00:00`), slashed dates in either order with a 12- or
/// 24-hour clock (`03/15/2026 09:16:33 AM`, `15/03/2026 09:16`), Google Forms'
/// `2026/03/17 8:29:43 PM GMT+1`; a zone suffix (`Z`, `+01:00`, `GMT`, `GMT+1`,
/// `UTC`, `BST`) is kept as an offset.
package struct TimestampParser: Sendable {
    package var order: DateOrder
    /// IANA zone for texts without an offset, when the tool documents one.
    package var zone: String?
    private let timeZone: TimeZone?

    package init(order: DateOrder, zone: String? = nil) {
        self.order = order == .detect ? .dayFirst : order
        self.zone = zone
        self.timeZone = zone.flatMap { TimeZone(identifier: $0) }
    }

    struct Parts: Equatable {
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
        /// Fractional seconds as written: their value and number of digits (at most 9 kept).
        var fraction = 0, fractionDigits = 0
        var offset: Int?
        var utcLetter = false
        /// The first two numbers of a slashed date (for order detection).
        var slashed: (Int, Int)?
        static func == (a: Parts, b: Parts) -> Bool { a.year == b.year && a.month == b.month && a.day == b.day }
        var isValid: Bool { (1...12).contains(month) && (1...31).contains(day) && hour < 24 && minute < 60 && second < 61 }
    }

    package func parse(_ text: String) -> SourceTimestamp {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// Reads a cell's bytes (surrounding spaces ignored).
    package func parse(bytes: UnsafeBufferPointer<UInt8>) -> SourceTimestamp {
        let trimmed = TimestampParser.trim(bytes)
        let original = String(decoding: trimmed, as: UTF8.self)
        guard let parts = resolved(trimmed) else { return SourceTimestamp(original: original, iso8601: nil, seconds: nil, hasOffset: false) }
        return SourceTimestamp(
            original: original, iso8601: TimestampParser.iso8601(parts),
            seconds: TimestampParser.epochSeconds(parts) - (parts.offset ?? 0), hasOffset: parts.offset != nil)
    }

    /// What the store keeps for a cell: its ISO 8601 form, or the text as
    /// written when it is not a date (the string form of `appendStoredText`).
    package func storedText(bytes: UnsafeBufferPointer<UInt8>) -> String {
        var text: [UInt8] = []
        appendStoredText(bytes: bytes, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// The parts of a date, with the offset of the tool's documented zone filled in.
    private func resolved(_ bytes: UnsafeBufferPointer<UInt8>) -> Parts? {
        guard var parts = TimestampParser.parts(bytes, order: order), parts.isValid else { return nil }
        if parts.offset == nil, let timeZone {
            // The offset in force at that local time (try the UTC guess, then correct once).
            let local = TimestampParser.epochSeconds(parts)
            let guess = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local)))
            parts.offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local - guess)))
            parts.utcLetter = parts.offset == 0 && (zone == "UTC" || zone == "Etc/UTC")
        }
        return parts
    }

    static func trim(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// Appends what the store keeps for a cell (as `storedText`) to `bytes`: the
    /// import writes it straight into its row buffer.
    package func appendStoredText(bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        let trimmed = TimestampParser.trim(bytes)
        if timeZone == nil, TimestampParser.appendFixedWidth(trimmed, order: order, to: &output) { return }
        guard let parts = resolved(trimmed) else {
            output.append(contentsOf: trimmed)
            return
        }
        TimestampParser.writeISO8601(parts) { output.append(contentsOf: $0) }
    }

    /// The shapes most exports use, `DD/MM/YYYY HH:MM:SS` (or month first; `/`, `.` or `-`)
    /// and `YYYY-MM-DD HH:MM:SS` (or `/`; `T` or a comma for the space), rewritten as ISO 8601
    /// byte by byte: exactly what `parts` and `writeISO8601` give for them, without building the
    /// parts first. Returns false, appending nothing, for any other text or an invalid date.
    @inline(__always)
    static func appendFixedWidth(_ s: UnsafeBufferPointer<UInt8>, order: DateOrder, to output: inout [UInt8]) -> Bool {
        guard s.count == 19, s[13] == 0x3A, s[16] == 0x3A, s[10] == 0x20 || s[10] == 0x54 || s[10] == 0x2C else { return false }
        let yearFirst: Bool
        if s[4] == s[7], s[4] == 0x2D || s[4] == 0x2F {
            yearFirst = true
        } else if s[2] == s[5], s[2] == 0x2F || s[2] == 0x2E || s[2] == 0x2D {
            yearFirst = false
        } else {
            return false
        }
        // Digits everywhere but the separators, eight bytes at a time (bytes 0–7, 8–15, 11–18;
        // a mask's 0xFF lanes must be digits): a lane is one when, less 0x30, it is below 10.
        let raw = UnsafeRawPointer(s.baseAddress!)
        func nonDigits(_ offset: Int, _ lanes: UInt64) -> UInt64 {
            let t = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) ^ 0x3030_3030_3030_3030
            return ((t &+ 0x7676_7676_7676_7676) | t) & 0x8080_8080_8080_8080 & lanes
        }
        let pairs: UInt64 = 0xFFFF_00FF_FF00_FFFF // dd/mm/yy, yy hh:mm, hh:mm:ss
        guard nonDigits(0, yearFirst ? 0x00FF_FF00_FFFF_FFFF : pairs) | nonDigits(8, pairs) | nonDigits(11, pairs) == 0 else { return false }
        @inline(__always) func number(_ i: Int) -> Int { Int(s[i] &- 0x30) * 10 + Int(s[i + 1] &- 0x30) }
        let yearAt = yearFirst ? 0 : 6
        let monthAt = yearFirst ? 5 : order == .monthFirst ? 0 : 3
        let dayAt = yearFirst ? 8 : order == .monthFirst ? 3 : 0
        guard (1...12).contains(number(monthAt)), (1...31).contains(number(dayAt)), number(11) < 24, number(14) < 60, number(17) < 61 else {
            return false
        }
        // YYYY-MM-DDTHH:MM:SS
        var text: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &text) { out in
            for i in 0..<4 { out[i] = s[yearAt + i] }
            out[4] = 0x2D
            out[5] = s[monthAt]
            out[6] = s[monthAt + 1]
            out[7] = 0x2D
            out[8] = s[dayAt]
            out[9] = s[dayAt + 1]
            out[10] = 0x54
            for i in 11..<19 { out[i] = s[i] }
            output.append(contentsOf: UnsafeBufferPointer(start: out.baseAddress!.assumingMemoryBound(to: UInt8.self), count: 19))
        }
        return true
    }

    /// `2026-03-15T09:16:33[.fff][Z|±hh:mm]`, written byte by byte (String(format:)
    /// parses its format every call, and a million rows have two timestamps each).
    static func iso8601(_ p: Parts) -> String {
        writeISO8601(p) { String(decoding: $0, as: UTF8.self) }
    }

    static func writeISO8601<T>(_ p: Parts, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
            var w = DigitWriter(buffer: buffer)
            w.digits(p.year, 4)
            w.put(0x2D)
            w.digits(p.month, 2)
            w.put(0x2D)
            w.digits(p.day, 2)
            w.put(0x54)
            w.digits(p.hour, 2)
            w.put(0x3A)
            w.digits(p.minute, 2)
            w.put(0x3A)
            w.digits(p.second, 2)
            if p.fractionDigits > 0 {
                w.put(0x2E)
                w.digits(p.fraction, p.fractionDigits)
            }
            if let offset = p.offset {
                if offset == 0 && p.utcLetter {
                    w.put(0x5A)
                } else {
                    w.put(offset < 0 ? 0x2D : 0x2B)
                    w.digits(abs(offset) / 3600, 2)
                    w.put(0x3A)
                    w.digits((abs(offset) % 3600) / 60, 2)
                }
            }
            return body(UnsafeBufferPointer(rebasing: buffer[..<w.n]))
        }
    }

    /// Zero-padded decimal digits into a small buffer.
    struct DigitWriter {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var n = 0
        mutating func put(_ byte: UInt8) {
            buffer[n] = byte
            n += 1
        }
        /// `value` (not negative) in at least `width` digits, written from the right: dividing
        /// by the constant 10 is a multiplication, where a variable divisor cost a division a digit.
        mutating func digits(_ value: Int, _ width: Int) {
            var length = 1
            var probe = value
            while probe >= 10 {
                probe /= 10
                length += 1
            }
            // Wider than `width` (a year past 9999, which `parts` cannot produce): all its digits.
            length = max(length, width)
            var rest = value
            var at = n + length - 1
            while at >= n {
                buffer[at] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
                rest /= 10
                at -= 1
            }
            n += length
        }
    }

    /// The first two numbers of a slashed date, for deciding the order from a sample.
    static func slashedPair(_ text: String) -> (Int, Int)? {
        var text = text
        return text.withUTF8 { parts(trim($0), order: .dayFirst)?.slashed }
    }

    static func epochSeconds(_ p: Parts) -> Int {
        // Days from civil (Howard Hinnant's algorithm).
        let y = p.month <= 2 ? p.year - 1 : p.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (p.month + 9) % 12
        let doy = (153 * mp + 2) / 5 + p.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146097 + doe - 719468
        return days * 86400 + p.hour * 3600 + p.minute * 60 + p.second
    }

    /// A position in a cell's bytes (a struct with mutating methods: local
    /// functions capturing `var`s would box them and check exclusivity per byte).
    struct Cursor {
        let s: UnsafeBufferPointer<UInt8>
        var i = 0
        var atEnd: Bool { i == s.count }
        func lower(_ at: Int) -> UInt8 { at < s.count ? s[at] | 0x20 : 0 }
        mutating func number(maxDigits: Int) -> (value: Int, digits: Int)? {
            var value = 0
            var digits = 0
            while i < s.count, s[i] >= 0x30, s[i] <= 0x39, digits < maxDigits {
                value = value * 10 + Int(s[i] - 0x30)
                digits += 1
                i += 1
            }
            return digits == 0 ? nil : (value, digits)
        }
        mutating func skip(_ byte: UInt8) -> Bool {
            if i < s.count, s[i] == byte {
                i += 1
                return true
            }
            return false
        }
        mutating func skipSpaces() { while i < s.count, s[i] == 0x20 || s[i] == 0x09 { i += 1 } }
    }

    static func parts(_ s: UnsafeBufferPointer<UInt8>, order: DateOrder) -> Parts? {
        guard s.count >= 8, s.count <= 64 else { return nil }
        var c = Cursor(s: s)
        var p = Parts()
        guard let first = c.number(maxDigits: 4), !c.atEnd else { return nil }
        if first.digits == 4 {
            // Year first: 2026-03-15 or 2026/03/15.
            let separator = s[c.i]
            guard separator == 0x2D || separator == 0x2F else { return nil }
            c.i += 1
            guard let month = c.number(maxDigits: 2), c.skip(separator), let day = c.number(maxDigits: 2) else { return nil }
            (p.year, p.month, p.day) = (first.value, month.value, day.value)
        } else {
            let separator = s[c.i]
            guard first.digits <= 2, separator == 0x2F || separator == 0x2E || separator == 0x2D else { return nil }
            c.i += 1
            guard let second = c.number(maxDigits: 2), c.skip(separator), let year = c.number(maxDigits: 4), year.digits == 4 || year.digits == 2
            else { return nil }
            p.year = year.digits == 2 ? 2000 + year.value : year.value
            p.slashed = (first.value, second.value)
            if order == .monthFirst { (p.month, p.day) = (first.value, second.value) } else { (p.day, p.month) = (first.value, second.value) }
        }
        if c.atEnd { return p }
        guard c.skip(0x54) || c.skip(0x20) || c.skip(0x2C) else { return nil } // T, space, comma
        c.skipSpaces()
        if c.atEnd { return p }
        guard let hour = c.number(maxDigits: 2), c.skip(0x3A), let minute = c.number(maxDigits: 2) else { return nil }
        (p.hour, p.minute) = (hour.value, minute.value)
        if c.skip(0x3A) {
            guard let second = c.number(maxDigits: 2) else { return nil }
            p.second = second.value
            if c.skip(0x2E) || c.skip(0x2C) {
                if let fraction = c.number(maxDigits: 9) { (p.fraction, p.fractionDigits) = (fraction.value, fraction.digits) }
                while c.i < s.count, s[c.i] >= 0x30, s[c.i] <= 0x39 { c.i += 1 } // digits beyond nanoseconds
            }
        }
        c.skipSpaces()
        // AM / PM.
        if c.lower(c.i) == 0x61 || c.lower(c.i) == 0x70 {
            let pm = c.lower(c.i) == 0x70
            c.i += 1
            _ = c.skip(0x2E)
            guard c.lower(c.i) == 0x6D else { return nil }
            c.i += 1
            _ = c.skip(0x2E)
            guard (1...12).contains(p.hour) else { return nil }
            if pm && p.hour != 12 { p.hour += 12 } else if !pm && p.hour == 12 { p.hour = 0 }
            c.skipSpaces()
        }
        if c.atEnd { return p }
        return zone(&c, p)
    }

    /// Zone: Z, ±HH[:MM], GMT/UTC[±H[:MM]], BST.
    private static func zone(_ c: inout Cursor, _ parts: Parts) -> Parts? {
        var p = parts
        let s = c.s
        let rest = s.count - c.i
        if rest == 1, c.lower(c.i) == 0x7A {
            p.offset = 0
            p.utcLetter = true
            return p
        }
        if rest == 3, c.lower(c.i) == 0x62, c.lower(c.i + 1) == 0x73, c.lower(c.i + 2) == 0x74 {
            p.offset = 3600
            return p
        }
        var named = false
        var utc = false
        if rest >= 3 {
            let (a, b, d) = (c.lower(c.i), c.lower(c.i + 1), c.lower(c.i + 2))
            if (a, b, d) == (0x67, 0x6D, 0x74) || (a, b, d) == (0x75, 0x74, 0x63) {
                named = true
                utc = a == 0x75
                c.i += 3
            }
        }
        if c.atEnd {
            p.offset = 0
            p.utcLetter = named && utc
            return p
        }
        guard s[c.i] == 0x2B || s[c.i] == 0x2D else { return nil }
        let negative = s[c.i] == 0x2D
        c.i += 1
        var digits = 0
        var value = 0
        while !c.atEnd {
            if s[c.i] == 0x3A {
                c.i += 1
                continue
            }
            guard s[c.i] >= 0x30, s[c.i] <= 0x39, digits < 4 else { return nil }
            value = value * 10 + Int(s[c.i] - 0x30)
            digits += 1
            c.i += 1
        }
        guard digits > 0 else { return nil }
        let hours = digits <= 2 ? value : value / 100
        let minutes = digits <= 2 ? 0 : value % 100
        guard hours <= 14, minutes < 60 else { return nil }
        p.offset = (negative ? -1 : 1) * (hours * 3600 + minutes * 60)
        return p
    }
}

import Foundation

/// Reads the dates survey tools write: ISO 8601 (`2026-03-15 09:16:33`,
/// `2026-03-16T16:26:48.511+00:00`), slashed dates in either order with a 12- or
/// 24-hour clock (`03/15/2026 09:16:33 AM`, `15/03/2026 09:16`), Google Forms'
/// `2026/03/17 8:29:43 PM GMT+1`; a zone suffix (`Z`, `+01:00`, `GMT`, `GMT+1`,
/// `UTC`, `BST`) is kept as an offset.
public struct TimestampParser: Sendable {
    public var order: DateOrder
    /// IANA zone for texts without an offset, when the tool documents one.
    public var zone: String?
    private let timeZone: TimeZone?

    public init(order: DateOrder, zone: String? = nil) {
        self.order = order == .detect ? .dayFirst : order
        self.zone = zone
        self.timeZone = zone.flatMap { TimeZone(identifier: $0) }
    }

    struct Parts: Equatable {
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
        var fraction = ""
        var offset: Int?
        var utcLetter = false
        /// The first two numbers of a slashed date (for order detection).
        var slashed: (Int, Int)?
        static func == (a: Parts, b: Parts) -> Bool { a.year == b.year && a.month == b.month && a.day == b.day }
    }

    public func parse(_ text: String) -> SourceTimestamp {
        let trimmed = text.trimmingSpaces()
        guard var parts = TimestampParser.parts(trimmed, order: order),
              (1...12).contains(parts.month), (1...31).contains(parts.day), parts.hour < 24, parts.minute < 60, parts.second < 61 else {
            return SourceTimestamp(original: trimmed, iso8601: nil, seconds: nil, hasOffset: false)
        }
        let local = TimestampParser.epochSeconds(parts)
        if parts.offset == nil, let timeZone {
            // The offset in force at that local time (try the UTC guess, then correct once).
            let guess = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local)))
            parts.offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local - guess)))
            parts.utcLetter = parts.offset == 0 && (zone == "UTC" || zone == "Etc/UTC")
        }
        // Built by hand: String(format:) costs microseconds, and a million rows have two timestamps each.
        var iso = ""
        iso.reserveCapacity(26)
        func digits(_ value: Int, _ width: Int) {
            var text = String(value)
            if text.count < width { text = String(repeating: "0", count: width - text.count) + text }
            iso += text
        }
        digits(parts.year, 4); iso += "-"; digits(parts.month, 2); iso += "-"; digits(parts.day, 2)
        iso += "T"; digits(parts.hour, 2); iso += ":"; digits(parts.minute, 2); iso += ":"; digits(parts.second, 2)
        if !parts.fraction.isEmpty { iso += "." + parts.fraction }
        if let offset = parts.offset {
            if offset == 0 && parts.utcLetter { iso += "Z" } else {
                iso += offset < 0 ? "-" : "+"
                digits(abs(offset) / 3600, 2); iso += ":"; digits((abs(offset) % 3600) / 60, 2)
            }
        }
        return SourceTimestamp(original: trimmed, iso8601: iso, seconds: local - (parts.offset ?? 0), hasOffset: parts.offset != nil)
    }

    /// The first two numbers of a slashed date, for deciding the order from a sample.
    static func slashedPair(_ text: String) -> (Int, Int)? {
        parts(text.trimmingSpaces(), order: .dayFirst)?.slashed
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

    static func parts(_ text: String, order: DateOrder) -> Parts? {
        var s = Array(text.utf8)[...]
        guard s.count >= 8, s.count <= 64 else { return nil }
        func number(maxDigits: Int) -> (value: Int, digits: Int)? {
            var value = 0, digits = 0
            while let c = s.first, c >= 0x30, c <= 0x39, digits < maxDigits { value = value * 10 + Int(c - 0x30); digits += 1; s.removeFirst() }
            return digits == 0 ? nil : (value, digits)
        }
        func skip(_ byte: UInt8) -> Bool { if s.first == byte { s.removeFirst(); return true }; return false }
        func skipSpaces() { while s.first == 0x20 || s.first == 0x09 { s.removeFirst() } }
        var p = Parts()
        guard let first = number(maxDigits: 4) else { return nil }
        if first.digits == 4 {
            // Year first: 2026-03-15 or 2026/03/15.
            guard let separator = s.first, separator == 0x2D || separator == 0x2F else { return nil }
            s.removeFirst()
            guard let month = number(maxDigits: 2), skip(separator), let day = number(maxDigits: 2) else { return nil }
            (p.year, p.month, p.day) = (first.value, month.value, day.value)
        } else {
            guard first.digits <= 2, let separator = s.first, separator == 0x2F || separator == 0x2E || separator == 0x2D else { return nil }
            s.removeFirst()
            guard let second = number(maxDigits: 2), skip(separator), let year = number(maxDigits: 4), year.digits == 4 || year.digits == 2 else { return nil }
            p.year = year.digits == 2 ? 2000 + year.value : year.value
            p.slashed = (first.value, second.value)
            if order == .monthFirst { (p.month, p.day) = (first.value, second.value) } else { (p.day, p.month) = (first.value, second.value) }
        }
        if s.isEmpty { return p }
        guard skip(0x54) || skip(0x20) || skip(0x2C) else { return nil }  // T, space, comma
        skipSpaces()
        if s.isEmpty { return p }
        guard let hour = number(maxDigits: 2), skip(0x3A), let minute = number(maxDigits: 2) else { return nil }
        (p.hour, p.minute) = (hour.value, minute.value)
        if skip(0x3A) {
            guard let second = number(maxDigits: 2) else { return nil }
            p.second = second.value
            if skip(0x2E) || skip(0x2C) {
                var fraction = ""
                while let c = s.first, c >= 0x30, c <= 0x39 { fraction.append(Character(UnicodeScalar(c))); s.removeFirst() }
                p.fraction = fraction
            }
        }
        skipSpaces()
        // AM / PM.
        if let c = s.first, c | 0x20 == 0x61 || c | 0x20 == 0x70 {
            let pm = c | 0x20 == 0x70
            s.removeFirst()
            _ = skip(0x2E)
            guard let m = s.first, m | 0x20 == 0x6D else { return nil }
            s.removeFirst()
            _ = skip(0x2E)
            guard (1...12).contains(p.hour) else { return nil }
            if pm && p.hour != 12 { p.hour += 12 } else if !pm && p.hour == 12 { p.hour = 0 }
            skipSpaces()
        }
        if s.isEmpty { return p }
        // Zone: Z, ±HH[:MM], GMT/UTC[±H[:MM]], BST.
        let rest = String(decoding: s, as: UTF8.self).uppercased()
        if rest == "Z" { p.offset = 0; p.utcLetter = true; return p }
        if rest == "BST" { p.offset = 3600; return p }
        var zoneText = Substring(rest)
        var named = false
        for name in ["GMT", "UTC"] where zoneText.hasPrefix(name) { zoneText = zoneText.dropFirst(3); named = true }
        if zoneText.isEmpty { p.offset = 0; p.utcLetter = named && rest == "UTC"; return p }
        guard let sign = zoneText.first, sign == "+" || sign == "-" else { return nil }
        let digits = zoneText.dropFirst().filter { $0 != ":" }
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let hours: Int, minutes: Int
        if digits.count <= 2 { hours = Int(digits)!; minutes = 0 } else {
            hours = Int(digits.prefix(digits.count - 2))!
            minutes = Int(digits.suffix(2))!
        }
        guard hours <= 14, minutes < 60 else { return nil }
        p.offset = (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
        return p
    }
}

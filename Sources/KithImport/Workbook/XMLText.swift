/// Character data and attribute values of a part, with XML's entities resolved.
enum XMLText {
    /// The text of `range`, with `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` and numeric references
    /// (`&#10;`, `&#x263A;`) resolved. Excel writes characters XML cannot hold as `_x000D_`
    /// escapes; those are resolved too. Invalid UTF-8 is an error: nothing is guessed.
    static func decode(_ bytes: [UInt8], _ range: Range<Int>) throws(XMLError) -> String {
        var needsWork = false
        for i in range where bytes[i] == UInt8(ascii: "&") || bytes[i] == UInt8(ascii: "_") || bytes[i] >= 0x80 {
            needsWork = true
            break
        }
        if !needsWork { return String(decoding: bytes[range], as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            let byte = bytes[i]
            if byte == UInt8(ascii: "&") {
                var j = i + 1
                while j < range.upperBound, j - i <= 12, bytes[j] != UInt8(ascii: ";") { j += 1 }
                guard j < range.upperBound, bytes[j] == UInt8(ascii: ";") else { throw .malformed("an '&' that starts no entity", at: i) }
                let name = Array(bytes[(i + 1)..<j])
                guard let scalar = entity(name) else { throw .malformed("an unknown entity", at: i) }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                i = j + 1
                continue
            }
            if byte == UInt8(ascii: "_"), let (scalar, length) = excelEscape(bytes, at: i, end: range.upperBound) {
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                i += length
                continue
            }
            out.append(byte)
            i += 1
        }
        guard let text = String(validating: out, as: UTF8.self) else { throw .malformed("text that is not UTF-8", at: range.lowerBound) }
        return text
    }

    private static func entity(_ name: [UInt8]) -> Unicode.Scalar? {
        switch name {
        case Array("amp".utf8): return "&"
        case Array("lt".utf8): return "<"
        case Array("gt".utf8): return ">"
        case Array("quot".utf8): return "\""
        case Array("apos".utf8): return "'"
        default:
            guard name.first == UInt8(ascii: "#"), name.count > 1 else { return nil }
            let hex = name[1] == UInt8(ascii: "x") || name[1] == UInt8(ascii: "X")
            let digits = String(decoding: name.dropFirst(hex ? 2 : 1), as: UTF8.self)
            return UInt32(digits, radix: hex ? 16 : 10).flatMap(Unicode.Scalar.init)
        }
    }

    /// `_xHHHH_`: Excel's escape for a character XML cannot hold (a control character).
    private static func excelEscape(_ bytes: [UInt8], at i: Int, end: Int) -> (Unicode.Scalar, Int)? {
        guard i + 7 <= end, bytes[i + 1] == UInt8(ascii: "x"), bytes[i + 6] == UInt8(ascii: "_") else { return nil }
        let digits = String(decoding: bytes[(i + 2)..<(i + 6)], as: UTF8.self)
        guard let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, 7)
    }
}

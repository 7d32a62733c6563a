/// A byte-level pull scanner for the XML of an Office Open XML package: the parts of a workbook
/// are machine-written, namespaced element soup with attributes and text, no DTDs. It reads
/// tags and text out of a buffer without building a tree, so a sheet of a million rows is read
/// in one pass at the speed of a byte loop (Foundation's `XMLParser` is an order slower).
///
/// Element names are compared without their namespace prefix (`x:row` is `row`). Comments,
/// processing instructions and the XML declaration are skipped; CDATA is text.
struct XMLScanner {
    enum Token: Equatable {
        /// `<name …>` or `<name …/>` (then `selfClosing`); `attributes` is the bytes between the
        /// name and the closing `>` or `/>`.
        case start(name: Range<Int>, attributes: Range<Int>, selfClosing: Bool)
        case end(name: Range<Int>)
        /// Character data, still with its entities (`XMLText.decode` resolves them).
        case text(Range<Int>)
        /// CDATA content, taken as it is.
        case cdata(Range<Int>)
    }

    let bytes: [UInt8]
    private(set) var position: Int
    let end: Int
    /// Element nesting depth: a part deeper than `maximumDepth` is refused (hostile XML).
    private(set) var depth = 0
    static let maximumDepth = 256

    /// A scanner of `bytes`; `depth` is the element depth at their start (a streaming reader
    /// resumes inside the sheet's elements).
    init(_ bytes: [UInt8], depth: Int = 0) {
        self.bytes = bytes
        position = 0
        end = bytes.count
        self.depth = depth
    }

    /// The next token; nil at the end of the buffer. A tag cut off by the end of the buffer
    /// throws `.incomplete(at:)`, so a streaming caller can read more and start again there.
    mutating func next() throws(XMLError) -> Token? {
        guard position < end else { return nil }
        if bytes[position] != UInt8(ascii: "<") {
            let start = position
            while position < end, bytes[position] != UInt8(ascii: "<") { position += 1 }
            return .text(start..<position)
        }
        let open = position
        guard open + 1 < end else { throw .incomplete(at: open) }
        switch bytes[open + 1] {
        case UInt8(ascii: "?"):
            try skip(past: [UInt8(ascii: "?"), UInt8(ascii: ">")], from: open)
            return try next()
        case UInt8(ascii: "!"):
            if matches("<!--", at: open) {
                try skip(past: Array("-->".utf8), from: open)
                return try next()
            }
            if matches("<![CDATA[", at: open) {
                let start = open + 9
                try skip(past: Array("]]>".utf8), from: open)
                return .cdata(start..<(position - 3))
            }
            throw .malformed("a '<!' that is neither a comment nor CDATA", at: open)
        case UInt8(ascii: "/"):
            let nameStart = open + 2
            var i = nameStart
            while i < end, !Self.isNameEnd(bytes[i]) { i += 1 }
            let nameEnd = i
            while i < end, bytes[i] != UInt8(ascii: ">") { i += 1 }
            guard i < end else { throw .incomplete(at: open) }
            position = i + 1
            depth -= 1
            guard depth >= 0 else { throw .malformed("a closing tag with no opening tag", at: open) }
            return .end(name: nameStart..<nameEnd)
        default:
            let nameStart = open + 1
            var i = nameStart
            while i < end, !Self.isNameEnd(bytes[i]) { i += 1 }
            let nameEnd = i
            guard nameEnd > nameStart else { throw .malformed("a '<' not followed by a name", at: open) }
            // Attributes run to the first '>' outside quotes.
            var quote: UInt8 = 0
            while i < end {
                let byte = bytes[i]
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    break
                }
                i += 1
            }
            guard i < end else { throw .incomplete(at: open) }
            let selfClosing = i > nameEnd && bytes[i - 1] == UInt8(ascii: "/")
            position = i + 1
            if !selfClosing {
                depth += 1
                guard depth <= Self.maximumDepth else { throw .tooDeep(at: open) }
            }
            return .start(name: nameStart..<nameEnd, attributes: nameEnd..<(selfClosing ? i - 1 : i), selfClosing: selfClosing)
        }
    }

    /// Whether the element name in `range`, without its prefix, is `local`.
    func name(_ range: Range<Int>, is local: StaticString) -> Bool {
        var start = range.lowerBound
        for i in range where bytes[i] == UInt8(ascii: ":") { start = i + 1 }
        let count = range.upperBound - start
        guard count == local.utf8CodeUnitCount else { return false }
        return local.withUTF8Buffer { expected in
            for k in 0..<count where bytes[start + k] != expected[k] { return false }
            return true
        }
    }

    /// The raw value (entities not yet resolved) of attribute `local` (prefix ignored) in `range`.
    func attribute(_ local: StaticString, in range: Range<Int>) -> Range<Int>? {
        var found: Range<Int>?
        forEachAttribute(in: range) { name, value in
            guard name.count > 0, self.name(name, is: local) else { return true }
            found = value
            return false
        }
        return found
    }

    /// The values of up to three one-letter attributes (`r`, `s`, `t` of a cell) in one pass
    /// over `range`: a cell's start tag is read once, not once per attribute.
    func letterAttributes(_ a: UInt8, _ b: UInt8, _ c: UInt8, in range: Range<Int>) -> (Range<Int>?, Range<Int>?, Range<Int>?) {
        var found: (Range<Int>?, Range<Int>?, Range<Int>?) = (nil, nil, nil)
        forEachAttribute(in: range) { name, value in
            guard name.count == 1 else { return true }
            switch bytes[name.lowerBound] {
            case a: found.0 = value
            case b: found.1 = value
            case c: found.2 = value
            default: break
            }
            return true
        }
        return found
    }

    /// Calls `body` with each attribute's name and raw value in `range`, in order, until it
    /// returns false.
    private func forEachAttribute(in range: Range<Int>, _ body: (Range<Int>, Range<Int>) -> Bool) {
        var i = range.lowerBound
        while i < range.upperBound {
            while i < range.upperBound, Self.isSpace(bytes[i]) { i += 1 }
            let nameStart = i
            while i < range.upperBound, bytes[i] != UInt8(ascii: "="), !Self.isSpace(bytes[i]) { i += 1 }
            let nameEnd = i
            while i < range.upperBound, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "'") { i += 1 }
            guard i < range.upperBound else { return }
            let quote = bytes[i]
            let valueStart = i + 1
            i = valueStart
            while i < range.upperBound, bytes[i] != quote { i += 1 }
            let value = valueStart..<min(i, range.upperBound)
            i += 1
            guard body(nameStart..<nameEnd, value) else { return }
        }
    }

    private func matches(_ text: StaticString, at offset: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard offset + count <= end else { return false }
        return text.withUTF8Buffer { expected in
            for k in 0..<count where bytes[offset + k] != expected[k] { return false }
            return true
        }
    }

    private mutating func skip(past terminator: [UInt8], from open: Int) throws(XMLError) {
        var i = open + 2
        while i + terminator.count <= end {
            var found = true
            for k in terminator.indices where bytes[i + k] != terminator[k] {
                found = false
                break
            }
            if found {
                position = i + terminator.count
                return
            }
            i += 1
        }
        throw .incomplete(at: open)
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    static func isNameEnd(_ byte: UInt8) -> Bool { isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") }
}

/// What is wrong with a part's XML, with the byte offset in the part.
enum XMLError: Error, Equatable {
    /// The buffer ends inside a tag that starts at this offset (a streaming reader reads on).
    case incomplete(at: Int)
    case malformed(String, at: Int)
    case tooDeep(at: Int)
}

extension XMLError {
    /// The same error with its offset moved by `offset` (from a buffer to the whole part).
    func shifted(by offset: Int) -> XMLError {
        switch self {
        case .incomplete(let at): .incomplete(at: at + offset)
        case .malformed(let what, let at): .malformed(what, at: at + offset)
        case .tooDeep(let at): .tooDeep(at: at + offset)
        }
    }
}

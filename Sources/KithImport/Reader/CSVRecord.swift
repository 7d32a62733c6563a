/// One field of a record as the scanner left it: a span of UTF-8 bytes in the reader's buffer
/// (or its scratch buffer, for quoted fields that needed unescaping).
@usableFromInline
struct Field {
    @usableFromInline var start: UnsafePointer<UInt8>
    @usableFromInline var count: Int
    /// The field started with a double quote.
    @usableFromInline var quoted: Bool
    /// The span is still raw (opening quote to field end) and must be unescaped before use
    /// (it contains `""` or text after the closing quote). Never true while a record is visible.
    @usableFromInline var raw: Bool

    @inlinable
    init(start: UnsafePointer<UInt8>, count: Int, quoted: Bool, raw: Bool) {
        self.start = start
        self.count = count
        self.quoted = quoted
        self.raw = raw
    }
}

/// One record (row) of the input, valid only during the `forEachRecord` callback that receives it:
/// its fields are spans into the reader's buffers, which are reused for the next record.
/// It is non-copyable so it cannot be stored; copy out what you need (`string(_:)`, `Array(record[i])`).
///
/// Ragged rows are reported as they are: `count` differs from record to record when the input
/// does; deciding what that means is the caller's job.
package struct CSVRecord: ~Copyable {
    @usableFromInline let fields: UnsafePointer<Field>
    /// Number of fields (at least 1: an empty line is one empty field).
    package let count: Int
    /// 1-based physical line on which the record starts (embedded newlines in quoted fields count).
    package let line: Int
    /// 0-based number of the record in the input (header rows included).
    package let index: Int

    @usableFromInline
    init(fields: UnsafePointer<Field>, count: Int, line: Int, index: Int) {
        self.fields = fields
        self.count = count
        self.line = line
        self.index = index
    }

    /// The UTF-8 bytes of field `i` (0-based), unquoted and unescaped. Valid only during the callback.
    @inlinable
    package subscript(i: Int) -> UnsafeBufferPointer<UInt8> {
        precondition(i >= 0 && i < count, "field index out of range")
        let field = fields[i]
        return UnsafeBufferPointer(start: field.start, count: field.count)
    }

    /// Field `i` (0-based) as a String (a copy).
    package func string(_ i: Int) -> String {
        String(decoding: self[i], as: UTF8.self)
    }

    /// All fields as Strings (copies).
    package var strings: [String] {
        (0..<count).map { string($0) }
    }

    /// Whether field `i` was written in double quotes (`""` is an empty but quoted field).
    @inlinable
    package func wasQuoted(_ i: Int) -> Bool {
        precondition(i >= 0 && i < count, "field index out of range")
        return fields[i].quoted
    }

    /// True when every field is empty (zero bytes): an empty line, `,,,` padding, or `"",""`.
    /// Whitespace is not blank.
    @inlinable
    package var isBlank: Bool {
        for i in 0..<count where fields[i].count != 0 { return false }
        return true
    }
}

// Public value types of the CSV/TSV reader: delimiters, encodings, what detection decided and why.

/// A field delimiter the reader can split on.
public enum Delimiter: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    case comma = 0x2C
    case semicolon = 0x3B
    case tab = 0x09
    case pipe = 0x7C

    /// Accepts the names a user would type on a command line: `comma`, `,`, `semicolon`, `;`,
    /// `tab`, `\t`, `pipe`, `|` (case-insensitive).
    public init?(name: String) {
        switch name.lowercased() {
        case "comma", ",": self = .comma
        case "semicolon", ";": self = .semicolon
        case "tab", "\\t", "\t", "tsv": self = .tab
        case "pipe", "|": self = .pipe
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .comma: "comma"
        case .semicolon: "semicolon"
        case .tab: "tab"
        case .pipe: "pipe"
        }
    }
}

/// A text encoding the reader can decode. The reader always hands out UTF-8.
public enum Encoding: String, Sendable, CaseIterable, CustomStringConvertible {
    case utf8 = "utf-8"
    case utf16LittleEndian = "utf-16le"
    case utf16BigEndian = "utf-16be"
    case windows1252 = "windows-1252"

    /// Accepts the usual spellings: `utf-8`, `utf8`, `utf-16le`, `utf-16be`, `windows-1252`, `cp1252`,
    /// `latin1`, `iso-8859-1` (the last two are decoded as Windows-1252, its superset in practice).
    public init?(name: String) {
        switch name.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "utf-16le", "utf16le", "utf-16", "utf16", "unicode": self = .utf16LittleEndian
        case "utf-16be", "utf16be": self = .utf16BigEndian
        case "windows-1252", "windows1252", "cp1252", "cp-1252", "latin1", "latin-1", "iso-8859-1", "iso8859-1":
            self = .windows1252
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16LittleEndian: "UTF-16LE"
        case .utf16BigEndian: "UTF-16BE"
        case .windows1252: "Windows-1252"
        }
    }
}

/// The encoding the reader decodes with, and how it was decided (for `kith inspect`).
package struct DetectedEncoding: Sendable, Equatable, CustomStringConvertible {
    package enum Method: Sendable, Equatable {
        /// Given in `Options.encoding`.
        case override
        /// A byte order mark at the start of the file (it is stripped).
        case byteOrderMark
        /// The sniffed start of the file is valid UTF-8 and contains non-ASCII text.
        case validUTF8
        /// The sniffed start of the file is plain ASCII; UTF-8 is assumed.
        case asciiOnly
        /// The sniffed start of the file is not valid UTF-8 (first bad byte at this 0-based offset),
        /// so it is read as Windows-1252.
        case invalidUTF8Fallback(byteOffset: Int)
        /// No byte order mark, but every other byte of the start is zero: UTF-16 without a BOM.
        case utf16ZeroBytePattern
    }

    package var encoding: Encoding
    package var method: Method
    /// Whether the input started with a byte order mark (stripped from the output).
    package var hadByteOrderMark: Bool
    /// How many bytes of the start of the input were looked at.
    package var sniffedBytes: Int
    /// Who gave an `override`: an option, or the container the text was made from.
    package var givenBy = "given as an option"

    package var description: String {
        let reason: String
        switch method {
        case .override: reason = givenBy
        case .byteOrderMark: reason = "byte order mark"
        case .validUTF8: reason = "the first \(sniffedBytes) bytes are valid UTF-8"
        case .asciiOnly: reason = "the first \(sniffedBytes) bytes are plain ASCII"
        case .invalidUTF8Fallback(let offset):
            reason = "not valid UTF-8 (byte \(offset)), so read as Windows-1252"
        case .utf16ZeroBytePattern: reason = "no byte order mark, but alternate bytes are zero"
        }
        return "\(encoding) (\(reason))"
    }
}

/// The delimiter the reader splits on, and how it was decided (for `kith inspect`).
package struct DetectedDelimiter: Sendable, Equatable, CustomStringConvertible {
    package enum Method: Sendable, Equatable {
        /// Given in `Options.delimiter`.
        case override
        /// The only (or the widest) candidate that splits every sampled record into the same
        /// number of fields, more than one.
        case consistentFieldCount(fields: Int, records: Int)
        /// No candidate was consistent; this one gives the most sampled records the same field
        /// count (more than one).
        case mostCommonFieldCount(fields: Int, records: Int, sampled: Int)
        /// No candidate split any sampled record: one column is assumed (comma, or tab for UTF-16).
        case singleColumn(sampled: Int)
    }

    package var delimiter: Delimiter
    package var method: Method
    /// Who gave an `override`: an option, or the container the text was made from.
    package var givenBy = "given as an option"

    package var description: String {
        switch method {
        case .override:
            return "\(delimiter) (\(givenBy))"
        case .consistentFieldCount(let fields, let records):
            return "\(delimiter) (\(fields) fields in each of the first \(records) records)"
        case .mostCommonFieldCount(let fields, let records, let sampled):
            return "\(delimiter) (\(fields) fields in \(records) of the first \(sampled) records; no delimiter gave a consistent count)"
        case .singleColumn(let sampled):
            return "\(delimiter) (no delimiter found in the first \(sampled) records; one column assumed)"
        }
    }
}

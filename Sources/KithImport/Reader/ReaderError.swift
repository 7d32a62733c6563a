import KithCore

/// An error reading a CSV/TSV file. It names the file (its display name), the 1-based line and
/// column (column = field number) where the problem is, and what was expected. It never contains
/// cell contents: respondent data must stay out of error messages and logs.
public struct ReaderError: Error, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A quoted field was still open at the end of the input. The location is its opening quote.
        case unterminatedQuote
        /// A record grew past `Options.maxRecordLength` bytes (almost always a missing closing
        /// quote). The location is the open quote if there is one, otherwise the record start.
        case recordTooLong(limit: Int)
        /// The input was judged UTF-8 (or UTF-8 was given) but this byte sequence is not valid UTF-8.
        /// The location is the offending byte. Suggests the Windows-1252 override.
        case invalidUTF8
        /// The file could not be opened (`errno`).
        case cannotOpen(errno: Int32)
        /// Reading failed (`errno`).
        case readFailed(errno: Int32)
    }

    public var kind: Kind
    /// The display name of the input (a path as given, `standard input`, or the name passed in).
    public var file: String
    /// 1-based physical line; nil for I/O errors.
    public var line: Int?
    /// 1-based field number within the record; nil for I/O errors.
    public var column: Int?
    /// 0-based byte offset in the input file, when known (UTF-8 input only; nil for transcoded
    /// input and I/O errors).
    public var byteOffset: Int?

    public init(kind: Kind, file: String, line: Int? = nil, column: Int? = nil, byteOffset: Int? = nil) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
    }

    public var description: String {
        var place = file
        if let line { place += ", line \(line)" }
        if let column { place += ", column \(column)" }
        if let byteOffset { place += " (byte \(byteOffset))" }
        switch kind {
        case .unterminatedQuote:
            return "\(place): expected a closing double quote (\") for the quoted field that starts here, but the input ended"
        case .recordTooLong(let limit):
            return
                "\(place): expected a record shorter than \(limit) bytes starting here; "
                + "most likely a quoted field is missing its closing double quote (\")"
        case .invalidUTF8:
            return
                "\(place): expected UTF-8 text, but found bytes that are not valid UTF-8 (the start of the file looked like UTF-8); "
                + "a file saved by Excel or another Windows program is often Windows-1252"
        case .cannotOpen(let code):
            return "\(place): cannot open: \(Self.message(code))"
        case .readFailed(let code):
            return "\(place): read failed: \(Self.message(code))"
        }
    }

    private static func message(_ code: Int32) -> String {
        Platform.errorMessage(code) ?? "error \(code)"
    }
}

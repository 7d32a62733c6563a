/// A problem reading a source file.
///
/// Messages name the file, line and column and say what was expected; they
/// never quote respondent answers, and never say which command-line option to use
/// (a program adds its own hints).
public enum ImportError: Error, Sendable, CustomStringConvertible {
    /// The file cannot be opened or read.
    case unreadable(file: String, reason: String)
    /// The file's content is not what its format requires.
    case malformed(file: String, line: Int?, column: Int?, expected: String)
    /// A problem in the user's map file.
    case map(path: String, String)
    /// The file does not contain what was asked for.
    case unusable(file: String, reason: Unusable)

    /// Why a readable file cannot be used.
    public enum Unusable: Sendable, Hashable, CustomStringConvertible {
        /// The file is empty or blank: there is no header row.
        case noHeaderRow
        /// A data dictionary was expected (REDCap's), and this is not one.
        case notADataDictionary
        /// The survey tool named is not one Kith reads.
        case unknownSource(String, known: [String])
        /// No column is an instrument item or a question of the file's own.
        case nothingToImport
        /// A workbook has no sheet by this name or number (`sheets` are its sheets), or, with no
        /// name, no sheet with rows.
        case sheet(String?, sheets: [String])
        /// No column was recognised as an instrument item; `columns` were read as `readAs`.
        case noInstrumentItems(columns: Int, readAs: String)

        public var description: String {
            switch self {
            case .noHeaderRow: "the file has no header row (it is empty or blank)"
            case .sheet(let name?, let sheets):
                "the workbook has no sheet '\(name)'; its sheets: \(sheets.enumerated().map { "\($0 + 1) '\($1)'" }.joined(separator: ", "))"
            case .sheet(nil, let sheets):
                sheets.isEmpty
                    ? "the workbook has no sheets"
                    : "no sheet of the workbook has rows; its sheets: \(sheets.map { "'\($0)'" }.joined(separator: ", "))"
            case .notADataDictionary: "not a REDCap data dictionary (its first column should be 'Variable / Field Name')"
            case .unknownSource(let name, let known): "unknown source '\(name)'; known: \(known.joined(separator: ", "))"
            case .nothingToImport: "no columns to import"
            case .noInstrumentItems(let columns, let readAs):
                "no column was recognised as an instrument item (\(columns) columns read as \(readAs))"
            }
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): "\(file): cannot read: \(reason)"
        case .malformed(let file, let line, let column, let expected):
            "\(file)\(line.map { ":\($0)" } ?? "")\(column.map { ":\($0)" } ?? ""): \(expected)"
        case .map(let path, let message): "\(path): \(message)"
        case .unusable(let file, let reason): "\(file): \(reason)"
        }
    }
}

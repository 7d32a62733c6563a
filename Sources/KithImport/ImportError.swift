/// A problem reading a source file.
///
/// Messages name the file, line and column and say what was expected; they
/// never quote respondent answers.
public enum ImportError: Error, Sendable, CustomStringConvertible {
    /// The file cannot be opened or read.
    case unreadable(file: String, reason: String)
    /// The file's content is not what its format requires.
    case malformed(file: String, line: Int?, column: Int?, expected: String)
    /// A problem in the user's `--map` file.
    case map(path: String, String)
    /// The file does not contain what was asked for.
    case unusable(file: String, reason: String)

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

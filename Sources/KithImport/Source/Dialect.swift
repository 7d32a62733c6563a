/// The layout of one survey tool's exports: how many header rows, what each
/// column is, and which rows are real responses.
///
/// Adding a survey tool means one type conforming to `Dialect` in
/// `Sources/KithImport/Dialects/`, listed in `Dialects.all`, one sample export
/// in `Samples/` and one test file.
public protocol Dialect: Sendable {
    /// Short name used by `--source` (e.g. `surveymonkey`).
    static var name: String { get }
    /// Name for people (e.g. "SurveyMonkey").
    static var title: String { get }
    /// How sure Kith can be that a file starting with these records is this
    /// tool's export: nil for "not this tool"; higher is surer (generic is 0).
    static func recognise(_ head: [[String]]) -> Int?
    /// Reads the header rows. `head` holds the file's first records (header
    /// rows and some data rows).
    init(head: [[String]], file: String) throws

    /// Number of records before the first data row.
    var headerRows: Int { get }
    var columns: [SourceColumn] { get }
    /// Answer codes this tool uses for "no answer" (e.g. -99 in Qualtrics).
    var missingCodes: Set<Int> { get }
    /// Labels this tool uses for "no answer".
    var missingLabels: [String] { get }
    /// The wave a row belongs to, for tools that encode it specially (REDCap events).
    func wave(_ text: String) -> String
    /// Whether a data row is a complete, partial or excluded response.
    func status(of record: borrowing CSVRecord) -> ResponseStatus
}

extension Dialect {
    public var missingCodes: Set<Int> { [] }
    public var missingLabels: [String] { [] }
    public func wave(_ text: String) -> String { text }
    public func status(of record: borrowing CSVRecord) -> ResponseStatus { .complete }
}

/// The dialects Kith knows, most specific first.
public enum Dialects {
    public static let all: [any Dialect.Type] = [GenericDialect.self]

    public static func named(_ name: String) -> (any Dialect.Type)? {
        all.first { $0.name == name.lowercased() }
    }

    /// The dialect that recognises `head` most surely (generic when none does).
    public static func detect(_ head: [[String]]) -> (dialect: any Dialect.Type, confidence: Int) {
        var best: (any Dialect.Type, Int) = (GenericDialect.self, 0)
        for dialect in all {
            if let confidence = dialect.recognise(head), confidence > best.1 { best = (dialect, confidence) }
        }
        return best
    }
}

/// The layout of one survey tool's exports: how many header rows, what each
/// column is, and which rows are real responses.
///
/// Adding a survey tool means one type `FooDialect` conforming to `Dialect`, in
/// `Sources/KithImport/Dialects/FooDialect.swift` and listed in `Dialects.all`, one
/// sample export in `Samples/` and one test file, `Tests/KithImportTests/FooDialectTests.swift`
/// (`DialectCatalogTests` checks all three).
package protocol Dialect: Sendable {
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
    /// Reads the header rows with the user's options (e.g. REDCap's `--dictionary`).
    /// The default calls `init(head:file:)`.
    static func make(head: [[String]], file: String, options: SourceOptions) throws -> Self

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

    /// The column holding a standard field (default: the first column with that role).
    func standardColumn(_ role: ColumnRole) -> Int?
    /// How day and month are ordered in this tool's dates (default: detect from the rows).
    var dateOrder: DateOrder { get }
    /// The time zone (an IANA name such as `UTC` or `Europe/London`) of a date column
    /// that carries no offset itself, when the tool documents one.
    func timeZone(ofColumn index: Int) -> String?
    /// How the tool joins the choices of a multi-select question in one cell (`", "`, `";"`).
    var multiSelectSeparator: String? { get }
    /// For one-column-per-choice layouts: the question and choice a column stands for.
    func choiceColumn(_ index: Int) -> (question: String, choice: String)?
    /// Code → label of a coded column, when the export comes with its codebook (REDCap dictionary).
    func codeLabels(ofColumn index: Int) -> [String: String]?
    /// What the dialect noticed about the file, for `kith inspect`.
    var notes: [String] { get }
    /// The text the tool writes in a time column of a response never submitted (REDCap's
    /// `[not completed]`): no time, not a time to read.
    var unfinishedTime: String? { get }
}

extension Dialect {
    package static func make(head: [[String]], file: String, options: SourceOptions) throws -> Self {
        try Self(head: head, file: file)
    }
    package var missingCodes: Set<Int> { [] }
    package var missingLabels: [String] { [] }
    package func wave(_ text: String) -> String { WaveName.normalise(text) }
    package func status(of record: borrowing CSVRecord) -> ResponseStatus { .complete }
    package func standardColumn(_ role: ColumnRole) -> Int? { columns.first { $0.role == role }?.index }
    package var dateOrder: DateOrder { .detect }
    package func timeZone(ofColumn index: Int) -> String? { nil }
    package var multiSelectSeparator: String? { nil }
    package func choiceColumn(_ index: Int) -> (question: String, choice: String)? { nil }
    package func codeLabels(ofColumn index: Int) -> [String: String]? { nil }
    package var notes: [String] { [] }
    package var unfinishedTime: String? { nil }
}

/// How day and month are ordered in a file's dates.
public enum DateOrder: String, Sendable, Hashable {
    /// Year first (`2026-03-15`, `2026/03/15`): ISO 8601 and Google Forms.
    case yearFirst = "year-month-day"
    /// `15/03/2026`: UK locale.
    case dayFirst = "day/month/year"
    /// `03/15/2026`: US locale (SurveyMonkey).
    case monthFirst = "month/day/year"
    /// Decide from the rows (a first part over 12 means day first; UK by default).
    case detect
}

/// The dialects Kith knows, most specific first.
package enum Dialects {
    package static let all: [any Dialect.Type] = [
        SurveyMonkeyDialect.self, QualtricsDialect.self, QualtricsLegacyDialect.self, GoogleFormsDialect.self,
        MicrosoftFormsDialect.self, SmartSurveyDialect.self, REDCapDialect.self, LimeSurveyDialect.self,
        TypeformDialect.self, KoboDialect.self, GenericDialect.self
    ]

    package static func named(_ name: String) -> (any Dialect.Type)? {
        let key = name.lowercased().replacingOccurrences(of: "_", with: "-")
        return all.first { $0.name == key || $0.name.replacingOccurrences(of: "-", with: "") == key }
    }

    /// The dialect that recognises `head` most surely (generic when none does).
    package static func detect(_ head: [[String]]) -> (dialect: any Dialect.Type, confidence: Int) {
        var best: (any Dialect.Type, Int) = (GenericDialect.self, 0)
        for dialect in all {
            if let confidence = dialect.recognise(head), confidence > best.1 { best = (dialect, confidence) }
        }
        return best
    }
}

/// Wave names as people type them, made comparable: "Baseline " → `baseline`,
/// "Follow up" / "follow-up" / "Follow-Up" → `follow-up`, "Wave 2" → `wave-2`.
package enum WaveName {
    package static func normalise(_ text: String) -> String {
        let words = TextKeyWords.words(text)
        guard !words.isEmpty else { return text.trimmingSpaces() }
        var joined = words.joined(separator: "-")
        if joined == "followup" { joined = "follow-up" }
        return joined
    }
}

/// Lower-case words of letters and digits (a cheap `TextKey` for short texts).
enum TextKeyWords {
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if character == "'" || character == "\u{2019}" {
                continue
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}

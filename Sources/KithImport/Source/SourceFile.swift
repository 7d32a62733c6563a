import KithCore

/// How to read a source file; everything is detected when left nil.
public struct SourceOptions: Sendable {
    /// A dialect name (`--source`), or nil to detect.
    public var dialect: String?
    public var delimiter: Delimiter?
    public var encoding: Encoding?
    public var map: ImportMap?
    /// Instruments to score (`--instrument`), or nil to detect from the columns.
    public var instruments: [String]?
    /// Data rows looked at to detect the dialect and check theme matches.
    public var sampleRows: Int
    /// Headers of direct-identifier columns to keep as questions (`--keep-column`).
    public var keepIdentifierColumns: [String] = []

    public init(dialect: String? = nil, delimiter: Delimiter? = nil, encoding: Encoding? = nil, map: ImportMap? = nil,
                instruments: [String]? = nil, sampleRows: Int = 200) {
        self.dialect = dialect
        self.delimiter = delimiter
        self.encoding = encoding
        self.map = map
        self.instruments = instruments
        self.sampleRows = sampleRows
    }
}

/// A survey export opened for reading: its encoding, delimiter and dialect
/// detected, its columns matched to instrument items. Reading streams the
/// rows once, in order, in constant memory.
public final class SourceFile {
    public let displayName: String
    public let encoding: DetectedEncoding
    public let delimiter: DetectedDelimiter
    public let dialect: any Dialect
    /// How the dialect was chosen, for `kith inspect`.
    public let dialectChoice: String
    public let matching: ColumnMatching
    /// Columns that are neither items nor standard fields: the file's own questions.
    public let questionColumns: [SourceColumn]
    public private(set) var tally = SourceTally()
    private let catalog: Catalog
    private let map: ImportMap?
    private var reader: CSVReader
    private var consumed = false

    /// Opens `path` (`-` for standard input).
    public convenience init(path: String, displayName: String? = nil, catalog: Catalog, options: SourceOptions = .init()) throws {
        let options_ = CSVReader.Options(delimiter: options.delimiter, encoding: options.encoding)
        try self.init(reader: CSVReader(path: path, displayName: displayName, options: options_), catalog: catalog, options: options)
    }

    /// Reads bytes held in memory.
    public convenience init(bytes: [UInt8], displayName: String, catalog: Catalog, options: SourceOptions = .init()) throws {
        let options_ = CSVReader.Options(delimiter: options.delimiter, encoding: options.encoding)
        try self.init(reader: CSVReader(bytes: bytes, displayName: displayName, options: options_), catalog: catalog, options: options)
    }

    private init(reader: consuming CSVReader, catalog: Catalog, options: SourceOptions) throws {
        self.displayName = reader.displayName
        self.encoding = reader.detectedEncoding
        self.delimiter = reader.detectedDelimiter
        let head = try reader.peekRows(30 + options.sampleRows)
        let dialectType: any Dialect.Type
        if let name = options.dialect {
            guard let named = Dialects.named(name) else {
                throw ImportError.unusable(file: reader.displayName, reason: "unknown source '\(name)'; known: \(Dialects.all.map { $0.name }.joined(separator: ", "))")
            }
            dialectType = named
            dialectChoice = "--source \(name)"
        } else {
            let detected = Dialects.detect(head)
            dialectType = detected.dialect
            dialectChoice = detected.confidence == 0 ? "no survey tool recognised: one header row" : "recognised from the header rows"
        }
        let dialect = try dialectType.init(head: head, file: reader.displayName)
        self.dialect = dialect
        self.catalog = catalog
        self.map = options.map
        self.reader = reader

        let kept = Set(options.keepIdentifierColumns.map { TextKey($0) })
        let questionLike = dialect.columns.filter { column in
            if column.role == .question { return true }
            if case .identifier = column.role { return kept.contains(TextKey(column.header)) }
            return false
        }
        let headers = dialect.columns.map { $0.role == .question ? $0.header : "" }
        let sample = head.dropFirst(dialect.headerRows).prefix(options.sampleRows).map { $0 }
        var matching = try ColumnMatcher(catalog: catalog, instruments: options.instruments, map: options.map)
            .match(headers: headers, sample: sample)
        matching.unmatched.removeAll { dialect.columns[$0].role != .question }
        self.matching = matching
        let matched = Set(matching.matches.map(\.column) + matching.ambiguous.map(\.column))
        self.questionColumns = questionLike.filter { !matched.contains($0.index) }
    }

    /// The scoring plan for the instruments found (or named).
    public func plan(missing: MissingPolicy? = nil, classifications: Set<String> = []) throws -> ScoringPlan {
        try ScoringPlan(catalog: catalog, instruments: matching.instruments, missing: missing, classifications: classifications)
    }

    /// Reads every data row, in order, and hands it to `body` as a response.
    ///
    /// - Parameter keepQuestions: also copy the cells of `questionColumns`.
    public func forEachResponse(plan: ScoringPlan, keepQuestions: Bool = false, _ body: (SourceResponse) throws -> Void) throws {
        precondition(!consumed, "a SourceFile is read once")
        consumed = true
        var decoders: [(column: Int, slot: Int, decoder: CellDecoder)] = []
        for match in matching.matches {
            guard let slot = plan.slot(of: match.item), let owner = catalog.owner(ofItem: match.item), let item = owner.item(match.item) else { continue }
            let resolver = OptionResolver(options: owner.options(of: item),
                                          missingCodes: dialect.missingCodes.union(map?.missingCodes ?? []),
                                          missingLabels: dialect.missingLabels + (map?.missingLabels ?? []),
                                          extraLabels: map?.extraLabels(for: match.item) ?? [:])
            decoders.append((match.column, slot, CellDecoder(resolver: resolver)))
        }
        let roles = Dictionary(dialect.columns.map { ($0.role, $0.index) }, uniquingKeysWith: { first, _ in first })
        let sourceColumn = roles[.sourceID], personColumn = roles[.person], waveColumn = roles[.wave]
        let startColumn = roles[.startTime], submitColumn = roles[.submitTime]
        let headerRows = dialect.headerRows
        let questionIndexes = questionColumns.map(\.index)
        var pendingBlank: [(row: Int, line: Int)] = []
        var tally = SourceTally()
        let empty = plan.emptyAnswers()

        func text(_ record: borrowing CSVRecord, _ column: Int?) -> String? {
            guard let column, column < record.count, !record[column].isEmpty else { return nil }
            let value = record.string(column).trimmingSpaces()
            return value.isEmpty ? nil : value
        }

        try reader.forEachRecord { record in
            guard record.index >= headerRows else { return }
            let row = record.index - headerRows + 1
            if record.isBlank {
                pendingBlank.append((row, record.line))
                return
            }
            for blank in pendingBlank {
                tally.rows += 1
                tally.excluded += 1
                try body(SourceResponse(row: blank.row, line: blank.line, status: .excluded("blank row"), answers: empty, questions: []))
            }
            pendingBlank.removeAll()
            var response = SourceResponse(row: row, line: record.line, status: dialect.status(of: record),
                                          sourceID: text(record, sourceColumn), person: text(record, personColumn),
                                          wave: text(record, waveColumn).map(dialect.wave), started: text(record, startColumn),
                                          submitted: text(record, submitColumn), answers: empty, questions: [])
            tally.rows += 1
            switch response.status {
            case .complete: tally.complete += 1
            case .partial: tally.partial += 1
            case .excluded: tally.excluded += 1
            }
            if !response.status.isExcluded {
                for index in decoders.indices {
                    let column = decoders[index].column
                    guard column < record.count else {
                        response.answers[decoders[index].slot] = .missing(.blank)  // a short (ragged) row
                        continue
                    }
                    let answer = decoders[index].decoder.decode(record[column])
                    response.answers[decoders[index].slot] = answer
                    if case .invalid(let invalid) = answer { tally.noteInvalid(column: column, text: invalid.text, row: row) }
                }
                if keepQuestions {
                    response.questions = questionIndexes.map { $0 < record.count ? record.string($0).trimmingSpaces() : "" }
                }
            }
            try body(response)
        }
        tally.trailingBlankRows = pendingBlank.count
        self.tally = tally
    }
}

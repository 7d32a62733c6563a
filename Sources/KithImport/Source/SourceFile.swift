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
    /// A codebook for coded exports (`--dictionary`: a REDCap data dictionary). When nil, a
    /// dictionary saved beside a REDCap export is used (and `kith inspect` says so).
    public var dictionary: String?
    /// Near-identical rows (same answers, same e-mail/name/person) submitted within this many
    /// seconds of each other are flagged as duplicates.
    public var duplicateWindow: Int
    /// A workbook's sheet to read, by name or by number counted from 1 (nil: the first whose
    /// header names instrument items).
    public var sheet: String?
    /// Whether `dictionary` was found beside the export rather than named.
    var dictionaryWasFound = false

    public init(
        dialect: String? = nil, delimiter: Delimiter? = nil, encoding: Encoding? = nil, map: ImportMap? = nil,
        instruments: [String]? = nil, sampleRows: Int = 200, dictionary: String? = nil, duplicateWindow: Int = 600
    ) {
        self.dialect = dialect
        self.delimiter = delimiter
        self.encoding = encoding
        self.map = map
        self.instruments = instruments
        self.sampleRows = sampleRows
        self.dictionary = dictionary
        self.duplicateWindow = duplicateWindow
    }
}

/// A survey export opened for reading: its encoding, delimiter and dialect
/// detected, its columns matched to instrument items. Reading streams the
/// rows once, in order, in constant memory.
public final class SourceFile {
    public let displayName: String
    package let encoding: DetectedEncoding
    package let delimiter: DetectedDelimiter
    package let dialect: any Dialect
    /// How the dialect was chosen, for `kith inspect`.
    public let dialectChoice: String
    /// How sure the detection was (0: no tool recognised).
    public let dialectConfidence: Int
    package let matching: ColumnMatching
    /// Columns that are neither items nor standard fields: the file's own questions.
    package let questionColumns: [SourceColumn]
    /// The same columns, classified (kind, options seen, possibly identifying), in the same order.
    package let questions: [QuestionColumn]
    /// How dates are read (day/month order decided from the rows when the tool does not fix it).
    public let dateOrder: DateOrder
    /// Things the user should know about how the file was read (for `kith inspect`).
    public private(set) var notes: [String] = []
    /// Data rows in the sample looked at for detection (for `kith inspect`).
    public let sample: [[String]]
    public private(set) var tally = SourceTally()
    private let catalog: Catalog
    private let map: ImportMap?
    private let options: SourceOptions
    private var reader: CSVReader
    private var consumed = false
    /// How much of the file has been read (for a progress bar while rows are read).
    package let progress: ReadProgress

    /// Number of header rows before the data.
    public var headerRows: Int { dialect.headerRows }

    /// Opens `path` (`-` for standard input): a CSV or tab-separated export, or an Excel workbook.
    public convenience init(path: String, displayName: String? = nil, catalog: Catalog, options: SourceOptions = .init()) throws {
        if path != "-", WorkbookSource.mayBeWorkbook(Self.firstBytes(of: path)) {
            let name = displayName ?? path
            let workbook = try WorkbookSource.read(path: path, displayName: name, sheet: options.sheet, catalog: catalog)
            var readerOptions = CSVReader.Options(delimiter: .comma, encoding: .utf8)
            readerOptions.firstLine = workbook.headerRow
            readerOptions.givenBy = "the workbook's cells, as Kith joins them"
            let reader = try CSVReader(bytes: workbook.csv, displayName: "\(name), sheet '\(workbook.sheet)'", options: readerOptions)
            try self.init(reader: reader, catalog: catalog, options: options)
            notes.insert(contentsOf: workbook.notes, at: 0)
            return
        }
        let readerOptions = CSVReader.Options(delimiter: options.delimiter, encoding: options.encoding)
        var options = options
        if options.dictionary == nil, path != "-", let found = REDCapDictionary.besideExport(path) {
            options.dictionary = found
            options.dictionaryWasFound = true
        }
        try self.init(reader: CSVReader(path: path, displayName: displayName, options: readerOptions), catalog: catalog, options: options)
    }

    /// Reads bytes held in memory.
    public convenience init(bytes: [UInt8], displayName: String, catalog: Catalog, options: SourceOptions = .init()) throws {
        let readerOptions = CSVReader.Options(delimiter: options.delimiter, encoding: options.encoding)
        try self.init(reader: CSVReader(bytes: bytes, displayName: displayName, options: readerOptions), catalog: catalog, options: options)
    }

    private init(reader: consuming CSVReader, catalog: Catalog, options: SourceOptions) throws {
        self.displayName = reader.displayName
        self.progress = reader.progress
        self.encoding = reader.detectedEncoding
        self.delimiter = reader.detectedDelimiter
        let head = try reader.peekRows(30 + options.sampleRows)
        let dialectType: any Dialect.Type
        if let name = options.dialect {
            guard let named = Dialects.named(name) else {
                throw ImportError.unusable(file: reader.displayName, reason: .unknownSource(name, known: Dialects.all.map { $0.name }))
            }
            dialectType = named
            dialectChoice = "named: \(name)"
            dialectConfidence = 100
        } else {
            let detected = Dialects.detect(head)
            dialectType = detected.dialect
            dialectConfidence = detected.confidence
            dialectChoice = detected.confidence == 0 ? "no survey tool recognised: read as one header row" : "recognised from the header rows"
        }
        let dialect = try dialectType.make(head: head, file: reader.displayName, options: options)
        self.dialect = dialect
        self.catalog = catalog
        self.map = options.map
        self.options = options
        self.reader = reader

        let sample = Array(head.dropFirst(dialect.headerRows).prefix(options.sampleRows).filter { row in row.contains { !$0.isEmpty } })
        self.sample = sample
        // Evidence for theme matches is read through the codebook, where there is one.
        let evidence = sample.map { row in
            row.enumerated().map { index, cell in dialect.codeLabels(ofColumn: index)?[cell.trimmingSpaces()] ?? cell }
        }
        let questionLike = dialect.columns.filter { $0.role == .question && dialect.choiceColumn($0.index) == nil }
        let headers = dialect.columns.map { questionLike.contains($0) ? $0.header : "" }
        var matching = try ColumnMatcher(catalog: catalog, instruments: options.instruments, map: options.map)
            .match(headers: headers, sample: evidence, names: dialect.columns.map { questionLike.contains($0) ? $0.name : nil })
        matching.unmatched.removeAll { dialect.columns[$0].role != .question }
        self.matching = matching
        let matched = Set(matching.matches.map(\.column) + matching.ambiguous.map(\.column))
        // Columns the map names as standard fields, or ignores (null), are not the file's questions.
        let unmatched = Set(matching.unmatched)
        let fieldColumns = Set(ImportMap.fieldNames.compactMap { options.map?.field($0, dialect) })
        let kept = Set(options.keepIdentifierColumns.map { TextKey($0) })
        let others = dialect.columns.filter {
            if case .identifier = $0.role { return kept.contains(TextKey($0.header)) } // --keep-column
            return $0.role == .question && !matched.contains($0.index) && !fieldColumns.contains($0.index)
                && (unmatched.contains($0.index) || dialect.choiceColumn($0.index) != nil)
        }
        self.questionColumns = others
        self.questions = others.map { column in
            QuestionClassifier.classify(column, values: sample.map { column.index < $0.count ? $0[column.index] : "" }, dialect: dialect)
        }

        // Day/month order, from the dates in the sample when the tool does not fix it.
        var order = dialect.dateOrder
        if order == .detect {
            var dayFirst = false
            var monthFirst = false
            var slashed = false
            for role in [ColumnRole.startTime, .submitTime] {
                guard let column = dialect.standardColumn(role) else { continue }
                for row in sample where column < row.count {
                    guard let (first, second) = TimestampParser.slashedPair(row[column]) else { continue }
                    slashed = true
                    if first > 12 { dayFirst = true }
                    if second > 12 { monthFirst = true }
                }
            }
            order = monthFirst && !dayFirst ? .monthFirst : .dayFirst
            if slashed && !dayFirst && !monthFirst {
                notes.append("Dates could be read as day/month or month/day; read as day/month (UK). Name the survey tool if it writes US dates.")
            }
        }
        self.dateOrder = order
        notes += dialect.notes
    }

    /// The scoring plan for the instruments found (or named).
    public func plan(missing: MissingPolicy? = nil, classifications: Set<String> = []) throws -> ScoringPlan {
        try ScoringPlan(catalog: catalog, instruments: matching.instruments, missing: missing, classifications: classifications)
    }

    /// A parser for one of the file's date columns.
    package func timestampParser(column: Int) -> TimestampParser {
        TimestampParser(order: dateOrder, zone: dialect.timeZone(ofColumn: column))
    }

    /// Reads every data row, in order, and hands it to `body` as a response.
    ///
    /// - Parameter keepQuestions: also copy the cells of `questionColumns`.
    package func forEachResponse(plan: ScoringPlan, keepQuestions: Bool = false, _ body: (SourceResponse) throws -> Void) throws {
        let startColumn = dialect.standardColumn(.startTime)
        let submitColumn = dialect.standardColumn(.submitTime)
        let startParser = startColumn.map { timestampParser(column: $0) }
        let submitParser = submitColumn.map { timestampParser(column: $0) }
        let questionIndexes = questionColumns.map(\.index)
        try run(plan: plan) { record, raw in
            var response = SourceResponse(
                row: raw.row, line: raw.line, status: raw.status,
                sourceID: raw.sourceID.isEmpty ? nil : String(decoding: raw.sourceID, as: UTF8.self),
                person: raw.person.isEmpty ? nil : String(decoding: raw.person, as: UTF8.self),
                wave: raw.wave, answers: Array(raw.answers), questions: [], duplicateOf: raw.duplicateOf,
                duplicateReason: raw.duplicateReason)
            if raw.hasRecord {
                response.started = SourceFile.text(record, startColumn)
                response.submitted = SourceFile.text(record, submitColumn)
                response.startedAt = response.started.flatMap { SourceFile.isTimestampPlaceholder($0) ? nil : startParser?.parse($0) }
                response.submittedAt = response.submitted.flatMap { SourceFile.isTimestampPlaceholder($0) ? nil : submitParser?.parse($0) }
                if keepQuestions, !raw.status.isExcluded {
                    response.questions = questionIndexes.map { $0 < record.count ? record.string($0).trimmingSpaces() : "" }
                }
            }
            try body(response)
        }
    }

    /// Reads every data row, in order, without copying its text: the fast path for scoring.
    package func forEachRawResponse(plan: ScoringPlan, _ body: (borrowing RawResponse) throws -> Void) throws {
        try run(plan: plan) { record, raw in
            let response = RawResponse(
                row: raw.row, line: raw.line, status: raw.status, duplicateOf: raw.duplicateOf,
                answers: raw.answers, sourceID: raw.sourceID, person: raw.person, wave: raw.wave, waveIndex: raw.waveIndex,
                fields: raw.hasRecord ? record.fields : nil, fieldCount: raw.hasRecord ? record.count : 0)
            try body(response)
        }
    }

    static func text(_ record: borrowing CSVRecord, _ column: Int?) -> String? {
        guard let column, column < record.count else { return nil }
        let bytes = record[column].trimmedSpaces()
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    static func isTimestampPlaceholder(_ text: String) -> Bool { text.hasPrefix("[") }

    /// One row's state in the shared loop.
    struct RowState {
        var row = 0
        var line = 0
        var status = ResponseStatus.complete
        var duplicateOf: Int?
        var duplicateReason: String?
        var answers = UnsafeBufferPointer<ItemAnswer>(start: nil, count: 0)
        var sourceID = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var person = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var wave: String?
        var waveIndex = -1
        /// False for blank rows (handed out with the next row's record, which they must not read).
        var hasRecord = true
    }

    private static var empty: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: nil, count: 0) }

    /// The one loop over the rows: status, standard fields, answers, duplicates, tally.
    private func run(plan: ScoringPlan, _ body: (borrowing CSVRecord, inout RowState) throws -> Void) throws {
        precondition(!consumed, "a SourceFile is read once")
        consumed = true
        var decoderColumns: [Int] = []
        var decoderSlots: [Int] = []
        var cellDecoders: [CellDecoder] = []
        for match in matching.matches {
            guard let slot = plan.slot(of: match.item), let owner = catalog.owner(ofItem: match.item), let item = owner.item(match.item) else {
                continue
            }
            let options = owner.options(of: item)
            let conventional = (map?.conventionalMissingCodes ?? true) ? ConventionalMissing.codes(for: options) : []
            let missingCodes = dialect.missingCodes.union(map?.missingCodes ?? []).union(conventional)
            // Map labels given for the item or any item that is the same question (swemwbs_1 is wemwbs_1).
            var labels = map?.labels["*"] ?? [:]
            for (id, pairs) in map?.labels ?? [:] where id != "*" && catalog.canonicalItem(id) == match.item { labels.merge(pairs) { _, own in own } }
            let resolver = OptionResolver(
                options: options, missingCodes: missingCodes,
                missingLabels: dialect.missingLabels + (map?.missingLabels ?? []), extraLabels: labels)
            let recodes = Dictionary(labels.map { (TextKey($0.key).value, $0.value) }, uniquingKeysWith: { a, _ in a })
            decoderColumns.append(match.column)
            decoderSlots.append(slot)
            cellDecoders.append(
                CellDecoder(resolver: resolver, recodes: recodes, codeLabels: dialect.codeLabels(ofColumn: match.column), missingCodes: missingCodes))
        }
        let personColumn = map?.field("person", dialect) ?? dialect.standardColumn(.person)
        let waveColumn = map?.field("wave", dialect) ?? dialect.standardColumn(.wave)
        // With no response id and no wave, each row is its person's one response: the person id is its id too.
        let sourceColumn = map?.field("id", dialect) ?? dialect.standardColumn(.sourceID) ?? (waveColumn == nil ? personColumn : nil)
        let submitColumn = dialect.standardColumn(.submitTime) ?? dialect.standardColumn(.startTime)
        let submitParser = submitColumn.map { timestampParser(column: $0) }
        let exclusions = map?.exclusions(dialect) ?? []
        let headerRows = dialect.headerRows
        let window = Int64(options.duplicateWindow)

        // Near-identical rows are judged on everything but ids, times and tool bookkeeping,
        // and only where the file says who answered (e-mail, name, IP, person id).
        let identityColumns = dialect.columns.filter {
            if case .identifier(let kind) = $0.role { return kind != .location }
            return $0.role == .person
        }.map(\.index)
        let answerColumns = dialect.columns.filter {
            switch $0.role {
            case .question, .identifier, .person, .wave: return true
            default: return false
            }
        }.map(\.index)
        let nearDuplicates = !identityColumns.isEmpty
        var ids = IDIndex()
        var rowsSeen = HashRows()
        var waveKeys: [[UInt8]] = []
        var waveNames: [String] = []
        // A generic file without a status column has nothing for `status(of:)` to read.
        let checksStatus = !(dialect is GenericDialect) || dialect.standardColumn(.status) != nil

        var pendingBlank: [(row: Int, line: Int)] = []
        var tally = SourceTally()
        // Answers live in one buffer reused for every row (handed out as a span, copied only on demand).
        let slotCount = plan.slots.count
        let answerBuffer = UnsafeMutableBufferPointer<ItemAnswer>.allocate(capacity: max(1, slotCount))
        answerBuffer.initialize(repeating: .missing(.notAsked))
        let emptyBuffer = UnsafeMutableBufferPointer<ItemAnswer>.allocate(capacity: max(1, slotCount))
        emptyBuffer.initialize(repeating: .missing(.notAsked))
        defer {
            answerBuffer.deinitialize()
            answerBuffer.deallocate()
            emptyBuffer.deinitialize()
            emptyBuffer.deallocate()
        }
        let answers = UnsafeBufferPointer(rebasing: answerBuffer[0..<slotCount])
        let emptyAnswers = UnsafeBufferPointer(rebasing: emptyBuffer[0..<slotCount])
        var state = RowState()
        state.answers = answers

        // Immutable copies: the loop reads them once per cell, with no exclusivity checks.
        let itemColumns = decoderColumns
        let itemSlots = decoderSlots
        try cellDecoders.withUnsafeMutableBufferPointer { decoders in
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
                    tally.excludedReasons["blank row", default: 0] += 1
                    var blankState = RowState()
                    blankState.row = blank.row
                    blankState.line = blank.line
                    blankState.status = .excluded("blank row")
                    blankState.answers = emptyAnswers
                    blankState.hasRecord = false
                    try body(record, &blankState)
                }
                pendingBlank.removeAll()

                state.row = row
                state.line = record.line
                state.status = checksStatus ? dialect.status(of: record) : .complete
                for exclusion in exclusions where exclusion.column < record.count {
                    let cell = record[exclusion.column].trimmedSpaces()
                    if !state.status.isExcluded, exclusion.values.contains(where: { $0.elementsEqual(cell) }) {
                        state.status = .excluded(exclusion.reason)
                    }
                }
                state.duplicateOf = nil
                state.duplicateReason = nil
                state.sourceID = sourceColumn.map { $0 < record.count ? record[$0].trimmedSpaces() : SourceFile.empty } ?? SourceFile.empty
                state.person = personColumn.map { $0 < record.count ? record[$0].trimmedSpaces() : SourceFile.empty } ?? SourceFile.empty
                state.wave = nil
                state.waveIndex = -1
                if let waveColumn, waveColumn < record.count {
                    let bytes = record[waveColumn].trimmedSpaces()
                    if !bytes.isEmpty {
                        var found = -1
                        for index in 0..<waveKeys.count where sameBytes(waveKeys[index], bytes) {
                            found = index
                            break
                        }
                        if found >= 0 {
                            state.wave = waveNames[found]
                            state.waveIndex = found
                        } else {
                            let name = dialect.wave(String(decoding: bytes, as: UTF8.self))
                            if waveKeys.count < 64 {
                                state.waveIndex = waveKeys.count
                                waveKeys.append(Array(bytes))
                                waveNames.append(name)
                            }
                            state.wave = name
                        }
                    }
                }
                tally.rows += 1
                switch state.status {
                case .complete: tally.complete += 1
                case .partial: tally.partial += 1
                case .excluded(let reason):
                    tally.excluded += 1
                    tally.excludedReasons[reason, default: 0] += 1
                }
                if state.status.isExcluded {
                    state.answers = emptyAnswers
                } else {
                    state.answers = answers
                    let fieldCount = record.count
                    for index in 0..<decoders.count {
                        let column = itemColumns[index]
                        guard column < fieldCount else {
                            answerBuffer[itemSlots[index]] = .missing(.blank) // a short (ragged) row
                            continue
                        }
                        let answer = decoders[index].decode(record[column])
                        answerBuffer[itemSlots[index]] = answer
                        switch answer {
                        case .code: break
                        case .invalid(let invalid): tally.noteInvalid(column: column, text: invalid.text, row: row)
                        case .missing(.missingCode(let code)): tally.noteMissingCode(column: column, code: code, row: row)
                        case .missing: break
                        }
                    }
                    // Duplicates: a repeated response id (within a wave), or the same answers from the same person soon after.
                    if !state.sourceID.isEmpty {
                        let wave = waveColumn.map { $0 < record.count ? record[$0].trimmedSpaces() : SourceFile.empty } ?? SourceFile.empty
                        if let first = ids.firstRow(id: state.sourceID, wave: wave, row: row) {
                            state.duplicateOf = first
                            state.duplicateReason = "same response id"
                        }
                    }
                    if nearDuplicates, state.duplicateOf == nil {
                        var identified = false
                        for column in identityColumns where column < record.count {
                            let cell = record[column].trimmedSpaces()
                            if !cell.isEmpty, !(cell.count == 9 && String(decoding: cell, as: UTF8.self).lowercased() == "anonymous") {
                                identified = true
                                break
                            }
                        }
                        if identified {
                            var hash = FNV()
                            for column in answerColumns { hash.add(column < record.count ? record[column].trimmedSpaces() : SourceFile.empty) }
                            var time = Int64.min
                            if let submitColumn, submitColumn < record.count, let seconds = submitParser?.parse(bytes: record[submitColumn]).seconds {
                                time = Int64(seconds)
                            }
                            if let previous = rowsSeen.exchange(hash.value, row: row, time: time) {
                                let known = time != Int64.min && previous.time != Int64.min
                                if !known || abs(time - previous.time) <= window {
                                    state.duplicateOf = previous.row
                                    state.duplicateReason =
                                        known ? "same answers and respondent \(abs(time - previous.time)) s later" : "same answers and respondent"
                                }
                            }
                        }
                    }
                    if let first = state.duplicateOf {
                        tally.duplicates += 1
                        tally.duplicateRows.append((row, first, state.duplicateReason ?? "duplicate"))
                        if tally.duplicateRows.count > 1000 { tally.duplicateRows.removeFirst() }
                    }
                }
                try body(record, &state)
            }
        }
        tally.trailingBlankRows = pendingBlank.count
        self.tally = tally
    }
}

extension SourceFile {
    /// The instruments whose items the file holds (or those named), in catalog order.
    public var instruments: [String] { matching.instruments }

    /// How the file was read: survey tool, encoding and delimiter ("SurveyMonkey, utf-8, comma").
    public var reading: String { "\(type(of: dialect).title), \(encoding.encoding), \(delimiter.delimiter)" }

    /// The survey tool whose export this is, as named for the user (`surveymonkey`) and for people (`SurveyMonkey`).
    package var tool: (name: String, title: String) { (type(of: dialect).name, type(of: dialect).title) }
}

extension SourceFile {
    /// The first bytes of a file, to tell a workbook (a ZIP package) from text; none when unreadable
    /// (the CSV reader then says why).
    static func firstBytes(of path: String) -> [UInt8] {
        guard let descriptor = try? Platform.openForReading(path) else { return [] }
        var bytes = [UInt8](repeating: 0, count: 8)
        let count = bytes.withUnsafeMutableBytes { (try? Platform.read(from: descriptor, into: $0, path: path)) ?? 0 }
        try? Platform.close(descriptor, path: path)
        return Array(bytes.prefix(count))
    }
}

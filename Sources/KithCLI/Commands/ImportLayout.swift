import Kith

/// How a source file's columns become the survey's questions in the store,
/// and each row a stored response (read on the fast path: no copies of cells
/// that repeat).
struct ImportLayout {
    var questions: [ImportQuestion] = []
    /// Headers of direct-identifier columns not stored.
    var dropped: [String] = []
    /// Plan slot of each instrument-item question (the first questions).
    private var itemSlots: [Int] = []
    /// The file's own questions (the rest), with their columns.
    private var locals: [QuestionColumn] = []
    /// Column of a Provider question, if any.
    private var providerColumn: Int?
    private let startColumn: Int?
    private let submitColumn: Int?
    private let startParser: TimestampParser?
    private let submitParser: TimestampParser?

    init(source: SourceFile, plan: ScoringPlan, keep: [String]) {
        for match in source.matching.matches {
            guard let slot = plan.slot(of: match.item) else { continue }
            questions.append(ImportQuestion(key: match.item, text: match.header, item: match.item, kind: "item", identifying: false))
            itemSlots.append(slot)
        }
        var keys = Set(questions.map(\.key))
        let kept = Set(keep.map { TextKey($0) })
        let providerHeaders: Set<String> = ["provider", "service provider", "contract", "service", "organisation", "organization"]
        for question in source.questions {
            // Identifiers asked as questions (name, e-mail, postcode…) are dropped like identifier columns.
            if question.kind == .identifier, !kept.contains(TextKey(question.header)) {
                dropped.append(question.header)
                continue
            }
            var key = TextKey(question.header).value
            if key.isEmpty { key = "column \(question.index + 1)" }
            var unique = key
            var counter = 2
            while keys.contains(unique) { unique = "\(key) #\(counter)"; counter += 1 }
            keys.insert(unique)
            var identifying = question.possiblyIdentifying
            if case .identifier = question.column.role { identifying = true }
            let details = QuestionDetails(separator: question.separator, question: question.question, choice: question.choice, options: question.options)
            questions.append(ImportQuestion(key: unique, text: question.header, item: nil, kind: question.kind.rawValue, identifying: identifying, details: details))
            locals.append(question)
            if providerColumn == nil, providerHeaders.contains(key) { providerColumn = question.index }
        }
        for column in source.dialect.columns {
            if case .identifier = column.role, !kept.contains(TextKey(column.header)) { dropped.append(column.header) }
        }
        startColumn = source.dialect.standardColumn(.startTime)
        submitColumn = source.dialect.standardColumn(.submitTime)
        startParser = startColumn.map { source.timestampParser(column: $0) }
        submitParser = submitColumn.map { source.timestampParser(column: $0) }
    }

    /// Adds one row to the import, built in place in the session.
    func add(_ raw: borrowing RawResponse, plan: ScoringPlan, session: ImportSession, wave: String?, provider: String?,
             providers: inout TextTable<String>) throws {
        for (index, slot) in itemSlots.enumerated() {
            switch raw.answers[slot] {
            case .code(let code): session.setAnswer(.code(code), question: index)
            case .missing(.missingCode(let code)): session.setAnswer(.missingCode(code), question: index)
            case .missing: break
            case .invalid(let invalid): session.setAnswer(.invalid(invalid.text), question: index)
            }
        }
        for (index, question) in locals.enumerated() {
            let cell = raw.cell(question.index)
            if cell.isEmpty { continue }
            if let labels = question.codeLabels {
                let text = String(decoding: cell, as: UTF8.self)
                session.setAnswer(.text(labels[text] ?? text), question: itemSlots.count + index)
            } else {
                try session.setAnswer(cell: cell, question: itemSlots.count + index)
            }
        }
        var providerText = provider
        if providerText == nil, let providerColumn {
            let cell = raw.cell(providerColumn)
            if !cell.isEmpty { providerText = providers.value(of: cell) { String(decoding: $0, as: UTF8.self) } }
        }
        func time(_ field: ImportSession.TimeField, _ column: Int?, _ parser: TimestampParser?) {
            guard let column, let parser else { return }
            let cell = raw.cell(column)
            guard !cell.isEmpty, cell.first != UInt8(ascii: "[") else { return }  // REDCap's "[not completed]"
            session.setTime(field) { parser.appendStoredText(bytes: cell, to: &$0) }
        }
        time(.started, startColumn, startParser)
        time(.submitted, submitColumn, submitParser)
        var partial = false
        if case .partial = raw.status { partial = true }
        try session.commitRow(sourceRow: raw.row, sourceID: raw.sourceID, personID: raw.person, wave: wave ?? raw.wave, provider: providerText,
                              partial: partial, flag: raw.duplicateOf.map { "possible duplicate of row \($0)" },
                              scoring: plan, answers: raw.answers)
    }
}

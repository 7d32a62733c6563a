import KithCore
import KithImport
import KithStore

/// How a source file's columns become the survey's questions in the store,
/// and each row a stored response (read on the fast path: no copies of cells
/// that repeat).
package struct ImportLayout {
    package var questions: [ImportQuestion] = []
    /// Headers of direct-identifier columns not stored.
    package var dropped: [String] = []
    /// Plan slot of each instrument-item question (the first questions).
    private var itemSlots: [Int] = []
    /// The file's own questions (the rest): their columns, and the codebook of those that
    /// have one (kept apart from the questions, so a row copies none of their texts).
    private var localColumns: [Int] = []
    private var localLabels: [Int: [String: String]] = [:]
    /// Column of a Provider question, if any.
    private var providerColumn: Int?
    private let startColumn: Int?
    private let submitColumn: Int?
    private let startParser: TimestampParser?
    private let submitParser: TimestampParser?
    /// What the tool writes in a time column for a response never submitted (REDCap's `[not completed]`).
    private let unfinishedTime: [UInt8]?

    package init(source: SourceFile, plan: ScoringPlan, keep: [String]) {
        for match in source.matching.matches {
            guard let slot = plan.slot(of: match.item) else { continue }
            questions.append(ImportQuestion(key: match.item, text: match.header, item: match.item, kind: .item, identifying: false))
            itemSlots.append(slot)
        }
        var keys = Set(questions.map(\.key))
        let kept = Set(keep.map { TextKey($0) })
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
            while keys.contains(unique) {
                unique = "\(key) #\(counter)"
                counter += 1
            }
            keys.insert(unique)
            var identifying = question.possiblyIdentifying
            if case .identifier = question.column.role { identifying = true }
            let details = QuestionDetails(
                separator: question.separator, question: question.question, choice: question.choice, options: question.options)
            questions.append(
                ImportQuestion(
                    key: unique, text: question.header, item: nil, kind: question.kind,
                    identifying: identifying, details: details))
            if let labels = question.codeLabels { localLabels[localColumns.count] = labels }
            localColumns.append(question.index)
            if providerColumn == nil, ProviderColumn.isHeader(question.header) { providerColumn = question.index }
        }
        for column in source.dialect.columns {
            if case .identifier = column.role, !kept.contains(TextKey(column.header)) { dropped.append(column.header) }
        }
        startColumn = source.dialect.standardColumn(.startTime)
        submitColumn = source.dialect.standardColumn(.submitTime)
        startParser = startColumn.map { source.timestampParser(column: $0) }
        submitParser = submitColumn.map { source.timestampParser(column: $0) }
        unfinishedTime = source.dialect.unfinishedTime.map { Array($0.utf8) }
    }

    /// Adds one row to the import, built in place in the session.
    package func add(
        _ raw: borrowing RawResponse, plan: ScoringPlan, session: ImportSession, wave: String?, provider: String?,
        providers: inout TextTable<String>
    ) throws {
        for (index, slot) in itemSlots.enumerated() {
            switch raw.answers[slot] {
            case .code(let code): session.setAnswer(.code(code), question: index)
            case .missing(.missingCode(let code)): session.setAnswer(.missingCode(code), question: index)
            case .missing: break
            case .invalid(let invalid): session.setAnswer(.invalid(invalid.text), question: index)
            }
        }
        for (index, column) in localColumns.enumerated() {
            let cell = raw.cell(column)
            if cell.isEmpty { continue }
            if !localLabels.isEmpty, let labels = localLabels[index] {
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
        // The parsers are used where they are stored: a copy would retain their zone's texts every row.
        if let startColumn, let cell = timeCell(raw.cell(startColumn)) {
            session.setTime(.started) { startParser?.appendStoredText(bytes: cell, to: &$0) }
        }
        if let submitColumn, let cell = timeCell(raw.cell(submitColumn)) {
            session.setTime(.submitted) { submitParser?.appendStoredText(bytes: cell, to: &$0) }
        }
        var partial = false
        if case .partial = raw.status { partial = true }
        try session.commitRow(
            sourceRow: raw.row, sourceID: raw.sourceID, personID: raw.person, wave: wave ?? raw.wave, provider: providerText,
            partial: partial, flag: raw.duplicateOf.map { "possible duplicate of row \($0)" },
            scoring: plan, answers: raw.answers)
    }

    /// A time cell worth storing: not blank, not the tool's text for "never submitted".
    private func timeCell(_ cell: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        if cell.isEmpty { return nil }
        if let unfinishedTime, cell.elementsEqual(unfinishedTime) { return nil }
        return cell
    }
}

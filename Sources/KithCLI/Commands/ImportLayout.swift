import Kith

/// How a source file's columns become the survey's questions in the store.
struct ImportLayout {
    var questions: [ImportQuestion] = []
    /// Headers of direct-identifier columns not stored.
    var dropped: [String] = []
    /// Plan slot of each instrument-item question (the first questions).
    private var itemSlots: [Int] = []
    /// Index into `SourceResponse.questions` of each of the file's own questions (the rest).
    private var localCells: [Int] = []
    /// Index into `SourceResponse.questions` of a Provider column, if any.
    private var providerCell: Int?

    init(source: SourceFile, plan: ScoringPlan, keep: [String]) {
        for match in source.matching.matches {
            guard let slot = plan.slot(of: match.item) else { continue }
            questions.append(ImportQuestion(key: match.item, text: match.header, item: match.item, kind: "item", identifying: false))
            itemSlots.append(slot)
        }
        var keys = Set(questions.map(\.key))
        let providerHeaders: Set<String> = ["provider", "service provider", "contract", "service", "organisation", "organization"]
        for (index, column) in source.questionColumns.enumerated() {
            var key = TextKey(column.header).value
            if key.isEmpty { key = "column \(column.index + 1)" }
            var unique = key
            var counter = 2
            while keys.contains(unique) { unique = "\(key) #\(counter)"; counter += 1 }
            keys.insert(unique)
            var identifying = false
            if case .identifier = column.role { identifying = true }
            questions.append(ImportQuestion(key: unique, text: column.header, item: nil, kind: identifying ? "text" : "auto", identifying: identifying))
            localCells.append(index)
            if providerCell == nil, providerHeaders.contains(key) { providerCell = index }
        }
        let kept = Set(keep.map { TextKey($0) })
        for column in source.dialect.columns {
            if case .identifier = column.role, !kept.contains(TextKey(column.header)) { dropped.append(column.header) }
        }
    }

    func row(_ response: SourceResponse, plan: ScoringPlan, wave: String?, provider: String?) -> ImportRow {
        var answers: [ImportAnswer?] = []
        answers.reserveCapacity(questions.count)
        for slot in itemSlots {
            switch response.answers[slot] {
            case .code(let code): answers.append(.code(code))
            case .missing(.missingCode(let code)): answers.append(.missingCode(code))
            case .missing: answers.append(nil)
            case .invalid(let invalid): answers.append(.invalid(invalid.text))
            }
        }
        for cell in localCells {
            let text = cell < response.questions.count ? response.questions[cell] : ""
            answers.append(text.isEmpty ? nil : .text(text))
        }
        let providerText = provider ?? providerCell.flatMap { $0 < response.questions.count && !response.questions[$0].isEmpty ? response.questions[$0] : nil }
        var partial = false
        if case .partial = response.status { partial = true }
        return ImportRow(sourceRow: response.row, sourceID: response.sourceID, personID: response.person, wave: wave ?? response.wave,
                         provider: providerText, startedAt: response.started, submittedAt: response.submitted, partial: partial,
                         flag: response.duplicateOf.map { "possible duplicate of row \($0)" },
                         answers: answers, scores: plan.score(response.answers).map(Store.stored))
    }
}

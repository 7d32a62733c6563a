import KithCore

/// What `rescore` did.
public struct RescoreReport: Sendable {
    public var survey: String
    public var responses: Int
    /// Responses whose scores changed.
    public var changed: Int
    /// The scoring now recorded for every response of the survey.
    public var scales: [ScaleScoring]
    /// Scorings replaced, as recorded before.
    public var previous: [[ScaleScoring]]
}

extension Store {
    /// The instruments whose items a survey's questions are.
    public func instruments(of survey: Survey, catalog: Catalog) throws -> [String] {
        var ids: [String] = []
        for question in try questions(survey: survey) {
            guard let item = question.item, let owner = catalog.owner(ofItem: item) else { continue }
            if !ids.contains(owner.id) { ids.append(owner.id) }
        }
        let recorded = try db.query(
            """
            SELECT DISTINCT s.scales FROM scoring s JOIN response_block b ON b.scoring_id = s.id WHERE b.survey_id = ?
            """, survey.id
        ) { $0.string(at: 0) ?? "" }.joined()
        // Instruments scored at import (an adult ONS file also matches some children's items; keep what was chosen).
        let scored = catalog.instruments.map(\.id).filter { recorded.contains("\"\($0).") }
        return scored.isEmpty ? ids : scored
    }

    /// Scores every response of a survey again from its stored answers, with the
    /// definitions in `catalog` (e.g. after a definition changed), recording the
    /// versions and policy used. Answers that were not options are read again,
    /// so a label a newer definition knows is now scored.
    public func rescore(survey name: String, catalog: Catalog, missing: MissingPolicy? = nil) throws -> RescoreReport {
        let survey = try survey(named: name)
        let questions = try questions(survey: survey)
        let instruments = try instruments(of: survey, catalog: catalog)
        let previous = try scorings()
        let used = Set(try db.query("SELECT DISTINCT scoring_id FROM response_block WHERE survey_id = ?", survey.id) { $0.int(at: 0) ?? 0 })
        var policy = missing
        if policy == nil {
            // Only a prorate:N can have been chosen at import; answered-sum:N is a definition's own rule.
            let recorded = Set(used.flatMap { previous[$0] ?? [] }.map(\.policy)).filter { $0.hasPrefix("prorate:") }
            if recorded.count == 1, let only = recorded.first { policy = MissingPolicy(only) }
        }
        let plan = try ScoringPlan(catalog: catalog, instruments: instruments, missing: policy)
        let scales = plan.scales.map {
            ScaleScoring(scale: $0.id, instrumentVersion: $0.instrument.version, policy: $0.policy.description, hasRaw: $0.scale.conversion != nil)
        }
        let hasRaw = scales.map(\.hasRaw)

        var slotOf: [Int: (slot: Int, resolver: OptionResolver)] = [:]
        var valueText: [Int: [Int: String]] = [:]
        for question in questions {
            valueText[question.position] = question.values
            guard let item = question.item, let slot = plan.slot(of: item), let owner = catalog.owner(ofItem: item), let definition = owner.item(item)
            else { continue }
            slotOf[question.position] = (slot, OptionResolver(options: owner.options(of: definition)))
        }

        // Every block is written again with the new scores (replaced responses too, so an undo
        // puts back responses scored the same way): one UPDATE a block, in one transaction.
        let removed = try removedLocations(survey: survey.id)
        var answers = plan.slots.map { _ in ItemAnswer.missing(.blank) }
        var scores: [UInt8] = []
        var count = 0
        var changed = 0
        try write {
            let scoringID = try scoringID(scales)
            var blocks: [(id: Int, data: [UInt8])] = []
            try forEachBlock(survey: survey.id) { info, block in
                var builder = ResponseBlock.Builder()
                try block.forEachRow { row in
                    for slot in answers.indices { answers[slot] = .missing(.blank) }
                    try AnswerCoding.forEachAnswer(row.answers) { position, value in
                        guard let (slot, resolver) = slotOf[position] else { return }
                        switch value {
                        case .code(let code): answers[slot] = resolver.resolve(String(code))
                        case .missingCode(let code): answers[slot] = .missing(.missingCode(code))
                        case .invalid(let id), .value(let id): answers[slot] = resolver.resolve(valueText[position]?[id] ?? "")
                        }
                    }
                    scores.removeAll(keepingCapacity: true)
                    AnswerCoding.appendScores(plan.score(answers).map(Store.stored), hasRaw: hasRaw, to: &scores)
                    if !removed.contains(ResponseBlock.location(block: info.id, slot: row.slot)) {
                        count += 1
                        if !scores.elementsEqual(row.scores) { changed += 1 }
                    }
                    scores.withUnsafeBufferPointer { builder.append(row, scores: $0) }
                }
                blocks.append((info.id, builder.encoded()))
            }
            // Written after the scan: the scan's statement reads the blocks being replaced.
            for block in blocks {
                try db.execute("UPDATE response_block SET data = ?, scoring_id = ? WHERE id = ?", block.data, scoringID, block.id)
            }
        }
        return RescoreReport(
            survey: name, responses: count, changed: changed, scales: scales,
            previous: used.sorted().compactMap { previous[$0] }.filter { $0 != scales })
    }

    /// A scale score as stored.
    package static func stored(_ score: ScaleScore) -> AnswerCoding.StoredScore {
        AnswerCoding.StoredScore(status: storedStatus(score.status), value: score.value, raw: score.raw)
    }

    /// A scale's outcome as stored (the import's path: the same numbers as `stored(ScaleScore)`).
    package static func stored(_ outcome: ScoringPlan.Outcome) -> AnswerCoding.StoredScore {
        AnswerCoding.StoredScore(status: storedStatus(outcome.status), value: outcome.value, raw: outcome.raw)
    }

    private static func storedStatus(_ status: ScaleScore.Status) -> AnswerCoding.StoredScore.Status {
        switch status {
        case .complete: .complete
        case .prorated: .prorated
        case .answeredSum: .answeredSum
        case .incomplete: .incomplete
        case .invalid: .invalid
        }
    }
}

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
        let recorded = try db.query("""
            SELECT DISTINCT s.scales FROM scoring s JOIN response r ON r.scoring_id = s.id WHERE r.survey_id = ?
            """, survey.id) { $0.string(at: 0) ?? "" }.joined()
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
        let used = Set(try db.query("SELECT DISTINCT scoring_id FROM response WHERE survey_id = ?", survey.id) { $0.int(at: 0) ?? 0 })
        var policy = missing
        if policy == nil {
            let recorded = Set(used.flatMap { previous[$0] ?? [] }.map(\.policy)).subtracting(["complete"])
            if recorded.count == 1, let only = recorded.first { policy = MissingPolicy(only) }
        }
        let plan = try ScoringPlan(catalog: catalog, instruments: instruments, missing: policy)
        let scales = plan.scales.map { ScaleScoring(scale: $0.id, instrumentVersion: $0.instrument.version, policy: $0.policy.description, hasRaw: $0.scale.conversion != nil) }
        let hasRaw = scales.map(\.hasRaw)

        var slotOf: [Int: (slot: Int, resolver: OptionResolver)] = [:]
        var valueText: [Int: [Int: String]] = [:]
        for question in questions {
            valueText[question.position] = question.values
            guard let item = question.item, let slot = plan.slot(of: item), let owner = catalog.owner(ofItem: item), let definition = owner.item(item) else { continue }
            slotOf[question.position] = (slot, OptionResolver(options: owner.options(of: definition)))
        }

        var updates: [(id: Int, scores: [UInt8])] = []
        var count = 0
        try forEachResponse(survey: survey) { response in
            count += 1
            var answers = plan.slots.map { _ in ItemAnswer.missing(.blank) }
            try response.answers.withUnsafeBufferPointer { blob in
                try AnswerCoding.forEachAnswer(blob) { position, value in
                    guard let (slot, resolver) = slotOf[position] else { return }
                    switch value {
                    case .code(let code): answers[slot] = resolver.resolve(String(code))
                    case .missingCode(let code): answers[slot] = .missing(.missingCode(code))
                    case .invalid(let id), .value(let id): answers[slot] = resolver.resolve(valueText[position]?[id] ?? "")
                    }
                }
            }
            let scores = AnswerCoding.encodeScores(plan.score(answers).map(Store.stored), hasRaw: hasRaw)
            if scores != response.scores || previous[response.scoring] != scales { updates.append((response.id, scores)) }
        }
        let changed = try write {
            let scoringID = try scoringID(scales)
            var changed = 0
            for update in updates {
                let before = try db.scalar("SELECT scores FROM response WHERE id = ?", update.id, as: [UInt8].self)
                if before != update.scores { changed += 1 }
                try db.execute("UPDATE response SET scores = ?, scoring_id = ? WHERE id = ?", update.scores, scoringID, update.id)
            }
            return changed
        }
        return RescoreReport(survey: name, responses: count, changed: changed, scales: scales,
                             previous: used.sorted().compactMap { previous[$0] }.filter { $0 != scales })
    }

    /// A scale score as stored.
    public static func stored(_ score: ScaleScore) -> AnswerCoding.StoredScore {
        AnswerCoding.StoredScore(status: storedStatus(score.status), value: score.value, raw: score.raw)
    }

    /// A scale's outcome as stored (the import's path: the same numbers as `stored(ScaleScore)`).
    public static func stored(_ outcome: ScoringPlan.Outcome) -> AnswerCoding.StoredScore {
        AnswerCoding.StoredScore(status: storedStatus(outcome.status), value: outcome.value, raw: outcome.raw)
    }

    private static func storedStatus(_ status: ScaleScore.Status) -> AnswerCoding.StoredScore.Status {
        switch status {
        case .complete: .complete
        case .prorated: .prorated
        case .incomplete: .incomplete
        case .invalid: .invalid
        }
    }
}

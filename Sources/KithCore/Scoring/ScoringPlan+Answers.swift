extension ScoringPlan {
    /// The item ids the plan's scales read, in the plan's order.
    public var itemIDs: [String] { slots }

    /// Scores one respondent's answers, keyed by item id (`"ucla3_1": .code(2)`).
    ///
    /// An item the plan reads but `answers` does not name is missing (`.notAsked`), never zero;
    /// an id the plan does not read is an error, so a misspelt id cannot pass unnoticed.
    ///
    /// ```swift
    /// let plan = try ScoringPlan(catalog: try Catalog.builtIn(), instruments: ["ons-loneliness"])
    /// let scores = try plan.score(["ucla3_1": .code(2), "ucla3_2": .code(3), "ucla3_3": .code(2)])
    /// ```
    public func score(_ answers: [String: ItemAnswer]) throws(InstrumentError) -> [ScaleScore] {
        var slotted = emptyAnswers()
        for (item, answer) in answers {
            guard let slot = slot(of: item) else {
                let known = slots.joined(separator: ", ")
                throw InstrumentError(.unknown, "no scale of \(instrumentIDs.joined(separator: ", ")) reads item '\(item)'; its items: \(known)")
            }
            slotted[slot] = answer
        }
        return score(slotted)
    }

    /// Scores one respondent's option codes, keyed by item id (`"ucla3_1": 2`).
    public func score(codes: [String: Int]) throws(InstrumentError) -> [ScaleScore] {
        try score(codes.mapValues { ItemAnswer.code($0) })
    }

    /// The instruments planned, without repeats, in the plan's order.
    private var instrumentIDs: [String] {
        var seen = Set<String>()
        return scales.map(\.instrument.id).filter { seen.insert($0).inserted }
    }
}

/// The scales to score for a set of instruments, compiled once and then
/// applied to every response.
///
/// Answers are passed as an array indexed by *slot*: one slot per distinct
/// question, so an item and the items declared `sameAs` it (a SWEMWBS item
/// and its WEMWBS original) share one answer.
public struct ScoringPlan: Sendable {
    /// One scale to score (a class: scoring a million rows must not copy it per row).
    public final class PlannedScale: Sendable {
        /// `instrument.scale`, e.g. `swemwbs.metric`.
        public let id: String
        public let instrument: Instrument
        public let scale: Scale
        /// Answer slot of each of the scale's items, in the scale's order.
        package let slots: [Int]
        public let policy: MissingPolicy
        public let classifications: [Classification]
        let labels: [Int: String]
        /// Its place in `scales` (and in the plan's `rules`).
        let index: Int

        init(
            index: Int, id: String, instrument: Instrument, scale: Scale, slots: [Int], policy: MissingPolicy, classifications: [Classification],
            labels: [Int: String]
        ) {
            self.index = index
            self.id = id
            self.instrument = instrument
            self.scale = scale
            self.slots = slots
            self.policy = policy
            self.classifications = classifications
            self.labels = labels
        }
    }

    /// Canonical item id of each answer slot.
    package let slots: [String]
    public let scales: [PlannedScale]
    /// What a reader of the results must be told: policies applied or refused,
    /// and the licence notices of instruments that require one.
    public let notices: [String]
    private let slotOfItem: [String: Int]
    /// The scales' scoring rules in flat arrays, which `outcome` reads (ScoringPlan+Rules.swift).
    let rules: Rules

    /// - Parameters:
    ///   - instruments: ids of the instruments to score (all of their scales).
    ///   - missing: a policy that replaces each scale's own, where its definition allows proration
    ///     (`complete` always; `prorate:N` where allowed; `answered-sum:N` never, only a definition sets it).
    ///   - classifications: classification ids to apply, or `["all"]`.
    public init(catalog: Catalog, instruments ids: [String], missing: MissingPolicy? = nil, classifications: Set<String> = []) throws(InstrumentError)
    {
        var slotOfItem: [String: Int] = [:]
        var slots: [String] = []
        var scales: [PlannedScale] = []
        var notices: [String] = []
        var unusedClassifications = classifications.subtracting(["all"])
        for id in ids {
            let instrument = try catalog.instrument(id)
            for scale in instrument.scales {
                var scaleSlots: [Int] = []
                for itemID in scale.items {
                    let canonical = catalog.canonicalItem(itemID)
                    if slotOfItem[canonical] == nil {
                        slotOfItem[canonical] = slots.count
                        slots.append(canonical)
                    }
                    scaleSlots.append(slotOfItem[canonical]!)
                    if canonical != itemID { slotOfItem[itemID] = slotOfItem[canonical] }
                }
                let qualified = "\(instrument.id).\(scale.id)"
                var policy = scale.missing
                if let missing, missing != scale.missing, scale.items.count > 1 {
                    if case .answeredSum = missing {
                        notices.append(
                            "\(qualified): policy \(missing) not applied: summing the answered items is a rule a definition sets for its own scale."
                        )
                    } else if scale.proration.allowed || missing == .complete {
                        policy = missing
                        if case .prorate(let n) = missing {
                            notices.append(
                                "\(qualified): scored with up to \(n) missing item\(n == 1 ? "" : "s") prorated (policy \(missing)): "
                                    + "the mean of the answered items times \(scale.items.count)"
                                    + "\(scale.conversion == nil ? "" : ", rounded to a whole raw score (halves up) before conversion")."
                            )
                        }
                    } else {
                        notices.append(
                            "\(qualified): policy \(missing) not applied: "
                                + "the definition does not allow proration (\(scale.proration.reason ?? "no reason given"))."
                        )
                    }
                }
                let chosen = scale.classifications.filter { classifications.contains("all") || classifications.contains($0.id) }
                unusedClassifications.subtract(chosen.map(\.id))
                for classification in chosen where classification.status != .official {
                    notices.append(
                        "\(qualified): classification '\(classification.id)' is a \(classification.status.rawValue), "
                            + "not an official cut-off (\(classification.source))."
                    )
                }
                var labels: [Int: String] = [:]
                if scale.method == .single, let item = instrument.item(scale.items[0]) {
                    for option in instrument.options(of: item) { labels[option.code] = option.label }
                }
                scales.append(
                    PlannedScale(
                        index: scales.count, id: qualified, instrument: instrument, scale: scale, slots: scaleSlots, policy: policy,
                        classifications: chosen, labels: labels))
            }
            if instrument.licence.printWithResults, !notices.contains(instrument.licence.notice) {
                notices.append(instrument.licence.notice)
            }
        }
        if let unknown = unusedClassifications.sorted().first {
            let known = ids.compactMap { try? catalog.instrument($0) }.flatMap { $0.scales.flatMap { $0.classifications.map(\.id) } }
            throw InstrumentError(
                .unknown,
                "no classification '\(unknown)' in the instruments scored; available: \(known.isEmpty ? "none" : known.joined(separator: ", "))")
        }
        self.slots = slots
        self.scales = scales
        self.notices = notices
        self.slotOfItem = slotOfItem
        self.rules = Rules(scales)
    }

    /// The answer slot of an item id (its own or one it is `sameAs`).
    package func slot(of itemID: String) -> Int? { slotOfItem[itemID] }

    /// A fresh answer row: every slot `.missing(.notAsked)`.
    package func emptyAnswers() -> [ItemAnswer] { Array(repeating: .missing(.notAsked), count: slots.count) }

    /// Scores every planned scale.
    package func score(_ answers: [ItemAnswer]) -> [ScaleScore] {
        answers.withUnsafeBufferPointer { score($0) }
    }

    /// Scores every planned scale from answers in place (the import's fast path: no copy).
    package func score(_ answers: UnsafeBufferPointer<ItemAnswer>) -> [ScaleScore] {
        precondition(answers.count == slots.count, "one answer per slot")
        return scales.map { score($0, answers) }
    }

    /// Scores one scale.
    package func score(_ planned: PlannedScale, _ answers: [ItemAnswer]) -> ScaleScore {
        answers.withUnsafeBufferPointer { score(planned, $0) }
    }

    /// Scores one scale from answers in place: the ``outcome(_:_:)``, then which
    /// items were missing or invalid, the option label and the classifications.
    package func score(_ planned: PlannedScale, _ answers: UnsafeBufferPointer<ItemAnswer>) -> ScaleScore {
        let outcome = outcome(planned, answers)
        var result = ScaleScore(scale: planned.id, status: outcome.status, value: outcome.value, raw: outcome.raw, policy: planned.policy)
        if outcome.status != .complete {
            let positions = rules.positions(planned.index)
            for (index, slot) in planned.slots.enumerated() {
                switch answers[slot] {
                case .code(let code):
                    if rules.isUnscorable(positions.lowerBound + index, code) {
                        result.invalid.append(
                            ItemProblem(item: planned.scale.items[index], answer: InvalidAnswer(.outOfRange(code), text: String(code))))
                    }
                case .missing: result.missing.append(planned.scale.items[index])
                case .invalid(let answer): result.invalid.append(ItemProblem(item: planned.scale.items[index], answer: answer))
                }
            }
        }
        guard let value = outcome.value else { return result }
        if planned.scale.method == .single { result.label = planned.labels[outcome.sum] }
        result.bands = planned.classifications.compactMap { classification in
            classification.band(for: value).map {
                AssignedBand(classification: classification.id, label: $0.label, status: classification.status, source: classification.source)
            }
        }
        return result
    }
}

extension ScoringPlan {
    /// What a scale's answers come to, allocating nothing (the import scores a
    /// million rows this way): its status, value and raw sum, as in ``ScaleScore``.
    package struct Outcome: Sendable, Hashable {
        package var status: ScaleScore.Status
        package var value: Double?
        /// The raw sum before conversion, for scales with a conversion table.
        package var raw: Double?
        /// The sum of the answered items' codes (not their scores: a single item's label is found by it).
        package var sum: Int

        init(status: ScaleScore.Status, value: Double? = nil, raw: Double? = nil, sum: Int) {
            self.status = status
            self.value = value
            self.raw = raw
            self.sum = sum
        }
    }

    /// The scoring rules of every planned scale, in flat arrays: scoring a row
    /// reads them without touching a `PlannedScale` (each touch of a class
    /// instance is an atomic reference count, and the import scores millions).
    struct Rules: Sendable {
        /// Every scale's answer slots, one scale after another; scale i's end at `slotEnds[i]`.
        private var slots: [Int] = []
        private var slotEnds: [Int] = []
        /// Missing items a scale may leave out; -1 when it needs every item.
        private var maxMissing: [Int] = []
        /// Whether a scale with missing items is prorated (else it is the sum of the answered items).
        private var prorates: [Bool] = []
        private var single: [Bool] = []
        /// Option scores of items whose options score other than their codes, dense from the
        /// lowest code: slot position p's from `scoreStarts[p]` (-1: the code is the score),
        /// codes from `scoreLows[p]`; nil where a code is not an option.
        private var scores: [Int?] = []
        private var scoreStarts: [Int] = []
        private var scoreEnds: [Int] = []
        private var scoreLows: [Int] = []
        /// Conversion tables, dense from their lowest raw score: scale i's from
        /// `conversionStarts[i]` to `conversionStarts[i + 1]`, raw scores from `conversionLows[i]`.
        private var conversions: [Double?] = []
        private var conversionStarts: [Int] = [0]
        private var conversionLows: [Int] = []

        init(_ scales: [PlannedScale]) {
            for planned in scales {
                slots += planned.slots
                slotEnds.append(slots.count)
                maxMissing.append(planned.policy == .complete ? -1 : planned.policy.maxMissing)
                if case .prorate = planned.policy { prorates.append(true) } else { prorates.append(false) }
                for itemID in planned.scale.items {
                    let options = planned.instrument.item(itemID).map { planned.instrument.options(of: $0) } ?? []
                    guard options.contains(where: { $0.score != nil }), let low = options.map(\.code).min(), let high = options.map(\.code).max()
                    else {
                        scoreStarts.append(-1)
                        scoreEnds.append(-1)
                        scoreLows.append(0)
                        continue
                    }
                    var dense = [Int?](repeating: nil, count: high - low + 1)
                    for option in options { dense[option.code - low] = option.value }
                    scoreStarts.append(scores.count)
                    scores += dense
                    scoreEnds.append(scores.count)
                    scoreLows.append(low)
                }
                single.append(planned.scale.method == .single)
                let table = planned.scale.method == .sum ? planned.scale.conversion?.table ?? [] : []
                let low = table.map(\.raw).min() ?? 0
                let high = table.map(\.raw).max() ?? -1
                var dense = [Double?](repeating: nil, count: high - low + 1)
                for entry in table where dense[entry.raw - low] == nil { dense[entry.raw - low] = entry.value } // the first of repeated raws
                conversions += dense
                conversionStarts.append(conversions.count)
                conversionLows.append(low)
            }
        }

        /// Scale `index`'s outcome (see ``ScoringPlan/outcome(_:_:)``).
        func outcome(_ index: Int, _ answers: UnsafeBufferPointer<ItemAnswer>) -> Outcome {
            var sum = 0
            var codes = 0
            var answered = 0
            var missing = 0
            var invalid = 0
            for position in positions(index) {
                switch answers[slots[position]] {
                case .code(let code):
                    codes += code
                    answered += 1
                    if let score = score(position, code) { sum += score } else { invalid += 1 }
                case .missing: missing += 1
                case .invalid: invalid += 1
                }
            }
            guard invalid == 0 else { return Outcome(status: .invalid, sum: codes) }
            var status = ScaleScore.Status.complete
            var raw = Double(sum)
            if missing > 0 {
                guard missing <= maxMissing[index], answered > 0 else { return Outcome(status: .incomplete, sum: codes) }
                if prorates[index] {
                    status = .prorated
                    raw = Double(sum) * Double(answered + missing) / Double(answered)
                } else {
                    status = .answeredSum
                }
            }
            let start = conversionStarts[index]
            let end = conversionStarts[index + 1]
            guard !single[index], start < end else { return Outcome(status: status, value: raw, sum: codes) }
            let whole = Int(raw.rounded(.toNearestOrAwayFromZero))
            let at = start + whole - conversionLows[index]
            return Outcome(status: status, value: at >= start && at < end ? conversions[at] : nil, raw: Double(whole), sum: codes)
        }

        /// What an answer code at slot position `position` counts for: its option's score, the
        /// code itself for items whose codes are their scores, nil for a code that is not an option.
        @inline(__always) func score(_ position: Int, _ code: Int) -> Int? {
            let start = scoreStarts[position]
            guard start >= 0 else { return code }
            let at = start + code - scoreLows[position]
            guard at >= start, at < scoreEnds[position] else { return nil }
            return scores[at]
        }

        /// The slot positions of scale `index`, in `slots`.
        func positions(_ index: Int) -> Range<Int> { (index == 0 ? 0 : slotEnds[index - 1])..<slotEnds[index] }

        /// Whether `code` at slot position `position` has no score: an item scored by its options' scores
        /// was given a code that is not one of them.
        func isUnscorable(_ position: Int, _ code: Int) -> Bool { score(position, code) == nil }
    }

    /// The status, value and raw sum of one scale: invalid answers make it
    /// invalid; missing ones make it incomplete unless the policy prorates
    /// (the mean of the answered items times the item count, rounded half up
    /// to a whole raw score before a conversion table) or sums the answered items.
    package func outcome(_ planned: PlannedScale, _ answers: UnsafeBufferPointer<ItemAnswer>) -> Outcome {
        rules.outcome(planned.index, answers)
    }

    /// The outcome of the plan's scale number `index` (the import's path: no `PlannedScale` touched).
    package func outcome(scale index: Int, _ answers: UnsafeBufferPointer<ItemAnswer>) -> Outcome {
        rules.outcome(index, answers)
    }
}

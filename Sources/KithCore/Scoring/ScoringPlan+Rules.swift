extension ScoringPlan {
    /// What a scale's answers come to, allocating nothing (the import scores a
    /// million rows this way): its status, value and raw sum, as in ``ScaleScore``.
    package struct Outcome: Sendable, Hashable {
        package var status: ScaleScore.Status
        package var value: Double?
        /// The raw sum before conversion, for scales with a conversion table.
        package var raw: Double?
        /// The sum of the answered items' codes.
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
        /// Missing items a scale may prorate; -1 when it needs every item.
        private var maxMissing: [Int] = []
        private var single: [Bool] = []
        /// Conversion tables, dense from their lowest raw score: scale i's from
        /// `conversionStarts[i]` to `conversionStarts[i + 1]`, raw scores from `conversionLows[i]`.
        private var conversions: [Double?] = []
        private var conversionStarts: [Int] = [0]
        private var conversionLows: [Int] = []

        init(_ scales: [PlannedScale]) {
            for planned in scales {
                slots += planned.slots
                slotEnds.append(slots.count)
                if case .prorate(let allowed) = planned.policy { maxMissing.append(allowed) } else { maxMissing.append(-1) }
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
            var answered = 0
            var missing = 0
            var invalid = 0
            for position in (index == 0 ? 0 : slotEnds[index - 1])..<slotEnds[index] {
                switch answers[slots[position]] {
                case .code(let code):
                    sum += code
                    answered += 1
                case .missing: missing += 1
                case .invalid: invalid += 1
                }
            }
            guard invalid == 0 else { return Outcome(status: .invalid, sum: sum) }
            var status = ScaleScore.Status.complete
            var raw = Double(sum)
            if missing > 0 {
                guard missing <= maxMissing[index], answered > 0 else { return Outcome(status: .incomplete, sum: sum) }
                status = .prorated
                raw = Double(sum) * Double(answered + missing) / Double(answered)
            }
            let start = conversionStarts[index]
            let end = conversionStarts[index + 1]
            guard !single[index], start < end else { return Outcome(status: status, value: raw, sum: sum) }
            let whole = Int(raw.rounded(.toNearestOrAwayFromZero))
            let at = start + whole - conversionLows[index]
            return Outcome(status: status, value: at >= start && at < end ? conversions[at] : nil, raw: Double(whole), sum: sum)
        }
    }

    /// The status, value and raw sum of one scale: invalid answers make it
    /// invalid; missing ones make it incomplete unless the policy prorates
    /// (the mean of the answered items times the item count, rounded half up
    /// to a whole raw score before a conversion table).
    package func outcome(_ planned: PlannedScale, _ answers: UnsafeBufferPointer<ItemAnswer>) -> Outcome {
        rules.outcome(planned.index, answers)
    }

    /// The outcome of the plan's scale number `index` (the import's path: no `PlannedScale` touched).
    package func outcome(scale index: Int, _ answers: UnsafeBufferPointer<ItemAnswer>) -> Outcome {
        rules.outcome(index, answers)
    }
}

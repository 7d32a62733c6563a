/// One respondent's result on one scale.
public struct ScaleScore: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// Every item answered: `value` holds the score.
        case complete
        /// Some items unanswered, scored under a proration policy: `value` holds the prorated score.
        case prorated
        /// Some items unanswered, scored as the definition's `answered-sum:N` rule says: `value`
        /// holds the sum of the answered items (not prorated); `missing` says which were not.
        case answeredSum = "answered-sum"
        /// Some items unanswered: no score (`missing` says which).
        case incomplete
        /// Some answers are not options of their items: no score (`invalid` says which).
        case invalid
    }

    /// Qualified scale id, e.g. `ons-loneliness.ucla3`.
    public var scale: String
    public var status: Status
    /// The score: a sum, a converted value, or a single item's code.
    public var value: Double?
    /// The raw sum before conversion, for scales with a conversion table.
    public var raw: Double?
    /// The option label, for single-item scales.
    public var label: String?
    /// Unanswered items, by id, in the scale's order.
    public var missing: [String]
    /// Answers that are not options of their items.
    public var invalid: [ItemProblem]
    /// The missing-answer policy applied.
    public var policy: MissingPolicy
    /// Requested classifications of the value.
    public var bands: [AssignedBand]

    public init(
        scale: String, status: Status, value: Double? = nil, raw: Double? = nil, label: String? = nil,
        missing: [String] = [], invalid: [ItemProblem] = [], policy: MissingPolicy = .complete, bands: [AssignedBand] = []
    ) {
        self.scale = scale
        self.status = status
        self.value = value
        self.raw = raw
        self.label = label
        self.missing = missing
        self.invalid = invalid
        self.policy = policy
        self.bands = bands
    }

    /// Whether the scale has a value (complete, prorated or an answered sum).
    public var isScored: Bool { value != nil }
}

/// An answer to an item that is not one of its options.
public struct ItemProblem: Sendable, Hashable, CustomStringConvertible {
    public var item: String
    public var answer: InvalidAnswer
    public init(item: String, answer: InvalidAnswer) {
        self.item = item
        self.answer = answer
    }
    public var description: String { "\(item): \(answer)" }
}

/// A score's band under a named classification.
public struct AssignedBand: Sendable, Hashable {
    public var classification: String
    public var label: String
    public var status: Classification.Status
    public var source: String
    public init(classification: String, label: String, status: Classification.Status, source: String) {
        self.classification = classification
        self.label = label
        self.status = status
        self.source = source
    }
}

/// Statistical disclosure control applied to every count Kith publishes, as a
/// named policy printed with every output.
///
/// - `none`: every count as it is.
/// - `min5`: counts 1–4 shown as "<5" (zeros are shown). Statistics (mean,
///   median, SD, intervals) of fewer than 5 people are withheld.
/// - `nhs`: the NHS Digital rule — counts 1–7 shown as `*`, every other count
///   rounded to the nearest 5, percentages computed from the rounded counts,
///   no mean or median from fewer than 8 people.
/// - `min10`: the ONS / secure-research rule — counts under 10, including zero,
///   withheld; statistics of fewer than 10 people withheld.
///
/// Primary suppression is followed by complementary suppression (see
/// `ProtectedTable`) so that no hidden count can be worked out from the
/// totals that are shown.
public enum DisclosurePolicy: String, Sendable, Hashable, CaseIterable {
    case none, min5, nhs, min10

    /// Counts below this are hidden (`0` hides nothing).
    package var threshold: Int {
        switch self {
        case .none: 0
        case .min5: 5
        case .nhs: 8
        case .min10: 10
        }
    }

    /// Whether a zero count is hidden too.
    package var hidesZero: Bool { self == .min10 }

    /// Counts shown are rounded to a multiple of this (1: not rounded).
    package var rounding: Int { self == .nhs ? 5 : 1 }

    /// What a hidden small count is shown as.
    package var marker: String {
        switch self {
        case .none: ""
        case .min5: "<5"
        case .nhs: "*"
        case .min10: "<10"
        }
    }

    /// What a count hidden only to protect another is shown as.
    package var complementaryMarker: String { self == .nhs ? "*" : "c" }

    /// Means, medians, SDs and intervals need at least this many people.
    package var minimumForStatistics: Int { threshold }

    /// Whether a count is hidden by primary suppression.
    package func hides(_ count: Int) -> Bool {
        guard self != .none else { return false }
        return count == 0 ? hidesZero : count < threshold
    }

    /// A count as shown (rounded under `nhs`).
    package func shown(_ count: Int) -> Int {
        guard rounding > 1 else { return count }
        return Int((Double(count) / Double(rounding)).rounded(.toNearestOrAwayFromZero)) * rounding
    }

    /// One line for every output: what was done to the numbers.
    public var statement: String {
        switch self {
        case .none: "Disclosure control: none (all counts shown as they are)."
        case .min5:
            "Disclosure control: min5 — counts of 1 to 4 are shown as \"<5\"; further counts marked \"c\" are withheld so the hidden ones cannot "
                + "be worked out from totals; no statistics from fewer than 5 people."
        case .nhs:
            "Disclosure control: nhs (NHS Digital rule) — counts of 1 to 7 are shown as \"*\", other counts are rounded to the nearest 5 and "
                + "percentages are computed from the rounded counts; further counts are withheld (\"*\") so hidden ones cannot be worked out; no "
                + "mean or median from fewer than 8 people."
        case .min10:
            "Disclosure control: min10 — counts under 10, including zero, are shown as \"<10\"; further counts marked \"c\" are withheld so the "
                + "hidden ones cannot be worked out from totals; no statistics from fewer than 10 people."
        }
    }
}
